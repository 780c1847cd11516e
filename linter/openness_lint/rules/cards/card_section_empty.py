"""CRD006: a card section has a heading and nothing under it."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis import cards
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule
from openness_lint.rules.cards._shared import component
from openness_lint.text import markdown


def empty_sections(card: cards.Card) -> list[markdown.Heading]:
    """Headings with no text (HTML comments do not count) and no subsections."""
    found = []
    for position, heading in enumerate(card.headings):
        following = card.headings[position + 1] if position + 1 < len(card.headings) else None
        if following is not None and following.level > heading.level:
            continue
        if not any(line.text.strip() for line in card.section(heading)):
            found.append(heading)
    return found


@rule("CRD006")
def card_section_empty(ctx: Context) -> Iterator[Violation]:
    for card in cards.cards(ctx):
        for heading in empty_sections(card):
            yield Violation(f"section {heading.title!r} is empty", card.path, heading.line,
                            component=component(card))
