"""The repository inventory and the one bounded way rules read file text.

The inventory lists paths, sizes and kinds from one pass (``git ls-files``
in a work tree, a directory walk elsewhere) and never opens a file, except
to confirm that a tiny file under a Git LFS attribute is a pointer. Rules
read text only through Repo.text(), which refuses large, binary and
escaping files: a model repository can hold 100 GB of weights.
"""

from __future__ import annotations

import bisect
import fnmatch
import itertools
import operator
import os
import stat
from pathlib import Path
from typing import Iterable, Mapping

from openness_lint.errors import Unreadable
from openness_lint.repo import globs
from openness_lint.repo.inventory import Entry, GitListing, GrepLines, any_skipped, skipped, walk_listing
from openness_lint.repo.reading import (
    LFS_POINTER_MAX,
    LFS_SIGNATURE,
    Text,
    head,
    lfs_patterns,
    matches_any,
    read_bounded,
)


class Started:
    """The git commands a Repo needs, started early (before the configuration
    and rules load, say) so that they run meanwhile. ``prefetch``: (suffixes,
    tag) searches that tag_lines will be asked for, each one `git grep`."""

    def __init__(self, root: Path, prefetch: tuple[tuple[tuple[str, ...], str], ...] = ()):
        self.root = root.resolve()
        self.listing = GitListing(self.root)
        self.greps = {key: GrepLines(self.root, key[1], _pathspecs(key[0])) for key in prefetch}

    def close(self) -> None:
        """Stop what nobody used (the run ended before its Repo was built)."""
        self.listing.cancel()
        for grep in self.greps.values():
            grep.cancel()

    def __enter__(self) -> Started:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class Repo:
    """A repository on disk: its inventory and cached, bounded text access."""

    # a release of a monorepo (repo/view.py) sets these
    prefix = ""

    def __init__(self, root: Path, exclude: list[str] | tuple[str, ...] = (),
                 prefetch: tuple[tuple[tuple[str, ...], str], ...] = (), started: Started | None = None):
        """``prefetch`` as for Started; or ``started``, the commands for this
        root already under way."""
        started = started or Started(root, prefetch)
        self._greps = started.greps
        # where root sits inside its git work tree ("" at the top), so that
        # annotations and SARIF can name paths as GitHub does
        self.git_prefix = ""
        found = started.listing.result()
        self.is_git = found is not None
        if found is None:
            self.close()
            listing = walk_listing(started.root)
        else:
            listing, self.git_prefix = found
        self.untracked = {path for path, kind in listing.items() if kind is None} if self.is_git else set()
        self._index(started.root, {}, exclude, [])
        lfs = lfs_patterns(self.root)
        paths = sorted(listing)
        check_skip = any_skipped(listing)
        if check_skip or self._exclude:
            paths = [p for p in paths if not (check_skip and skipped(p)) and not (self._exclude and self.excluded(p))]
        root_ = self.root
        if not lfs and all(kind == "file" for kind in set(listing.values())):
            # the common case, every path a tracked regular file: no call per path
            self.entries = {path: Entry(path, None, "file", root_) for path in paths}
        else:
            for path in paths:
                entry = self._entry(path, listing[path], lfs)
                if entry is not None:
                    self.entries[path] = entry

    def _index(self, root: Path, entries: dict[str, Entry], exclude: Iterable[str], opened: list[str]) -> None:
        """What every inventory holds, a repository's or a release's: its
        entries, and caches that start empty."""
        self.root = root
        self.entries = entries
        self._exclude = list(exclude)
        self.opened = opened  # every path whose bytes were read
        self._text: dict[str, Text | Unreadable] = {}
        self._tags: dict[tuple, dict[str, list[tuple[int, str]]]] = {}  # one git grep per run
        self._by_folder: dict[str, list[Entry]] | None = None
        self._blob: tuple | None = None
        self._folders: frozenset[str] | None = None

    def close(self) -> None:
        """Stop searches started for tag_lines that nobody asked for."""
        for grep in self._greps.values():
            grep.cancel()
        self._greps = {}

    def excluded(self, path: str) -> bool:
        return any(
            fnmatch.fnmatchcase(path, glob) or fnmatch.fnmatchcase(path, glob.rstrip("/") + "/*")
            for glob in self._exclude
        )

    def is_shared(self, path: str) -> bool:
        """Whether a file is the root's, shared with this release (repo/view.py)."""
        return False

    @property
    def whole(self) -> Repo:
        """The whole repository: itself, or the one a release is part of."""
        return self

    def real_path(self, path: str) -> str:
        """A path of this inventory as the whole repository names it."""
        return path

    def reads(self) -> Mapping[str, Text | Unreadable]:
        """Every file read so far: its text, or why it could not be read."""
        return self._text

    def _entry(self, path: str, kind: str | None, lfs: list[str]) -> Entry | None:
        if kind is None:  # untracked: one lstat tells what it is
            try:
                info = os.lstat(self.root / path)
            except OSError:
                return None
            if stat.S_ISLNK(info.st_mode):
                return Entry(path, info.st_size, "symlink", self.root)
            if not stat.S_ISREG(info.st_mode):
                return None  # sockets, devices, FIFOs
            kind = "file"
        entry = Entry(path, None, kind, self.root)
        if kind == "file" and lfs and matches_any(path, lfs) and entry.size <= LFS_POINTER_MAX:
            start = head(self.root / path, len(LFS_SIGNATURE))
            if start is not None:
                self.opened.append(path)
            if start == LFS_SIGNATURE:
                return Entry(path, entry.size, "lfs-pointer", self.root)
        return entry

    # -- queries -----------------------------------------------------------
    def __contains__(self, path: str) -> bool:
        return path in self.entries

    def __iter__(self):
        return iter(self.entries.values())

    def files_in(self, directory: str = "") -> list[Entry]:
        """Entries directly inside a directory ("" is the root)."""
        if self._by_folder is None:
            self._by_folder = {}
            for entry in self.entries.values():
                self._by_folder.setdefault(entry.parent, []).append(entry)
        return list(self._by_folder.get(directory, ()))

    def folders(self) -> frozenset[str]:
        """Every folder that holds a file of the inventory, at any depth
        ("" for the root not included)."""
        if self._folders is None:
            found = {entry.parent for entry in self.entries.values()}
            for folder in list(found):
                while "/" in folder:
                    folder = folder.rpartition("/")[0]
                    found.add(folder)
            found.discard("")
            self._folders = frozenset(found)
        return self._folders

    def _blobs(self) -> tuple[tuple[str, list[int]], tuple[str, list[int]], list[Entry]]:
        if self._blob is None:
            ordered = list(self.entries.values())
            self._blob = (_framed([e.path for e in ordered]), _framed([e.name for e in ordered]), ordered)
        return self._blob

    def find(self, matcher: globs.Matcher | None) -> list[Entry]:
        """Entries whose path (or file name) a globs.Matcher matches, in
        inventory order. Each search is one scan in C over all paths at once
        instead of a Python loop per entry; a match maps back to its line."""
        if matcher is None:
            return []
        paths, names, ordered = self._blobs()
        blob, starts = names if matcher.on_names else paths
        hits: set[int] = set()
        for regex in matcher.searches:
            last = -1
            for match in regex.finditer(blob):
                # +1: an anchored match starts on the line break before its line
                index = bisect.bisect_right(starts, match.start() + 1) - 1
                if index != last:
                    last = index
                    hits.add(index)
        for literal, whole in matcher.checked:
            for match in literal.finditer(blob):
                index = bisect.bisect_right(starts, match.start()) - 1
                if index not in hits and whole.fullmatch(blob, starts[index], blob.index("\n", starts[index])):
                    hits.add(index)
        return [ordered[index] for index in sorted(hits)]

    def glob(self, pattern: str) -> list[Entry]:
        """Entries whose path matches a glob (`*` crosses folders, as fnmatch)."""
        return [e for e in self.entries.values() if fnmatch.fnmatchcase(e.path, pattern)]

    # -- text --------------------------------------------------------------
    def text(self, path: str) -> Text:
        """The decoded text of a small file, or raise Unreadable."""
        cached = self._text.get(path)
        if cached is None:
            try:
                cached = self._read(path)
            except Unreadable as exc:
                cached = exc
            self._text[path] = cached
        if isinstance(cached, Unreadable):
            raise cached
        return cached

    def _resolve(self, path: str) -> Path:
        entry = self.entries.get(path)
        if entry is None:
            raise Unreadable(path, "not in the repository inventory")
        target = self.root / path
        # the work tree may differ from the index the inventory came from, so
        # look at the file itself: a link is checked whatever the listing said
        if entry.kind == "symlink" or os.path.islink(target):
            try:
                resolved = target.resolve(strict=True)
            except (OSError, RuntimeError):
                raise Unreadable(path, "symbolic link that is broken or loops") from None
            if not resolved.is_relative_to(self.root):
                raise Unreadable(path, "symbolic link that points outside the repository; not followed")
            target = resolved
        return target

    def tag_lines(self, suffixes: tuple[str, ...], tag: str) -> dict[str, list[tuple[int, str]]]:
        """Files whose names end with one of ``suffixes`` (any case) and that
        hold ``tag``: path -> [(line number, line)], one pair per line that
        holds it, in path order. In a git work tree one `git grep` searches
        the tracked files in C; untracked files, and every file outside git,
        are read here as Repo.text reads them (1 MiB at most, never a
        binary), without keeping their text."""
        key = (suffixes, tag)
        if key not in self._tags:
            self._tags[key] = self._search_tag(suffixes, tag)
        return self._tags[key]

    def _search_tag(self, suffixes: tuple[str, ...], tag: str) -> dict[str, list[tuple[int, str]]]:
        found: dict[str, list[tuple[int, str]]] = {}
        pending: Iterable[str] = self.entries
        if self.is_git:
            grep = self._greps.pop((suffixes, tag), None) or GrepLines(self.root, tag, _pathspecs(suffixes))
            # while git reads the files, build the indexes that every full
            # run needs anyway (on a large tree, a tenth of a second)
            self._blobs(), self.files_in(""), self.folders()
            grepped = grep.result()
            if grepped is not None:
                found = {path: lines for path, lines in grepped.items()
                         if path in self.entries and self.entries[path].kind == "file"}
                pending = sorted(self.untracked)
        lowered = tuple(suffix.lower() for suffix in suffixes)
        for path in pending:
            entry = self.entries.get(path)
            if entry is None or entry.kind != "file" or not entry.name.lower().endswith(lowered):
                continue
            try:
                content = self._read(path).content
            except Unreadable:
                continue
            if tag in content:
                found[path] = [(number, line) for number, line in enumerate(content.split("\n"), 1) if tag in line]
        return dict(sorted(found.items()))

    def _read(self, path: str) -> Text:
        target = self._resolve(path)
        if self.entries[path].kind == "lfs-pointer":
            raise Unreadable(path, "Git LFS pointer; the content is not in the work tree")
        return read_bounded(target, path, self.opened)


_NO_BREAKS = str.maketrans({"\n": "\0"})


def _pathspecs(suffixes: tuple[str, ...]) -> list[str]:
    return [f":(icase)*{suffix}" for suffix in suffixes]


def _framed(lines: list[str]) -> tuple[str, list[int]]:
    """The lowercased lines joined with a line break before, between and
    after them, and the offset where each begins."""
    joined = "\n".join(lines)
    if joined.count("\n") != len(lines) - 1:
        # a line break inside a name would split its line: it stands as a
        # NUL, which no pattern matches
        lines = [line.translate(_NO_BREAKS) for line in lines]
        joined = "\n".join(lines)
    lowered = joined.lower()
    if len(lowered) != len(joined):  # a letter whose lower case is longer
        lines = [line.lower() for line in lines]
        lowered = "\n".join(lines)
    # line i starts after i + 1 breaks and the lines before it
    starts = list(map(operator.add, itertools.accumulate(map(len, lines), initial=1), itertools.count()))
    return "\n" + lowered + "\n", starts[:-1]
