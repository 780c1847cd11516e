"""Use policy (AUP) and reporting channel (RPT) rules.

Also what RPT001 and RPT002 share: whether a release must have a channel,
and the finding for a release that has none.
"""

from __future__ import annotations

from openness_lint.analysis import cards, evidence
from openness_lint.analysis.policy import channels
from openness_lint.context import Context
from openness_lint.finding import Violation

CHANNEL = "reporting-channel"


def needs_channel(ctx: Context) -> bool:
    """A release with weights or a model card, or a config that requires a channel."""
    return (CHANNEL in ctx.config.require or bool(evidence.weight_files(ctx))
            or any(card.kind == "model" for card in cards.cards(ctx)))


def no_channel(ctx: Context) -> Violation | None:
    """The finding for a release without a channel, naming what is not one."""
    found = channels.reporting(ctx)
    if found.channels:
        return None
    message = ("no reporting channel: nothing gives an email address, a URL or an issue form "
               "where people can report vulnerabilities, misuse or harmful outputs")
    if not found.not_channels:
        return Violation(message)
    # a code of conduct first: it is the one people most often take for a channel
    notes = sorted(found.not_channels, key=lambda n: ("code of conduct" not in n.why, n.path, n.line or 0))
    return Violation(f"{message}; " + "; ".join(n.why for n in notes), notes[0].path, notes[0].line)
