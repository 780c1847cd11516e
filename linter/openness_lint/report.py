"""The result of one check: a flat, sorted list of findings plus components
and levels. formats/json_format.py owns the JSON shape of it."""

from __future__ import annotations

from typing import NamedTuple

from openness_lint.components import ComponentStatus
from openness_lint.finding import Finding, Severity
from openness_lint.levels.result import LevelReport
from openness_lint.registry import Rule


class InternalError(NamedTuple):
    rule: str  # the code of the rule that crashed, or "detectors", "levels"
    message: str


class Report:
    """One check's result. A monorepo's releases, each judged on its own
    (run.py), are reports too; their findings are in the root's
    ``findings`` as well, each naming its release."""

    __slots__ = ("root", "findings", "components", "rules", "level", "anchor", "internal_errors", "notes",
                 "git_prefix", "releases", "facts")

    def __init__(self, root: str, findings: list[Finding], components: dict[str, ComponentStatus],
                 rules: list[Rule], level: LevelReport | None = None, anchor: str = ".",
                 internal_errors: list[InternalError] | None = None, notes: list[str] | None = None,
                 git_prefix: str = "", releases: dict[str, Report] | None = None, facts: object = None):
        self.root = root
        self.findings = sorted(findings, key=Finding.sort_key)
        self.components = components
        self.rules = rules  # the rules that ran, for SARIF and docs
        self.level = level
        self.anchor = anchor  # where SARIF points findings that have no file: a stable, existing path
        self.internal_errors = internal_errors if internal_errors is not None else []
        self.notes = notes if notes is not None else []
        # where the root sits inside its git work tree ("" at the top, else
        # "models/a/"), so that annotations and SARIF name paths as GitHub does
        self.git_prefix = git_prefix
        self.releases = releases if releases is not None else {}
        self.facts = facts  # what run.lint's ``collect`` gathered for a command

    def replaced(self, **changes: object) -> Report:
        """A copy with some fields changed (the findings sorted again)."""
        return Report(**{**{name: getattr(self, name) for name in self.__slots__}, **changes})

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def summary(self) -> dict[str, int]:
        return {s.label: self.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}

    @property
    def level_passed(self) -> bool:
        """Whether the release, and every release of a monorepo, meets the min-level."""
        return (self.level is None or self.level.passed) and all(r.level_passed for r in self.releases.values())

    @property
    def passed(self) -> bool:
        releases_ok = all(release.passed for release in self.releases.values())
        return self.count(Severity.ERROR) == 0 and self.level_passed and not self.internal_errors and releases_ok
