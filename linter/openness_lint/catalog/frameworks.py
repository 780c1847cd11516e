"""Framework definitions: rules/frameworks/*.yaml and custom ones from config.

A framework has an id, a name, a kind (classes, binary or criteria) and
levels from least to most open; the rest of its YAML is read by the
evaluator of its kind (levels/). Custom frameworks are validated here, with
lines, so a team's file fails with a clear configuration error.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, NamedTuple

from openness_lint import components
from openness_lint.catalog.source import read_yaml, shipped, shipped_names
from openness_lint.errors import ConfigError
from openness_lint.text import yamlio

KINDS = ("classes", "binary", "criteria")
CATEGORIES = ("osi-fsf", "open-data", "use-restricted", "noncommercial", "proprietary", "unknown")


class Framework(NamedTuple):
    id: str
    name: str
    levels: tuple[str, ...]  # least open first
    aliases: dict[str, str]  # lower-cased alias or id -> level id
    kind: str = "classes"
    raw: dict = {}  # the whole YAML, for the evaluator of its kind  # noqa: RUF012 - never changed
    source: str = ""

    def canonical_level(self, text: str) -> str | None:
        return self.aliases.get(text.strip().lower())

    def rank(self, level: str) -> int:
        return self.levels.index(level)

    def level_name(self, level: str) -> str:
        for item in self.raw.get("levels", []):
            if str(item.get("id")) == level:
                return str(item.get("name", level))
        return level


def _check_components(data: dict, source: str, known: set[str]) -> None:
    """Component ids a framework names must exist, or be defined by it."""
    def need(cid: Any, container: Any, key: Any) -> None:
        if cid not in known:
            raise ConfigError(f"unknown component {cid!r}; define it under `new-components:`",
                              source, yamlio.line_of(container, key))

    kind = data.get("kind")
    if kind == "classes":
        table = data.get("components")
        if not isinstance(table, dict) or not table:
            raise ConfigError("a classes framework needs `components:` mapping ids to {class, type}", source, yamlio.line_of(data, "kind"))
        level_ids = {str(item.get("id")) for item in data["levels"] if isinstance(item, dict)}
        for cid, spec in table.items():
            need(cid, table, cid)
            if not isinstance(spec, dict) or str(spec.get("class")) not in level_ids:
                raise ConfigError(f"component {cid}: `class` must be one of the levels", source, yamlio.line_of(table, cid))
    elif kind == "binary":
        reqs = data.get("requirements")
        if not isinstance(reqs, list) or not reqs:
            raise ConfigError("a binary framework needs `requirements:`", source, yamlio.line_of(data, "kind"))
        for index, req in enumerate(reqs):
            if not isinstance(req, dict) or not isinstance(req.get("components"), list):
                raise ConfigError("each requirement needs `components:`", source, yamlio.line_of(reqs, index))
            for position, cid in enumerate(req["components"]):
                need(cid, req["components"], position)
            bad = [c for c in req.get("accept", []) if c not in CATEGORIES]
            if bad:
                raise ConfigError(f"unknown license category {bad[0]!r}; use {', '.join(CATEGORIES)}", source, yamlio.line_of(req, "accept"))
    elif kind == "criteria":
        table = data.get("criteria")
        if not isinstance(table, dict) or not table:
            raise ConfigError("a criteria framework needs `criteria:`", source, yamlio.line_of(data, "kind"))
        for key, spec in table.items():
            if not isinstance(spec, dict) or not (spec.get("component") or spec.get("detect") or spec.get("card-keys")):
                raise ConfigError(f"criterion {key}: needs `component`, `detect` or `card-keys`", source, yamlio.line_of(table, key))
            if spec.get("component"):
                need(spec["component"], spec, "component")


def parse(data: object, source: str, extra_components: set[str] = frozenset()) -> Framework:
    if not isinstance(data, dict) or not isinstance(data.get("levels"), list) or not data.get("id"):
        raise ConfigError("a framework needs an `id`, a `name` and a list of `levels`", source, 1)
    kind = data.get("kind", "classes")
    if kind not in KINDS:
        raise ConfigError(f"`kind` must be one of {', '.join(KINDS)}", source, yamlio.line_of(data, "kind"))
    new = data.get("new-components") or {}
    if not isinstance(new, dict):
        raise ConfigError("`new-components` maps component ids to file patterns", source, yamlio.line_of(data, "new-components"))
    _check_components(data, source, set(components.ALL) | set(map(str, new)) | set(extra_components))
    levels: list[str] = []
    aliases: dict[str, str] = {}
    for index, item in enumerate(data["levels"]):
        if not isinstance(item, dict) or "id" not in item:
            raise ConfigError("each level needs an id", source, yamlio.line_of(data["levels"], index))
        level = str(item["id"])
        levels.append(level)
        for alias in [level, *map(str, item.get("aliases") or [])]:
            aliases[alias.lower()] = level
    return Framework(str(data["id"]), str(data.get("name", data["id"])), tuple(levels), aliases,
                     str(kind), data, source)


@functools.lru_cache(maxsize=None)
def builtin() -> dict[str, Framework]:
    found: dict[str, Framework] = {}
    for name in shipped_names("frameworks"):
        framework = parse(shipped(name), f"rules/{name}")
        found[framework.id] = framework
    return found


def load_custom(path: Path, shown: str) -> Framework:
    data = read_yaml(path, shown, "framework file")
    framework = parse(data, shown)
    if framework.id in builtin():
        raise ConfigError(f"framework id {framework.id!r} is built in; choose another id", shown, yamlio.line_of(data, "id"))
    return framework
