"""The openness map as one HTML page: the SVG inline, then the tables behind it.

Self-contained (no scripts, fonts or images; a Content-Security-Policy that
forbids loading anything) so it can be attached to a CI run and opened
anywhere. Repository text is escaped everywhere.
"""

from __future__ import annotations

from openness_lint.formats import stack, svg
from openness_lint.formats.options import Options
from openness_lint.formats.svg import esc
from openness_lint.report import Report

STYLE = """
body { font-family: DejaVu Sans, Verdana, Arial, sans-serif; color: #1f2328; margin: 2rem; max-width: 960px; }
h1 { font-size: 1.5rem; margin-bottom: 0.25rem; }
.verdict { font-size: 1.1rem; font-weight: bold; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; width: 100%; }
th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; font-size: 0.9rem; }
th { background: #f6f8fa; }
td.open { background: #dafbe1; } td.restricted { background: #fff1c2; } td.absent { background: #f6f8fa; color: #57606a; }
code { font-size: 0.85rem; }
svg { max-width: 100%; height: auto; }
""".strip()
CSP = "default-src 'none'; style-src 'unsafe-inline'"


def _component_rows(groups: list[stack.Group]) -> list[str]:
    rows = []
    for group in groups:
        for tile in group.tiles:
            evidence = ", ".join(f"<code>{esc(e)}</code>" for e in tile.evidence[:5]) or "-"
            if len(tile.evidence) > 5:
                evidence += f" and {len(tile.evidence) - 5} more"
            license_ = f"<code>{esc(tile.license)}</code>" if tile.license else "-"
            if tile.category:
                license_ += f" ({esc(tile.category)})"
            rows.append(f"<tr><td>{esc(group.title)}</td><td>{esc(tile.name)}</td>"
                        f'<td class="{tile.state}">{tile.state}</td><td>{license_}</td><td>{evidence}</td></tr>')
        for name in group.not_evaluated:
            rows.append(f"<tr><td>{esc(group.title)}</td><td>{esc(name)}</td><td>not evaluated</td><td>-</td><td>-</td></tr>")
    return rows


def _finding_rows(report: Report) -> list[str]:
    rows = []
    for finding in report.findings:
        where = "repository" if finding.path is None else finding.path + (f":{finding.line}" if finding.line else "")
        rows.append(f"<tr><td>{finding.severity.label}</td><td><code>{esc(finding.code)}</code> {esc(finding.name)}</td>"
                    f"<td><code>{esc(where)}</code></td><td>{esc(finding.message)}<br>Fix: {esc(finding.fix)}</td></tr>")
    return rows


def _release_rows(report: Report) -> list[str]:
    """A monorepo's releases, each graded on its own; the map below is the root's."""
    if not report.releases:
        return []
    rows = ["<h2>Releases</h2>", "<p>Each release is graded on its own; the map below draws the repository's root.</p>",
            "<table><thead><tr><th>Release</th><th>Result</th><th>Level</th><th>Errors</th><th>Warnings</th></tr>"
            "</thead>", "<tbody>"]
    for name, release in sorted(report.releases.items()):
        verdict = release.level.verdict if release.level else "-"
        rows.append(f"<tr><td><code>{esc(name)}</code></td><td>{'passed' if release.passed else 'failed'}</td>"
                    f"<td>{esc(verdict)}</td><td>{release.summary['error']}</td><td>{release.summary['warning']}</td></tr>")
    return rows + ["</tbody></table>"]


def render(report: Report, options: Options | None = None) -> str:
    drawn = stack.groups(report)
    picture = svg.render(report, options).split("\n", 1)[1]  # without the XML declaration
    parts = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        f"<title>{esc(f'Openness map: {report.root}')}</title>", f"<style>\n{STYLE}\n</style>", "</head>", "<body>",
        f"<h1>Openness map of <code>{esc(report.root)}</code></h1>",
        f'<p class="verdict">{esc(stack.verdict(report))}</p>',
    ]
    gate = stack.gate(report)
    if gate:
        parts.append(f"<p>{esc(gate)}</p>")
    parts += [f"<blockquote>{esc(note)}</blockquote>" for note in report.notes]
    parts += _release_rows(report)
    parts += [
        picture,
        "<h2>How to read the map</h2>", "<ul>",
        *(f"<li><strong>{esc(name)}</strong>: {esc(label.split(': ', 1)[1])}.</li>"
          for name, label in svg.LEGEND.items()),
        "</ul>",
        "<h2>Components</h2>",
        "<table><thead><tr><th>Group</th><th>Component</th><th>State</th><th>License</th><th>Evidence</th></tr></thead>",
        "<tbody>", *_component_rows(drawn), "</tbody></table>",
    ]
    counts = report.summary
    parts.append(f"<h2>Findings</h2><p>{counts['error']} error(s), {counts['warning']} warning(s), "
                 f"{counts['info']} info; {'passed' if report.passed else 'failed'}.</p>")
    if report.findings:
        parts += ["<table><thead><tr><th>Severity</th><th>Rule</th><th>Location</th><th>Message</th></tr></thead>",
                  "<tbody>", *_finding_rows(report), "</tbody></table>"]
    parts += [f"<p><strong>Internal error</strong> in rule <code>{esc(e.rule)}</code>: "
              f"{esc(e.message.splitlines()[-1])}</p>" for e in report.internal_errors]
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)
