"""RPT001: a release with weights or a model card has no reporting channel."""

from __future__ import annotations

from typing import Iterator

from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule
from openness_lint.rules.policy._shared import needs_channel, no_channel


@rule("RPT001")
def reporting_channel_missing(ctx: Context) -> Iterator[Violation]:
    found = no_channel(ctx) if needs_channel(ctx) else None
    if found is not None:
        yield found
