"""Binary frameworks such as the OSI definition: open only if every
requirement's components are present under an accepted license."""

from __future__ import annotations

from typing import NamedTuple

from openness_lint.catalog.frameworks import Framework
from openness_lint.context import Context
from openness_lint.levels.inputs import ComponentGrade, Missing, absent, reasons, why


class Requirement(NamedTuple):
    name: str
    met: bool
    missing: list[Missing]


class Result(NamedTuple):
    achieved: str
    requirements: dict[str, Requirement]  # requirement id -> how it fares


def evaluate(ctx: Context, framework: Framework, graded: dict[str, ComponentGrade]) -> Result:
    requirements: dict[str, Requirement] = {}
    for req in framework.raw["requirements"]:
        accept = set(req.get("accept") or ("osi-fsf",))
        lacking = []
        for cid in req["components"]:
            item = graded.get(cid) or absent(cid)
            if not (item.present and item.category in accept):
                lacking.append(why(item))
        requirements[str(req["id"])] = Requirement(req.get("name", req["id"]), not lacking, lacking)
    passed = all(r.met for r in requirements.values())
    return Result(framework.levels[-1] if passed else framework.levels[0], requirements)


def verdict(framework: Framework, result: Result) -> str:
    if result.achieved == framework.levels[-1]:
        return f"{framework.name}: {framework.level_name(result.achieved)}."
    unmet = [f"{r.name.lower()} ({reasons(r.missing)})" for r in result.requirements.values() if not r.met]
    return f"{framework.name}: {framework.level_name(result.achieved)}; missing {'; '.join(unmet)}."


def missing(framework: Framework, result: Result, required: str) -> list[Missing]:
    return [m for r in result.requirements.values() for m in r.missing]
