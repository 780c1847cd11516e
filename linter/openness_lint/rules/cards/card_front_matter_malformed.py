"""CRD001: a card's front matter is not a valid YAML mapping."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis import cards
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule
from openness_lint.rules.cards._shared import component


@rule("CRD001")
def front_matter_malformed(ctx: Context) -> Iterator[Violation]:
    for card in cards.cards(ctx):
        if card.front.problem:
            yield Violation(card.front.problem, card.path, card.front.problem_line, component=component(card))
