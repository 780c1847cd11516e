"""Listing a repository's files without opening them, fast.

In a git work tree the index gives paths and modes (so symbolic links are
known without a stat per file); untracked files that .gitignore does not
exclude come from a second listing, and files deleted from the work tree
from a third. The three git commands run at once. Elsewhere a directory
walk uses the file types that scandir already has. Sizes are read lazily,
one lstat when someone asks.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

# Never part of a release: version control, dependencies, environments, caches.
SKIP_DIRS = frozenset({
    ".git", ".hg", ".svn", "node_modules", ".venv", "venv", ".tox", ".nox",
    "__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".eggs",
})
GIT_TIMEOUT = 300
GREP_MEMORY = 768 * 1024 * 1024


class Entry:
    """One file of the inventory: path (relative, POSIX), kind and size."""

    __slots__ = ("path", "kind", "name", "parent", "_size", "_root")

    def __init__(self, path: str, size: int | None, kind: str, root: Path | None = None):
        self.path = path
        self.kind = kind  # "file", "symlink" or "lfs-pointer"
        self.parent, _, self.name = path.rpartition("/")  # parent is "" at the root
        self._size = size
        self._root = root

    @property
    def size(self) -> int:
        if self._size is None:
            try:
                self._size = os.lstat(self._root / self.path).st_size if self._root else 0
            except OSError:
                self._size = 0
        return self._size

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Entry) and (other.path, other.kind) == (self.path, self.kind)

    def __hash__(self) -> int:
        return hash(self.path)

    def __repr__(self) -> str:
        return f"Entry({self.path!r}, {self._size!r}, {self.kind!r})"


def _spawn(root: Path, *args: str, memory: int | None = None) -> subprocess.Popen | None:
    """git, optionally under an address-space limit (POSIX): git grep reads
    each file whole, and a pull request can commit a gigabyte source file."""
    def limit() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    try:
        return subprocess.Popen(["git", *args], cwd=root, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                preexec_fn=limit if memory and os.name == "posix" else None)
    except OSError:
        return None


def _collect(proc: subprocess.Popen | None, ok: tuple[int, ...] = (0,)) -> bytes | None:
    """The command's output, or None when it failed or took too long."""
    if proc is None:
        return None
    try:
        out, _ = proc.communicate(timeout=GIT_TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return None
    return out if proc.returncode in ok else None


def git_listing(root: Path) -> dict[str, str | None] | None:
    """path -> "file", "symlink" or None (untracked: not known yet); None
    when root is not in a git work tree."""
    cached = _spawn(root, "ls-files", "-z", "-s", "--cached")
    others = _spawn(root, "ls-files", "-z", "--others", "--exclude-standard")
    deleted = _spawn(root, "ls-files", "-z", "--deleted")
    outputs = [_collect(p) for p in (cached, others, deleted)]
    if any(out is None for out in outputs):
        return None
    listing: dict[str, str | None] = {}
    for record in outputs[0].decode("utf-8", "surrogateescape").split("\0"):
        if not record:
            continue
        meta, _, path = record.partition("\t")
        mode = meta.split(" ", 1)[0]
        if mode == "120000":
            listing[path] = "symlink"
        elif mode.startswith("100"):
            listing[path] = "file"
        # 160000 is a submodule: not this release's files
    for path in outputs[1].decode("utf-8", "surrogateescape").split("\0"):
        if path:
            listing.setdefault(path, None)
    for path in outputs[2].decode("utf-8", "surrogateescape").split("\0"):
        listing.pop(path, None)
    return listing


def git_grep_files(root: Path, text: str, pathspecs: list[str]) -> set[str] | None:
    """Tracked files under root whose content holds ``text``; None on failure."""
    proc = _spawn(root, "grep", "-l", "-z", "-I", "-F", "--no-recurse-submodules", "-e", text, "--", *pathspecs,
                  memory=GREP_MEMORY)
    out = _collect(proc, ok=(0, 1))  # 1: nothing found; anything else: read heads in Python
    if out is None:
        return None
    return {p for p in out.decode("utf-8", "surrogateescape").split("\0") if p}


def git_prefix(root: Path) -> str:
    try:
        proc = subprocess.run(["git", "rev-parse", "--show-prefix"], cwd=root,
                              capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return proc.stdout.decode("utf-8", "surrogateescape").strip() if proc.returncode == 0 else ""


def walk_listing(root: Path) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    stack = [(root, "")]
    while stack:
        directory, prefix = stack.pop()
        try:
            with os.scandir(directory) as it:
                entries = list(it)
        except OSError:
            continue
        for item in entries:
            try:
                if item.is_symlink():
                    found[prefix + item.name] = "symlink"
                elif item.is_dir(follow_symlinks=False):
                    if item.name not in SKIP_DIRS and not os.path.exists(os.path.join(item.path, "pyvenv.cfg")):
                        stack.append((Path(item.path), prefix + item.name + "/"))
                elif item.is_file(follow_symlinks=False):
                    found[prefix + item.name] = "file"
            except OSError:
                continue
    return found


_SKIPPED = re.compile("(?:^|/)(?:" + "|".join(re.escape(d) for d in sorted(SKIP_DIRS)) + ")/")


def skipped(path: str) -> bool:
    return "/" in path and _SKIPPED.search(path) is not None
