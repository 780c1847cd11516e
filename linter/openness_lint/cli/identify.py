"""openness-lint identify FILE...: which license each file holds.

Each file is read as a license file is in a check (1 MiB at most, never
through a link that leaves its folder's tree, UTF-8 or UTF-16), and
identified on its own: the answer is a license, or unknown, never a
license more open than the text.
"""

from __future__ import annotations

from pathlib import Path

import click

from openness_lint.analysis.licensing import classify
from openness_lint.analysis.licensing.identification import Identification, identify
from openness_lint.cli.options import debug_option
from openness_lint.errors import Unreadable
from openness_lint.formats.json_format import safe_json
from openness_lint.formats.text import clean
from openness_lint.repo.reading import read_bounded


def _identified(path: Path) -> tuple[Identification, str]:
    """The file's identification, and why it could not be read ("" when it could)."""
    try:  # the user named the file: a link to it is followed, once
        text = read_bounded(path.resolve(), str(path), []).content
    except Unreadable as exc:
        return Identification("unknown", None, 0.0, ""), exc.reason
    return identify(text), ""


def _record(path: Path) -> dict:
    found, problem = _identified(path)
    return {
        "path": str(path),
        "kind": found.kind,
        "license": found.license,
        "parts": list(found.parts) or ([found.license] if found.kind == "license" else []),
        "confidence": found.confidence,
        "method": found.method,
        "category": classify.of_expression(found.license).id if found.license else None,
        "note": problem or found.near or None,
    }


def _line(record: dict) -> str:
    what = record["license"] or "unknown"
    details = [record["kind"]] + [v for v in (record["method"], record["category"]) if v]
    if record["note"]:
        details.append(record["note"])
    return clean(f"{record['path']}: {what} ({'; '.join(details)})")


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: an array with one object per file, in the order given.")
@debug_option
def identify_command(files: tuple[Path, ...], fmt: str) -> int:
    """Say which license each FILE holds: a license, several (compound), a
    pointer to one elsewhere, or unknown.

    JSON keys: path, kind (license, compound, pointer or unknown), license
    (an SPDX expression or LicenseRef, null when unknown), parts, confidence,
    method (spdx-tag, title, full-text or parts), category (how open the
    license is) and note (why a text is unknown, or could not be read)."""
    records = [_record(path) for path in files]
    if fmt == "json":
        click.echo(safe_json(records), nl=False)
    else:
        for record in records:
            click.echo(_line(record))
    return 0
