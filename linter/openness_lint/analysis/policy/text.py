"""Passages of text and phrase matching, as the policy analyses read them."""

from __future__ import annotations

import functools
from typing import Iterable

from openness_lint.catalog import datacache
from openness_lint.text.markdown import Line, body_lines


def lines_of(text: str) -> list[Line]:
    """Any text file's lines, knowing code fences and HTML comments."""
    return body_lines(text)


def passages(lines: Iterable[Line]) -> list[list[Line]]:
    """Runs of non-blank prose lines: paragraphs, list blocks, table rows."""
    found: list[list[Line]] = [[]]
    for line in lines:
        if line.code or not line.text.strip():
            if found[-1]:
                found.append([])
        else:
            found[-1].append(line)
    return [run for run in found if run]


_PUNCTUATION = datacache.regex(r"[\W_]+")


@functools.lru_cache(maxsize=4096)
def normal(text: str) -> str:
    """Lower case, "&" read as "and", every run of punctuation one space.
    Cached: a monorepo's releases read the same root documents."""
    return " ".join(_PUNCTUATION.sub(" ", text.lower().replace("&", " and ")).split())


@functools.lru_cache(maxsize=256)
def _padded_phrases(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f" {n}" for n in map(normal, phrases) if n)


def mentions(text: str, phrases: Iterable[str]) -> bool:
    """Whether a phrase occurs at the start of a word ("harm" in "harmful")."""
    padded = f" {normal(text)}"
    return any(p in padded for p in _padded_phrases(tuple(phrases)))


def joined(lines: Iterable[Line]) -> str:
    return " ".join(line.text for line in lines if not line.code)


def related(folder: str, other: str) -> bool:
    """One folder holds the other (or they are the same): they concern one release."""
    return (folder == other or not folder or not other
            or folder.startswith(other + "/") or other.startswith(folder + "/"))

