"""Git LFS pointers: the SHA-256 and size of the object each one names.

The inventory already knows which files are pointers (a small file under a
`filter=lfs` attribute that starts with the pointer's signature); here the
pointer's few bytes are read for its oid. The object itself is never read,
and neither is any file that is not a pointer.
"""

from __future__ import annotations

from openness_lint.context import Context
from openness_lint.repo.reading import LfsPointer, lfs_pointer


def pointer(ctx: Context, path: str) -> LfsPointer | None:
    """What the pointer at path says, or None when path is no pointer."""
    entry = ctx.repo.entries.get(path)
    if entry is None or entry.kind != "lfs-pointer":
        return None
    return ctx.memo(_read, path)


def _read(ctx: Context, path: str) -> LfsPointer | None:
    found = lfs_pointer(ctx.repo.whole.root / ctx.repo.real_path(path))
    if found is not None:
        ctx.repo.opened.append(path)
    return found
