"""lint(): the one way to run a check, for every command, the Action and the tests.

A run starts git's listing (and, for a full check, its search for SPDX
headers) before the configuration and rules load, narrows the rules to the
changed files in staged mode, splits a monorepo into its releases, runs the
engine once per release, and applies the configuration's ignore-findings
once over everything found.
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path
from typing import Any, Callable, Sequence

from openness_lint import config as config_mod
from openness_lint import engine, releases, staged
from openness_lint import registry as registry_mod
from openness_lint.analysis.licensing.files import HEADER_SEARCH
from openness_lint.components import ComponentStatus, evidence_path
from openness_lint.config import Config, IgnoredFinding, Overrides
from openness_lint.context import Context
from openness_lint.finding import Finding, Violation
from openness_lint.registry import Registry, Rule
from openness_lint.repo.repo import Repo, Started
from openness_lint.repo.view import View
from openness_lint.report import Report


def lint(root: Path, config: Config | None = None, registry: Registry | None = None, *,
         config_path: Path | None = None, overrides: Overrides = Overrides(),
         changed: Sequence[str] | None = None, debug: bool = False, display: str | None = None,
         shown: Callable[[Path], str] = str, collect: Callable[[Context], Any] | None = None) -> Report:
    """Check the release at root and return its report.

    Without ``config`` (and ``registry``), they are loaded from root (or
    ``config_path``) while git lists the tree. ``overrides``: what the command
    line says over the configuration. ``changed``: the files a commit
    changes (pre-commit's staged files); only the rules they can affect run.
    ``display``: the root as reports name it. ``shown``: how error messages
    name a path. ``collect``: what a command needs beyond the report,
    computed for each release from its Context (Report.facts).
    Configuration problems raise ConfigError (OptionError for the command
    line's).
    """
    prefetch = (HEADER_SEARCH,) if changed is None else ()
    with Started(root, prefetch=prefetch) as started:
        if config is None:
            config = config_mod.load(root, config_path, display=shown)
        if registry is None:
            registry = registry_mod.load(config.packs, display=os.path.relpath)
        config = config.with_overrides(overrides)
        levels = True
        if changed is not None:
            config, levels = staged.narrowed(config, changed)
        config.check_rules(registry.known)
        repo = Repo(root, exclude=config.exclude, started=started)
        try:
            return _check(repo, config, engine.selected_rules(registry, config),
                          display or root.as_posix(), debug, levels, collect)
        finally:
            repo.close()


def _check(repo: Repo, config: Config, rules: list[Rule], display: str, debug: bool, levels: bool,
           collect: Callable[[Context], Any] | None) -> Report:
    found = releases.detect(repo, config)
    if not found:
        report = engine.run(repo, config, rules, display, debug, levels, collect)
        return report.replaced(findings=apply_ignores(report.findings, config, rules))
    root_view = View(repo, "", drop=found)
    root = engine.run(root_view, config, rules, display, debug, levels, collect)
    findings = _real_findings(root.findings, root_view, None)
    by_release: dict[str, Report] = {}
    shared = releases.shared(repo)
    for folder in found:
        view = View(repo, folder, shared=shared)
        report = engine.run(view, config, rules, folder, debug, levels, collect)
        by_release[folder] = report.replaced(findings=_real_findings(report.findings, view, folder),
                                     components=_real_components(report.components, view))
        root.internal_errors.extend(e._replace(rule=f"{folder}: {e.rule}") for e in report.internal_errors)
        findings += by_release[folder].findings
    kept = apply_ignores(findings, config, rules)
    for name, report in by_release.items():
        report.findings = [f for f in kept if f.release == name]
    return root.replaced(findings=kept, releases=by_release)


def _real_findings(findings: list[Finding], view: View, release: str | None) -> list[Finding]:
    return [f._replace(path=view.real.get(f.path, f.path) if f.path else None, release=release) for f in findings]


def _real_path(view: View, evidence: str) -> str:
    path = evidence_path(evidence)
    if path != evidence and path in view.real:
        return view.real[path] + evidence[len(path):]
    return view.real.get(evidence, evidence)


def _real_components(components: dict[str, ComponentStatus], view: View) -> dict[str, ComponentStatus]:
    def records(found):  # use-policy forms and channels carry paths of their own
        return None if found is None else [r._replace(path=view.real.get(r.path, r.path)) for r in found]

    return {cid: status.replaced(evidence=[_real_path(view, p) for p in status.evidence],
                         forms=records(status.forms), channels=records(status.channels))
            for cid, status in components.items()}


def apply_ignores(findings: list[Finding], config: Config, rules: list[Rule]) -> list[Finding]:
    """Drop findings that ignore-findings accepts; report entries that matched nothing."""
    kept, used = [], set()
    for finding in findings:
        hit = _accepting(finding, config.ignore_findings)
        if hit is None:
            kept.append(finding)
        else:
            used.add(hit)
    unused = next((r for r in rules if r.code == engine.UNUSED_IGNORE), None)
    if unused is not None:
        for entry in config.ignore_findings:
            if entry not in used:
                kept.append(engine.stamp(unused, config, Violation(
                    f"ignore-findings entry for {entry.rule} at {entry.path!r} matched no finding",
                    config.source, entry.line)))
    return kept


def _accepting(finding: Finding, entries: Sequence[IgnoredFinding]) -> IgnoredFinding | None:
    return next((entry for entry in entries if finding.code.startswith(entry.rule.upper())
                 and fnmatch.fnmatchcase(finding.path or "", entry.path)), None)
