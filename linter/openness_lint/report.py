"""The result of one check: a flat, sorted list of findings plus components
and levels. formats/json_format.py owns the JSON shape of it."""

from __future__ import annotations

from dataclasses import dataclass, field

from openness_lint.components import ComponentStatus
from openness_lint.finding import Finding, Severity
from openness_lint.levels.result import LevelReport
from openness_lint.registry import Rule


@dataclass
class InternalError:
    rule: str  # the code of the rule that crashed, or "detectors", "levels"
    message: str


@dataclass
class Report:
    root: str
    findings: list[Finding]
    components: dict[str, ComponentStatus]
    rules: list[Rule]  # the rules that ran, for SARIF and docs
    level: LevelReport | None = None
    # Where SARIF points findings that have no file: a stable, existing path.
    anchor: str = "."
    internal_errors: list[InternalError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # where the root sits inside its git work tree ("" at the top, else
    # "models/a/"), so that annotations and SARIF name paths as GitHub does
    git_prefix: str = ""
    # a monorepo's releases, each judged on its own (run.py); their findings
    # are in ``findings`` too, each naming its release
    releases: dict[str, Report] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.findings = sorted(self.findings, key=Finding.sort_key)

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
