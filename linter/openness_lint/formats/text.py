"""Human-readable text, grouped by file, with an optional colour."""

from __future__ import annotations

from itertools import groupby

import click

from openness_lint.catalog import datacache
from openness_lint.finding import Finding, Severity
from openness_lint.formats.options import Options
from openness_lint.report import Report

COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}
_CONTROL = datacache.regex(r"[\x00-\x1f\x7f-\x9f]")


def clean(value: str) -> str:
    """Repository text on one line: control characters shown escaped, and
    the runner's legacy `##[command]` form, which it finds anywhere in a
    line, broken up."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], value).replace("##[", "##\\[")


def show_path(path: str | None) -> str:
    if path is None:
        return "(repository)"
    shown = clean(path)
    # A line starting with "::" (after white space) is a command to the
    # GitHub runner; a path from the repository must never start one.
    return "./" + shown if shown[:1] in (":", "#") or shown[:1].isspace() else shown


def location(finding: Finding) -> str:
    where = show_path(finding.path)
    if finding.path is not None and finding.line:
        where += f":{finding.line}"
        if finding.column:
            where += f":{finding.column}"
    return where


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(report: Report) -> str:
    counts = report.summary
    if not report.findings:
        head = "No findings."
    else:
        head = (f"Found {plural(counts['error'], 'error')}, {plural(counts['warning'], 'warning')} "
                f"and {counts['info']} info.")
    verdict = "passed" if report.passed else "failed"
    return f"{head} openness-lint {verdict}."


def render(report: Report, options: Options) -> str:
    def style(text: str, **kwargs: object) -> str:
        return click.style(text, **kwargs) if options.color else text

    lines: list[str] = []
    if report.level:
        lines.append(style(clean(report.level.verdict), bold=True))
    for name, release in sorted(report.releases.items()):
        verdict = release.level.verdict if release.level else ""
        state = "passed" if release.passed else "failed"
        lines.append(f"release {show_path(name)}: {state}. {clean(verdict)}")
    if report.releases:
        lines.append("")
    current = None
    for (release, path), group in groupby(report.findings, key=lambda f: (f.release, f.path)):
        if release != current:
            current = release
            lines.append(style(f"== release {show_path(release)} ==", bold=True) if release else "")
        lines.append(style(show_path(path), bold=True, underline=True))
        for finding in group:
            severity = style(finding.severity.label, fg=COLORS[finding.severity], bold=True)
            lines.append(f"  {location(finding)}: {severity} {style(finding.code, bold=True)} "
                         f"{clean(finding.message)}")
            lines.append(style(f"    fix: {clean(finding.fix)}", dim=True))
        lines.append("")
    for error in report.internal_errors:
        lines.append(style(f"internal error in rule {error.rule}: {clean(error.message.splitlines()[-1])}", fg="red"))
    for note in report.notes:
        lines.append(clean(note))
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"
