"""Monorepos: several releases in one repository, each judged on its own.

`releases: [models/*]` in config names them; without it, two or more
sibling folders that each hold a model card are taken as releases. Each
release sees its own folder as a repository of its own, plus what the root
shares with every release: its license files, citation, security policy,
code of conduct and issue forms. The root is judged without the releases'
folders. Findings keep their real paths and name their release; the gate
applies to every release.
"""

from __future__ import annotations

import fnmatch
import posixpath
from dataclasses import replace

from openness_lint import cards, engine, licensefiles
from openness_lint.components import ComponentStatus
from openness_lint.config import Config
from openness_lint.inventory import Entry
from openness_lint.registry import Registry
from openness_lint.repo import Repo, Unreadable
from openness_lint.report import Report

SHARED_NAMES = ("security", "code_of_conduct", "code-of-conduct", "citation.cff", "security.txt")
SHARED_FOLDERS = (".github", "docs", ".well-known")


class View(Repo):
    """A folder of a repository seen as a repository of its own.

    Paths are relative to the folder; ``real`` maps them back. Files are read
    through the whole repository, so its safety checks apply unchanged."""

    def __init__(self, base: Repo, prefix: str, shared: list[str] = (), drop: list[str] = ()):
        self.base, self.prefix, self.root = base, prefix, base.root
        self.git_prefix, self.is_git, self.untracked = base.git_prefix, False, set()
        self._exclude, self._text, self.opened = [], {}, base.opened
        self._by_folder, self._blob, self._tags, self._folders = None, None, {}, None
        self.real: dict[str, str] = {}
        lead = prefix + "/" if prefix else ""
        for path in base.entries:
            if path.startswith(lead) and not any(path.startswith(d + "/") for d in drop):
                self.real[path[len(lead):]] = path
        for path in shared:
            self.real.setdefault(path, path)
        self.entries = {rel: Entry(rel, base.entries[real].size, base.entries[real].kind)
                        for rel, real in sorted(self.real.items())}

    def __contains__(self, path: str) -> bool:
        # a link from a release's card may climb out of its folder to a file
        # of the repository, such as ../../LICENSE
        if path in self.entries:
            return True
        if self.prefix and path.startswith("../"):
            real = posixpath.normpath(posixpath.join(self.prefix, path))
            return not real.startswith("../") and real in self.base.entries
        return False

    def is_shared(self, path: str) -> bool:
        """Whether the file is the root's, shared with this release."""
        return bool(self.prefix) and self.real.get(path) == path

    def tag_lines(self, suffixes: tuple[str, ...], tag: str) -> dict[str, list[tuple[int, str]]]:
        # the whole repository's search, run once for every release
        found = self.base.tag_lines(suffixes, tag)
        return dict(sorted((rel, found[real]) for rel, real in self.real.items() if real in found))

    def _resolve(self, path: str):
        if path not in self.real:
            raise Unreadable(path, "not in the repository inventory")
        return self.base._resolve(self.real[path])


def _shared(base: Repo) -> list[str]:
    found = [e.path for e in base.files_in("") if licensefiles.is_license_name(e.name)
             or e.name.lower().startswith(SHARED_NAMES)]
    found += [e.path for folder in SHARED_FOLDERS for e in base.entries.values()
              if e.path.startswith(folder + "/") and (e.name.lower().startswith(SHARED_NAMES)
                                                      or "/issue_template/" in e.path.lower())]
    return sorted(set(found))


def detect(base: Repo, config: Config) -> list[str]:
    """Release folders: from config, else sibling folders with model cards."""
    folders = sorted({e.parent for e in base.entries.values() if e.parent})
    if config.releases is not None:
        return sorted({f for f in folders for glob in config.releases
                       if fnmatch.fnmatchcase(f, glob.strip("/"))})
    ctx = engine.Context(base, config)
    homes = sorted({c.directory for c in cards.cards(ctx) if c.kind == "model" and c.directory})
    by_parent: dict[str, list[str]] = {}
    for home in homes:
        by_parent.setdefault(posixpath.dirname(home), []).append(home)
    return sorted(h for group in by_parent.values() if len(group) >= 2 for h in group)


def _real_findings(report: Report, view: View, release: str | None) -> list:
    return [replace(f, path=view.real.get(f.path, f.path) if f.path else None, release=release)
            for f in report.findings]


def _real_path(view: View, evidence: str) -> str:
    path, colon, line = evidence.rpartition(":")
    if colon and line.isdigit() and path in view.real:
        return f"{view.real[path]}:{line}"
    return view.real.get(evidence, evidence)


def _real_records(records, view: View):
    """forms and channels carry paths of their own."""
    if not records:
        return records
    return [{**r, "path": view.real.get(r["path"], r["path"])} if isinstance(r, dict) and r.get("path") else r
            for r in records]


def _real_components(components: dict[str, ComponentStatus], view: View) -> dict[str, ComponentStatus]:
    return {cid: replace(status, evidence=[_real_path(view, p) for p in status.evidence],
                         forms=_real_records(status.forms, view), channels=_real_records(status.channels, view))
            for cid, status in components.items()}


def run(base: Repo, config: Config, rules: Registry, root_display: str, debug: bool = False,
        levels: bool = True) -> Report:
    found = detect(base, config)
    if not found:
        return engine.run(base, config, rules, root_display=root_display, debug=debug, levels=levels)
    shared = _shared(base)
    root_view = View(base, "", drop=found)
    root = engine.run(root_view, config, rules, root_display=root_display, debug=debug, ignores=False, levels=levels)
    findings = _real_findings(root, root_view, None)
    releases: dict[str, Report] = {}
    for folder in found:
        view = View(base, folder, shared=shared)
        report = engine.run(view, config, rules, root_display=folder, debug=debug, ignores=False, levels=levels)
        report.findings = _real_findings(report, view, folder)
        report.components = _real_components(report.components, view)
        root.internal_errors.extend(replace(e, rule=f"{folder}: {e.rule}") for e in report.internal_errors)
        releases[folder] = report
        findings.extend(report.findings)
    kept = engine.apply_ignores(findings, config, [r for r in rules if r.code == engine.UNUSED_IGNORE])
    for name, report in releases.items():
        report.findings = [f for f in kept if f.release == name]
    return Report(root=root_display, findings=kept, components=root.components, rules=root.rules,
                  level=root.level, internal_errors=root.internal_errors, anchor=root.anchor,
                  notes=root.notes, releases=releases)
