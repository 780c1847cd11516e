"""LVL005: the release manifest cannot be read as a MOT model file."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis import manifest
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule


@rule("LVL005")
def manifest_invalid(ctx: Context) -> Iterator[Violation]:
    found = manifest.load(ctx)
    for message, line in found.problems if found else ():
        yield Violation(message, found.path, line)
