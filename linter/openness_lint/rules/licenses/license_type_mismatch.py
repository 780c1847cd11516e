"""LIC009: an open license that does not suit its artifact (MIT on weights)."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis.licensing import classify
from openness_lint.analysis.licensing.attribution import PER_FILE, attribution
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule

SUITS = {"code": "software licenses", "model": "open-data licenses such as CDLA-Permissive-2.0 or CC-BY-4.0",
         "data": "open-data licenses such as CDLA-Permissive-2.0 or CC-BY-4.0"}
COMPONENT = {"code": "code-license", "model": "model-license", "data": "data-license"}


@rule("LIC009")
def license_type_mismatch(ctx: Context) -> Iterator[Violation]:
    for artifact, groups in attribution(ctx).groups.items():
        for group in groups:
            for item in group.declarations:
                if item.source in PER_FILE or not item.license:
                    continue
                if classify.of_expression(item.license).is_open and not classify.fits_type(item.license, artifact):
                    yield Violation(f"{item.license} is open but not meant for {artifact}; the Model Openness "
                                    f"Framework recommends {SUITS[artifact]}", item.path, item.line,
                                    component=COMPONENT[artifact])
