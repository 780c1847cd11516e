"""LIC001: the repository has no license file for its code."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis.licensing import declarations
from openness_lint.analysis.licensing import files as licensefiles
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule


@rule("LIC001")
def license_file_missing(ctx: Context) -> Iterator[Violation]:
    files = licensefiles.code_license_files(ctx.repo)
    if files and any(ctx.text(e.path) is not None for e in files):
        return
    if files:  # a link out of the repository, a binary or a huge file is no license
        yield Violation(f"{files[0].path} exists but cannot be read as a license text (see OL001)", files[0].path)
        return
    declared = [d for d in declarations.find(ctx) if d.source in ("package", "citation") and d.license]
    also = f"; {declared[0].where()} declares {declared[0].license} but ships no text" if declared else ""
    yield Violation("no license file at the repository root (LICENSE, LICENCE, COPYING or LICENSES/)" + also)
