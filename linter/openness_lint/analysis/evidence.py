"""Component evidence by file name, folder and path patterns, and the files
that hold weights and data.

The patterns are data (rules/components.yaml, plus components that custom
frameworks add). Only the inventory counts: names, folders and sizes (one
stat); no weight or data file is ever opened. The one exception is a
config.json small enough to read, checked for an `architectures` key.
Every path found says why it counted, so that a report can show it.
"""

from __future__ import annotations

import fnmatch
import functools
import json
from typing import Any, NamedTuple

from openness_lint.catalog.source import shipped
from openness_lint.context import Context
from openness_lint.repo import globs
from openness_lint.repo.inventory import Entry, parent_of

MIB = 1024 * 1024


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
    holds: str = ""  # "weights" or "data": only files that hold them

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Pattern:
        def strings(key: str) -> tuple[str, ...]:
            return tuple(str(item) for item in data.get(key) or ())

        return cls(strings("files"), strings("paths"), strings("folders"), strings("ignore-files"),
                   strings("ignore-folders"), strings("ignore-paths"), bool(data.get("code")),
                   tuple((str(k), str(v)) for k, v in (data.get("json-keys") or {}).items()),
                   str(data.get("holds") or ""))


class Found(NamedTuple):
    """What a pattern finds: each path that counts, with why; and each path
    held back only by the folder it sits in (tests/, examples/, ...), with
    why it would count and that folder. A release manifest that declares
    such a path still counts it (analysis/components/files.py)."""

    counted: dict[str, str]
    held: dict[str, tuple[str, str]]


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[1] if "." in name else ""


def _ignored_name(pattern: Pattern, lower: str, name: str, code_extensions: frozenset[str]) -> bool:
    if pattern.code and _extension(name) not in code_extensions:
        return True
    return any(fnmatch.fnmatchcase(name, g.lower()) for g in pattern.ignore_files) or \
        any(fnmatch.fnmatchcase(lower, g.lower()) for g in pattern.ignore_paths)


def _holding_folder(pattern: Pattern, folders: list[str], excluded: frozenset[str]) -> str | None:
    """The folder, if any, whose files never count for this pattern."""
    ignored = excluded | {f.lower() for f in pattern.ignore_folders}
    return next((folder for folder in folders if folder in ignored), None)


def candidates(ctx: Context, pattern: Pattern) -> set[str]:
    """Paths that match the pattern's files, paths or folders, by one scan each."""
    found: set[str] = set()
    if pattern.files:
        found.update(entry.path for entry in ctx.repo.find(globs.names(pattern.files)))
    for regex in (globs.paths(pattern.paths), globs.folders(pattern.folders)):
        if regex is not None:
            found.update(entry.path for entry in ctx.repo.find(regex))
    return found


def _reasoned_candidates(ctx: Context, pattern: Pattern) -> dict[str, str]:
    if not pattern.holds:  # the name decides; no report shows this reason
        return dict.fromkeys(candidates(ctx, pattern), "file pattern")
    holding = weights(ctx) if pattern.holds == "weights" else data(ctx)
    if not (pattern.files or pattern.paths or pattern.folders):
        return dict(holding)
    return {path: holding[path] for path in candidates(ctx, pattern) if path in holding}


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
    return sorted(found(ctx, pattern).counted)


def found(ctx: Context, pattern: Pattern) -> Found:
    """What a pattern finds, with why; found once per run."""
    return ctx.memo(_evidence, pattern)


def warm(ctx: Context) -> None:
    """Find now the evidence of every component that components.yaml
    describes by files. The engine asks for it before the rules: it needs
    only the inventory, so on a large tree it is found while git grep is
    still reading files, and the rules that follow find it done."""
    for component, spec in patterns().items():
        evidence(ctx, component, Pattern.from_data(spec))


def _evidence(ctx: Context, pattern: Pattern) -> Found:
    code_extensions, excluded = _table_sets()
    counted: dict[str, str] = {}
    held: dict[str, tuple[str, str]] = {}
    for path, why in _reasoned_candidates(ctx, pattern).items():
        lower = path.lower()
        folders = lower.split("/")
        if _ignored_name(pattern, lower, folders.pop(), code_extensions):
            continue
        folder = _holding_folder(pattern, folders, excluded)
        if folder is None:
            counted[path] = why
        else:
            held[path] = (why, folder)
    for name, key in pattern.json_keys:
        for entry in ctx.repo.find(globs.names((name,))):
            if not set(entry.path.lower().split("/")[:-1]) & excluded and _json_has(ctx, entry.path, key):
                counted[entry.path] = f"{entry.name} has `{key}`"
    return Found(dict(sorted(counted.items())), dict(sorted(held.items())))


# -- weights and data, by name, folder and size ---------------------------------------

@functools.lru_cache(maxsize=1)
def patterns_table() -> dict:
    return shipped("components.yaml")


