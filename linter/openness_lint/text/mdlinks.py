"""Links in Markdown, from markdown-it's tokens, with the line and column
where each target is written: inline links and images, reference
definitions and their uses, and HTML href/src outside code."""

from __future__ import annotations

import re
from typing import NamedTuple
from urllib.parse import unquote

CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
_DEFINITION = re.compile(r"\s{0,3}\[([^\]]+)\]:")
_HTML = re.compile(r"<(?:a|img|source|video|audio)\b[^<>]*?\s(?:href|src)\s*=\s*(\"[^\"<>]*\"|'[^'<>]*')",
                   re.IGNORECASE)


class Link(NamedTuple):
    label: str
    target: str
    line: int
    column: int | None  # 1-based column of the target, when it can be found in the line
    reference: bool = False  # `[label][ref]`: its target is checked at the definition
    image: bool = False


def _find(lines: list[str], rows: range, needle: str, start: tuple[int, int]) -> tuple[int, int] | None:
    """(row, column) of needle in the rows, at or after start."""
    for row in rows:
        if row < start[0]:
            continue
        column = lines[row].find(needle, start[1] if row == start[0] else 0)
        if column >= 0:
            return row, column
    return None


def _target_spot(lines: list[str], rows: range, target: str, cursor: tuple[int, int]) -> tuple[int, int] | None:
    """Where `target` is written as a destination, `(target` or `(<target`,
    rather than in a label that repeats it: `[a.md](a.md)`."""
    for opener in ("(", "(<", "( "):
        spot = _find(lines, rows, opener + target, cursor)
        if spot:
            return spot[0], spot[1] + len(opener)
    return _find(lines, rows, target, cursor)


def links_of(tokens: list, env: dict, lines: list[str], code: set[int], first: int) -> list[Link]:
    found = []
    for token in tokens:
        if token.type != "inline" or not token.map:
            continue
        rows = range(token.map[0], token.map[1])
        cursor = (token.map[0], 0)
        children = token.children or []
        for position, child in enumerate(children):
            if child.type not in ("link_open", "image"):
                continue
            target = child.attrGet("href" if child.type == "link_open" else "src") or ""
            label = child.content if child.type == "image" else _label_after(children, position)
            spot = None
            for form in dict.fromkeys((unquote(target), target, target.replace("%20", " "))):
                spot = _target_spot(lines, rows, form, cursor) if form else None
                if spot:
                    target = form  # as written: markdown-it percent-encodes
                    break
            if spot is None:  # `[label][ref]`: no target in the text here
                spot = _find(lines, rows, label, cursor) if label else None
                row = spot[0] if spot else token.map[0]
                found.append(Link(label, target, first + row, spot[1] + 1 if spot else None, reference=True,
                                  image=child.type == "image"))
                continue
            wraps_image = child.type == "link_open" and position + 1 < len(children) \
                and children[position + 1].type == "image"
            if not wraps_image:  # a badge's link target comes after its image's
                cursor = (spot[0], spot[1] + len(target))
            found.append(Link(label, target, first + spot[0], spot[1] + 1, image=child.type == "image"))
    for label, definition in env.get("references", {}).items():
        row = (definition.get("map") or [0])[0]
        target = unquote(definition.get("href", ""))
        source = lines[row] if row < len(lines) else ""
        column = source.find(target)
        written = _DEFINITION.match(source)  # markdown-it upper-cases the label
        found.append(Link(written.group(1) if written else label, target, first + row,
                          column + 1 if column >= 0 else None))
    found += _html_links(lines, code, first)
    return sorted(found, key=lambda link: (link.line, link.column or 0))


def _label_after(children: list, position: int) -> str:
    parts = []
    for child in children[position + 1:]:
        if child.type == "link_close":
            break
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def _html_links(lines: list[str], code: set[int], first: int) -> list[Link]:
    """href and src in HTML, blocks and inline, outside code."""
    text = "\n".join("" if i in code else CODE_SPAN.sub(lambda m: " " * len(m.group()), line)
                     for i, line in enumerate(lines))
    found = []
    for match in _HTML.finditer(text):
        row = text.count("\n", 0, match.start(1))
        column = match.start(1) - (text.rfind("\n", 0, match.start(1)) + 1) + 2
        found.append(Link("", match.group(1)[1:-1], first + row, column))
    return found


