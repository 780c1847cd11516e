"""LIC002: weights or a model card, but no license for the model."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis.licensing.attribution import uncovered
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule


@rule("LIC002")
def model_license_missing(ctx: Context) -> Iterator[Violation]:
    for path in uncovered(ctx, "model"):
        yield Violation(f"{path} is part of the release, but nothing licenses the model: "
                        "no model license file, card `license:` or license file above it", path)
