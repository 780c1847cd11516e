"""Section sets (rules/cards/sections.yaml): which sections a card needs,
and which headings count as each.

Also strings(), the shape check that every reader of our own YAML word
lists shares.
"""

from __future__ import annotations

import functools
from typing import Any, NamedTuple

from openness_lint.catalog.source import shipped
from openness_lint.errors import ConfigError
from openness_lint.text import yamlio
from openness_lint.text.markdown import Heading, normalise_heading

SECTIONS_FILE = "rules/cards/sections.yaml"


class SectionSpec(NamedTuple):
    id: str
    title: str
    contains: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()
    not_: tuple[str, ...] = ()  # headings holding one of these never match

    def matches(self, heading: str | Heading) -> bool:
        words = heading.words if isinstance(heading, Heading) else normalise_heading(heading)
        if any(f" {p} " in f" {words} " for p in self.not_):
            return False
        return words in self.exact or any(f" {p} " in f" {words} " for p in self.contains)


def strings(value: Any, where: Any, key: str, source: str = SECTIONS_FILE) -> tuple[str, ...]:
    """A list of strings from our own YAML data; a ConfigError with its line if not."""
    if value is not None and (not isinstance(value, list) or not all(isinstance(v, str) for v in value)):
        raise ConfigError(f"`{key}` must be a list of strings", source, yamlio.line_of(where, key))
    return tuple(value or ())


def sections_data() -> dict:
    """rules/cards/sections.yaml."""
    data = shipped("cards/sections.yaml")
    if not isinstance(data, dict) or not isinstance(data.get("sections"), dict):
        raise ConfigError("expected a mapping with `sections:`", SECTIONS_FILE, 1)
    return data


@functools.lru_cache(maxsize=None)
def section_specs() -> dict[str, SectionSpec]:
    """Every section that sections.yaml defines, by id."""
    specs = {}
    for sid, entry in sections_data()["sections"].items():
        if not isinstance(entry, dict) or not isinstance(entry.get("title"), str):
            raise ConfigError(f"section {sid!r} needs a `title`", SECTIONS_FILE)
        phrases = {key: tuple(map(normalise_heading, strings(entry.get(key), entry, key)))
                   for key in ("contains", "exact", "not")}
        specs[sid] = SectionSpec(sid, entry["title"], phrases["contains"], phrases["exact"],
                                 strings(entry.get("keys"), entry, "keys"), phrases["not"])
    return specs


@functools.lru_cache(maxsize=None)
def section_sets() -> dict[str, tuple[SectionSpec, ...]]:
    """The required sections of each card kind: {"model": (...), "data": (...)}."""
    data, specs, sets = sections_data(), section_specs(), {}
    for kind in ("model", "data"):
        ids = strings(data.get(f"{kind}-card"), data, f"{kind}-card")
        if not set(ids) <= set(specs):
            raise ConfigError(f"`{kind}-card` names an undefined section", SECTIONS_FILE)
        sets[kind] = tuple(specs[sid] for sid in ids)
    return sets


@functools.lru_cache(maxsize=None)
def code_docs() -> frozenset[str]:
    """Normalised headings of documentation for code (Installation, Usage ...)."""
    data = sections_data()
    return frozenset(map(normalise_heading, strings(data.get("code-docs"), data, "code-docs")))


@functools.lru_cache(maxsize=None)
def readme_generic() -> frozenset[str]:
    """Section ids that do not count towards making a README a card."""
    data = sections_data()
    return frozenset(strings(data.get("readme-generic"), data, "readme-generic"))


def find_section(card_headings: list[Heading], spec: SectionSpec) -> Heading | None:
    return next((h for h in card_headings if spec.matches(h)), None)
