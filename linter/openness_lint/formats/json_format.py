"""The JSON contract (schema in openness_lint/schema/report.schema.json).

This module alone knows the JSON shape of a report: findings, components,
levels and, for a monorepo, its releases. Every finding appears once, in
the top-level ``findings``; a release's finding carries the release's name.
"""

from __future__ import annotations

import json
from typing import Any

from openness_lint.components import ComponentStatus
from openness_lint.finding import Finding
from openness_lint.formats.options import Options
from openness_lint.levels import binary, classes, criteria
from openness_lint.levels.inputs import Missing
from openness_lint.levels.result import FrameworkGrade, LevelReport
from openness_lint.report import Report
from openness_lint.version import __version__

SCHEMA_VERSION = 2


def safe_json(data: object) -> str:
    """JSON whose text never holds "##[": the GitHub runner takes that
    anywhere in a line as a legacy command. The escape decodes to the same."""
    return json.dumps(data, indent=2, ensure_ascii=False).replace("##[", "##\\u005b") + "\n"


def finding(item: Finding) -> dict[str, Any]:
    data: dict[str, Any] = {"rule": item.code, "severity": item.severity.label, "component": item.component,
                            "path": item.path, "line": item.line, "column": item.column,
                            "message": item.message, "fix": item.fix}
    if item.release is not None:
        data["release"] = item.release
    return data


def component(status: ComponentStatus) -> dict[str, Any]:
    data: dict[str, Any] = {"present": status.present, "license": status.license,
                            "evidence": sorted(set(status.evidence))}
    if status.category is not None:
        data["category"] = status.category
    if status.forms is not None:
        data["forms"] = [record.to_dict() for record in status.forms]
    if status.channels is not None:
        data["channels"] = [record.to_dict() for record in status.channels]
    if status.reasons is not None:
        data["reasons"] = {path: status.reasons[path] for path in data["evidence"] if path in status.reasons}
    return data


def missing(item: Missing) -> dict[str, Any]:
    data: dict[str, Any] = {"component": item.component, "reason": item.reason}
    if item.reason == "license not open":
        data["license"] = item.license
    return data


def grade(item: FrameworkGrade) -> dict[str, Any]:
    """One framework's grade, with what its kind computes."""
    framework, result = item.framework, item.result
    data: dict[str, Any] = {"name": framework.name, "kind": framework.kind, "achieved": result.achieved,
                            "verdict": item.verdict}
    if isinstance(result, classes.Result):
        data["progress"] = result.progress
        data["blocking"] = {level: [missing(m) for m in items] for level, items in result.blocking.items()}
    elif isinstance(result, binary.Result):
        data["requirements"] = {key: {"name": req.name, "met": req.met, "missing": [missing(m) for m in req.missing]}
                                for key, req in result.requirements.items()}
    elif isinstance(result, criteria.Result):
        data.update(score=result.score, max=result.maximum, cap=result.cap,
                    criteria={key: c._asdict() for key, c in result.criteria.items()})
    return data


def level(report: LevelReport) -> dict[str, Any]:
    data: dict[str, Any] = {"framework": report.framework, "achieved": report.achieved,
                            "required": report.required, "passed": report.passed, "verdict": report.verdict,
                            "declared_not_verified": list(report.declared_not_verified),
                            "linked_not_declared": [item._asdict() for item in report.linked_not_declared],
                            "would_reach": report.would_reach}
    if report.progress is not None:
        data["progress"] = report.progress
    data["frameworks"] = {fid: grade(item) for fid, item in report.frameworks.items()}
    return data


def _release(report: Report) -> dict[str, Any]:
    return {
        "components": {cid: component(status) for cid, status in sorted(report.components.items())},
        "level": level(report.level) if report.level else None,
        "summary": report.summary,
        "passed": report.passed,
    }


def report_dict(report: Report) -> dict[str, Any]:
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "openness-lint", "version": __version__},
        "root": report.root,
        "components": {cid: component(status) for cid, status in sorted(report.components.items())},
        "findings": [finding(f) for f in report.findings],
        "level": level(report.level) if report.level else None,
        "summary": report.summary,
        # a rule that crashed: the run failed (exit 2) whatever the findings say
        "internal_errors": [{"rule": e.rule, "message": e.message.splitlines()[-1]} for e in report.internal_errors],
    }
    if report.releases:
        data["releases"] = {name: _release(release) for name, release in sorted(report.releases.items())}
    return data


def render(report: Report, options: Options) -> str:
    return safe_json(report_dict(report))
