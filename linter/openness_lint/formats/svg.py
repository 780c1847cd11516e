"""The openness map as one self-contained SVG: no fonts, images or scripts.

The level verdict sits on top; below it the groups of the AI stack, each a
panel of tiles coloured open / restricted / absent (formats/stack.py). Every
tile carries its license as a label and its evidence in a <title>, which
browsers show on hover. All repository text is escaped and stripped of
characters XML cannot hold.
"""

from __future__ import annotations

import textwrap

from openness_lint.catalog import datacache
from openness_lint.formats import stack
from openness_lint.formats.options import Options
from openness_lint.formats.text import plural
from openness_lint.report import Report

WIDTH, MARGIN, COLUMNS, GAP = 920, 20, 3, 20
PANEL = (WIDTH - 2 * MARGIN - (COLUMNS - 1) * GAP) // COLUMNS
TILE_HEIGHT, TILE_STEP, PANEL_HEAD = 42, 48, 38
FONT = "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif"
# fill, stroke, colour of the state text
COLOURS = {
    "open": ("#dafbe1", "#1a7f37", "#116329"),
    "restricted": ("#fff1c2", "#bf8700", "#7d4e00"),
    "absent": ("#f6f8fa", "#8c959f", "#57606a"),
}
LEGEND = {
    "open": "open: OSI/FSF or open-data license, or needs none",
    "restricted": "restricted: any other license, or none identified",
    "absent": "absent: not found in the release",
}
# Not allowed in XML 1.0, plus bidirectional overrides that could make a
# path read differently from what it is.
_UNSAFE = datacache.regex("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u202a-\u202e\u2066-\u2069]")


def clean(value: object) -> str:
    """Repository text on one line, with only characters XML can hold."""
    return " ".join(_UNSAFE.sub("\ufffd", str(value)).split())


