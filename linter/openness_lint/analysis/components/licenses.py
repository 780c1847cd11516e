"""code-license, model-license and data-license, from license attribution."""

from __future__ import annotations

from openness_lint.analysis.licensing import classify
from openness_lint.analysis.licensing.attribution import PER_FILE, STATEMENTS, attribution
from openness_lint.components import ComponentStatus
from openness_lint.context import Context
from openness_lint.text import spdx


def _status(ctx: Context, artifact: str) -> ComponentStatus:
    groups = attribution(ctx).groups[artifact]
    licenses = sorted({g.license for g in groups if g.license})
    # per-file headers can number thousands: the report names the first 20
    # a statement in prose is one line of a README: the line is the evidence
    declared = sorted({d.where() if d.source in STATEMENTS else d.path
                       for g in groups for d in g.declarations if d.source not in PER_FILE})
    per_file = sorted({d.path for g in groups for d in g.declarations if d.source in PER_FILE} - set(declared))
    evidence = declared + per_file[:20]
    expression = spdx.conjoin(licenses)
    category = classify.of_expression(expression).id if groups else None
    return ComponentStatus(present=bool(groups), license=expression, evidence=evidence, category=category)


def detect_code_license(ctx: Context) -> ComponentStatus:
    return _status(ctx, "code")


def detect_model_license(ctx: Context) -> ComponentStatus:
    return _status(ctx, "model")


def detect_data_license(ctx: Context) -> ComponentStatus:
    return _status(ctx, "data")


DETECTORS = {
    "code-license": detect_code_license,
    "model-license": detect_model_license,
    "data-license": detect_data_license,
}
