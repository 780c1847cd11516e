"""LIC011: a license that headers or metadata use, missing from LICENSES/."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis.licensing import classify, declarations
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule


@rule("LIC011")
def reuse_license_missing(ctx: Context) -> Iterator[Violation]:
    found = declarations.find(ctx)
    texts = {item.said for item in found if item.source == "reuse-text"}
    if not texts:
        return  # the repository does not follow REUSE
    reported: set[str] = set()
    for item in found:
        if item.source not in ("header", "package", "reuse-toml") or not item.license:
            continue
        for key in classify.keys(item.license):
            if key not in texts and key not in reported:
                reported.add(key)
                yield Violation(f"{key} is declared here but LICENSES/{key}.txt is missing", item.path, item.line)
