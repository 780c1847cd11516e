"""What a release ships, by file name and folder: weights and data.

Patterns come from rules/components.yaml. Nothing here opens a file.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from openness_lint import globs, yamlio
from openness_lint.data import ruledata
from openness_lint.repo import Entry

if TYPE_CHECKING:
    from openness_lint.engine import Context

_DOC_SUFFIXES = (".md", ".txt", ".rst", ".cff", ".yaml", ".yml", ".toml", ".json", ".py")


@functools.lru_cache(maxsize=1)
def patterns_table() -> dict:
    return yamlio.shipped((ruledata() / "components.yaml").read_text("utf-8"))


def patterns() -> dict:
    return patterns_table()["components"]


def weight_files(ctx: Context) -> list[Entry]:
    def build(ctx: Context) -> list[Entry]:
        spec = patterns()["model-parameters"]
        ignored = {e.path for e in ctx.repo.find(globs.names(tuple(spec.get("ignore-files", []))))} \
            if spec.get("ignore-files") else set()
        return [e for e in ctx.repo.find(globs.names(tuple(spec["files"]))) if e.path not in ignored]
    return ctx.analysis("weight-files", build)


def data_files(ctx: Context) -> list[Entry]:
    """Files in data folders, and data-format files anywhere, except docs."""
    def build(ctx: Context) -> list[Entry]:
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
    return ctx.analysis("data-files", build)
