"""A markdown report for $GITHUB_STEP_SUMMARY and pull-request comments.

GitHub refuses a step summary over 1 MiB, so the findings table is cut to
fit, with a note saying how many rows were left out and where to find them.
"""

from __future__ import annotations

import html
from urllib.parse import quote

from openness_lint.components import TITLES
from openness_lint.finding import Finding
from openness_lint.formats import stack
from openness_lint.formats.options import Options
from openness_lint.formats.text import plural
from openness_lint.report import Report

ICON = {"error": "❌", "warning": "⚠️", "info": "ℹ️"}
# GitHub's limit on one step's summary, in bytes; the note and the closing
# lines fit in the reserve.
SUMMARY_LIMIT = 1024 * 1024
RESERVE = 16 * 1024


def cell(value: str) -> str:
    """Repository text inside a table cell: no HTML, no pipes, one line."""
    return html.escape(" ".join(value.split())).replace("|", "&#124;").replace("##[", "##&#91;")


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


def size(lines: list[str]) -> int:
    return sum(len(line.encode("utf-8")) + 1 for line in lines)


def progress_table(report: Report) -> list[str]:
    """Per-level progress when the level has it, least open level first."""
    rows = stack.progress(report)
    if not rows:
        return []
    level = report.level
    lines = ["### Level progress", "", "| Level | Progress |", "|---|---|"]
    for level_id, label, percent in rows:
        marks = [word for word, value in (("reached", level.achieved), ("required", level.required))
                 if value == level_id]
        filled = round(percent / 10)
        lines.append(f"| {cell(label)}{' (' + ', '.join(marks) + ')' if marks else ''} | "
                     f"`{'█' * filled}{'░' * (10 - filled)}` {percent}% |")
    return lines + [""]


def fit_rows(rows: list[str], budget: int) -> list[str]:
    """As many rows as fit in budget bytes, in order."""
    kept, used = [], 0
    for row in rows:
        used += len(row.encode("utf-8")) + 1
        if used > budget:
            break
        kept.append(row)
    return kept


def render(report: Report, options: Options) -> str:
    counts = report.summary
    status = "passed ✅" if report.passed else "failed ❌"
    lines = ["## openness-lint", ""]
    if report.level:
        lines += [f"**{cell(report.level.verdict)}**", ""]
    lines += [f"Result: **{status}**: {plural(counts['error'], 'error')}, "
              f"{plural(counts['warning'], 'warning')}, {counts['info']} info.", ""]
    for note in report.notes:
        lines += [f"> {cell(note)}", ""]
    lines += progress_table(report)
    if report.releases:
        lines += ["### Releases", "", "| Release | Result | Level | Errors | Warnings |", "|---|---|---|---|---|"]
        for name, release in sorted(report.releases.items()):
            verdict = release.level.verdict if release.level else "-"
            lines.append(f"| {code(name)} | {'passed' if release.passed else '**failed**'} | {cell(verdict)} | "
                         f"{release.summary['error']} | {release.summary['warning']} |")
        lines.append("")
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
    tail = []
    for error in report.internal_errors:
        tail += [f"**Internal error** in rule {code(error.rule)}: {cell(error.message.splitlines()[-1])}", ""]
    if report.findings:
        lines += ["### Findings", "", "| Severity | Rule | Location | Message |", "|---|---|---|---|"]
        rows = []
        for finding in report.findings:
            label = finding.severity.label
            rows.append(f"| {ICON[label]} {label} | {code(finding.code)} {cell(finding.name)} | "
                        f"{where(finding, options)} | {cell(finding.message)}<br>Fix: {cell(finding.fix)} |")
        kept = fit_rows(rows, SUMMARY_LIMIT - RESERVE - size(lines) - size(tail))
        lines += kept + [""]
        if len(kept) < len(rows):
            lines += [f"> Showing {len(kept)} of {len(rows)} findings: the other {len(rows) - len(kept)} were left "
                      "out to keep this summary under GitHub's 1 MiB limit. The SARIF and JSON reports "
                      "and `openness-lint check` list them all.", ""]
    return "\n".join(lines + tail)
