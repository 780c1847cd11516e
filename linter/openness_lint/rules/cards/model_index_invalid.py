"""CRD003: the model-index (evaluation results in card metadata) is malformed."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis import cards
from openness_lint.analysis.cards import model_index_problems
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule


@rule("CRD003")
def model_index_invalid(ctx: Context) -> Iterator[Violation]:
    for card in cards.cards(ctx):
        for message, line in model_index_problems(card):
            yield Violation(message, card.path, line)
