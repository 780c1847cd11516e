"""Which writer a BOM format, or a file name, asks for, and the one call
that writes a report's BOM in it."""

from __future__ import annotations

from openness_lint.bom import cyclonedx, spdx
from openness_lint.report import Report

FORMATS = ("cyclonedx", "spdx")
SPDX_SUFFIXES = (".spdx.json", ".spdx.jsonld")


def format_of(file_name: str) -> str:
    """spdx for a `.spdx.json` (or `.spdx.jsonld`) file, cyclonedx for any other."""
    return "spdx" if file_name.lower().endswith(SPDX_SUFFIXES) else "cyclonedx"


def needs_time(fmt: str) -> bool:
    """SPDX 3 requires a creation time (CreationInfo.created); CycloneDX does not."""
    return fmt == "spdx"


def render(report: Report, fmt: str, created: str | None) -> tuple[str, list[str]]:
    """The BOM's text, and warnings about what the repository does not state."""
    if fmt == "spdx":
        if created is None:
            raise ValueError("an SPDX BOM needs a creation time")
        return spdx.render(report, created)
    return cyclonedx.render(report, created), []
