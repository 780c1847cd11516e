"""LIC012: a written license id or expression that is not valid."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis.licensing import declarations, tables
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule


@rule("LIC012")
def license_id_invalid(ctx: Context) -> Iterator[Violation]:
    for item in declarations.find(ctx):
        checked = item.checked
        if checked is None or item.license is not None:
            continue
        if item.source == "card" and item.said.strip().lower() in tables.hub_ids():
            continue  # a Hub family or `unknown`: LIC014 and LIC015 speak to those
        hint = f"; did you mean {checked.suggestion}?" if checked.suggestion else ""
        yield Violation(f"{item.said!r} is not a valid license id: {checked.problem}{hint}",
                        item.path, item.line, fix=f"Write {checked.suggestion}." if checked.suggestion else None)
