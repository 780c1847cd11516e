"""CRD008: the release has neither a model card nor a data card."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis import cards
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule


@rule("CRD008")
def card_missing(ctx: Context) -> Iterator[Violation]:
    if not cards.cards(ctx):
        yield Violation("no model card or data card: no README.md with card metadata or card sections, "
                        "and no MODEL_CARD.md, DATA_CARD.md or datasheet.md")
