"""Output formats: one pure function per format, from a report to a string.

Formatters never print and never read the environment themselves; the CLI
passes what they need in Options.
"""

from __future__ import annotations

import importlib
from typing import Callable, Iterator, Mapping

from openness_lint.formats.options import Options
from openness_lint.report import Report

Formatter = Callable[[Report, Options], str]

# format name -> the module whose render() writes it
_MODULES = {"text": "text", "github": "github", "json": "json_format", "sarif": "sarif", "markdown": "markdown"}


class _Formats(Mapping[str, Formatter]):
    """Format name -> formatter. A formatter's module is imported when it is
    first used: a run that prints text never loads the SARIF writer."""

    def __getitem__(self, name: str) -> Formatter:
        return importlib.import_module(f"openness_lint.formats.{_MODULES[name]}").render

    def __iter__(self) -> Iterator[str]:
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)


FORMATS: Mapping[str, Formatter] = _Formats()

__all__ = ["FORMATS", "Formatter", "Options"]
