"""LVL003: a license the manifest declares differs from what the files say."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis import manifest
from openness_lint.analysis.components import detect_all
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule


@rule("LVL003")
def manifest_license_disagrees(ctx: Context) -> Iterator[Violation]:
    found = manifest.load(ctx)
    statuses = detect_all(ctx)
    for cid, entry in (found.components.items() if found else ()):
        status = statuses.get(cid)
        if entry.license_origin == "none" or entry.is_url or status is None or not status.present or not status.license:
            continue  # a hosted component is not what the repository's files license
        if entry.license != status.license:
            where = ", ".join(status.evidence[:3])
            said = entry.license or "unlicensed"
            yield Violation(f"{cid}: the manifest says {said} ({entry.license_origin} license) "
                            f"but the files say {status.license} ({where})", found.path, entry.line, component=cid)
