"""LIC006: license files that hold more than one license."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis.licensing import declarations
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule


@rule("LIC006")
def license_file_compound(ctx: Context) -> Iterator[Violation]:
    for item, ident in declarations.license_texts(ctx, "compound"):
        parts = [p for p in ident.parts if p != "additional text"]
        extra = " followed by further text" if "additional text" in ident.parts else ""
        yield Violation(f"license file holds more than one license: {' and '.join(parts)}{extra}", item.path, 1)
