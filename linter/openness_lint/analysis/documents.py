"""Every model card, data card and README of a release, read once, and how a
link in one of them resolves to a repository path."""

from __future__ import annotations

import posixpath
import re
from typing import NamedTuple
from urllib.parse import unquote

from openness_lint.analysis import cards
from openness_lint.analysis.policy import vocabulary
from openness_lint.catalog import datacache
from openness_lint.context import Context
from openness_lint.repo.inventory import parent_of
from openness_lint.text.frontmatter import FrontMatter, parse_front_matter
from openness_lint.text.markdown import Heading, Line, body_lines, headings

SCHEME = datacache.regex(r"^[A-Za-z][A-Za-z0-9+.-]*:")


class Document(NamedTuple):
    """A model card, a data card or a README that is not a card."""

    path: str
    kind: str  # "model", "data" or "readme"
    text: str
    lines: tuple[Line, ...]  # the body, after any front matter
    headings: tuple[Heading, ...]
    meta: dict
    front: FrontMatter

    @property
    def root_readme(self) -> bool:
        """The README at the release's root, whether or not it reads as a card."""
        return "/" not in self.path and self.path.lower() in cards.README_NAMES

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
        return [h for h in self.headings if vocabulary.heading_matches(part, h.title)]


def documents(ctx: Context) -> list[Document]:
    """Every card and README, each read once, in path order."""
    return ctx.memo(_documents)


def _documents(ctx: Context) -> list[Document]:
    found = {card.path: Document(card.path, card.kind, card.text, tuple(card.body), tuple(card.headings),
                                 card.meta, card.front) for card in cards.cards(ctx)}
    for entry in cards.readmes(ctx):
        if entry.path in found:
            continue
        text = ctx.text(entry.path)
        if text is not None:
            front = parse_front_matter(text)
            found[entry.path] = Document(entry.path, "readme", text, tuple(body_lines(text, front.body_line)),
                                         tuple(headings(text, front.body_line)), front.data or {}, front)
    return [found[path] for path in sorted(found)]


def resolve(directory: str, target: str) -> str | None:
    """The repository path a relative link points at; None for URLs,
    anchors and anything that leaves the repository (not ours to check)."""
    if not target or target.startswith(("#", "//")) or SCHEME.match(target):
        return None
    target = unquote(re.split(r"[#?]", target, maxsplit=1)[0])
    if not target:
        return None
    joined = target.lstrip("/") if target.startswith("/") else posixpath.join(directory, target)
    resolved = posixpath.normpath(joined) if joined else "."
    if resolved == ".." or resolved.startswith("../"):
        return None
    return "" if resolved == "." else resolved
