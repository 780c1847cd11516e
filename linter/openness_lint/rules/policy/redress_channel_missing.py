"""RPT004: the channels take vulnerability reports, but nothing invites reports of harm."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis.policy import channels
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule


@rule("RPT004")
def redress_channel_missing(ctx: Context) -> Iterator[Violation]:
    found = channels.reporting(ctx)
    if not found.channels or found.redress:
        return
    first = found.channels[0]
    where = ", ".join(sorted({c.path for c in found.channels}))
    scope = ("cover only security vulnerabilities" if channels.only_security(found.channels)
             else "do not say they take reports of harm")
    yield Violation(
        f"the reporting channels ({where}) {scope}: no use policy, card or security policy tells people "
        "affected by the model where to report misuse, harmful outputs or wrong model behaviour",
        first.path, first.line)