def esc(value: object) -> str:
    """Text for XML content or a double-quoted attribute."""
    return (clean(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


def fit(value: object, limit: int) -> str:
    text = clean(value)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def text(x: int, y: int, value: str, size: int = 13, weight: str = "normal", fill: str = "#1f2328",
         anchor: str = "start", style: str = "normal") -> str:
    return (f'<text x="{x}" y="{y}" font-size="{size}" font-weight="{weight}" fill="{fill}" '
            f'text-anchor="{anchor}" font-style="{style}">{esc(value)}</text>')


def tile_svg(tile: stack.Tile, x: int, y: int, width: int) -> str:
    fill, stroke, ink = COLOURS[tile.state]
    dash = ' stroke-dasharray="4 3"' if tile.state == "absent" else ""
    hover = f"{tile.name}: {tile.state}"
    if tile.license:
        hover += f". License: {tile.license}" + (f" ({tile.category})" if tile.category else "")
    if tile.evidence:
        hover += ". Evidence: " + ", ".join(tile.evidence[:10]) + (" and more" if len(tile.evidence) > 10 else "")
    chars = (width - 20) // 7
    return "".join([
        f'<g><title>{esc(hover)}</title>',
        f'<rect x="{x}" y="{y}" width="{width}" height="{TILE_HEIGHT}" rx="6" fill="{fill}" '
        f'stroke="{stroke}" stroke-width="1.5"{dash}/>',
        text(x + 10, y + 17, fit(tile.name, chars), 13, "bold"),
        text(x + 10, y + 33, fit(stack.detail(tile), chars + 4), 11, fill=ink),
        "</g>",
    ])


def panel_height(group: stack.Group) -> int:
    body = max(len(group.tiles) * TILE_STEP, (len(group.not_evaluated) + 1) * 18 if group.not_evaluated else 0, 40)
    return PANEL_HEAD + body + 6


def panel_svg(group: stack.Group, x: int, y: int, height: int) -> str:
    opened = sum(1 for t in group.tiles if t.state == "open")
    parts = [f'<rect x="{x}" y="{y}" width="{PANEL}" height="{height}" rx="8" fill="#ffffff" stroke="#d0d7de"/>',
             text(x + 12, y + 25, group.title, 15, "bold")]
    if group.tiles:
        parts.append(text(x + PANEL - 12, y + 25, f"{opened} of {len(group.tiles)} open", 12,
                          fill="#57606a", anchor="end"))
    for index, tile in enumerate(group.tiles):
        parts.append(tile_svg(tile, x + 10, y + PANEL_HEAD + index * TILE_STEP, PANEL - 20))
    if group.not_evaluated:
        top = y + PANEL_HEAD + len(group.tiles) * TILE_STEP + 14
        parts.append(text(x + 12, top, "Not evaluated in this report:", 12, fill="#57606a", style="italic"))
        parts += [text(x + 22, top + 18 * (i + 1), f"\u2013 {name}", 12, fill="#57606a")
                  for i, name in enumerate(group.not_evaluated)]
    if not group.tiles and not group.not_evaluated:
        parts.append(text(x + 12, y + PANEL_HEAD + 16, "Nothing tracked here.", 12, fill="#57606a"))
    return "".join(parts)


def header(report: Report) -> tuple[list[str], int]:
    verdict = stack.verdict(report)
    wrapped = textwrap.wrap(clean(verdict), 92) or [""]
    lines = wrapped[:3]
    if len(wrapped) > 3:
        lines[-1] = fit(lines[-1] + " \u2026", 92)
    parts = [text(MARGIN, 34, "Openness map", 22, "bold"),
             text(MARGIN, 56, fit(report.root, 110), 13, fill="#57606a")]
    y = 84
    parts.append(f"<g><title>{esc(verdict)}</title>")
    for line in lines:
        parts.append(text(MARGIN, y, line, 16, "bold"))
        y += 21
    parts.append("</g>")
    steps = stack.progress(report)
    if steps:
        parts.append(text(MARGIN, y, "Progress: " + " \u00b7 ".join(f"{label} {percent}%" for _, label, percent in steps),
                          13, fill="#1f2328"))
        y += 20
    counts = report.summary
    result = (f"{plural(counts['error'], 'error')}, {plural(counts['warning'], 'warning')}, "
              f"{counts['info']} info; {'passed' if report.passed else 'failed'}.")
    gate = stack.gate(report)
    parts.append(text(MARGIN, y + 2, f"{gate} {result}" if gate else result, 13,
                      fill="#1a7f37" if report.passed else "#cf222e"))
    y += 24
    x = MARGIN
    for name, label in LEGEND.items():
        fill, stroke, _ = COLOURS[name]
        dash = ' stroke-dasharray="3 2"' if name == "absent" else ""
        parts.append(f'<rect x="{x}" y="{y}" width="14" height="14" rx="3" fill="{fill}" stroke="{stroke}"{dash}/>')
        parts.append(text(x + 20, y + 12, label, 11, fill="#57606a"))
        x += 20 + len(label) * 6 + 22
    return parts, y + 30


def render(report: Report, options: Options | None = None) -> str:
    drawn = stack.groups(report)
    parts, y = header(report)
    for start in range(0, len(drawn), COLUMNS):
        row = drawn[start:start + COLUMNS]
        height = max(panel_height(group) for group in row)
        for column, group in enumerate(row):
            parts.append(panel_svg(group, MARGIN + column * (PANEL + GAP), y, height))
        y += height + GAP
    tally = stack.counts(drawn)
    parts.append(text(MARGIN, y + 6, "Drawn by openness-lint from file names and small text files; "
                      "hover a tile for its license and evidence.", 11, fill="#57606a"))
    height = y + 20
    summary = ", ".join(f"{tally[name]} {name}" for name in stack.STATES)
    return "".join([
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="map-title map-desc" '
        f'font-family="{FONT}">\n',
        f'<title id="map-title">{esc(f"Openness map of {report.root}: {stack.verdict(report)}")}</title>\n',
        f'<desc id="map-desc">{esc(f"Release components by group of the AI stack: {summary}.")}</desc>\n',
        f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>\n',
        "\n".join(parts), "\n</svg>\n",
    ])
