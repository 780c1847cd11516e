"""Gradient frameworks such as MOF: cumulative classes of required components.

As the Model Openness Tool computes it: progress(c) is the share of the
required components of classes III..c that are included (present under an
open license); a lower class shows no progress until every higher class is
complete; the class is the most open one at 100%. A substitute (the
research paper for the technical report) counts for the classes above its
own, and then the class that needs both needs one fewer.
"""

from __future__ import annotations

from typing import NamedTuple

from openness_lint.analysis.licensing import classify
from openness_lint.catalog.frameworks import Framework
from openness_lint.context import Context
from openness_lint.levels.inputs import ComponentGrade, Missing, absent, reasons, why


class Unfit(NamedTuple):
    """An open license that MOT does not count as fit for the component's type."""

    component: str
    license: str | None
    type: str


class Result(NamedTuple):
    achieved: str
    progress: dict[str, int]  # level -> percent
    blocking: dict[str, list[Missing]]  # level -> what keeps it out of reach
    not_type_appropriate: list[Unfit]


def evaluate(ctx: Context, framework: Framework, graded: dict[str, ComponentGrade]) -> Result:
    spec = framework.raw["components"]
    order = [lvl for lvl in framework.levels if any(str(s["class"]) == lvl for s in spec.values())]
    substitutes = framework.raw.get("substitutes") or {}
    graded = {cid: graded.get(cid) or absent(cid) for cid in spec}
    included = {cid: graded[cid].is_open for cid in spec}
    stood_in = {target for target, stand_in in substitutes.items()
                if not included.get(target) and included.get(stand_in)}
    progress: dict[str, int] = {}
    blocking: dict[str, list[Missing]] = {}
    achieved = framework.levels[0]
    higher_complete = True
    for depth, level in enumerate(order):
        required = [cid for cid, s in spec.items()
                    if not s.get("optional") and order.index(str(s["class"])) <= depth]
        for target in stood_in:
            stand_in = substitutes[target]
            if target in required and stand_in in required:
                required.remove(target)  # the paper covers both in this class
        counted = [cid for cid in required if included[cid] or cid in stood_in]
        missing = [cid for cid in required if cid not in counted]
        blocking[level] = [why(graded[cid]) for cid in missing]
        share = round(100 * len(counted) / len(required)) if required else 100
        progress[level] = share if higher_complete else 0
        if higher_complete and share == 100:
            achieved = level
        higher_complete = higher_complete and share == 100
    types = {cid: s.get("type", "data") for cid, s in spec.items()}
    unfit = [Unfit(cid, graded[cid].license, types[cid]) for cid, ok in included.items()
             if ok and not classify.fits_type(graded[cid].license, types[cid], strict=True)]
    return Result(achieved, progress, blocking, unfit)


def verdict(framework: Framework, result: Result) -> str:
    prefix = "MOF" if framework.id == "mof" else f"{framework.name}:"
    head = f"{prefix} {framework.level_name(result.achieved)}"
    order = [lvl for lvl in framework.levels if lvl in result.progress]  # least open first
    if result.achieved not in order:
        following = order[0]
    elif result.achieved == order[-1]:
        return f"{head}."
    else:
        following = order[order.index(result.achieved) + 1]
    label = f"Class {following}" if framework.id == "mof" else framework.level_name(following)
    return f"{head}. {label} {result.progress[following]}%: missing {reasons(result.blocking[following])}."


def missing(framework: Framework, result: Result, required: str) -> list[Missing]:
    """What keeps the required level out of reach."""
    return result.blocking.get(required, [])
