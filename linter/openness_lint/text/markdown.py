"""Markdown bodies, read as GitHub and the Hugging Face Hub render them.

A CommonMark parser (markdown-it-py, with tables) reads each body once;
from its tokens come the code lines (fences and indented code), the
headings (ATX, setext, and bold labels at the start of a paragraph, such as
`**Out-of-scope Uses**` or `**Feedback:**`), the links and images with
their reference definitions, and the tables. Code blocks and code spans
hold no links and no headings. Every answer keeps the file's own line
numbers; HTML comments are blanked, so columns still match the file.
"""

from __future__ import annotations

import functools
import re
from typing import Any, NamedTuple
from urllib.parse import unquote

from markdown_it import MarkdownIt

from openness_lint.text.frontmatter import split_lines

_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
_DEFINITION = re.compile(r"\s{0,3}\[([^\]]+)\]:")
_HTML = re.compile(r"<(?:a|img|source|video|audio)\b[^<>]*?\s(?:href|src)\s*=\s*(\"[^\"<>]*\"|'[^'<>]*')",
                   re.IGNORECASE)
# A bold label is a heading when it is short.
LABEL_WORDS = 8
LABEL_LEVEL = 7  # below every real heading: a label's section ends at the next heading or label


class Line(NamedTuple):
    number: int
    text: str  # HTML comments blanked with spaces, so columns still match the file
    code: bool = False  # inside a fenced or indented code block, or a fence line itself


class Heading(NamedTuple):
    level: int  # 1-6, or LABEL_LEVEL for a bold label
    title: str
    line: int
    span: int = 1  # lines the heading takes: 2 for setext, 0 for a label with text after it

    @property
    def words(self) -> str:
        return normalise_heading(self.title)


class Link(NamedTuple):
    label: str
    target: str
    line: int
    column: int | None  # 1-based column of the target, when it can be found in the line
    reference: bool = False  # `[label][ref]`: its target is checked at the definition
    image: bool = False


class Table(NamedTuple):
    line: int  # the header row
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (line, cells)


class Parsed(NamedTuple):
    lines: tuple[Line, ...]
    headings: tuple[Heading, ...]
    links: tuple[Link, ...]
    tables: tuple[Table, ...]


@functools.lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def _blank_comments(text: str, inside: bool) -> tuple[str, bool]:
    out, i = [], 0
    while i < len(text):
        marker = "-->" if inside else "<!--"
        found = text.find(marker, i)
        stop = len(text) if found < 0 else found + (len(marker) if inside else 0)
        out.append(" " * (stop - i) if inside else text[i:stop])
        if found < 0:
            break
        i, inside = stop, not inside
    return "".join(out), inside


def _visible(raw_lines: list[str]) -> list[str]:
    found, comment = [], False
    for raw in raw_lines:
        visible, comment = _blank_comments(raw, comment)
        found.append(visible)
    return found


def _inline_text(token: Any) -> str:
    parts = []
    for child in token.children or ():
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts).strip()


@functools.lru_cache(maxsize=128)
def parse(text: str, first: int = 1) -> Parsed:
    """The body that starts at line ``first`` of a file (the lines of ``text``)."""
    visible = _visible(split_lines(text))
    env: dict = {}
    tokens = _parser().parse("\n".join(visible), env)
    code: set[int] = set()
    for token in tokens:
        if token.type in ("fence", "code_block") and token.map:
            code.update(range(token.map[0], token.map[1]))
    lines = tuple(Line(first + i, line, i in code) for i, line in enumerate(visible))
    return Parsed(lines, tuple(_headings(tokens, first)), tuple(_links(tokens, env, visible, code, first)),
                  tuple(_tables(tokens, first)))


def _headings(tokens: list, first: int) -> list[Heading]:
    found = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.map:
            span = token.map[1] - token.map[0] if token.markup in ("=", "-") else 1
            found.append(Heading(int(token.tag[1]), _inline_text(tokens[index + 1]), first + token.map[0], span))
        elif token.type == "paragraph_open" and token.map and tokens[index + 1].type == "inline":
            label = _label(tokens[index + 1], token.map[1] - token.map[0])
            if label:
                found.append(Heading(LABEL_LEVEL, label[0], first + token.map[0], label[1]))
    return found


