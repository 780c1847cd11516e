"""Component detection by file name, folder and path patterns.

The patterns are data (rules/components.yaml, plus components that custom
frameworks add). Only names are matched; the one exception is a
config.json small enough to read, checked for an `architectures` key.
"""

from __future__ import annotations

import fnmatch
import functools
import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from openness_lint import artifacts

if TYPE_CHECKING:
    from openness_lint.engine import Context


@dataclass(frozen=True)
class Pattern:
    files: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()
    folders: tuple[str, ...] = ()
    ignore_files: tuple[str, ...] = ()
    ignore_folders: tuple[str, ...] = ()
    ignore_paths: tuple[str, ...] = ()
    code: bool = False
    json_keys: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Pattern:
        def strings(key: str) -> tuple[str, ...]:
            return tuple(str(item) for item in data.get(key) or ())

        return cls(strings("files"), strings("paths"), strings("folders"), strings("ignore-files"),
                   strings("ignore-folders"), strings("ignore-paths"), bool(data.get("code")),
                   {str(k): str(v) for k, v in (data.get("json-keys") or {}).items()})


@functools.lru_cache(maxsize=1024)
def _compiled(globs: tuple[str, ...]) -> re.Pattern | None:
    """One regex for a set of globs, matched case-insensitively."""
    if not globs:
        return None
    return re.compile("|".join(f"(?:{fnmatch.translate(g.lower())})" for g in globs))


@dataclass(frozen=True)
class Row:
    """An inventory entry as the matcher sees it, lower-cased once."""
    path: str
    lower: str
    name: str
    suffix: str
    folders: frozenset[str]


def rows(ctx: Context) -> list[Row]:
    def build(ctx: Context) -> list[Row]:
        table = artifacts.patterns_table()
        excluded = {f.lower() for f in table.get("exclude-folders", [])}
        found = []
        for entry in ctx.repo:
            lower = entry.path.lower()
            folders = frozenset(lower.split("/")[:-1])
            if folders & excluded:
                continue
            name = entry.name.lower()
            suffix = name.rsplit(".", 1)[1] if "." in name else ""
            found.append(Row(entry.path, lower, name, suffix, folders))
        return found
    return ctx.analysis("detection-rows", build)


def _hit(regex: re.Pattern | None, value: str) -> bool:
    return regex is not None and regex.match(value) is not None


def matches(pattern: Pattern, row: Row, code_extensions: frozenset[str]) -> bool:
    if pattern.code and row.suffix not in code_extensions:
        return False
    if _hit(_compiled(pattern.ignore_files), row.name) or _hit(_compiled(pattern.ignore_paths), row.lower):
        return False
    if row.folders & {f.lower() for f in pattern.ignore_folders}:
        return False
    return (_hit(_compiled(pattern.files), row.name) or _hit(_compiled(pattern.paths), row.lower)
            or bool(row.folders & {f.lower() for f in pattern.folders}))


def _json_has(ctx: Context, path: str, key: str) -> bool:
    text = ctx.text(path)
    try:
        data = json.loads(text) if text else None
    except (ValueError, RecursionError):
        return False
    return isinstance(data, dict) and key in data


def evidence(ctx: Context, component: str, pattern: Pattern) -> list[str]:
    """Paths that evidence a component, sorted."""
    code_extensions = frozenset(str(e) for e in artifacts.patterns_table().get("code-extensions", []))
    found = []
    for row in rows(ctx):
        if matches(pattern, row, code_extensions):
            found.append(row.path)
        elif pattern.json_keys:
            name = row.path.rsplit("/", 1)[-1]
            if name in pattern.json_keys and _json_has(ctx, row.path, pattern.json_keys[name]):
                found.append(row.path)
    return sorted(found)
