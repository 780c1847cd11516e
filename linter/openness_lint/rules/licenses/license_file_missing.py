"""LIC001: the repository has no license file for its code."""

from __future__ import annotations

from typing import Iterator

from openness_lint.engine import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule


@rule("LIC001")
def license_file_missing(ctx: Context) -> Iterator[Violation]:
    if not ctx.components["code-license"].present:
        yield Violation("no license file at the repository root (LICENSE, LICENCE, COPYING or LICENSES/)")
