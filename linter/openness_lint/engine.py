"""Run the selected rules over one release and build its report.

The engine stamps code, severity, component and fix from each rule's
metadata and the config, so a rule cannot mislabel itself. A crash inside
one rule becomes an internal error naming the rule; the others still run.
Which findings the configuration accepts (ignore-findings) is decided once
for the whole run, in run.py.
"""

from __future__ import annotations

import traceback
from typing import Any, Callable

from openness_lint.analysis import evidence
from openness_lint.analysis.components import detect_all
from openness_lint.components import ComponentStatus
from openness_lint.config import Config
from openness_lint.context import Context
from openness_lint.errors import Unreadable
from openness_lint.finding import Finding, Severity, Violation
from openness_lint.levels import evaluate
from openness_lint.levels.result import LevelReport
from openness_lint.registry import Registry, Rule
from openness_lint.repo.repo import Repo
from openness_lint.report import InternalError, Report

FILE_UNREADABLE = "OL001"
FILE_NOT_UTF8 = "OL002"
UNUSED_IGNORE = "OL003"


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


def stamp(item: Rule, config: Config, violation: Violation) -> Finding:
    """The finding a rule's violation becomes."""
    return Finding(
        code=item.code, name=item.name, severity=severity_for(item, config),
        component=violation.component or item.component, path=violation.path,
        line=violation.line, column=violation.column,
        message=violation.message, fix=violation.fix or item.fix,
    )


def _file_problems(repo: Repo) -> dict[str, list[Violation]]:
    """Files that rules asked for and could not read cleanly."""
    problems: dict[str, list[Violation]] = {FILE_UNREADABLE: [], FILE_NOT_UTF8: []}
    for path, result in sorted(repo.reads().items()):
        if isinstance(result, Unreadable):
            problems[FILE_UNREADABLE].append(Violation(f"cannot read as text: {result.reason}", path, result.line))
        elif result.fallback_line is not None:
            problems[FILE_NOT_UTF8].append(Violation(
                "not valid UTF-8; read with replacement characters", path, result.fallback_line))
    return problems


def _failed(what: str, exc: Exception, debug: bool) -> InternalError:
    """An exception being handled, as an internal error of ``what``."""
    return InternalError(what, traceback.format_exc() if debug else f"{type(exc).__name__}: {exc}")


def run(repo: Repo, config: Config, rules: list[Rule], root_display: str = ".",
        debug: bool = False, levels: bool = True, collect: Callable[[Context], Any] | None = None) -> Report:
    """Lint one release with the given rules; ``levels``: grade it too.
    ``collect``: what a command needs beyond the report (the manifest draft,
    the bill of materials), computed from the same run's Context."""
    ctx = Context(repo, config)
    raw: list[Finding] = []
    errors: list[InternalError] = []
    try:
        # what every run looks for by name, found before the rules: it needs
        # only the inventory, so on a large tree it runs while git grep reads
        evidence.warm(ctx)
        if levels:
            evaluate.warm(ctx)
    except Exception:  # noqa: BLE001 - the rules and detectors that need it report the error
        pass
    for item in rules:
        try:
            raw.extend(stamp(item, config, v) for v in item.check(ctx))
        except Unreadable:
            continue  # reported below as OL001 for the file
        except Exception as exc:  # noqa: BLE001 - one rule must not sink the run
            errors.append(_failed(item.code, exc, debug))
    found: dict[str, ComponentStatus]
    try:
        found = detect_all(ctx)
    except Exception as exc:  # noqa: BLE001
        errors.append(_failed("detectors", exc, debug))
        found = {}
    by_code = {item.code: item for item in rules}
    for code, violations in _file_problems(repo).items():
        if code in by_code:
            raw.extend(stamp(by_code[code], config, v) for v in violations)
    level: LevelReport | None = None
    try:
        level = evaluate.report_level(ctx) if levels else None
    except Exception as exc:  # noqa: BLE001 - the gate must never silently pass
        errors.append(_failed("levels", exc, debug))
    facts = None
    if collect is not None:
        try:
            facts = collect(ctx)
        except Exception as exc:  # noqa: BLE001
            errors.append(_failed("collect", exc, debug))
    return Report(root=root_display, findings=raw, components=found, rules=rules, level=level,
                  internal_errors=errors, anchor=_anchor(repo), notes=list(config.notes),
                  git_prefix=repo.git_prefix, facts=facts)


def _anchor(repo: Repo) -> str:
    """A stable file for findings about something missing (SARIF needs one)."""
    readmes = sorted(e.path for e in repo.files_in("") if e.name.lower().startswith("readme"))
    if "README.md" in repo:
        return "README.md"
    return readmes[0] if readmes else "."
