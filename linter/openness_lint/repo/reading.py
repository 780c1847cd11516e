"""Reading one file of the checked repository, safely and within bounds.

A file is opened only as a regular file, never through a link, never
blocking on a FIFO, and never past MAX_TEXT_BYTES: a model repository can
hold 100 GB of weights. Text is decoded as UTF-8 (BOM allowed) or UTF-16
with a BOM, else as UTF-8 with replacement characters, and the line of the
first bad byte is kept so the engine can say where.
"""

from __future__ import annotations

import fnmatch
import os
import re
import stat
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from openness_lint.errors import Unreadable

MAX_TEXT_BYTES = 1024 * 1024
LFS_POINTER_MAX = 1024
LFS_SIGNATURE = b"version https://git-lfs.github.com/spec/"
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)


class Text(NamedTuple):
    content: str
    # Set when the bytes were not valid UTF-8 and were decoded with
    # replacement characters; the line of the first bad byte.
    fallback_line: int | None = None


def open_regular(path: Path) -> int | None:
    """A descriptor for a regular file, never following a link or blocking
    on a FIFO; None for anything else."""
    try:
        fd = os.open(path, _FLAGS)
    except OSError:
        return None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        return None
    return fd


def head(path: Path, count: int) -> bytes | None:
    """The first ``count`` bytes of a regular file; None for anything else."""
    fd = open_regular(path)
    if fd is None:
        return None
    with os.fdopen(fd, "rb") as handle:
        return handle.read(count)


def lfs_patterns(root: Path) -> list[str]:
    """Patterns that .gitattributes at the root routes through Git LFS."""
    fd = open_regular(root / ".gitattributes")
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


class LfsPointer(NamedTuple):
    """What a Git LFS pointer says of the object it stands for."""

    oid: str  # SHA-256, lower-case hex
    size: int
    line: int  # the line of the oid


_OID = re.compile(r"sha256:([0-9a-f]{64})")


def lfs_pointer(target: Path) -> LfsPointer | None:
    """The object a Git LFS pointer names; only the pointer's few bytes are
    read (a file larger than a pointer is not one), never the object."""
    raw = head(target, LFS_POINTER_MAX + 1)
    if raw is None or len(raw) > LFS_POINTER_MAX or not raw.startswith(LFS_SIGNATURE):
        return None
    fields = {}
    for number, line in enumerate(raw.decode("utf-8", "replace").splitlines(), 1):
        key, _, value = line.partition(" ")
        fields[key] = (value.strip(), number)
    oid = _OID.fullmatch(fields.get("oid", ("", 0))[0])
    size = fields.get("size", ("", 0))[0]
    if oid is None or not size.isdigit():
        return None
    return LfsPointer(oid[1], int(size), fields["oid"][1])


def matches_any(path: str, patterns: list[str]) -> bool:
    """Whether a path matches one of the .gitattributes patterns."""
    name = PurePosixPath(path).name
    for pattern in patterns:
        target = path if "/" in pattern.strip("/") else name
        if fnmatch.fnmatchcase(target, pattern.lstrip("/")):
            return True
    return False


def read_bounded(target: Path, path: str, opened: list[str]) -> Text:
    """The decoded text of the regular file at target (``path`` is how
    findings name it), or raise Unreadable. A path whose bytes are read is
    added to ``opened``."""
    try:
        fd = os.open(target, _FLAGS)
    except OSError as exc:
        raise Unreadable(path, f"cannot open ({exc.strerror})") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise Unreadable(path, "not a regular file")
    with os.fdopen(fd, "rb") as handle:
        if info.st_size > MAX_TEXT_BYTES:
            raise Unreadable(path, f"larger than {MAX_TEXT_BYTES // 1024} KiB; not read")
        opened.append(path)
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
