"""The license tables under rules/licenses/, loaded once."""

from __future__ import annotations

import functools
from typing import Any

from openness_lint.catalog import datacache
from openness_lint.catalog.source import shipped


def _load(name: str) -> Any:
    return shipped(f"licenses/{name}")


@functools.lru_cache(maxsize=None)
def hub_ids() -> dict[str, dict]:
    """Hub license id -> {name, kind, license}."""
    return {str(k): dict(v) for k, v in _load("hub.yaml")["ids"].items()}


@functools.lru_cache(maxsize=None)
def texts() -> dict:
    return _load("texts.yaml")


@functools.lru_cache(maxsize=None)
def names() -> dict:
    return _load("names.yaml")


@functools.lru_cache(maxsize=None)
def categories() -> dict:
    return _load("categories.yaml")


def matches(key: str, patterns: list[str]) -> bool:
    """Whether a license key matches one of the globs (as fnmatchcase)."""
    return datacache.globs(tuple(map(str, patterns))).match(key) is not None


@functools.lru_cache(maxsize=None)
def license_to_hub() -> dict[str, str]:
    """SPDX id or LicenseRef -> the Hub id that stands for it."""
    table: dict[str, str] = {}
    for hub_id, entry in hub_ids().items():
        if entry.get("license") and entry["kind"] in ("spdx", "alias", "non-spdx"):
            table.setdefault(entry["license"], hub_id)
    return table


def display(expression: str) -> str:
    """An expression for people: LicenseRefs get their name alongside."""
    hub = license_to_hub().get(expression)
    if expression.startswith("LicenseRef-") and hub:
        return f"{hub_ids()[hub]['name']} ({expression})"
    return expression
