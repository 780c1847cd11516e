"""Framework definitions read from rules/frameworks/*.yaml."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from openness_lint import yamlio
from openness_lint.data import ruledata
from openness_lint.errors import ConfigError


@dataclass(frozen=True)
class Framework:
    id: str
    name: str
    levels: tuple[str, ...]  # least open first
    aliases: dict[str, str]  # lower-cased alias or id -> level id

    def canonical_level(self, text: str) -> str | None:
        return self.aliases.get(text.strip().lower())

    def rank(self, level: str) -> int:
        return self.levels.index(level)


def parse(data: object, source: str) -> Framework:
    if not isinstance(data, dict) or not isinstance(data.get("levels"), list):
        raise ConfigError("a framework needs an id, a name and a list of levels", source, 1)
    levels: list[str] = []
    aliases: dict[str, str] = {}
    for index, item in enumerate(data["levels"]):
        if not isinstance(item, dict) or "id" not in item:
            raise ConfigError("each level needs an id", source, yamlio.line_of(data["levels"], index))
        level = str(item["id"])
        levels.append(level)
        for alias in [level, *map(str, item.get("aliases") or [])]:
            aliases[alias.lower()] = level
    return Framework(str(data.get("id")), str(data.get("name", data.get("id"))), tuple(levels), aliases)


@functools.lru_cache(maxsize=None)
def builtin() -> dict[str, Framework]:
    found: dict[str, Framework] = {}
    folder = ruledata() / "frameworks"
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".yaml"):
            framework = parse(yamlio.load(item.read_text("utf-8")), f"rules/frameworks/{item.name}")
            found[framework.id] = framework
    return found
