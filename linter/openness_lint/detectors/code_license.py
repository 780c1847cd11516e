"""code-license: the root license files that cover the code."""

from __future__ import annotations

from openness_lint import licensefiles, spdx
from openness_lint.components import ComponentStatus, detector
from openness_lint.engine import Context


@detector("code-license")
def detect_code_license(ctx: Context) -> ComponentStatus:
    files = licensefiles.code_license_files(ctx.repo)
    expressions = []
    for entry in files:
        text = ctx.text(entry.path)
        tag = licensefiles.spdx_tag(text) if text else None
        if tag and spdx.is_valid(tag[0]):
            expressions.append(spdx.normalise(tag[0]))
    license_expr = " AND ".join(sorted(set(expressions))) if expressions else None
    return ComponentStatus(present=bool(files), license=license_expr, evidence=[e.path for e in files])
