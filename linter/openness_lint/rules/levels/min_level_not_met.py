"""LVL001: the release is below the configured minimum level."""

from __future__ import annotations

from typing import Iterator

from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.levels import evaluate
from openness_lint.levels.inputs import reasons
from openness_lint.registry import rule


@rule("LVL001")
def min_level_not_met(ctx: Context) -> Iterator[Violation]:
    passed, required, missing = evaluate.gate(ctx)
    if passed:
        return
    graded = evaluate.grade(ctx)[ctx.config.min_level[0]]
    achieved = graded.framework.level_name(graded.result.achieved)
    needed = graded.framework.level_name(required)
    config = ctx.config
    yield Violation(
        f"{graded.framework.name}: the release reaches {achieved} but {needed} is required; "
        f"missing for {needed}: {reasons(missing) if missing else 'see the level report'}",
        None if config.min_level_from_cli else config.source,
        None if config.min_level_from_cli else config.lines.get("min-level"))
