"""Component evidence by file name, folder and path patterns, and the files
that hold weights and data.

The patterns are data (rules/components.yaml, plus components that custom
frameworks add). Only names are matched; the one exception is a
config.json small enough to read, checked for an `architectures` key.
"""

from __future__ import annotations

import fnmatch
import functools
import json
from typing import Any, NamedTuple

from openness_lint.catalog.source import shipped
from openness_lint.context import Context
from openness_lint.repo import globs
from openness_lint.repo.inventory import Entry

_DOC_SUFFIXES = (".md", ".txt", ".rst", ".cff", ".yaml", ".yml", ".toml", ".json", ".py")


class Pattern(NamedTuple):
    """How a component is found by path (one entry of components.yaml)."""

    files: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()
    folders: tuple[str, ...] = ()
    ignore_files: tuple[str, ...] = ()
    ignore_folders: tuple[str, ...] = ()
    ignore_paths: tuple[str, ...] = ()
    code: bool = False
    json_keys: tuple[tuple[str, str], ...] = ()  # (file name, key its JSON must have)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Pattern:
        def strings(key: str) -> tuple[str, ...]:
            return tuple(str(item) for item in data.get(key) or ())

        return cls(strings("files"), strings("paths"), strings("folders"), strings("ignore-files"),
                   strings("ignore-folders"), strings("ignore-paths"), bool(data.get("code")),
                   tuple((str(k), str(v)) for k, v in (data.get("json-keys") or {}).items()))


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
    table = patterns_table()
    return (frozenset(str(e) for e in table.get("code-extensions", [])),
            frozenset(f.lower() for f in table.get("exclude-folders", [])))


def evidence(ctx: Context, component: str, pattern: Pattern) -> list[str]:
    """Paths that evidence a component, sorted; found once per run."""
    return list(ctx.memo(_evidence, pattern))


def warm(ctx: Context) -> None:
    """Find now the evidence of every component that components.yaml
    describes by files. The engine asks for it before the rules: it needs
    only the inventory, so on a large tree it is found while git grep is
    still reading files, and the rules that follow find it done."""
    for component, data in patterns().items():
        evidence(ctx, component, Pattern.from_data(data))


def _evidence(ctx: Context, pattern: Pattern) -> list[str]:
    code_extensions, excluded = _table_sets()
    found = {p for p in candidates(ctx, pattern) if not _ignored(pattern, p, excluded, code_extensions)}
    for name, key in pattern.json_keys:
        for entry in ctx.repo.find(globs.names((name,))):
            if not set(entry.path.lower().split("/")[:-1]) & excluded and _json_has(ctx, entry.path, key):
                found.add(entry.path)
    return sorted(found)


# -- weights and data, by name -------------------------------------------------------

@functools.lru_cache(maxsize=1)
def patterns_table() -> dict:
    return shipped("components.yaml")


def patterns() -> dict:
    return patterns_table()["components"]


def weight_files(ctx: Context) -> list[Entry]:
    """Files whose names say they hold weights."""
    return ctx.memo(_weight_files)


def _weight_files(ctx: Context) -> list[Entry]:
    spec = patterns()["model-parameters"]
    ignored = {e.path for e in ctx.repo.find(globs.names(tuple(spec.get("ignore-files", []))))} \
        if spec.get("ignore-files") else set()
    return [e for e in ctx.repo.find(globs.names(tuple(spec["files"]))) if e.path not in ignored]


def data_files(ctx: Context) -> list[Entry]:
    """Files in data folders, and data-format files anywhere, except docs."""
    return ctx.memo(_data_files)


def _data_files(ctx: Context) -> list[Entry]:
    spec = patterns()["datasets"]
    in_folder = {e.path for e in ctx.repo.find(globs.folders(tuple(spec["folders"])))
                 if not e.name.lower().endswith(_DOC_SUFFIXES)}
    by_name = {e.path for e in ctx.repo.find(globs.names(tuple(spec["files"])))}
    found = []
    for path in sorted(in_folder | by_name):
        entry = ctx.repo.entries[path]
        if path.split("/", 1)[0].lower() in ("tests", "test", "examples") and "/" in path:
            continue  # fixtures and examples are not the release's data
        if not entry.name.lower().startswith(("readme", "license", "licence")):
            found.append(entry)
    return found
