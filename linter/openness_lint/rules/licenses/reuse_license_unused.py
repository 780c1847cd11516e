"""LIC010: a REUSE LICENSES/ text that no declaration uses."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis.licensing import classify, declarations
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule


def used_ids(ctx: Context) -> set[str]:
    used: set[str] = set()
    for item in declarations.find(ctx):
        if item.source != "reuse-text" and item.license:
            used.update(classify.keys(item.license))
    return used


@rule("LIC010")
def reuse_license_unused(ctx: Context) -> Iterator[Violation]:
    used = used_ids(ctx)
    for item in declarations.find(ctx):
        if item.source == "reuse-text" and item.said not in used:
            yield Violation(f"LICENSES/ holds {item.said}, but no file or metadata declares it", item.path)
