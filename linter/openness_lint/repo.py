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
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterator

from openness_lint import globs
from openness_lint.inventory import SKIP_DIRS, Entry, git_grep_files, git_listing, git_prefix, skipped, walk_listing

__all__ = ["Entry", "Repo", "SKIP_DIRS", "Text", "Unreadable", "decode"]

MAX_TEXT_BYTES = 1024 * 1024
LFS_POINTER_MAX = 1024
LFS_SIGNATURE = b"version https://git-lfs.github.com/spec/"


class Unreadable(Exception):
    """A file a rule asked for cannot be read as text; ``reason`` says why."""

    def __init__(self, path: str, reason: str, line: int | None = None):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.line = line


@dataclass(frozen=True)
class Text:
    content: str
    # Set when the bytes were not valid UTF-8 and were decoded with
    # replacement characters; the line of the first bad byte.
    fallback_line: int | None = None


def _open_regular(path: Path) -> int | None:
    """A descriptor for a regular file, never following a link or blocking
    on a FIFO; None for anything else."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        return None
    return fd


def _lfs_patterns(root: Path) -> list[str]:
    """Patterns that .gitattributes at the root routes through Git LFS."""
    fd = _open_regular(root / ".gitattributes")
    if fd is None:
        return []  # git itself ignores a symlinked .gitattributes
    with os.fdopen(fd, "rb") as handle:
        raw = handle.read(64 * 1024)
    patterns = []
    for line in raw.decode("utf-8", "replace").splitlines():
        fields = line.split()
        if len(fields) > 1 and "filter=lfs" in fields[1:]:
            patterns.append(fields[0])
    return patterns


def _matches_any(path: str, patterns: list[str]) -> bool:
    name = PurePosixPath(path).name
    for pattern in patterns:
        target = path if "/" in pattern.strip("/") else name
        if fnmatch.fnmatchcase(target, pattern.lstrip("/")):
            return True
    return False


class Repo:
    """A repository on disk: its inventory and cached, bounded text access."""

    def __init__(self, root: Path, exclude: list[str] | tuple[str, ...] = ()):
        self.root = root.resolve()
        # where root sits inside its git work tree ("" at the top), so that
        # annotations and SARIF can name paths as GitHub does
        self.git_prefix = ""
        listing = git_listing(self.root)
        self.is_git = listing is not None
        if listing is None:
            listing = walk_listing(self.root)
        else:
            self.git_prefix = git_prefix(self.root)
        self._exclude = list(exclude)
        self.untracked = {path for path, kind in listing.items() if kind is None} if self.is_git else set()
        self._text: dict[str, Text | Unreadable] = {}
        self.opened: list[str] = []  # every path whose bytes were read
        lfs = _lfs_patterns(self.root)
        entries: dict[str, Entry] = {}
        for path in sorted(listing):
            if skipped(path) or (self._exclude and self.excluded(path)):
                continue
            entry = self._entry(path, listing[path], lfs)
            if entry is not None:
                entries[path] = entry
        self.entries = entries
        self._by_folder: dict[str, list[Entry]] | None = None
        self._blob: tuple | None = None
        self._headers: dict[tuple[str, ...], list[Entry]] = {}  # one git grep per run

    def excluded(self, path: str) -> bool:
        return any(
            fnmatch.fnmatchcase(path, glob) or fnmatch.fnmatchcase(path, glob.rstrip("/") + "/*")
            for glob in self._exclude
        )

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
        if kind == "file" and lfs and _matches_any(path, lfs) and entry.size <= LFS_POINTER_MAX:
            if self._head(path, len(LFS_SIGNATURE)) == LFS_SIGNATURE:
                return Entry(path, entry.size, "lfs-pointer", self.root)
        return entry

    def _head(self, path: str, count: int) -> bytes:
        fd = _open_regular(self.root / path)
        if fd is None:
            return b""
        with os.fdopen(fd, "rb") as handle:
            self.opened.append(path)
            return handle.read(count)

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

    def header_candidates(self, suffixes: tuple[str, ...]) -> list[Entry]:
        """Source files that may carry an SPDX header. In a git work tree one
        `git grep` (in C, over tracked files with these suffixes only, so
        never a weight file) names the files that hold a tag; untracked
        files are all candidates. Callers still read only each file's head."""
        if suffixes in self._headers:
            return self._headers[suffixes]
        wanted = [e for e in self.find(globs.names(tuple(f"*{s}" for s in suffixes)), on_names=True)
                  if e.kind == "file"]
        if self.is_git and wanted:
            tagged = git_grep_files(self.root, "SPDX-License-Identifier:", [f"*{s}" for s in suffixes])
            if tagged is not None:
                wanted = [e for e in wanted if e.path in tagged or e.path in self.untracked]
        self._headers[suffixes] = wanted
        return wanted

    def _blobs(self) -> tuple[str, str, list[int], list[int], list[Entry]]:
        if self._blob is None:
            # a line break inside a name would split its line: it stands as a
            # NUL in the blob (same length), which no pattern matches
            ordered = list(self.entries.values())
            paths = "\n".join(e.path.translate(_NO_BREAKS) for e in ordered)
            names = "\n".join(e.name.translate(_NO_BREAKS) for e in ordered)
            self._blob = (paths, names, _starts(e.path for e in ordered), _starts(e.name for e in ordered), ordered)
        return self._blob

    def find(self, regex: re.Pattern, on_names: bool = False) -> Iterator[Entry]:
        """Entries whose path (or, with on_names, file name) matches ``regex``,
        a multi-line pattern. One scan in C over all paths at once instead of
        a Python loop per entry; each match maps back to its line's entry."""
        paths, names, path_starts, name_starts, ordered = self._blobs()
        blob, starts = (names, name_starts) if on_names else (paths, path_starts)
        last = -1
        for match in regex.finditer(blob):
            index = bisect.bisect_right(starts, match.start()) - 1
            if index != last:
                last = index
                yield ordered[index]

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

    def head(self, path: str, limit: int = 4096) -> str | None:
        """The first ``limit`` bytes as text, for headers; None when binary or
        unreadable. Reads no more than that, whatever the file's size."""
        try:
            target = self._resolve(path)
        except Unreadable:
            return None
        fd = None if self.entries[path].kind == "lfs-pointer" else _open_regular(target)
        if fd is None:
            return None
        with os.fdopen(fd, "rb") as handle:
            self.opened.append(path)
            raw = handle.read(limit)
        if b"\0" in raw:
            return None
        return raw.decode("utf-8", "replace")

    def _read(self, path: str) -> Text:
        target = self._resolve(path)
        entry = self.entries[path]
        if entry.kind == "lfs-pointer":
            raise Unreadable(path, "Git LFS pointer; the content is not in the work tree")
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
        try:
            fd = os.open(target, flags)
        except OSError as exc:
            raise Unreadable(path, f"cannot open ({exc.strerror})") from None
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            os.close(fd)
            raise Unreadable(path, "not a regular file")
        with os.fdopen(fd, "rb") as handle:
            if info.st_size > MAX_TEXT_BYTES:
                raise Unreadable(path, f"larger than {MAX_TEXT_BYTES // 1024} KiB; not read")
            self.opened.append(path)
            raw = handle.read(MAX_TEXT_BYTES + 1)
        if len(raw) > MAX_TEXT_BYTES:
            raise Unreadable(path, f"larger than {MAX_TEXT_BYTES // 1024} KiB; not read")
        return decode(path, raw)


_NO_BREAKS = str.maketrans({"\n": "\0", "\r": "\0"})


def _starts(lines) -> list[int]:
    """Offsets where each line begins in the newline-joined blob."""
    starts, position = [], 0
    for line in lines:
        starts.append(position)
        position += len(line) + 1
    return starts


def decode(path: str, raw: bytes) -> Text:
    """UTF-8 (BOM allowed), UTF-16 with a BOM, else UTF-8 with replacement."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Text(raw.decode("utf-16"))
        except UnicodeDecodeError:
            raise Unreadable(path, "UTF-16 byte order mark but invalid UTF-16") from None
    if b"\0" in raw[:8192]:
        raise Unreadable(path, "binary file (contains NUL bytes)", line=raw[:raw.index(b"\0")].count(b"\n") + 1)
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        return Text(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return Text(raw.decode("utf-8", "replace"), fallback_line=line)
