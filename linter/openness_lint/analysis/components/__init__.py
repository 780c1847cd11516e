"""Component detection in one place: what a release has of every component.

Each module here maps component ids to a detector, a function of the run's
Context that returns a ComponentStatus. detect_all runs them once per run,
then fills in the licenses of the components that lack one.
"""

from __future__ import annotations

from typing import Callable

from openness_lint.analysis.components import docs, files, licenses, policy
from openness_lint.analysis.licensing import component_licenses
from openness_lint.components import ComponentStatus
from openness_lint.context import Context

Detector = Callable[[Context], ComponentStatus]
DETECTORS: dict[str, Detector] = {**files.DETECTORS, **docs.DETECTORS, **licenses.DETECTORS, **policy.DETECTORS}


def detect_all(ctx: Context) -> dict[str, ComponentStatus]:
    """Every component's status, found once per run."""
    return ctx.memo(_detect_all)


def _detect_all(ctx: Context) -> dict[str, ComponentStatus]:
    found = {cid: detect(ctx) for cid, detect in sorted(DETECTORS.items())}
    component_licenses.assign(ctx, found)
    return found
