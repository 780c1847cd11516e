"""LIC016: a card license that is valid SPDX but not one of the Hub's ids."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis.licensing import declarations, tables
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule


@rule("LIC016")
def hub_license_not_hub_id(ctx: Context) -> Iterator[Violation]:
    hub = tables.hub_ids()
    for item in declarations.find(ctx):
        said = item.said.strip()
        if item.source != "card" or item.license is None or said in hub or said.startswith("other"):
            continue  # the Hub matches its lower-case ids exactly
        hub_id = said.lower() if said.lower() in hub else tables.license_to_hub().get(item.license)
        advice = f"write {hub_id}" if hub_id else "write `license: other` with license_name and license_link"
        yield Violation(f"{item.said!r} is not a Hugging Face license id; the Hub will not recognise it: {advice}",
                        item.path, item.line, fix=f"Use a Hub license id: {advice}.")
