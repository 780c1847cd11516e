"""Component detection by file name, folder and path patterns.

The patterns are data (rules/components.yaml, plus components that custom
frameworks add). Only names are matched; the one exception is a
config.json small enough to read, checked for an `architectures` key.
"""

from __future__ import annotations

import fnmatch
import json
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from openness_lint import artifacts
from openness_lint.repo import Entry

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


def _any(value: str, globs: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatchcase(value, glob.lower()) for glob in globs)


def matches(pattern: Pattern, entry: Entry, code_extensions: frozenset[str]) -> bool:
    path = entry.path.lower()
    name = entry.name.lower()
    folders = [part.lower() for part in PurePosixPath(path).parts[:-1]]
    if pattern.code and PurePosixPath(name).suffix.lstrip(".") not in code_extensions:
        return False
    if _any(name, pattern.ignore_files) or _any(path, pattern.ignore_paths):
        return False
    if set(folders) & {f.lower() for f in pattern.ignore_folders}:
        return False
    return (_any(name, pattern.files) or _any(path, pattern.paths)
            or bool(set(folders) & {f.lower() for f in pattern.folders}))


def _json_has(ctx: Context, path: str, key: str) -> bool:
    text = ctx.text(path)
    try:
        data = json.loads(text) if text else None
    except (ValueError, RecursionError):
        return False
    return isinstance(data, dict) and key in data


def evidence(ctx: Context, component: str, pattern: Pattern) -> list[str]:
    """Paths that evidence a component, sorted."""
    table = artifacts.patterns_table()
    excluded = {f.lower() for f in table.get("exclude-folders", [])}
    code_extensions = frozenset(str(e) for e in table.get("code-extensions", []))
    found = []
    for entry in ctx.repo:
        parts = PurePosixPath(entry.path.lower()).parts[:-1]
        if set(parts) & excluded:
            continue
        if matches(pattern, entry, code_extensions):
            found.append(entry.path)
        elif entry.name in pattern.json_keys and _json_has(ctx, entry.path, pattern.json_keys[entry.name]):
            found.append(entry.path)
    return sorted(found)
