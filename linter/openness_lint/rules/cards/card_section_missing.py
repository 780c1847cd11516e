"""CRD004: a card lacks a section its kind of card needs."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis import cards
from openness_lint.catalog import sections
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule
from openness_lint.rules.cards._shared import anchor_line, component


def missing_sections(card: cards.Card) -> list[sections.SectionSpec]:
    """Required sections that no heading matches and no metadata key covers."""
    keys = set(map(str, card.meta))
    return [spec for spec in sections.section_sets()[card.kind]
            if not keys & set(spec.keys) and sections.find_section(card.headings, spec) is None]


@rule("CRD004")
def card_section_missing(ctx: Context) -> Iterator[Violation]:
    for card in cards.cards(ctx):
        for spec in missing_sections(card):
            yield Violation(
                f"{card.kind} card has no {spec.title.lower()} section", card.path, anchor_line(card),
                component=component(card), fix=f"Add a `## {spec.title}` section to {card.path}.")
