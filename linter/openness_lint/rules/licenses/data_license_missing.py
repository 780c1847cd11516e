"""LIC003: datasets or a data card, but no license for the data."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis.licensing.attribution import uncovered
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule


@rule("LIC003")
def data_license_missing(ctx: Context) -> Iterator[Violation]:
    for path in uncovered(ctx, "data"):
        yield Violation(f"{path} is part of the release, but nothing licenses the data: "
                        "no data license file, card `license:` or license file above it", path)
