"""LIC005: license files that only point elsewhere."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis.licensing import declarations
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule


@rule("LIC005")
def license_file_pointer(ctx: Context) -> Iterator[Violation]:
    for item, ident in declarations.license_texts(ctx, "pointer"):
        named = f" (it names {ident.license})" if ident.license else ""
        yield Violation(f"license file only points elsewhere{named} instead of holding the license text", item.path, 1)
