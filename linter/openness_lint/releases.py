"""Monorepos: which folders are releases, and what the root shares with them.

`releases: [models/*]` in config names them; without it, two or more
sibling folders that each hold a model card are taken as releases. Each
release sees its own folder as a repository of its own (repo/view.py), plus
what the root shares with every release: its license files, citation,
security policy, code of conduct and issue forms. run.py judges the root
without the releases' folders, and each release on its own.
"""

from __future__ import annotations

import fnmatch
import posixpath

from openness_lint.analysis import cards
from openness_lint.analysis.licensing import files
from openness_lint.config import Config
from openness_lint.context import Context
from openness_lint.repo.repo import Repo

SHARED_NAMES = ("security", "code_of_conduct", "code-of-conduct", "citation.cff", "security.txt")
SHARED_FOLDERS = (".github", "docs", ".well-known")


def shared(base: Repo) -> list[str]:
    """The root's files that every release sees as its own."""
    found = [e.path for e in base.files_in("") if files.is_license_name(e.name)
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
    homes = sorted({c.directory for c in cards.cards(Context(base, config)) if c.kind == "model" and c.directory})
    by_parent: dict[str, list[str]] = {}
    for home in homes:
        by_parent.setdefault(posixpath.dirname(home), []).append(home)
    return sorted(h for group in by_parent.values() if len(group) >= 2 for h in group)
