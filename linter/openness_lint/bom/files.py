"""Facts every BOM component shares: its files (size, and the SHA-256 a Git
LFS pointer names) and its license with the places that declare it."""

from __future__ import annotations

from typing import NamedTuple

from openness_lint.analysis import lfs
from openness_lint.analysis.licensing.attribution import PRIORITY, Group, deciding_first
from openness_lint.context import Context


class File(NamedTuple):
    """A weights or data file: its size, and the SHA-256 its LFS pointer names."""

    path: str
    size: int
    sha256: str | None
    hash_source: str | None  # the pointer's line that gives it


class License(NamedTuple):
    expression: str | None
    sources: tuple[str, ...]  # where the files declare it, the deciding place first


def file_facts(ctx: Context, paths: list[str]) -> tuple[File, ...]:
    """Each file's size (one stat) and, for a Git LFS pointer, the object's
    size and SHA-256 as the pointer names them; a file is never read."""
    found = []
    for path in paths:
        pointer = lfs.pointer(ctx, path)
        real = ctx.repo.real_path(path)
        if pointer is not None:
            found.append(File(real, pointer.size, pointer.oid, f"{real}:{pointer.line}"))
        else:
            found.append(File(real, ctx.repo.entries[path].size, None, None))
    return tuple(found)


def license_of(ctx: Context, groups: list[Group], expression: str | None) -> License:
    """The license the files give (as the check attributes it), and every
    place in the groups that declares one, the deciding place first."""
    ranked = deciding_first(d for g in groups for d in g.declarations if d.source in PRIORITY and d.license)
    return License(expression, tuple(dict.fromkeys(
        f"{ctx.repo.real_path(d.path)}:{d.line}" if d.line else ctx.repo.real_path(d.path) for d in ranked)))
