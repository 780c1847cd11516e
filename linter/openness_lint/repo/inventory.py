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
import threading
from pathlib import Path

from openness_lint.catalog import datacache

# Never part of a release: version control, dependencies, environments, caches.
SKIP_DIRS = frozenset({
    ".git", ".hg", ".svn", "node_modules", ".venv", "venv", ".tox", ".nox",
    "__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".eggs",
})
GIT_TIMEOUT = 300
GREP_MEMORY = 768 * 1024 * 1024


def parent_of(path: str) -> str:
    """The folder that holds an inventory path ("" at the root)."""
    return path.rpartition("/")[0]


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


# sets the limit, then becomes git; arguments pass through untouched as "$@"
_LIMITED = 'ulimit -v "$0" || exit 126; exec git "$@"'


def _spawn(root: Path, *args: str, memory: int | None = None) -> subprocess.Popen | None:
    """git, optionally under an address-space limit (POSIX): git grep reads
    each file whole, and a pull request can commit a gigabyte source file.
    The shell's ulimit sets the limit before git starts; a preexec_fn would
    do the same but makes Python fork instead of vfork, 2 ms a process."""
    command = ["git", *args]
    if memory and os.name == "posix":
        command = ["/bin/sh", "-c", _LIMITED, str(memory // 1024), *args]
    try:
        return subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
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


# `git ls-files -s -z` records: mode, object, stage, a tab, the path, a NUL.
# Every path, found in C; then the few records that are not regular files.
_STAGED_PATH = datacache.regex(r"\t([^\0]*)\0")
_SPECIAL_RECORD = datacache.regex(r"\0(1[1-7][0-7]{4}) [0-9a-f]+ [0-3]\t([^\0]*)(?=\0)")


class GitListing:
    """The files of a git work tree, from three git commands started at once
    when this is made; result() waits for them."""

    def __init__(self, root: Path):
        self._procs = [
            _spawn(root, "ls-files", "-z", "-s", "--cached"),
            # untracked files ("? " with -t) and files gone from the work tree
            # ("R "), in one pass. Not `git diff-files --diff-filter=D` for the
            # deleted, though it is faster: it re-reads a "racily clean" file
            # whole to compare it, and that file may be a 20 GiB weight;
            # ls-files only lstats
            _spawn(root, "ls-files", "-z", "-t", "--others", "--exclude-standard", "--deleted"),
            _spawn(root, "rev-parse", "--show-prefix"),
        ]

    def result(self) -> tuple[dict[str, str | None], str] | None:
        """(path -> "file", "symlink" or None (untracked: not known yet),
        where root sits inside its work tree: "" at the top, else
        "models/a/"); None when root is not in a git work tree."""
        procs, self._procs = self._procs, []
        return _parse_listing([_collect(p) for p in procs])

    def cancel(self) -> None:
        """Stop the commands, unless result() has collected them."""
        for proc in self._procs:
            if proc is not None:
                if proc.poll() is None:
                    proc.kill()
                proc.communicate()
        self._procs = []


def _parse_listing(outputs: list[bytes | None]) -> tuple[dict[str, str | None], str] | None:
    if any(out is None for out in outputs):
        return None
    staged = outputs[0].decode("utf-8", "surrogateescape")
    listing: dict[str, str | None] = dict.fromkeys(_STAGED_PATH.findall(staged), "file")
    for mode, path in _SPECIAL_RECORD.findall("\0" + staged):
        if mode == "120000":
            listing[path] = "symlink"
        else:
            listing.pop(path, None)  # 160000 is a submodule: not this release's files
    for record in outputs[1].decode("utf-8", "surrogateescape").split("\0"):
        tag, path = record[:2], record[2:]
        if tag == "? ":
            listing.setdefault(path, None)
        elif tag == "R ":
            listing.pop(path, None)
    return listing, outputs[2].decode("utf-8", "surrogateescape").strip()


_GREP_RECORD = datacache.regex(rb"([^\0]*)\0([0-9]+)\0([^\n]*)\n")
# settings a user's git config could add that would change grep's output
_GREP_CONFIG = ("-c", "grep.column=false", "-c", "grep.fullName=false", "-c", "color.grep=never")


class GrepLines:
    """A `git grep` for the lines of tracked, non-binary files that hold a
    text, started at once and read by a thread of its own, so that it runs
    while the caller lists and lints. result() waits for it: path ->
    [(line number, line)] for every line that holds the text, or None when
    git failed (a memory limit keeps a huge file from being loaded whole)."""

    def __init__(self, root: Path, text: str, pathspecs: list[str]):
        self._proc = _spawn(root, *_GREP_CONFIG, "grep", "-z", "-n", "-I", "-F", "--no-recurse-submodules",
                            "-e", text, "--", *pathspecs, memory=GREP_MEMORY)
        self._found: dict[str, list[tuple[int, str]]] | None = None
        # git blocks once the pipe is full, so someone must read it now
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        out = _collect(self._proc, ok=(0, 1))  # 1: nothing found
        if out is None:
            return
        found: dict[str, list[tuple[int, str]]] = {}
        for path, number, line in _GREP_RECORD.findall(out):  # the records in C, no Match objects
            found.setdefault(path.decode("utf-8", "surrogateescape"), []).append(
                (int(number), line.decode("utf-8", "replace")))
        self._found = found

    def result(self) -> dict[str, list[tuple[int, str]]] | None:
        self._reader.join()
        return self._found

    def cancel(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()
        self._reader.join()


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


_SKIPPED = datacache.regex("(?:^|/)(?:" + "|".join(re.escape(d) for d in sorted(SKIP_DIRS)) + ")/")


def skipped(path: str) -> bool:
    return "/" in path and _SKIPPED.search(path) is not None


def any_skipped(paths) -> bool:
    """Whether skipped() can hold for any of the paths: one search of them all."""
    joined = "\n".join(paths)
    return any(f"{name}/" in joined for name in SKIP_DIRS)
