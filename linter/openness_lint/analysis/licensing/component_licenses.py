"""The license of every detected component, from license attribution.

Weights and model metadata take the model license, data the data license;
code and documents take the nearest license file up the tree from their
evidence (a code-split file counts for code), else the code license.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from openness_lint.analysis.licensing import classify, declarations
from openness_lint.components import ComponentStatus
from openness_lint.context import Context
from openness_lint.text import spdx

FROM_ARTIFACT = {
    "model-parameters": "model-license", "model-parameters-intermediate": "model-license",
    "model-metadata": "model-license", "datasets": "data-license", "evaluation-data": "data-license",
}
DOCUMENTS = {"model-card", "data-card", "evaluation-results", "research-paper", "technical-report", "sample-outputs"}
NOT_LICENSED = {"code-license", "model-license", "data-license", "acceptable-use-policy", "reporting-channel"}


def _by_folder(ctx: Context, kinds: tuple[str, ...]) -> dict[str, str]:
    """Folder -> the license its license files say, built once per run."""
    return ctx.memo(_build_by_folder, kinds)


def _build_by_folder(ctx: Context, kinds: tuple[str, ...]) -> dict[str, str]:
    files: dict[str, list[str]] = {}
    for item in declarations.find(ctx):
        if item.source == "license-file" and item.artifact in kinds and item.license:
            files.setdefault(item.scope, []).append(item.license)
    return {folder: " AND ".join(sorted(set(found))) for folder, found in files.items()}


def nearest(ctx: Context, path: str, kinds: tuple[str, ...]) -> str | None:
    """The license of the nearest license file at or above a path's folder."""
    files = _by_folder(ctx, kinds)
    parts = PurePosixPath(path).parts[:-1]
    for depth in range(len(parts), -1, -1):
        found = files.get("/".join(parts[:depth]))
        if found:
            return found
    return None


def assign(ctx: Context, statuses: dict[str, ComponentStatus]) -> None:
    """Fill license and category of present components that lack one."""
    for cid, status in statuses.items():
        if not status.present or cid in NOT_LICENSED:
            continue
        if status.license is None:
            if cid in FROM_ARTIFACT:
                source = statuses.get(FROM_ARTIFACT[cid])
                status.license = source.license if source else None
            else:
                kinds = ("all",) if cid in DOCUMENTS else ("all", "code")
                paths = [e.split(":", 1)[0] for e in status.evidence if not e.startswith(("http://", "https://"))]
                found = {lic for p in paths if (lic := nearest(ctx, p, kinds))}
                status.license = spdx.conjoin(found) or (
                    statuses["code-license"].license if "code-license" in statuses and cid not in DOCUMENTS else None)
        if status.license and status.category is None:
            status.category = classify.of_expression(status.license).id
