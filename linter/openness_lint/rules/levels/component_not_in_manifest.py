"""LVL004: a component found in the files that the manifest leaves out."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis import manifest
from openness_lint.analysis.components import detect_all
from openness_lint.catalog import frameworks
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule


@rule("LVL004")
def component_not_in_manifest(ctx: Context) -> Iterator[Violation]:
    found = manifest.load(ctx)
    if found is None or found.problems:
        return
    names = frameworks.builtin()["mof"].raw["components"]
    for cid, status in sorted(detect_all(ctx).items()):
        if cid in names and status.present and cid not in found.components:
            yield Violation(f"{cid} is in the repository ({', '.join(status.evidence[:2])}) but not in the manifest; "
                            f"add it as {names[cid]['name']!r}", found.path, None, component=cid)
