"""Goal profiles: components that must be open together for one goal."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import NamedTuple

from openness_lint import components
from openness_lint.catalog.source import read_yaml, shipped, shipped_names
from openness_lint.errors import ConfigError
from openness_lint.text import yamlio

OPEN = ("osi-fsf", "open-data")


class Profile(NamedTuple):
    id: str
    name: str
    reason: str
    components: tuple[str, ...]
    licenses: dict[str, tuple[str, ...]]  # component -> accepted categories (default OPEN)


def parse(data: object, source: str) -> Profile:
    if not isinstance(data, dict) or not data.get("id") or not isinstance(data.get("components"), list):
        raise ConfigError("a profile needs `id`, `name`, `reason` and `components`", source, 1)
    for index, cid in enumerate(data["components"]):
        if cid not in components.ALL:
            raise ConfigError(f"unknown component {cid!r}", source, yamlio.line_of(data["components"], index))
    licenses = data.get("licenses") or {}
    if not isinstance(licenses, dict) or any(k not in components.ALL for k in licenses):
        raise ConfigError("`licenses` maps component ids to accepted license categories", source, yamlio.line_of(data, "licenses"))
    return Profile(str(data["id"]), str(data.get("name", data["id"])), str(data.get("reason", "")),
                   tuple(data["components"]), {k: tuple(v) for k, v in licenses.items()})


@functools.lru_cache(maxsize=None)
def builtin() -> dict[str, Profile]:
    found = {}
    for name in shipped_names("profiles"):
        profile = parse(shipped(name), f"rules/{name}")
        found[profile.id] = profile
    return found


def load(name: str) -> Profile:
    if name in builtin():
        return builtin()[name]
    return parse(read_yaml(Path(name), name, "profile"), name)
