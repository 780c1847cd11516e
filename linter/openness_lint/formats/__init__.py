"""Output formats: one pure function per format, from a report to a string.

Formatters never print and never read the environment themselves; the CLI
passes what they need in Options.
"""

from __future__ import annotations

from typing import Callable

from openness_lint.formats import github, json_format, markdown, sarif, text
from openness_lint.formats.options import Options
from openness_lint.report import Report

Formatter = Callable[[Report, Options], str]

FORMATS: dict[str, Formatter] = {
    "text": text.render,
    "github": github.render,
    "json": json_format.render,
    "sarif": sarif.render,
    "markdown": markdown.render,
}

__all__ = ["FORMATS", "Formatter", "Options"]