def _label(inline: Any, height: int) -> tuple[str, int] | None:
    """(title, span) when a paragraph opens with a short bold label that
    stands alone, ends with a colon, or ends its line."""
    children = [c for c in inline.children or () if not (c.type == "text" and not c.content)]
    if len(children) < 3 or children[0].type != "strong_open":
        return None
    close = next((i for i, c in enumerate(children) if c.type == "strong_close"), None)
    if close is None:
        return None
    title = "".join(c.content for c in children[1:close] if c.type in ("text", "code_inline")).strip()
    after = children[close + 1:]
    if not title or len(title.split()) > LABEL_WORDS:
        return None
    if not after:
        return title.rstrip(":").strip(), 1 if height == 1 else 0
    if title.endswith(":") or (after[0].type == "text" and after[0].content.lstrip().startswith(":")):
        return title.rstrip(":").strip(), 0
    if after[0].type in ("softbreak", "hardbreak"):
        return title, 1
    return None


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


def _links(tokens: list, env: dict, lines: list[str], code: set[int], first: int) -> list[Link]:
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
    text = "\n".join("" if i in code else _CODE_SPAN.sub(lambda m: " " * len(m.group()), line)
                     for i, line in enumerate(lines))
    found = []
    for match in _HTML.finditer(text):
        row = text.count("\n", 0, match.start(1))
        column = match.start(1) - (text.rfind("\n", 0, match.start(1)) + 1) + 2
        found.append(Link("", match.group(1)[1:-1], first + row, column))
    return found


def _tables(tokens: list, first: int) -> list[Table]:
    found, header, rows, row, line = [], (), [], [], 0
    for token in tokens:
        if token.type == "table_open" and token.map:
            header, rows, line = (), [], first + token.map[0]
        elif token.type == "tr_open":
            row, row_line = [], first + (token.map[0] if token.map else 0)
        elif token.type == "inline" and row is not None and token.level >= 3:
            row.append(_inline_text(token))
        elif token.type == "tr_close":
            if not header:
                header = tuple(row)
            else:
                rows.append((row_line, tuple(row)))
        elif token.type == "table_close":
            found.append(Table(line, header, tuple(rows)))
    return found


def body_lines(text: str, start_line: int = 1) -> list[Line]:
    """The lines from start_line on, knowing code blocks and HTML comments."""
    return list(_body(text, start_line).lines)


def headings(text: str, start_line: int = 1) -> list[Heading]:
    """Headings outside code: ATX, setext, and bold labels."""
    return list(_body(text, start_line).headings)


def _body(text: str, start_line: int) -> Parsed:
    body = "\n".join(split_lines(text)[start_line - 1:]) if start_line > 1 else text
    return parse(body, start_line)


def _of_lines(lines: list[Line]) -> Parsed:
    """A run of a document's lines, parsed on its own."""
    if not lines:
        return Parsed((), (), (), ())
    return parse("\n".join(line.text for line in lines), lines[0].number)


def links(lines: list[Line]) -> list[Link]:
    """Links, images, reference definitions and HTML href/src in a run of
    lines, outside code blocks, code spans and HTML comments."""
    return list(_of_lines(lines).links)


def tables(lines: list[Line]) -> list[Table]:
    return list(_of_lines(lines).tables)


def prose(line: Line) -> str:
    """A line's text with `code spans` blanked (columns kept); "" for code."""
    return "" if line.code else _CODE_SPAN.sub(lambda m: " " * len(m.group()), line.text)


@functools.lru_cache(maxsize=4096)
def normalise_heading(title: str) -> str:
    """`3.1 Bias, Risks & Limitations [optional]` -> `bias risks and limitations`."""
    title = re.sub(r"\[optional\]|\(optional\)", " ", title.lower())
    title = re.sub(r"^\s*(?:\d+[.)]?)+(?:\d+)?\s+", "", title.replace("&", " and "))
    return " ".join(re.sub(r"[\W_]+", " ", title).split())
