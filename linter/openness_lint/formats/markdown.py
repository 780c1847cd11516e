"""A markdown report for $GITHUB_STEP_SUMMARY and pull-request comments."""

from __future__ import annotations

import html
from urllib.parse import quote

from openness_lint.components import TITLES
from openness_lint.finding import Finding
from openness_lint.formats.options import Options
from openness_lint.formats.text import plural
from openness_lint.report import Report

ICON = {"error": "❌", "warning": "⚠️", "info": "ℹ️"}


def cell(value: str) -> str:
    """Repository text inside a table cell: no HTML, no pipes, one line."""
    return html.escape(" ".join(value.split())).replace("|", "&#124;")


def code(value: str) -> str:
    return f"<code>{cell(value)}</code>"


def where(finding: Finding, options: Options) -> str:
    if finding.path is None:
        return "repository"
    label = finding.path + (f":{finding.line}" if finding.line else "")
    if options.blob_url:
        target = options.blob_url.rstrip("/") + "/" + quote(options.root_prefix + finding.path, safe="/(")
        if finding.line:
            target += f"#L{finding.line}"
        return f"[{code(label)}]({target})"
    return code(label)


def render(report: Report, options: Options) -> str:
    counts = report.summary
    status = "passed ✅" if report.passed else "failed ❌"
    lines = ["## openness-lint", ""]
    if report.level:
        lines += [f"**{cell(report.level.get('verdict', ''))}**", ""]
    lines += [f"Result: **{status}**: {plural(counts['error'], 'error')}, "
              f"{plural(counts['warning'], 'warning')}, {counts['info']} info.", ""]
    for note in report.notes:
        lines += [f"> {cell(note)}", ""]
    if report.components:
        lines += ["### Components", "", "| Component | Status | License | Evidence |", "|---|---|---|---|"]
        for cid, status_ in sorted(report.components.items()):
            evidence = ", ".join(code(p) for p in sorted(status_.evidence)[:5]) or "-"
            if len(status_.evidence) > 5:
                evidence += f" and {len(status_.evidence) - 5} more"
            lines.append(f"| {TITLES.get(cid, cid)} | {'present' if status_.present else '**missing**'} | "
                         f"{code(status_.license) if status_.license else '-'}"
                         f"{' (' + status_.category + ')' if status_.category else ''} | {evidence} |")
        lines.append("")
    if report.findings:
        lines += ["### Findings", "", "| Severity | Rule | Location | Message |", "|---|---|---|---|"]
        for finding in report.findings:
            label = finding.severity.label
            lines.append(f"| {ICON[label]} {label} | {code(finding.rule)} {cell(finding.name)} | "
                         f"{where(finding, options)} | {cell(finding.message)}<br>Fix: {cell(finding.fix)} |")
        lines.append("")
    for error in report.internal_errors:
        lines += [f"**Internal error** in rule {code(error.rule)}: {cell(error.message.splitlines()[-1])}", ""]
    return "\n".join(lines)
