"""LIC009: an open license that does not suit its artifact (MIT on weights)."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis.licensing import classify
from openness_lint.analysis.licensing.attribution import PER_FILE, PRIORITY, attribution
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
            if group.inherited:
                found = group.inherited_license
                item = group.declarations[0]
                if found and artifact != "code" and not classify.fits_type(found, artifact):
                    yield Violation(f"the {artifact} has no license of its own: the only license above it, "
                                    f"{found} in {item.path}, is a license for code, so openness-lint takes the "
                                    f"{artifact}'s license as unknown", item.path, item.line,
                                    component=COMPONENT[artifact])
                continue
            # once per group, where its license is decided
            ranked = sorted((d for d in group.declarations if d.source not in PER_FILE and d.license),
                            key=lambda d: PRIORITY.get(d.source, len(PRIORITY)))
            for item in ranked[:1]:
                if classify.of_expression(item.license).is_open and not classify.fits_type(item.license, artifact):
                    yield Violation(f"{item.license} is open but not meant for {artifact}; the Model Openness "
                                    f"Framework recommends {SUITS[artifact]}", item.path, item.line,
                                    component=COMPONENT[artifact])
