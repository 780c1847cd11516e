"""Cards and READMEs as documents with sections; passages; phrase matching."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from openness_lint import cards
from openness_lint.cards import Heading, Line
from openness_lint.inventory import parent_of
from openness_lint.policy import data

if TYPE_CHECKING:
    from openness_lint.engine import Context


@dataclass(frozen=True)
class Document:
    """A model card, a data card or a README that is not a card."""

    path: str
    kind: str  # "model", "data" or "readme"
    text: str
    lines: tuple[Line, ...]  # the body, after any front matter
    headings: tuple[Heading, ...]
    meta: dict
    front: cards.FrontMatter

    @property
    def folder(self) -> str:
        return parent_of(self.path)

    def section(self, heading: Heading) -> list[Line]:
        """A heading's lines, subsections included."""
        later = [h.line for h in self.headings if h.line > heading.line and h.level <= heading.level]
        end = later[0] if later else float("inf")
        return [line for line in self.lines if heading.line + heading.span <= line.number < end]

    def sections(self, part: str) -> list[Heading]:
        """Headings that rules/policy/policy.yaml lists under `part.sections`."""
        return [h for h in self.headings if data.heading_matches(part, h.title)]


def _documents(ctx: Context) -> list[Document]:
    found = {card.path: Document(card.path, card.kind, card.text, tuple(card.body), tuple(card.headings),
                                 card.meta, card.front) for card in cards.cards(ctx)}
    for entry in cards.readmes(ctx):
        if entry.path in found:
            continue
        text = ctx.text(entry.path)
        if text is not None:
            front = cards.parse_front_matter(text)
            found[entry.path] = Document(entry.path, "readme", text, tuple(cards.body_lines(text, front.body_line)),
                                         tuple(cards.headings(text, front.body_line)), front.data or {}, front)
    return [found[path] for path in sorted(found)]


def documents(ctx: Context) -> list[Document]:
    """Every card and README, each read once."""
    return ctx.analysis("policy-documents", _documents)


def lines_of(text: str) -> list[Line]:
    """Any text file's lines, knowing code fences and HTML comments."""
    return cards.body_lines(text)


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


_PUNCTUATION = re.compile(r"[\W_]+")


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

