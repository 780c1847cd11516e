"""A README badge: "openness | MOF Class II", drawn locally as a tiny SVG.

The colour says how far up its framework the release is: green at the top
level, olive between, amber at the lowest, red when below the configured
minimum, grey when no level was computed ("not graded"). A monorepo's
badge shows its least open release.
"""

from __future__ import annotations

from openness_lint.catalog import frameworks
from openness_lint.formats import stack
from openness_lint.formats.svg import esc
from openness_lint.levels.result import LevelReport
from openness_lint.report import Report

LABEL = "openness"
NOT_GRADED = "not graded"
COLOURS = {"top": "#1a7f37", "between": "#4d7c0f", "lowest": "#9a6700", "failed": "#cf222e", "none": "#6e7781"}
FONT = "Verdana, Geneva, DejaVu Sans, sans-serif"
# rough advance widths at 11px, enough to size the boxes
_NARROW, _WIDE = set("fijlrt.,:;!|()[] '"), set("mwMW@%")


def text_width(value: str) -> int:
    width = 0.0
    for char in value:
        width += 3.6 if char in _NARROW else 10.0 if char in _WIDE else 8.0 if char.isupper() else 6.8
    return round(width)


def shown_level(report: Report) -> LevelReport | None:
    """The level a badge shows: the release's, or for a monorepo the least
    open of its releases' (the gate holds each release to the minimum)."""
    graded = [r.level for r in report.releases.values() if r.level] if report.releases else []
    if not graded:
        return report.level
    framework = frameworks.builtin().get(graded[0].framework)
    if framework is None or any(g.framework != framework.id or g.achieved not in framework.levels for g in graded):
        return report.level
    least = min(graded, key=lambda g: framework.rank(g.achieved))
    return least._replace(passed=report.level_passed)


def value(report: Report) -> tuple[str, str]:
    """The right-hand text and the colour key."""
    level = shown_level(report)
    if level is None:
        return NOT_GRADED, "none"
    framework_id, achieved = level.framework, level.achieved
    framework = frameworks.builtin().get(framework_id)
    name = stack.level_label(framework_id, achieved)
    short = stack.load().badge_names.get(framework_id, framework_id.upper())
    if not level.passed:
        colour = "failed"
    elif framework and achieved in framework.levels:
        rank = framework.rank(achieved)
        colour = "top" if rank == len(framework.levels) - 1 else "lowest" if rank == 0 else "between"
    else:
        colour = "between"
    return f"{short} {name}", colour


def render(report: Report) -> str:
    right, colour = value(report)
    left_width, right_width = text_width(LABEL) + 12, text_width(right) + 12
    width = left_width + right_width
    label = f"{LABEL}: {right}"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" viewBox="0 0 {width} 20" '
        f'role="img" aria-label="{esc(label)}">\n'
        f"<title>{esc(label)}</title>\n"
        f'<rect width="{width}" height="20" rx="3" fill="{COLOURS[colour]}"/>\n'
        f'<path d="M3 0h{left_width - 3}v20H3a3 3 0 0 1-3-3V3a3 3 0 0 1 3-3z" fill="#555"/>\n'
        f'<g fill="#fff" font-family="{FONT}" font-size="11" text-anchor="middle">\n'
        f'<text x="{left_width / 2:g}" y="14">{LABEL}</text>\n'
        f'<text x="{left_width + right_width / 2:g}" y="14">{esc(right)}</text>\n'
        "</g>\n</svg>\n"
    )
