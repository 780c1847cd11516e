"""CRD007: a model card names datasets that nothing in the release documents."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis import cards
from openness_lint.catalog import sections
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule

TRAINING_DATA = "training-data"


@rule("CRD007")
def datasets_undocumented(ctx: Context) -> Iterator[Violation]:
    found = cards.cards(ctx)
    if any(card.kind == "data" for card in found):
        return
    training_data = sections.section_specs().get(TRAINING_DATA)
    for card in found:
        named = card.meta.get("datasets")
        if card.kind != "model" or not named:
            continue
        if training_data is not None and sections.find_section(card.headings, training_data):
            continue
        shown = ", ".join(map(str, named)) if isinstance(named, list) else str(named)
        yield Violation(f"the card names datasets ({shown}) but the release has no data card "
                        "and the card no training data section",
                        card.path, card.front.line(card.meta, "datasets"))
