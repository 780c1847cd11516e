"""JSON that keeps the line of every key and item.

Findings about a JSON file of the checked repository (a BOM) must name a
line, and the standard library's parser keeps none. This reader builds the
same values as json.loads, with each object an Object (a dict) and each
array an Array (a list) that know the lines of their keys and items.
Strings and numbers are read by the standard library's own scanners; a
problem is raised as JsonProblem with its line, never as a traceback.
"""

from __future__ import annotations

import bisect
import json.decoder
import json.scanner
import re
from typing import Any

MAX_DEPTH = 200  # a pull request's JSON nests no deeper than this
_SPACE = re.compile(r"[ \t\n\r]*")
_CONSTANTS = {"true": True, "false": False, "null": None}


class JsonProblem(Exception):
    """Text that is not JSON: why, and on which line (1-based)."""

    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.message, self.line = message, line


class Object(dict):
    """A JSON object; ``lines`` maps each key to the line it is on."""

    def __init__(self, line: int):
        super().__init__()
        self.line = line
        self.lines: dict[str, int] = {}


class Array(list):
    """A JSON array; ``lines`` holds the line of each item."""

    def __init__(self, line: int):
        super().__init__()
        self.line = line
        self.lines: list[int] = []


def line_of(container: Any, key: Any = None) -> int | None:
    """The line of a key of an Object, an item of an Array, or the container itself."""
    if key is None:
        return getattr(container, "line", None)
    if isinstance(container, Object):
        return container.lines.get(key)
    if isinstance(container, Array) and isinstance(key, int) and -len(container) <= key < len(container):
        return container.lines[key]
    return None


class _Reader:
    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)

    def fail(self, message: str, offset: int) -> JsonProblem:
        return JsonProblem(message, self.line(min(offset, len(self.text))))

    def skip(self, offset: int) -> int:
        return _SPACE.match(self.text, offset).end()  # type: ignore[union-attr]  # matches empty too

    def value(self, offset: int, depth: int) -> tuple[Any, int]:
        text = self.text
        if offset >= len(text):
            raise self.fail("unexpected end of the document", offset)
        char = text[offset]
        if char == '"':
            return self.string(offset)
        if char in "{[":
            if depth >= MAX_DEPTH:
                raise self.fail(f"nested more than {MAX_DEPTH} deep", offset)
            return self.object(offset, depth) if char == "{" else self.array(offset, depth)
        for word, constant in _CONSTANTS.items():
            if text.startswith(word, offset):
                return constant, offset + len(word)
        number = json.scanner.NUMBER_RE.match(text, offset)
        if number is None:
            raise self.fail(f"expected a value, found {text[offset]!r}", offset)
        whole, fraction, exponent = number.groups()
        value = float(whole + (fraction or "") + (exponent or "")) if fraction or exponent else int(whole)
        return value, number.end()

    def string(self, offset: int) -> tuple[str, int]:
        try:
            return json.decoder.scanstring(self.text, offset + 1, True)
        except json.JSONDecodeError as exc:
            raise self.fail(exc.msg, exc.pos) from None

    def object(self, offset: int, depth: int) -> tuple[Object, int]:
        found = Object(self.line(offset))
        offset = self.skip(offset + 1)
        if self.text.startswith("}", offset):
            return found, offset + 1
        while True:
            if not self.text.startswith('"', offset):
                raise self.fail("expected a key in double quotes", offset)
            key_line = self.line(offset)
            key, offset = self.string(offset)
            offset = self.skip(offset)
            if not self.text.startswith(":", offset):
                raise self.fail("expected ':' after a key", offset)
            value, offset = self.value(self.skip(offset + 1), depth + 1)
            found[key], found.lines[key] = value, key_line
            offset = self.skip(offset)
            if self.text.startswith("}", offset):
                return found, offset + 1
            if not self.text.startswith(",", offset):
                raise self.fail("expected ',' or '}' in an object", offset)
            offset = self.skip(offset + 1)

    def array(self, offset: int, depth: int) -> tuple[Array, int]:
        found = Array(self.line(offset))
        offset = self.skip(offset + 1)
        if self.text.startswith("]", offset):
            return found, offset + 1
        while True:
            found.lines.append(self.line(offset))
            value, offset = self.value(offset, depth + 1)
            found.append(value)
            offset = self.skip(offset)
            if self.text.startswith("]", offset):
                return found, offset + 1
            if not self.text.startswith(",", offset):
                raise self.fail("expected ',' or ']' in an array", offset)
            offset = self.skip(offset + 1)


def load(text: str) -> Any:
    """The value of a JSON document, or raise JsonProblem with its line."""
    reader = _Reader(text.removeprefix("\ufeff"))
    value, offset = reader.value(reader.skip(0), 0)
    offset = reader.skip(offset)
    if offset != len(reader.text):
        raise reader.fail("more after the end of the document", offset)
    return value
