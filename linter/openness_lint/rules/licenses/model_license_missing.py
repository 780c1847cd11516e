"""LIC002: weights or a model card, but no license for the model."""

from __future__ import annotations

from typing import Iterator

from openness_lint.engine import Context
from openness_lint.finding import Violation
from openness_lint.licensing.attribution import attribution
from openness_lint.registry import rule


@rule("LIC002")
def model_license_missing(ctx: Context) -> Iterator[Violation]:
    found = attribution(ctx)
    evidence = found.needs["model"]
    if evidence and not any(g.declarations for g in found.groups["model"]):
        yield Violation(f"{evidence[0]} is part of the release, but nothing licenses the model: "
                        "no model license file, card `license:` or license file above it")
