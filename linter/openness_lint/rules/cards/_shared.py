"""Card rules (CRD): front matter, metadata, sections and placeholders."""

from __future__ import annotations

from openness_lint.analysis.cards import Card
from openness_lint.text.frontmatter import split_lines


def component(card: Card) -> str:
    """The component a finding about this card belongs to."""
    return "model-card" if card.kind == "model" else "data-card"


def anchor_line(card: Card) -> int:
    """Where a finding about the whole card points: its title, else the
    first line after the front matter (never past the end of the file)."""
    if card.headings:
        return card.headings[0].line
    return max(1, min(card.front.body_line, len(split_lines(card.text))))
