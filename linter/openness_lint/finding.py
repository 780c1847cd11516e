"""Findings: what a rule reports, and the severity scale."""

from __future__ import annotations

import enum
from typing import NamedTuple


class Severity(enum.IntEnum):
    """Ordered so that max() gives the most severe."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r}: use error, warning or info") from None


class Violation(NamedTuple):
    """What a rule yields. The engine stamps rule id, severity and fix on it.

    ``component`` and ``fix`` default to the rule's metadata; a rule sets them
    only when one check covers several components or needs a specific fix.
    """

    message: str
    path: str | None = None
    line: int | None = None
    column: int | None = None
    component: str | None = None
    fix: str | None = None


class Finding(NamedTuple):
    code: str  # the rule's code, LIC001 (the JSON calls it "rule")
    name: str  # the rule's name, license-file-missing
    severity: Severity
    component: str | None
    path: str | None
    line: int | None
    column: int | None
    message: str
    fix: str
    release: str | None = None  # the sub-release of a monorepo it belongs to

    def sort_key(self) -> tuple:
        # Findings about the whole repository (no path) come first, then by
        # file and position: the order text and golden files rely on.
        return (
            self.release or "",
            self.path is not None,
            self.path or "",
            self.line or 0,
            self.column or 0,
            -self.severity,
            self.code,
            self.message,
        )
