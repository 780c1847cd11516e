"""The repository inventory and the one bounded way rules read file text.

The inventory lists paths, sizes and kinds from one pass (``git ls-files``
in a work tree, a directory walk elsewhere) and never opens a file, except
to confirm that a tiny file under a Git LFS attribute is a pointer. Rules
read text only through Repo.text(), which refuses large, binary and
escaping files: a model repository can hold 100 GB of weights.
"""

from __future__ import annotations

import fnmatch
import os
import stat
import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

MAX_TEXT_BYTES = 1024 * 1024
LFS_POINTER_MAX = 1024
LFS_SIGNATURE = b"version https://git-lfs.github.com/spec/"
# Never part of a release: version control, dependencies, environments, caches.
SKIP_DIRS = frozenset({
    ".git", ".hg", ".svn", "node_modules", ".venv", "venv", ".tox", ".nox",
    "__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".eggs",
})


class Unreadable(Exception):
    """A file a rule asked for cannot be read as text; ``reason`` says why."""

    def __init__(self, path: str, reason: str, line: int | None = None):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.line = line


@dataclass(frozen=True)
class Entry:
    path: str  # relative, POSIX
    size: int
    kind: str  # "file", "symlink" or "lfs-pointer"
    # derived from path once: rules ask for them in tight loops
    name: str = field(init=False, compare=False)
    parent: str = field(init=False, compare=False)  # "" at the root

    def __post_init__(self) -> None:
        parent, _, name = self.path.rpartition("/")
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "parent", parent)


@dataclass(frozen=True)
class Text:
    content: str
    # Set when the bytes were not valid UTF-8 and were decoded with
    # replacement characters; the line of the first bad byte.
    fallback_line: int | None = None


def _git_paths(root: Path) -> list[str] | None:
    try:
        proc = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=root, capture_output=True, timeout=120, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if proc.returncode != 0:
        return None
    names = proc.stdout.decode("utf-8", "surrogateescape").split("\0")
    return sorted({name for name in names if name})


def _git_prefix(root: Path) -> str:
    try:
        proc = subprocess.run(["git", "rev-parse", "--show-prefix"], cwd=root,
                              capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return proc.stdout.decode("utf-8", "surrogateescape").strip() if proc.returncode == 0 else ""


def _walk_paths(root: Path) -> list[str]:
    found: list[str] = []

    def visit(directory: Path, prefix: str) -> None:
        try:
            with os.scandir(directory) as it:
                entries = list(it)
        except OSError:
            return
        for entry in entries:
            rel = prefix + entry.name
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            if is_dir:
                if entry.name in SKIP_DIRS or (Path(entry.path) / "pyvenv.cfg").exists():
                    continue
                visit(Path(entry.path), rel + "/")
            else:
                found.append(rel)

    visit(root, "")
    return sorted(found)


def _skipped(path: str) -> bool:
    return any(part in SKIP_DIRS for part in path.split("/")[:-1])


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
        self.is_git = False
        # where root sits inside its git work tree ("" at the top), so that
        # annotations and SARIF can name paths as GitHub does
        self.git_prefix = ""
        paths = _git_paths(self.root)
        if paths is None:
            paths = _walk_paths(self.root)
        else:
            self.is_git = True
            self.git_prefix = _git_prefix(self.root)
        self._exclude = list(exclude)
        self._text: dict[str, Text | Unreadable] = {}
        self.opened: list[str] = []  # every path whose bytes were read
        lfs = _lfs_patterns(self.root)
        entries: dict[str, Entry] = {}
        for path in paths:
            if _skipped(path) or self.excluded(path):
                continue
            entry = self._entry(path, lfs)
            if entry is not None:
                entries[path] = entry
        self.entries = entries
        self._by_folder: dict[str, list[Entry]] = {}
        for entry in entries.values():
            self._by_folder.setdefault(entry.parent, []).append(entry)

    def excluded(self, path: str) -> bool:
        return any(
            fnmatch.fnmatchcase(path, glob) or fnmatch.fnmatchcase(path, glob.rstrip("/") + "/*")
            for glob in self._exclude
        )

    def _entry(self, path: str, lfs: list[str]) -> Entry | None:
        try:
            info = os.lstat(self.root / path)
        except OSError:
            return None  # in the index but deleted from the work tree
        if stat.S_ISLNK(info.st_mode):
            return Entry(path, info.st_size, "symlink")
        if not stat.S_ISREG(info.st_mode):
            return None  # directories (submodules), sockets, devices
        if info.st_size <= LFS_POINTER_MAX and lfs and _matches_any(path, lfs):
            if self._head(path, len(LFS_SIGNATURE)) == LFS_SIGNATURE:
                return Entry(path, info.st_size, "lfs-pointer")
        return Entry(path, info.st_size, "file")

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
        return list(self._by_folder.get(directory, ()))

    def glob(self, pattern: str) -> list[Entry]:
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
        if entry.kind == "symlink":
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
