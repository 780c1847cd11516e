"""What the frameworks grade: each component's presence and license, merged
from the files and the manifest.

A component the manifest declares is present; its license is the one MOT
would resolve from the manifest, else the one the files show. A component
only the files show is present with the files' license.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from openness_lint import components
from openness_lint.levels import manifest as manifest_mod
from openness_lint.licensing import classify

if TYPE_CHECKING:
    from openness_lint.engine import Context


@dataclass(frozen=True)
class Graded:
    component: str
    present: bool
    license: str | None
    category: str | None  # classify category of the license
    source: str  # "files", "manifest", "manifest, not verified" or "missing"
    evidence: tuple[str, ...] = ()

    @property
    def is_open(self) -> bool:
        return self.present and self.category in ("osi-fsf", "open-data")


def _graded(cid: str, present: bool, license_: str | None, source: str, evidence=()) -> Graded:
    category = classify.of_expression(license_).id if license_ else None
    return Graded(cid, present, license_, category, source, tuple(evidence))


def build(ctx: Context) -> dict[str, Graded]:
    def compute(ctx: Context) -> dict[str, Graded]:
        found = ctx.components
        declared = manifest_mod.load(ctx)
        graded: dict[str, Graded] = {}
        for cid in components.ALL:
            status = found.get(cid)
            entry = declared.components.get(cid) if declared else None
            if entry is not None:
                # the manifest's license as MOT resolves it; only when it
                # names none at all do the files' license count
                license_ = entry.license if entry.license_origin != "none" else (
                    status.license if status and status.present else None)
                source = "manifest, not verified" if entry.is_url else "manifest"
                graded[cid] = _graded(cid, True, license_, source, [entry.path] if entry.path else [])
            elif status is not None and status.present:
                graded[cid] = _graded(cid, True, status.license, "files", status.evidence)
            else:
                graded[cid] = Graded(cid, False, None, None, "missing")
        return graded
    return ctx.analysis("graded-components", compute)


def custom(ctx: Context, new_components: dict) -> dict[str, Graded]:
    """Components a custom framework defines, found by its file patterns."""
    from openness_lint import detection
    from openness_lint.licensing.components import nearest

    graded = {}
    for cid, spec in new_components.items():
        found = detection.evidence(ctx, str(cid), detection.Pattern.from_data(spec or {}))
        license_ = nearest(ctx, found[0], ("all", "code")) if found else None
        graded[str(cid)] = _graded(str(cid), bool(found), license_, "files", found) if found else \
            Graded(str(cid), False, None, None, "missing")
    return graded
