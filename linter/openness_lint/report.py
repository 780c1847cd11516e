"""The result of one check: a flat, sorted list of findings plus components."""

from __future__ import annotations

from dataclasses import dataclass, field

from openness_lint import __version__
from openness_lint.components import ComponentStatus
from openness_lint.finding import Finding, Severity
from openness_lint.registry import Rule

SCHEMA_VERSION = 1


@dataclass
class InternalError:
    rule: str
    message: str


@dataclass
class Report:
    root: str
    findings: list[Finding]
    components: dict[str, ComponentStatus]
    rules: list[Rule]  # the rules that ran, for SARIF and docs
    level: dict | None = None
    # Where SARIF points findings that have no file: a stable, existing path.
    anchor: str = "."
    internal_errors: list[InternalError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # a monorepo's sub-releases, each judged on its own (releases.py)
    releases: dict[str, "Report"] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.findings = sorted(self.findings, key=Finding.sort_key)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def summary(self) -> dict[str, int]:
        return {s.label: self.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}

    @property
    def passed(self) -> bool:
        level_ok = self.level is None or self.level.get("passed", True)
        releases_ok = all(release.passed for release in self.releases.values())
        return self.count(Severity.ERROR) == 0 and level_ok and not self.internal_errors and releases_ok

    def to_dict(self) -> dict:
        data = self._dict()
        if self.releases:
            data["releases"] = {name: {key: value for key, value in release._dict().items()
                                       if key in ("components", "findings", "level", "summary")}
                                | {"passed": release.passed}
                                for name, release in sorted(self.releases.items())}
        return data

    def _dict(self) -> dict:
        return {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "openness-lint", "version": __version__},
            "root": self.root,
            "components": {cid: status.to_dict() for cid, status in sorted(self.components.items())},
            "findings": [f.to_dict() for f in self.findings],
            "level": self.level,
            "summary": self.summary,
            # a rule that crashed: the run failed (exit 2) whatever the findings say
            "internal_errors": [{"rule": e.rule, "message": e.message.splitlines()[-1]} for e in self.internal_errors],
        }
