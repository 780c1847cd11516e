"""LVL002: a manifest component_path inside the repository does not exist."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis import manifest
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule


@rule("LVL002")
def manifest_path_missing(ctx: Context) -> Iterator[Violation]:
    found = manifest.load(ctx)
    for entry in found.components.values() if found else ():
        if not entry.path or entry.is_url:
            continue
        target = entry.path.strip("/").removeprefix("./")
        if target in ctx.repo or any(e.path.startswith(target + "/") for e in ctx.repo):
            continue
        yield Violation(f"{entry.component}: component_path {entry.path!r} is not in the repository",
                        found.path, entry.line, component=entry.component)
