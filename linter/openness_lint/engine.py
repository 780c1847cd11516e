"""Run the selected rules over a repository and build the report.

The engine stamps code, severity, component and fix from each rule's
metadata and the config, so a rule cannot mislabel itself. A crash inside
one rule becomes an internal error naming the rule; the others still run.
"""

from __future__ import annotations

import fnmatch
import traceback
from typing import Any, Callable

from openness_lint import components, detection
from openness_lint.components import ComponentStatus
from openness_lint.config import Config
from openness_lint.finding import Finding, Severity, Violation
from openness_lint.levels import evaluate
from openness_lint.registry import Registry, Rule
from openness_lint.repo import Repo, Unreadable
from openness_lint.report import InternalError, Report

FILE_UNREADABLE = "OL001"
FILE_NOT_UTF8 = "OL002"
UNUSED_IGNORE = "OL003"


class Context:
    """What a rule sees: the repository, the config and shared analyses."""

    def __init__(self, repo: Repo, config: Config):
        self.repo = repo
        self.config = config
        self._analyses: dict[str, Any] = {}
        self._components: dict[str, ComponentStatus] | None = None

    def analysis(self, name: str, build: Callable[["Context"], Any]) -> Any:
        """Compute a shared analysis once per run (license files, cards...)."""
        if name not in self._analyses:
            self._analyses[name] = build(self)
        return self._analyses[name]

    def text(self, path: str) -> str | None:
        """File text, or None when unreadable (the engine reports why)."""
        try:
            return self.repo.text(path).content
        except Unreadable:
            return None

    @property
    def components(self) -> dict[str, ComponentStatus]:
        if self._components is None:
            from openness_lint.licensing import components as component_licenses

            found = {cid: detect(self) for cid, detect in sorted(components.DETECTORS.items())}
            component_licenses.assign(self, found)
            self._components = found
        return self._components


def _match_length(code: str, selectors: list[str]) -> int:
    best = -1
    for selector in selectors:
        selector = selector.upper()
        if selector == "ALL":
            best = max(best, 0)
        elif code.startswith(selector):
            best = max(best, len(selector))
    return best


def selected_rules(registry: Registry, config: Config) -> list[Rule]:
    """The most specific selector wins; on a tie, ignore wins (as in ruff)."""
    chosen = []
    for item in registry:
        picked = _match_length(item.code, config.select or ["ALL"])
        dropped = _match_length(item.code, config.ignore)
        if picked >= 0 and picked > dropped:
            chosen.append(item)
    return chosen


def severity_for(item: Rule, config: Config) -> Severity:
    best, severity = -1, item.severity
    for selector, override in config.severity.items():
        length = _match_length(item.code, [selector])
        if length > best:
            best, severity = length, override
    return severity


def _stamp(item: Rule, config: Config, violation: Violation) -> Finding:
    return Finding(
        rule=item.code, name=item.name, severity=severity_for(item, config),
        component=violation.component or item.component, path=violation.path,
        line=violation.line, column=violation.column,
        message=violation.message, fix=violation.fix or item.fix,
    )


def _file_problems(repo: Repo) -> dict[str, list[Violation]]:
    """Files that rules asked for and could not read cleanly."""
    problems: dict[str, list[Violation]] = {FILE_UNREADABLE: [], FILE_NOT_UTF8: []}
    for path, result in sorted(repo._text.items()):
        if isinstance(result, Unreadable):
            problems[FILE_UNREADABLE].append(Violation(f"cannot read as text: {result.reason}", path, result.line))
        elif result.fallback_line is not None:
            problems[FILE_NOT_UTF8].append(Violation(
                "not valid UTF-8; read with replacement characters", path, result.fallback_line))
    return problems


def run(repo: Repo, config: Config, registry: Registry, root_display: str = ".",
        debug: bool = False, ignores: bool = True, levels: bool = True) -> Report:
    """Lint one release. With ignores=False the config's ignore-findings are
    left for the caller, which applies them once over several releases."""
    ctx = Context(repo, config)
    rules = selected_rules(registry, config)
    raw: list[Finding] = []
    errors: list[InternalError] = []
    try:
        detection.warm(ctx, frameworks=levels)
    except Exception:  # noqa: BLE001 - the rules and detectors that need it report the error
        pass
    for item in rules:
        try:
            raw.extend(_stamp(item, config, v) for v in item.check(ctx))
        except Unreadable:
            continue  # reported below as OL001 for the file
        except Exception as exc:  # noqa: BLE001 - one rule must not sink the run
            detail = traceback.format_exc() if debug else f"{type(exc).__name__}: {exc}"
            errors.append(InternalError(item.code, detail))
    try:
        found = ctx.components
    except Exception as exc:  # noqa: BLE001
        errors.append(InternalError("detectors", f"{type(exc).__name__}: {exc}"))
        found = {}
    by_code = {item.code: item for item in rules}
    for code, violations in _file_problems(repo).items():
        if code in by_code:
            raw.extend(_stamp(by_code[code], config, v) for v in violations)
    kept = apply_ignores(raw, config, rules) if ignores else raw
    try:
        level = evaluate.report_level(ctx) if levels else None
    except Exception as exc:  # noqa: BLE001 - the gate must never silently pass
        errors.append(InternalError("levels", traceback.format_exc() if debug else f"{type(exc).__name__}: {exc}"))
        level = None
    return Report(root=root_display, findings=kept, components=found, rules=rules, level=level,
                  internal_errors=errors, anchor=_anchor(repo), notes=list(config.notes))


def _anchor(repo: Repo) -> str:
    """A stable file for findings about something missing (SARIF needs one)."""
    readmes = sorted(e.path for e in repo.files_in("") if e.name.lower().startswith("readme"))
    if "README.md" in repo:
        return "README.md"
    return readmes[0] if readmes else "."


def apply_ignores(findings: list[Finding], config: Config, rules: list[Rule]) -> list[Finding]:
    """Drop findings that ignore-findings accepts; report entries that matched nothing."""
    kept, used = _apply_ignores(findings, config)
    unused = next((r for r in rules if r.code == UNUSED_IGNORE), None)
    if unused is not None:
        for entry in config.ignore_findings:
            if entry not in used:
                kept.append(_stamp(unused, config, Violation(
                    f"ignore-findings entry for {entry.rule} at {entry.path!r} matched no finding",
                    config.source, entry.line)))
    return kept


def _apply_ignores(findings: list[Finding], config: Config) -> tuple[list[Finding], set]:
    kept, used = [], set()
    for finding in findings:
        hit = next((entry for entry in config.ignore_findings
                    if finding.rule.startswith(entry.rule.upper())
                    and fnmatch.fnmatchcase(finding.path or "", entry.path)), None)
        if hit is None:
            kept.append(finding)
        else:
            used.add(hit)
    return kept, used
