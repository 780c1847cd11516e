"""What the frameworks grade: each component's presence and license, merged
from the files and the manifest.

A component the manifest declares is present; its license is the one MOT
would resolve from the manifest, else the one the files show. A component
only the files show is present with the files' license.
"""

from __future__ import annotations

from typing import NamedTuple

from openness_lint import components
from openness_lint.analysis import evidence
from openness_lint.analysis import manifest as manifest_mod
from openness_lint.analysis.components import detect_all
from openness_lint.analysis.licensing import classify
from openness_lint.analysis.licensing.component_licenses import nearest
from openness_lint.catalog import frameworks
from openness_lint.context import Context

OPEN = ("osi-fsf", "open-data")


class ComponentGrade(NamedTuple):
    component: str
    present: bool
    license: str | None
    category: str | None  # classify category of the license
    source: str  # "files", "manifest", "manifest, not verified" or "missing"
    evidence: tuple[str, ...] = ()

    @property
    def is_open(self) -> bool:
        return self.present and self.category in OPEN


class Missing(NamedTuple):
    """Why a component keeps a level out of reach."""

    component: str
    reason: str  # "missing", "unlicensed", "license not open", or a criterion's status
    license: str | None = None  # with "license not open"


def absent(cid: str) -> ComponentGrade:
    return ComponentGrade(cid, False, None, None, "missing")


def why(item: ComponentGrade) -> Missing:
    if not item.present:
        return Missing(item.component, "missing")
    if not item.license:
        return Missing(item.component, "unlicensed")
    return Missing(item.component, "license not open", item.license)


def grade_of(cid: str, present: bool, license_: str | None, source: str, found=()) -> ComponentGrade:
    category = classify.of_expression(license_).id if license_ else None
    return ComponentGrade(cid, present, license_, category, source, tuple(found))


def build(ctx: Context) -> dict[str, ComponentGrade]:
    """Every component of components.ALL, graded once per run."""
    return ctx.memo(_build)


def _build(ctx: Context) -> dict[str, ComponentGrade]:
    found = detect_all(ctx)
    declared = manifest_mod.load(ctx)
    graded: dict[str, ComponentGrade] = {}
    for cid in components.ALL:
        status = found.get(cid)
        entry = declared.components.get(cid) if declared else None
        if entry is not None:
            # the manifest's license as MOT resolves it; only when it
            # names none at all do the files' license count
            license_ = entry.license if entry.license_origin != "none" else (
                status.license if status and status.present else None)
            source = "manifest, not verified" if entry.is_url else "manifest"
            graded[cid] = grade_of(cid, True, license_, source, [entry.path] if entry.path else [])
        elif status is not None and status.present:
            graded[cid] = grade_of(cid, True, status.license, "files", status.evidence)
        else:
            graded[cid] = absent(cid)
    return graded


def custom(ctx: Context, new_components: dict) -> dict[str, ComponentGrade]:
    """Components a custom framework defines, found by its file patterns."""
    graded = {}
    for cid, spec in new_components.items():
        found = evidence.evidence(ctx, str(cid), evidence.Pattern.from_data(spec or {}))
        license_ = nearest(ctx, found[0], ("all", "code")) if found else None
        graded[str(cid)] = grade_of(str(cid), True, license_, "files", found) if found else absent(str(cid))
    return graded


def title(cid: str) -> str:
    mof = frameworks.builtin()["mof"].raw["components"]
    return (mof[cid]["name"] if cid in mof else components.TITLES.get(cid, cid)).lower()


def reasons(items: list[Missing]) -> str:
    """'model parameters (unlicensed), datasets (CC-BY-NC-4.0 is not open)'."""
    parts = []
    for item in items:
        text = title(item.component)
        if item.reason == "unlicensed":
            text += " (unlicensed)"
        elif item.reason == "license not open":
            text += f" ({item.license} is not open)"
        parts.append(text)
    return ", ".join(parts)
