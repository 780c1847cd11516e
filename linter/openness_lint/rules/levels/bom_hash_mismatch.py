"""LVL011: a BOM's SHA-256 for a file differs from the oid of its Git LFS pointer."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis import bomfiles, lfs
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule


@rule("LVL011")
def bom_hash_mismatch(ctx: Context) -> Iterator[Violation]:
    for found in bomfiles.bom_files(ctx):
        for item in found.hashes:
            pointer = lfs.pointer(ctx, item.target)
            if pointer is not None and pointer.oid != item.sha256:
                yield Violation(f"{found.path} gives {item.target} the SHA-256 {item.sha256}, but its Git LFS "
                                f"pointer names the object sha256:{pointer.oid}", found.path, item.line)
