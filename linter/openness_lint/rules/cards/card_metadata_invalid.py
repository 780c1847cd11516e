"""CRD002: a known card metadata key has a value of the wrong type."""

from __future__ import annotations

from typing import Any, Callable, Iterator

from openness_lint.analysis import cards
from openness_lint.catalog import datacache
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule
from openness_lint.rules.cards._shared import component
from openness_lint.text import frontmatter

# A Hub id: `imdb`, `org/name`; never a URL or a sentence.
HUB_ID = datacache.regex(r"^[A-Za-z0-9][\w.-]*(?:/[\w.-]+)?$")
GATED_TEXT_KEYS = ("extra_gated_prompt", "extra_gated_heading", "extra_gated_description",
                   "extra_gated_button_content")


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _hub_id(value: Any) -> bool:
    return isinstance(value, str) and bool(HUB_ID.match(value))


def _items(front: frontmatter.FrontMatter, key: str, value: Any, single: bool,
           item_ok: Callable[[Any], bool], noun: str) -> Iterator[tuple[str, int | None]]:
    """A list (or, with single, also one item) of strings: each bad item at its line."""
    if single and isinstance(value, str):
        value = [value]
    elif not isinstance(value, list):
        yield f"`{key}` must be a list of {noun}s" + (f" or one {noun}" if single else ""), None
        return
    for index, item in enumerate(value):
        if not item_ok(item):
            yield f"`{key}` item {item!r} is not a {noun}", front.line(value, index)


def _emissions(front: frontmatter.FrontMatter, value: Any) -> Iterator[tuple[str, int | None]]:
    if _number(value):
        return
    if not isinstance(value, dict):
        yield "`co2_eq_emissions` must be a number (grams of CO2) or a mapping with `emissions`", None
    elif not _number(value.get("emissions")):
        yield "`co2_eq_emissions.emissions` must be a number (grams of CO2)", front.line(value, "emissions")


def problems(front: frontmatter.FrontMatter, key: str, value: Any) -> Iterator[tuple[str, int | None]]:
    """What is wrong with one key's value; a None line means the key's own line."""
    if key == "datasets":
        yield from _items(front, key, value, False, _hub_id, "dataset id")
    elif key == "base_model":
        yield from _items(front, key, value, True, _hub_id, "model id")
    elif key == "language":
        yield from _items(front, key, value, True, _text, "language code")
    elif key in ("tags", "metrics"):
        yield from _items(front, key, value, False, _text, "non-empty string")
    elif key in ("pipeline_tag", "library_name", *GATED_TEXT_KEYS) and not _text(value):
        yield f"`{key}` must be a non-empty string", None
    elif key == "extra_gated_fields" and not isinstance(value, dict):
        yield "`extra_gated_fields` must be a mapping of field labels to field types", None
    elif key == "co2_eq_emissions":
        yield from _emissions(front, value)


@rule("CRD002")
def card_metadata_invalid(ctx: Context) -> Iterator[Violation]:
    for card in cards.cards(ctx):
        for key, value in card.meta.items():
            if value is None:  # an empty key is left unset, as on the Hub
                continue
            for message, line in problems(card.front, str(key), value):
                yield Violation(message, card.path, line or card.front.line(card.meta, key),
                                component=component(card))
