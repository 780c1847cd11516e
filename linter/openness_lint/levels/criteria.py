"""Criteria scores such as the Columbia stack: open 1, restricted 0.5, absent 0,
on a 0-5 ladder capped by the release's most restrictive license."""

from __future__ import annotations

import fnmatch
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from openness_lint import cards, detection
from openness_lint.frameworks import Framework
from openness_lint.levels.inputs import Graded
from openness_lint.licensing import classify

if TYPE_CHECKING:
    from openness_lint.engine import Context

LICENSES = ("code-license", "model-license", "data-license")
UNLICENSED = {"acceptable-use-policy", "reporting-channel"}


@dataclass
class Result:
    achieved: str
    score: float
    maximum: int
    cap: int
    criteria: dict[str, dict]  # id -> {group, name, status, evidence, license}


def _status(item: Graded, needs_license: bool) -> str:
    if not item.present:
        return "absent"
    if not needs_license or item.category in ("osi-fsf", "open-data"):
        return "open"
    return "restricted"


def _detected(ctx: Context, key: str, spec: dict) -> list[str]:
    if spec.get("detect"):
        return detection.evidence(ctx, key, detection.Pattern.from_data(spec["detect"]))
    keys = set(spec.get("card-keys") or ())
    return sorted({c.path for c in cards.cards(ctx) if c.kind == "model" and keys & set(map(str, c.meta))})


def warm(ctx: Context, framework: Framework) -> None:
    """Find now what evaluate() will look for in the files (detection.warm)."""
    for key, spec in framework.raw["criteria"].items():
        if not spec.get("component"):
            _detected(ctx, key, spec)


def _ladder(expression: str, overrides: dict[str, int]) -> int:
    for key in classify.keys(expression):
        for pattern, step in overrides.items():
            if fnmatch.fnmatchcase(key, pattern):
                return min(step, classify.of_expression(expression).ladder)
    return classify.of_expression(expression).ladder


def evaluate(ctx: Context, framework: Framework, graded: dict[str, Graded]) -> Result:
    table = framework.raw["criteria"]
    scored: dict[str, dict] = {}
    for key, spec in table.items():
        cid = spec.get("component")
        if cid:
            item = graded.get(cid) or Graded(cid, False, None, None, "missing")
            status = _status(item, cid not in UNLICENSED)
            entry = {"license": item.license, "source": item.source, "evidence": list(item.evidence[:5])}
        else:
            found = _detected(ctx, key, spec)
            status = "open" if found else "absent"
            entry = {"license": None, "source": "files" if found else "missing", "evidence": found[:5]}
        scored[str(key)] = {"group": spec.get("group", ""), "name": spec.get("name", key), "status": status, **entry}
    score = sum({"open": 1.0, "restricted": 0.5}.get(c["status"], 0.0) for c in scored.values())
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
