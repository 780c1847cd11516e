"""LVL008: a manifest license id that only matches once normalised."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis import manifest
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule


@rule("LVL008")
def manifest_license_normalised(ctx: Context) -> Iterator[Violation]:
    found = manifest.load(ctx)
    for cid, entry in (found.components.items() if found else ()):
        if entry.license and entry.license_said and entry.license_said != entry.license \
                and entry.license_said.lower() != "unlicensed":
            yield Violation(f"{cid}: {entry.license_said!r} was read as {entry.license}; the Model Openness "
                            "Tool matches ids exactly and would not count it", found.path, entry.line,
                            component=cid, fix=f"Write {entry.license}.")
