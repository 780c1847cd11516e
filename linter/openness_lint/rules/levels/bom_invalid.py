"""LVL010: a BOM of the repository that cannot be read."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis import bomfiles
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule


@rule("LVL010")
def bom_invalid(ctx: Context) -> Iterator[Violation]:
    for found in bomfiles.bom_files(ctx):
        if found.problem is not None:
            message, line = found.problem
            yield Violation(message, found.path, line)
