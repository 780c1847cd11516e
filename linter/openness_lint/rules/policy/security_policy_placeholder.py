"""RPT005: a security policy still holds template text."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis.policy import channels
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule


@rule("RPT005")
def security_policy_placeholder(ctx: Context) -> Iterator[Violation]:
    found = channels.reporting(ctx)
    if not found.channels:
        return  # RPT001 or RPT002 reports the file, and that nothing else is a channel either
    for path, line in found.placeholders:
        yield Violation(f"{path} still holds template text instead of saying where and how to report",
                        path, line)
