"""LVL006: a manifest license that is open but not meant for the component's type."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis import manifest
from openness_lint.analysis.licensing import classify
from openness_lint.catalog import frameworks
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule


@rule("LVL006")
def manifest_license_not_type_appropriate(ctx: Context) -> Iterator[Violation]:
    found = manifest.load(ctx)
    spec = frameworks.builtin()["mof"].raw["components"]
    for cid, entry in (found.components.items() if found else ()):
        kind = spec[cid]["type"]
        if entry.license and classify.of_expression(entry.license).is_open and not classify.fits_type(entry.license, kind, strict=True):
            yield Violation(f"{cid}: {entry.license} is open but not a {kind} license; MOF counts it, with this warning",
                            found.path, entry.line, component=cid)
