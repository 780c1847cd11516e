"""Small builders for findings, reports and rules used by several unit tests."""

from __future__ import annotations

from typing import Callable, Iterable

from openness_lint.finding import Finding, Severity, Violation
from openness_lint.registry import DOC_HEADINGS, Rule
from openness_lint.report import InternalError, Report

DOC = {key: f"{key} text" for key in DOC_HEADINGS}


def finding(code: str = "LIC001", severity: Severity = Severity.ERROR, path: str | None = "LICENSE",
            line: int | None = 1, message: str = "a message", name: str = "license-file-missing",
            fix: str = "add a license") -> Finding:
    return Finding(code=code, name=name, severity=severity, component=None, path=path,
                   line=line, column=None, message=message, fix=fix)


def report(findings: Iterable[Finding], internal_errors: Iterable[InternalError] = ()) -> Report:
    return Report(root=".", findings=list(findings), components={}, rules=[],
                  internal_errors=list(internal_errors))


def many(count: int, severity: Severity, prefix: str) -> list[Finding]:
    """``count`` distinct findings of one severity, each on its own file."""
    return [finding(code=f"{prefix}{index:03d}", severity=severity, path=f"{prefix.lower()}/{index:03d}.md")
            for index in range(count)]


def rule(code: str, check: Callable[..., Iterable[Violation]], severity: Severity = Severity.ERROR) -> Rule:
    return Rule(code=code, name=f"test-{code.lower()}", summary="A test rule.", severity=severity,
                component=None, fix="Fix it.", doc=dict(DOC), pack="test", check=check)


def locations(findings: Iterable[Finding]) -> set[tuple[str, str | None, int | None]]:
    """What rule tests assert on: (code, path, line)."""
    return {(f.code, f.path, f.line) for f in findings}
