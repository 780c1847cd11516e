"""LIC013: an SPDX id written with the wrong case (apache-2.0 for Apache-2.0)."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis.licensing import declarations
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule

# Cards use the Hub's lower-case ids by design; SPDX contexts must not.
SPDX_SOURCES = ("package", "citation", "header", "reuse-toml")


@rule("LIC013")
def license_id_case(ctx: Context) -> Iterator[Violation]:
    for item in declarations.find(ctx):
        if item.source not in SPDX_SOURCES or item.checked is None or not item.checked.case_fixes:
            continue
        fixes = ", ".join(f"{raw} -> {good}" for raw, good in item.checked.case_fixes)
        yield Violation(f"SPDX ids are case-sensitive for most tools: write {item.license} ({fixes})",
                        item.path, item.line, fix=f"Write {item.license}.")
