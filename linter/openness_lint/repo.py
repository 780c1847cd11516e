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
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterable

from openness_lint import globs
from openness_lint.inventory import SKIP_DIRS, Entry, GitListing, GrepLines, any_skipped, skipped, walk_listing

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

    def __init__(self, root: Path, exclude: list[str] | tuple[str, ...] = (),
                 prefetch: tuple[tuple[tuple[str, ...], str], ...] = (), started: Started | None = None):
        """``prefetch`` as for Started; or ``started``, the commands for this
        root already under way."""
        started = started or Started(root, prefetch)
        self.root = started.root
        self._tags: dict[tuple, dict[str, list[tuple[int, str]]]] = {}  # one git grep per run
        self._greps = started.greps
        # where root sits inside its git work tree ("" at the top), so that
        # annotations and SARIF can name paths as GitHub does
        self.git_prefix = ""
        found = started.listing.result()
        self.is_git = found is not None
        if found is None:
            self.close()
            listing = walk_listing(self.root)
        else:
            listing, self.git_prefix = found
        self._exclude = list(exclude)
        self.untracked = {path for path, kind in listing.items() if kind is None} if self.is_git else set()
        self._text: dict[str, Text | Unreadable] = {}
        self.opened: list[str] = []  # every path whose bytes were read
        lfs = _lfs_patterns(self.root)
        paths = sorted(listing)
        check_skip = any_skipped(listing)
        if check_skip or self._exclude:
            paths = [p for p in paths if not (check_skip and skipped(p)) and not (self._exclude and self.excluded(p))]
        root_ = self.root
        if not lfs and all(kind == "file" for kind in set(listing.values())):
            # the common case, every path a tracked regular file: no call per path
            self.entries = {path: Entry(path, None, "file", root_) for path in paths}
        else:
            entries: dict[str, Entry] = {}
            for path in paths:
                entry = self._entry(path, listing[path], lfs)
                if entry is not None:
                    entries[path] = entry
            self.entries = entries
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
