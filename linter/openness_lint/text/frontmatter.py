"""Front matter: a card's metadata block, read as the Hugging Face Hub reads it.

A YAML block between `---` lines at the very top of the file, blank lines
allowed before it. Every problem is returned with its line, never raised.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from openness_lint.text import yamlio


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


# the first line of YAML metadata: a key and a colon
_YAML_KEY = re.compile(r"^[A-Za-z0-9_][\w.-]*\s*:")


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
        following = next((line for line in lines[opening + 1:] if line.strip()), "")
        if not _YAML_KEY.match(following):
            # a `---` rule above a heading or prose: Markdown, not metadata
            return FrontMatter()
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
