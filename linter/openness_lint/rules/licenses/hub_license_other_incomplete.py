"""LIC015: `license: other` (or `unknown`) without license_name and license_link."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis import cards
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule


@rule("LIC015")
def hub_license_other_incomplete(ctx: Context) -> Iterator[Violation]:
    for card in cards.cards(ctx):
        value = card.meta.get("license")
        if not isinstance(value, str) or value.strip().lower() not in ("other", "unknown"):
            continue
        missing = [key for key in ("license_name", "license_link") if not card.meta.get(key)]
        if value.strip().lower() == "unknown":
            yield Violation("`license: unknown` tells users nothing they may do; name the license",
                            card.path, card.front.line(card.meta, "license"))
        elif missing:
            yield Violation(f"`license: other` needs {' and '.join(missing)}", card.path,
                            card.front.line(card.meta, "license"))
