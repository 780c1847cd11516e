"""CRD005: a card still holds template placeholder text."""

from __future__ import annotations

import functools
from typing import Iterator

from openness_lint.analysis import cards
from openness_lint.catalog import datacache, sections
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule
from openness_lint.rules.cards._shared import component
from openness_lint.text import markdown

# Character classes that stop at the next opening mark keep these linear on
# hostile lines such as a megabyte of "{{" or "[".
TEMPLATE_VARIABLE = datacache.regex(r"\{\{[^{}]*\}\}|\{%[^{}%]*%\}")
LINK = datacache.regex(r"!?\[([^\[\]]*)\]\([^()]*\)")


@functools.lru_cache(maxsize=None)
def phrases() -> tuple[str, ...]:
    data = sections.sections_data()
    return tuple(p.lower() for p in sections.strings(data.get("placeholders"), data, "placeholders"))


def placeholder_in(text: str) -> tuple[str, int | None] | None:
    """The placeholder found in one line of prose and its column, if known."""
    lowered = text.lower()
    variable = TEMPLATE_VARIABLE.search(text)
    if variable:
        return variable.group(), variable.start() + 1
    for phrase in phrases():
        if phrase in lowered:
            start = lowered.index(phrase)
            return text[start:start + len(phrase)], start + 1
    plain = LINK.sub(r"\1", lowered)  # stock sentences often wrap words in links
    return next(((phrase, None) for phrase in phrases() if phrase in plain), None)


@rule("CRD005")
def card_placeholder_text(ctx: Context) -> Iterator[Violation]:
    for card in cards.cards(ctx):
        for line in card.body:
            found = placeholder_in(markdown.prose(line))
            if found:
                yield Violation(f"template placeholder left in the card: {found[0]!r}", card.path,
                                line.number, found[1], component=component(card))