def patterns() -> dict:
    return patterns_table()["components"]


@functools.lru_cache(maxsize=16)
def _lowered(key: str, table: str) -> frozenset[str]:
    return frozenset(str(item).lower() for item in patterns_table()[table][key])


def _weights_reason(entry: Entry) -> str | None:
    """Why a file holds weights, or None. Its size is one stat, asked only
    of a container format that neither name nor folder explains."""
    spec = patterns_table()["weights"]
    name = entry.name.lower()
    extension = _extension(name)
    if extension in _lowered("formats", "weights"):
        return f"weights format .{extension}"
    if extension not in _lowered("named-formats", "weights"):
        return None
    stem = name[:-len(extension) - 1]  # the name's own words, not its format's
    named = next((g for g in spec["names"] if fnmatch.fnmatchcase(stem, g.lower())), None)
    if named is not None:
        return f"weights format .{extension} with a weights name ({named})"
    folders = entry.path.lower().split("/")[:-1]
    folder = next((f for f in folders if f in _lowered("folders", "weights")), None)
    if folder is not None:
        return f"weights format .{extension} in a {folder}/ folder"
    if set(folders) & _lowered("folders", "data"):
        return None  # a data shard: large too, and not weights
    if entry.kind == "lfs-pointer":
        return f"weights format .{extension} stored in Git LFS"
    if entry.size >= spec["min-size"]:
        return f"weights format .{extension} of {entry.size / MIB:.1f} MiB (at least {spec['min-size'] / MIB:g} MiB)"
    return None


def weights(ctx: Context) -> dict[str, str]:
    """Every file that holds weights, wherever it is, with why."""
    return ctx.memo(_weights)


def _weights(ctx: Context) -> dict[str, str]:
    extensions = sorted(_lowered("formats", "weights") | _lowered("named-formats", "weights"))
    found = {}
    for entry in ctx.repo.find(globs.names(tuple(f"*.{e}" for e in extensions))):
        why = _weights_reason(entry)
        if why is not None:
            found[entry.path] = why
    return found


def _data_format(name: str) -> tuple[str, str]:
    """(format, suffix as written): ("jsonl", ".jsonl.gz") for train.jsonl.gz."""
    parts = name.lower().split(".")[1:]
    if len(parts) > 1 and parts[-1] in _lowered("compressions", "data"):
        return parts[-2], "." + ".".join(parts[-2:])
    return (parts[-1], "." + parts[-1]) if parts else ("", "")


def data_folder(path: str) -> str | None:
    """The nearest data folder above a path, as a path."""
    folders = path.split("/")[:-1]
    names = _lowered("folders", "data")
    return next(("/".join(folders[:i + 1]) for i in reversed(range(len(folders))) if folders[i].lower() in names),
                None)


def _data_reason(ctx: Context, entry: Entry) -> str | None:
    spec = patterns_table()["data"]
    data_format, suffix = _data_format(entry.name)
    if data_format in _lowered("formats", "data"):
        return f"data format {suffix}"
    folder = data_folder(entry.path)
    if folder is None or data_format not in _lowered("folder-formats", "data"):
        return None
    if any(fnmatch.fnmatchcase(entry.name.lower(), g.lower()) for g in spec["not-data-files"]):
        return None
    package = parent_of(folder)
    if (f"{package}/__init__.py" if package else "__init__.py") in ctx.repo:
        return None  # a Python package's resources, read by its code
    return f"{suffix} in a data folder ({folder}/)"


def data(ctx: Context) -> dict[str, str]:
    """Every file that holds data, wherever it is, with why."""
    return ctx.memo(_data)


def _data(ctx: Context) -> dict[str, str]:
    spec = patterns_table()["data"]
    anywhere = tuple(f"*.{f}{z}" for f in spec["formats"] for z in ("", *(f".{c}" for c in spec["compressions"])))
    entries = {e.path: e for e in ctx.repo.find(globs.names(anywhere))}
    entries.update((e.path, e) for e in ctx.repo.find(globs.folders(tuple(spec["folders"]))))
    weights_found = weights(ctx)
    found = {}
    for path in sorted(entries):
        why = None if path in weights_found else _data_reason(ctx, entries[path])
        if why is not None:
            found[path] = why
    return found


def weight_files(ctx: Context) -> list[Entry]:
    """The release's weights, final and intermediate, as the components count them."""
    return ctx.memo(_component_files, ("model-parameters", "model-parameters-intermediate"))


def data_files(ctx: Context) -> list[Entry]:
    """The release's data files, as the datasets component counts them."""
    return ctx.memo(_component_files, ("datasets",))


def _component_files(ctx: Context, components: tuple[str, ...]) -> list[Entry]:
    paths = {p for c in components for p in evidence(ctx, c, Pattern.from_data(patterns()[c]))}
    return [ctx.repo.entries[path] for path in sorted(paths)]
