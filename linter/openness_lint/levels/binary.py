"""Binary frameworks such as the OSI definition: open only if every
requirement's components are present under an accepted license."""

from __future__ import annotations

from dataclasses import dataclass

from openness_lint.frameworks import Framework
from openness_lint.levels.classes import why
from openness_lint.levels.inputs import Graded


@dataclass
class Result:
    achieved: str
    requirements: dict[str, dict]  # id -> {name, met, missing}


def evaluate(framework: Framework, graded: dict[str, Graded]) -> Result:
    requirements: dict[str, dict] = {}
    for req in framework.raw["requirements"]:
        accept = set(req.get("accept") or ("osi-fsf",))
        missing = []
        for cid in req["components"]:
            item = graded.get(cid) or Graded(cid, False, None, None, "missing")
            if not (item.present and item.category in accept):
                missing.append(why(item))
        requirements[str(req["id"])] = {"name": req.get("name", req["id"]), "met": not missing, "missing": missing}
    passed = all(r["met"] for r in requirements.values())
    return Result(framework.levels[-1] if passed else framework.levels[0], requirements)
