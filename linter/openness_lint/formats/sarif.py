"""SARIF 2.1.0 for GitHub code scanning.

Code scanning needs a physical location on every result, so a finding about
something missing points at the report's anchor file (README.md when there
is one). partialFingerprints let code scanning follow an alert across
commits; they hash rule, path and message, not the line, which moves.
"""

from __future__ import annotations

import hashlib
from urllib.parse import quote

from openness_lint.finding import Finding, Severity
from openness_lint.formats.json_format import safe_json
from openness_lint.formats.options import Options
from openness_lint.registry import DOC_TITLES, Rule
from openness_lint.report import Report
from openness_lint.version import __version__

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rule(item: Rule) -> dict:
    help_markdown = "\n\n".join(f"## {DOC_TITLES[k]}\n\n{text.strip()}" for k, text in item.doc_sections())
    return {
        "id": item.code,
        "name": item.name,
        "shortDescription": {"text": item.summary},
        "fullDescription": {"text": item.doc["what-it-does"].strip()},
        "help": {"text": item.fix, "markdown": help_markdown},
        "defaultConfiguration": {"level": LEVEL[item.severity]},
        "properties": {"tags": ["openness", item.pack] + ([item.component] if item.component else [])},
    }


def fingerprint(finding: Finding) -> str:
    key = "\0".join([finding.code, finding.path or "", finding.message])
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _result(finding: Finding, index: dict[str, int], anchor: str, prefix: str) -> dict:
    target = finding.path or anchor
    uri = quote(prefix + target, safe="/") if target != "." else (quote(prefix.rstrip("/"), safe="/") or ".")
    region = {"startLine": finding.line or 1}
    if finding.line and finding.column:
        region["startColumn"] = finding.column
    result = {
        "ruleId": finding.code,
        "level": LEVEL[finding.severity],
        "message": {"text": f"{finding.message}. Fix: {finding.fix}" if not finding.message.endswith(".")
                    else f"{finding.message} Fix: {finding.fix}"},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
            "region": region,
        }}],
        "partialFingerprints": {"opennessLint/v1": fingerprint(finding)},
    }
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    properties = {key: value for key, value in (("component", finding.component), ("release", finding.release)) if value}
    if properties:
        result["properties"] = properties
    return result


def render(report: Report, options: Options) -> str:
    rules = sorted(report.rules, key=lambda r: r.code)
    index = {item.code: i for i, item in enumerate(rules)}
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "openness-lint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": "https://pypi.org/project/openness-lint/",
                "rules": [_rule(item) for item in rules],
            }},
            "automationDetails": {"id": "openness-lint/"},
            "invocations": [{
                "executionSuccessful": not report.internal_errors,
                "toolExecutionNotifications": [
                    {"level": "error", "message": {"text": f"rule {e.rule} failed: {e.message.splitlines()[-1]}"}}
                    for e in report.internal_errors],
            }],
            "columnKind": "unicodeCodePoints",
            "results": [_result(f, index, report.anchor, options.root_prefix) for f in report.findings],
            **({"properties": {"openness-lint/level": report.level.verdict}} if report.level else {}),
        }],
    }
    return safe_json(document)
