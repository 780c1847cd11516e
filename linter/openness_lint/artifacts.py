"""What a release ships, by file name and folder: weights and data.

Patterns come from rules/components.yaml. Nothing here opens a file.
"""

from __future__ import annotations

import fnmatch
import functools
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from openness_lint import yamlio
from openness_lint.data import ruledata
from openness_lint.repo import Entry

if TYPE_CHECKING:
    from openness_lint.engine import Context

_DOC_SUFFIXES = (".md", ".txt", ".rst", ".cff", ".yaml", ".yml", ".toml", ".json", ".py")


@functools.lru_cache(maxsize=1)
def patterns_table() -> dict:
    return yamlio.load((ruledata() / "components.yaml").read_text("utf-8"))


def patterns() -> dict:
    return patterns_table()["components"]


def _name_matches(entry: Entry, globs: list[str]) -> bool:
    return any(fnmatch.fnmatchcase(entry.name.lower(), g.lower()) for g in globs)


def weight_files(ctx: Context) -> list[Entry]:
    def build(ctx: Context) -> list[Entry]:
        spec = patterns()["model-parameters"]
        return [e for e in ctx.repo if _name_matches(e, spec["files"])
                and not _name_matches(e, spec.get("ignore-files", []))]
    return ctx.analysis("weight-files", build)


def data_files(ctx: Context) -> list[Entry]:
    """Files in data folders, and data-format files anywhere, except docs."""
    def build(ctx: Context) -> list[Entry]:
        spec = patterns()["datasets"]
        folders = {f.lower() for f in spec["folders"]}
        found = []
        for entry in ctx.repo:
            parts = [p.lower() for p in PurePosixPath(entry.path).parts[:-1]]
            if parts and parts[0] in ("tests", "test", "examples"):
                continue  # fixtures and examples are not the release's data
            in_folder = bool(set(parts) & folders) and not entry.name.lower().endswith(_DOC_SUFFIXES)
            if in_folder or _name_matches(entry, spec["files"]):
                if not entry.name.lower().startswith(("readme", "license", "licence")):
                    found.append(entry)
        return found
    return ctx.analysis("data-files", build)
