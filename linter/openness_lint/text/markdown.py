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
from openness_lint.text.mdlinks import CODE_SPAN, Link, links_of

# A bold label is a heading when it is short.
LABEL_WORDS = 12  # "Where to send questions or comments about the model:" is a label
# A bold phrase this short that opens a paragraph and runs into its text
# ("**Training Factors** We used ...") is a label too, as the big labs' cards
# write them; so is a longer one without sentence punctuation.
RUN_IN_WORDS = 4
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


class Table(NamedTuple):
    line: int  # the header row
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (line, cells)
    targets: tuple[tuple[int, int, str], ...] = ()  # (line, cell index, link target)


class Block(NamedTuple):
    """A paragraph's text as it reads: markup dropped, link labels and code
    spans kept, one "\n" per source line break."""

    line: int  # its first line
    text: str
    targets: tuple[tuple[int, str], ...]  # (offset in text, link target)

    def line_at(self, offset: int) -> int:
        return self.line + self.text.count("\n", 0, offset)


class Parsed(NamedTuple):
    lines: tuple[Line, ...]
    headings: tuple[Heading, ...]
    links: tuple[Link, ...]
    tables: tuple[Table, ...]
    blocks: tuple[Block, ...] = ()


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
    return Parsed(lines, tuple(_headings(tokens, first)), tuple(links_of(tokens, env, visible, code, first)),
                  tuple(_tables(tokens, first)), tuple(_blocks(tokens, first)))


def _headings(tokens: list, first: int) -> list[Heading]:
    found = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.map:
            title = _inline_text(tokens[index + 1])
            if not title:  # an empty `##` line ends nothing and names nothing
                continue
            span = token.map[1] - token.map[0] if token.markup in ("=", "-") else 1
            found.append(Heading(int(token.tag[1]), title, first + token.map[0], span))
        elif token.type == "paragraph_open" and token.map and tokens[index + 1].type == "inline" \
                and token.level == 0:  # a bold item of a list is the list's, not a section
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
    if title[:1].isupper() and (len(title.split()) <= RUN_IN_WORDS or not set(title) & set(".,;:!?")):
        # a run-in label: "**Out-of-scope Uses** Use in any manner ...", or a
        # longer one that is no sentence ("**Where to send questions or comments about the model** ...")
        return title, 0
    return None


def _tables(tokens: list, first: int) -> list[Table]:
    found, header, rows, targets, row, line, row_line = [], (), [], [], [], 0, 0
    for token in tokens:
        if token.type == "table_open" and token.map:
            header, rows, targets, line = (), [], [], first + token.map[0]
        elif token.type == "tr_open":
            row, row_line = [], first + (token.map[0] if token.map else 0)
        elif token.type == "inline" and row is not None and token.level >= 3:
            targets += [(row_line, len(row), target) for _, target in _inline(token)[1]]
            row.append(_inline_text(token))
        elif token.type == "tr_close":
            if not header:
                header = tuple(row)
            else:
                rows.append((row_line, tuple(row)))
        elif token.type == "table_close":
            found.append(Table(line, header, tuple(rows), tuple(t for t in targets if t[0] != line)))
    return found


def _inline(token: Any) -> tuple[str, list[tuple[int, str]]]:
    """An inline token's text and its links' (offset, target)."""
    parts: list[str] = []
    targets = []
    size = 0
    for child in token.children or ():
        if child.type == "link_open":
            targets.append((size, unquote(child.attrGet("href") or "")))
            continue
        piece = {"text": child.content, "code_inline": child.content,
                 "softbreak": "\n", "hardbreak": "\n"}.get(child.type, "")
        parts.append(piece)
        size += len(piece)
    return "".join(parts), targets


def _blocks(tokens: list, first: int) -> list[Block]:
    found = []
    for index, token in enumerate(tokens):
        if token.type == "paragraph_open" and token.map and index + 1 < len(tokens):
            text, targets = _inline(tokens[index + 1])
            found.append(Block(first + token.map[0], text, tuple(targets)))
    return found


def body_lines(text: str, start_line: int = 1) -> list[Line]:
    """The lines from start_line on, knowing code blocks and HTML comments."""
    return list(body(text, start_line).lines)


def headings(text: str, start_line: int = 1) -> list[Heading]:
    """Headings outside code: ATX, setext, and bold labels."""
    return list(body(text, start_line).headings)


def body(text: str, start_line: int = 1) -> Parsed:
    """Everything parsed from line start_line on, once per text (cached)."""
    rest = "\n".join(split_lines(text)[start_line - 1:]) if start_line > 1 else text
    return parse(rest, start_line)


def _of_lines(lines: list[Line]) -> Parsed:
    """A run of a document's lines, parsed on its own."""
    if not lines:
        return Parsed((), (), (), (), ())
    return parse("\n".join(line.text for line in lines), lines[0].number)


def links(lines: list[Line]) -> list[Link]:
    """Links, images, reference definitions and HTML href/src in a run of
    lines, outside code blocks, code spans and HTML comments."""
    return list(_of_lines(lines).links)


def tables(lines: list[Line]) -> list[Table]:
    return list(_of_lines(lines).tables)


def blocks(lines: list[Line]) -> list[Block]:
    """Paragraphs, in lists and quotes too, outside code and tables."""
    return list(_of_lines(lines).blocks)


def prose(line: Line) -> str:
    """A line's text with `code spans` blanked (columns kept); "" for code."""
    return "" if line.code else CODE_SPAN.sub(lambda m: " " * len(m.group()), line.text)


@functools.lru_cache(maxsize=4096)
def normalise_heading(title: str) -> str:
    """`3.1 Bias, Risks & Limitations [optional]` -> `bias risks and limitations`."""
    title = re.sub(r"\[optional\]|\(optional\)", " ", title.lower())
    title = re.sub(r"^\s*(?:\d+[.)]?)+(?:\d+)?\s+", "", title.replace("&", " and "))
    return " ".join(re.sub(r"[\W_]+", " ", title).split())
