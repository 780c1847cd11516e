"""Component detection by file name, folder and path patterns.

The patterns are data (rules/components.yaml, plus components that custom
frameworks add). Only names are matched; the one exception is a
config.json small enough to read, checked for an `architectures` key.
"""

from __future__ import annotations

import fnmatch
import functools
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from openness_lint import artifacts, globs

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


def _ignored(pattern: Pattern, path: str, excluded: set[str], code_extensions: frozenset[str]) -> bool:
    lower = path.lower()
    parts = lower.split("/")
    folders_, name = set(parts[:-1]), parts[-1]
    if folders_ & excluded or folders_ & {f.lower() for f in pattern.ignore_folders}:
        return True
    if pattern.code and (name.rsplit(".", 1)[1] if "." in name else "") not in code_extensions:
        return True
    return any(fnmatch.fnmatchcase(name, g.lower()) for g in pattern.ignore_files) or \
        any(fnmatch.fnmatchcase(lower, g.lower()) for g in pattern.ignore_paths)


def candidates(ctx: Context, pattern: Pattern) -> set[str]:
    """Paths that match the pattern's files, paths or folders, by one scan each."""
    found: set[str] = set()
    if pattern.files:
        found.update(entry.path for entry in ctx.repo.find(globs.names(pattern.files)))
    for regex in (globs.paths(pattern.paths), globs.folders(pattern.folders)):
        if regex is not None:
            found.update(entry.path for entry in ctx.repo.find(regex))
    return found


def _json_has(ctx: Context, path: str, key: str) -> bool:
    text = ctx.text(path)
    try:
        data = json.loads(text) if text else None
    except (ValueError, RecursionError):
        return False
    return isinstance(data, dict) and key in data


@functools.lru_cache(maxsize=1)
def _table_sets() -> tuple[frozenset[str], frozenset[str]]:
    table = artifacts.patterns_table()
    return (frozenset(str(e) for e in table.get("code-extensions", [])),
            frozenset(f.lower() for f in table.get("exclude-folders", [])))


def evidence(ctx: Context, component: str, pattern: Pattern) -> list[str]:
    """Paths that evidence a component, sorted; found once per run."""
    return list(ctx.analysis(f"evidence:{component}:{pattern!r}", lambda c: _evidence(c, pattern)))


def warm(ctx: Context, frameworks: bool) -> None:
    """Find now the evidence of every component that components.yaml (and,
    with ``frameworks``, the run's frameworks) describe by files. The engine
    asks for it before the rules: it needs only the inventory, so on a large
    tree it is found while git grep is still reading files, and the rules
    that follow find it done."""
    for component, data in artifacts.patterns().items():
        evidence(ctx, component, Pattern.from_data(data))
    if frameworks:
        from openness_lint.levels import criteria
        from openness_lint.levels.evaluate import all_frameworks

        for framework in all_frameworks(ctx).values():
            if framework.kind == "criteria":
                criteria.warm(ctx, framework)


def _evidence(ctx: Context, pattern: Pattern) -> list[str]:
    code_extensions, excluded = _table_sets()
    found = {p for p in candidates(ctx, pattern) if not _ignored(pattern, p, excluded, code_extensions)}
    for name, key in pattern.json_keys.items():
        for entry in ctx.repo.find(globs.names((name,))):
            if not set(entry.path.lower().split("/")[:-1]) & excluded and _json_has(ctx, entry.path, key):
                found.add(entry.path)
    return sorted(found)
