"""One release folder of a monorepo, seen as a repository of its own.

Paths are relative to the folder; ``real`` maps them back. The release also
sees the files the root shares with it (``shared``), and a link from its
card may climb out of its folder to any file of the repository. Files are
read through the whole repository, so its safety checks apply unchanged.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Iterable

from openness_lint.errors import Unreadable
from openness_lint.repo.inventory import Entry
from openness_lint.repo.repo import Repo


class View(Repo):
    """``base`` seen from ``prefix`` ("" for the root), without the folders in ``drop``."""

    def __init__(self, base: Repo, prefix: str, shared: Iterable[str] = (), drop: Iterable[str] = ()):
        self.base, self.prefix = base, prefix
        self.git_prefix, self.is_git, self.untracked, self._greps = base.git_prefix, False, set(), {}
        self.real: dict[str, str] = {}
        lead = prefix + "/" if prefix else ""
        dropped = tuple(folder + "/" for folder in drop)
        for path in base.entries:
            if path.startswith(lead) and not path.startswith(dropped):
                self.real[path[len(lead):]] = path
        for path in shared:
            self.real.setdefault(path, path)
        entries = {rel: Entry(rel, base.entries[real].size, base.entries[real].kind)
                   for rel, real in sorted(self.real.items())}
        self._index(base.root, entries, (), base.opened)

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
        return bool(self.prefix) and self.real.get(path) == path

    @property
    def whole(self) -> Repo:
        return self.base

    def real_path(self, path: str) -> str:
        return self.real.get(path) or posixpath.normpath(posixpath.join(self.prefix, path))

    def tag_lines(self, suffixes: tuple[str, ...], tag: str) -> dict[str, list[tuple[int, str]]]:
        # the whole repository's search, run once for every release
        found = self.base.tag_lines(suffixes, tag)
        return dict(sorted((rel, found[real]) for rel, real in self.real.items() if real in found))

    def _resolve(self, path: str) -> Path:
        if path not in self.real:
            raise Unreadable(path, "not in the repository inventory")
        return self.base._resolve(self.real[path])
