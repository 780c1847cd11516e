"""LIC014: a card license that names a family or an ambiguous GNU id."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis.licensing import declarations, tables
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule


@rule("LIC014")
def hub_license_family(ctx: Context) -> Iterator[Violation]:
    hub = tables.hub_ids()
    for item in declarations.find(ctx):
        entry = hub.get(item.said.strip().lower()) if item.source == "card" else None
        if entry is None:
            continue
        if entry["kind"] == "family":
            yield Violation(f"license {item.said!r} is the {entry['name']}, not one license: name the exact one",
                            item.path, item.line)
        elif entry["kind"] == "ambiguous":
            base = entry["license"].removesuffix("-only")
            yield Violation(f"license {item.said!r} does not say whether later versions apply: "
                            f"use {base}-only or {base}-or-later (with `license: other`)", item.path, item.line)
