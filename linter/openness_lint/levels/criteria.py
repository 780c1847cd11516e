"""Criteria scores such as the Columbia stack: open 1, restricted 0.5, absent 0,
on a 0-5 ladder capped by the release's most restrictive license."""

from __future__ import annotations

import fnmatch
import math
from typing import NamedTuple

from openness_lint.analysis import cards, evidence
from openness_lint.analysis.licensing import classify
from openness_lint.catalog.frameworks import Framework
from openness_lint.context import Context
from openness_lint.levels.inputs import OPEN, ComponentGrade, Missing, absent

LICENSES = ("code-license", "model-license", "data-license")
UNLICENSED = {"acceptable-use-policy", "reporting-channel"}


class Criterion(NamedTuple):
    group: str
    name: str
    status: str  # "open", "restricted" or "absent"
    license: str | None
    source: str  # as ComponentGrade.source
    evidence: list[str]


class Result(NamedTuple):
    achieved: str
    score: float
    maximum: int
    cap: int
    criteria: dict[str, Criterion]  # criterion id -> how it fares


def _status(item: ComponentGrade, needs_license: bool) -> str:
    if not item.present:
        return "absent"
    if not needs_license or item.category in OPEN:
        return "open"
    return "restricted"


def _detected(ctx: Context, key: str, spec: dict) -> list[str]:
    if spec.get("detect"):
        return evidence.evidence(ctx, key, evidence.Pattern.from_data(spec["detect"]))
    keys = set(spec.get("card-keys") or ())
    return sorted({c.path for c in cards.cards(ctx) if c.kind == "model" and keys & set(map(str, c.meta))})


def warm(ctx: Context, framework: Framework) -> None:
    """Find now what evaluate() will look for in the files (evidence.warm)."""
    for key, spec in framework.raw["criteria"].items():
        if not spec.get("component"):
            _detected(ctx, key, spec)


def _ladder(expression: str, overrides: dict[str, int]) -> int:
    for key in classify.keys(expression):
        for pattern, step in overrides.items():
            if fnmatch.fnmatchcase(key, pattern):
                return min(step, classify.of_expression(expression).ladder)
    return classify.of_expression(expression).ladder


def evaluate(ctx: Context, framework: Framework, graded: dict[str, ComponentGrade]) -> Result:
    table = framework.raw["criteria"]
    scored: dict[str, Criterion] = {}
    for key, spec in table.items():
        group, name = spec.get("group", ""), spec.get("name", key)
        cid = spec.get("component")
        if cid:
            item = graded.get(cid) or absent(cid)
            scored[str(key)] = Criterion(group, name, _status(item, cid not in UNLICENSED), item.license,
                                         item.source, list(item.evidence[:5]))
        else:
            found = _detected(ctx, key, spec)
            scored[str(key)] = Criterion(group, name, "open" if found else "absent", None,
                                         "files" if found else "missing", found[:5])
    score = sum({"open": 1.0, "restricted": 0.5}.get(c.status, 0.0) for c in scored.values())
    maximum = len(scored)
    overrides = {str(k): int(v) for k, v in (framework.raw.get("ladder-overrides") or {}).items()}
    # the release's licenses: those the files attribute to code, model and
    # data, and every license the manifest declares for a component
    licenses = {graded[cid].license for cid in LICENSES if cid in graded and graded[cid].present and graded[cid].license}
    licenses |= {g.license for g in graded.values() if g.license and g.source.startswith("manifest")}
    steps = [_ladder(expression, overrides) for expression in sorted(licenses)]
    cap = min(steps) if steps else 1  # nothing published under a license
    top = len(framework.levels) - 1
    raw_level = math.floor(top * score / maximum + 1e-9) if maximum else 0
    level = max(0, min(raw_level, cap, top))
    return Result(framework.levels[level], score, maximum, cap, scored)


def verdict(framework: Framework, result: Result) -> str:
    return (f"{framework.name}: level {result.achieved} of {framework.levels[-1]} "
            f"({result.score:g} / {result.maximum} points, license cap {result.cap}).")


def missing(framework: Framework, result: Result, required: str) -> list[Missing]:
    return [Missing(key, c.status) for key, c in result.criteria.items() if c.status != "open"]
