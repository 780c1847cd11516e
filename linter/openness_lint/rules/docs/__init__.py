"""Documentation rules (DOC): citations, publications and links.

Also the one place that reads links out of markdown, for these rules and
for the publication detectors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from openness_lint import cards

if TYPE_CHECKING:
    from openness_lint.engine import Context

_TARGET = r"(<[^<>\n]*>|(?:[^\s()<>]|\([^\s()]*\))+)"
_TITLE = r"""(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()]*\)))?"""
INLINE = re.compile(r"!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*" + _TARGET + _TITLE + r"\s*\)")
USAGE = re.compile(r"(?<![\]\\])\[([^\[\]]+)\]\[([^\[\]]*)\]")
DEFINITION = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*" + _TARGET)
HTML = re.compile(r"<(?:a|img|source|video|audio)\b[^<>]*?\s(?:href|src)\s*=\s*(\"[^\"<>]*\"|'[^'<>]*')", re.IGNORECASE)


@dataclass(frozen=True)
class Link:
    label: str
    target: str
    line: int
    column: int  # 1-based column of the target, or of the label for a reference
    reference: bool = False  # `[label][ref]`: its target is checked at the definition


def links(lines: list[cards.Line]) -> list[Link]:
    """Inline links and images, reference definitions and uses, and HTML
    href/src, outside code blocks, code spans and HTML comments."""
    found = []
    texts = [(line.number, cards.prose(line)) for line in lines]
    definitions = {m.group(1).lower(): m.group(2).strip("<>") for _, text in texts
                   for m in [DEFINITION.match(text)] if m}
    for number, text in texts:
        for match in USAGE.finditer(text):
            target = definitions.get((match.group(2) or match.group(1)).lower(), "")
            found.append(Link(match.group(1), target, number, match.start() + 2, reference=True))
        matches = [*INLINE.finditer(text), *filter(None, [DEFINITION.match(text)])]
        for match in matches:
            target = match.group(2)
            column = match.start(2) + 1 + target.startswith("<")
            found.append(Link(match.group(1), target.strip("<>"), number, column))
        for match in HTML.finditer(text):
            found.append(Link("", match.group(1)[1:-1], number, match.start(1) + 2))
    return found


def documents(ctx: Context) -> list[tuple[str, list[cards.Line]]]:
    """Every card and README, as (path, body lines after any front matter)."""
    return ctx.analysis("documents", _documents)


def _documents(ctx: Context) -> list[tuple[str, list[cards.Line]]]:
    by_path = {card.path: card.body for card in cards.cards(ctx)}
    for entry in cards.readmes(ctx):
        if entry.path not in by_path:
            text = ctx.text(entry.path)
            if text is not None:
                by_path[entry.path] = cards.body_lines(text, cards.parse_front_matter(text).body_line)
    return sorted(by_path.items())
