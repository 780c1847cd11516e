"""rules/policy/policy.yaml, loaded once and checked for shape."""

from __future__ import annotations

import functools
from typing import Any

from openness_lint.catalog.sections import strings
from openness_lint.catalog.source import shipped
from openness_lint.errors import ConfigError
from openness_lint.text import yamlio
from openness_lint.text.markdown import normalise_heading

POLICY_FILE = "rules/policy/policy.yaml"
PARTS = ("use-policy", "reporting")


def policy_data() -> dict[str, Any]:
    data = shipped("policy/policy.yaml")
    if not isinstance(data, dict) or not all(isinstance(data.get(k), dict) for k in PARTS):
        raise ConfigError(f"expected a mapping with {' and '.join(PARTS)}", POLICY_FILE, 1)
    return data


@functools.lru_cache(maxsize=None)
def words(part: str, key: str) -> tuple[str, ...]:
    """A list of strings from the data file, lower-cased."""
    entries = policy_data()[part]
    if key not in entries:
        raise ConfigError(f"`{part}` needs `{key}`", POLICY_FILE, yamlio.line_of(policy_data(), part))
    return tuple(item.lower() for item in strings(entries[key], entries, key, POLICY_FILE))


def setting(part: str, key: str) -> str:
    value = policy_data()[part].get(key)
    if not isinstance(value, str):
        raise ConfigError(f"`{part}.{key}` must be a string", POLICY_FILE, yamlio.line_of(policy_data()[part], key))
    return value


@functools.lru_cache(maxsize=None)
def heading_phrases(part: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(contains, exact) for the `sections` of a part, normalised as headings are."""
    entry = policy_data()[part].get("sections")
    if not isinstance(entry, dict):
        raise ConfigError(f"`{part}.sections` must map contains and exact to lists", POLICY_FILE,
                          yamlio.line_of(policy_data()[part], "sections"))
    return tuple(tuple(normalise_heading(p) for p in strings(entry.get(k), entry, k, POLICY_FILE))
                 for k in ("contains", "exact"))  # type: ignore[return-value]


def heading_matches(part: str, title: str) -> bool:
    contains, exact = heading_phrases(part)
    heading = normalise_heading(title)
    return heading in exact or any(f" {p} " in f" {heading} " for p in contains)
