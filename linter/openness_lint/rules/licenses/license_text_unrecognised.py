"""LIC004: license files whose text is not recognised."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis.licensing import declarations
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule


@rule("LIC004")
def license_text_unrecognised(ctx: Context) -> Iterator[Violation]:
    for item, ident in declarations.license_texts(ctx, "unknown"):
        if ident.near:
            yield Violation(f"license text not recognised: it is {ident.near}, so openness-lint does not take "
                            "it for that license", item.path, 1)
        else:
            yield Violation("license text not recognised; openness-lint will not guess which license it is",
                            item.path, 1)
