"""RPT002: a release without weights or a model card has no reporting channel."""

from __future__ import annotations

from typing import Iterator

from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule
from openness_lint.rules.policy._shared import needs_channel, no_channel


@rule("RPT002")
def reporting_channel_suggested(ctx: Context) -> Iterator[Violation]:
    found = None if needs_channel(ctx) else no_channel(ctx)
    if found is not None:
        yield found
