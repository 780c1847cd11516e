"""Markdown, read as the Hugging Face Hub and GitHub show it: front matter,
the body's lines (knowing code fences and HTML comments), headings and links.

Pure functions of text, with the file's own line numbers. Front matter is
parsed the way the Hugging Face Hub does: a YAML block between `---` lines
at the very top of the file, blank lines allowed before it. Every problem
is returned with its line, never raised.
"""

from __future__ import annotations

import functools
import re
from typing import Any, NamedTuple

from openness_lint.text import yamlio

_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
_NOT_PARAGRAPH = re.compile(r"^\s*(?:[-*+>|]|\d+[.)]\s|#)")


# -- front matter ----------------------------------------------------------------

class FrontMatter:
    """A card's metadata block, or why it has none that can be read."""

    __slots__ = ("data", "offset", "body_line", "problem", "problem_line")

    def __init__(self, data: dict | None = None, offset: int = 0, body_line: int = 1,
                 problem: str | None = None, problem_line: int | None = None):
        self.data = data  # the mapping, when there is a valid one
        self.offset = offset  # add to a 1-based YAML line to get the file line
        self.body_line = body_line  # first line of the markdown body
        self.problem = problem
        self.problem_line = problem_line

    def line(self, container: Any, key: Any = None) -> int | None:
        """File line of a key (or item) inside the front matter."""
        inner = yamlio.line_of(container, key)
        return inner + self.offset if inner is not None else None


def split_lines(text: str) -> list[str]:
    """Lines as editors count them: only \\n, \\r\\n and \\r end a line."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")


@functools.lru_cache(maxsize=64)
def parse_front_matter(text: str) -> FrontMatter:
    """The card's metadata block. Cached by text, since cards, documents and
    detectors each ask for it (and every release of a monorepo): callers
    must not change what it returns."""
    lines = split_lines(text)
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index >= len(lines) or lines[index].rstrip() != "---":
        return FrontMatter()
    opening = index
    closing = next((i for i in range(opening + 1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if closing is None:
        return FrontMatter(offset=opening + 1, body_line=opening + 2,
                           problem="front matter opened with `---` is never closed", problem_line=opening + 1)
    result = FrontMatter(offset=opening + 1, body_line=closing + 2)
    block = "\n".join(lines[opening + 1:closing])
    deep = yamlio.too_deep(block)
    if deep is not None:
        result.problem = f"front matter nests brackets more than {yamlio.MAX_FLOW_DEPTH} deep"
        result.problem_line = opening + 2 + block.count("\n", 0, deep)
        return result
    try:
        data = yamlio.load(block)
    except yamlio.YamlProblem as exc:
        result.problem = f"front matter is not valid YAML: {exc}"
        result.problem_line = opening + 1 + (exc.line or 1)
        return result
    if data is None:  # an empty block, or comments only: no metadata, as on the Hub
        data = {}
    if not isinstance(data, dict):
        shape = "list" if isinstance(data, list) else "single value"
        result.problem = f"front matter must be a mapping of keys to values, not a {shape}"
        result.problem_line = opening + 2
        return result
    result.data = data
    return result


# -- markdown body: visible lines, headings, sections ----------------------------

class Line(NamedTuple):
    number: int
    text: str  # HTML comments blanked with spaces, so columns still match the file
    code: bool = False  # inside a fenced code block, or a fence line itself


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


def body_lines(text: str, start_line: int = 1) -> list[Line]:
    """The lines from start_line on, knowing code fences and HTML comments."""
    found: list[Line] = []
    fence, comment = "", False
    for number, raw in enumerate(split_lines(text), 1):
        if number < start_line:
            continue
        if fence:
            found.append(Line(number, raw, True))
            if re.match(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", raw):
                fence = ""
            continue
        visible, comment_after = _blank_comments(raw, comment)
        opening = _FENCE.match(visible)
        comment = comment_after
        if opening:
            fence = opening.group(1)
        found.append(Line(number, visible, bool(opening)))
    return found


def prose(line: Line) -> str:
    """A line's text with `code spans` blanked (columns kept); "" for code."""
    return "" if line.code else _CODE_SPAN.sub(lambda m: " " * len(m.group()), line.text)


class Heading(NamedTuple):
    level: int
    title: str
    line: int
    span: int = 1  # a setext heading also takes its underline

    @property
    def words(self) -> str:
        return normalise_heading(self.title)


def headings(text: str, start_line: int = 1) -> list[Heading]:
    """ATX (`## Uses`) and setext (underlined) headings outside code."""
    found: list[Heading] = []
    previous: Line | None = None
    for line in body_lines(text, start_line):
        atx = None if line.code else _ATX.match(line.text)
        setext = None if line.code or atx else _SETEXT.match(line.text)
        if atx:
            found.append(Heading(len(atx.group(1)), atx.group(2).strip(), line.number))
        elif (setext and previous is not None and not previous.code and previous.text.strip()
              and not _NOT_PARAGRAPH.match(previous.text)
              and not (found and found[-1].line == previous.number)):
            level = 1 if setext.group(1)[0] == "=" else 2
            found.append(Heading(level, previous.text.strip(), previous.number, 2))
        previous = line
    return found



@functools.lru_cache(maxsize=4096)
def normalise_heading(title: str) -> str:
    """`3.1 Bias, Risks & Limitations [optional]` -> `bias risks and limitations`."""
    title = re.sub(r"\[optional\]|\(optional\)", " ", title.lower())
    title = re.sub(r"^\s*(?:\d+[.)]?)+(?:\d+)?\s+", "", title.replace("&", " and "))
    return " ".join(re.sub(r"[\W_]+", " ", title).split())


# -- links ---------------------------------------------------------------------------

_TARGET = r"(<[^<>\n]*>|(?:[^\s()<>]|\([^\s()]*\))+)"
_TITLE = r"""(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()]*\)))?"""
INLINE = re.compile(r"!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*" + _TARGET + _TITLE + r"\s*\)")
USAGE = re.compile(r"(?<![\]\\])\[([^\[\]]+)\]\[([^\[\]]*)\]")
DEFINITION = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*" + _TARGET)
HTML = re.compile(r"<(?:a|img|source|video|audio)\b[^<>]*?\s(?:href|src)\s*=\s*(\"[^\"<>]*\"|'[^'<>]*')", re.IGNORECASE)


class Link(NamedTuple):
    label: str
    target: str
    line: int
    column: int  # 1-based column of the target, or of the label for a reference
    reference: bool = False  # `[label][ref]`: its target is checked at the definition


def links(lines: list[Line]) -> list[Link]:
    """Inline links and images, reference definitions and uses, and HTML
    href/src, outside code blocks, code spans and HTML comments."""
    found = []
    texts = [(line.number, prose(line)) for line in lines]
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
