"""Grade the release under every framework, pick the one the report leads
with, and apply the min-level gate."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from openness_lint import components, frameworks
from openness_lint.levels import binary, classes, criteria, inputs

if TYPE_CHECKING:
    from openness_lint.engine import Context

DEFAULT = "mof"


@dataclass
class Graded:
    framework: frameworks.Framework
    result: Any  # classes.Result, binary.Result or criteria.Result


def all_frameworks(ctx: Context) -> dict[str, frameworks.Framework]:
    return {**frameworks.builtin(), **ctx.config.custom_frameworks}


def primary(ctx: Context) -> str:
    if ctx.config.min_level:
        return ctx.config.min_level.split(":", 1)[0]
    return ctx.config.framework or DEFAULT


def grade(ctx: Context) -> dict[str, Graded]:
    def compute(ctx: Context) -> dict[str, Graded]:
        shared = inputs.build(ctx)
        out = {}
        for fid, framework in all_frameworks(ctx).items():
            graded = {**shared, **inputs.custom(ctx, framework.raw.get("new-components") or {})}
            if framework.kind == "classes":
                result = classes.evaluate(framework, graded)
            elif framework.kind == "binary":
                result = binary.evaluate(framework, graded)
            else:
                result = criteria.evaluate(ctx, framework, graded)
            out[fid] = Graded(framework, result)
        return out
    return ctx.analysis("levels", compute)


def _title(cid: str) -> str:
    mof = frameworks.builtin()["mof"].raw["components"]
    return (mof[cid]["name"] if cid in mof else components.TITLES.get(cid, cid)).lower()


def reasons(items: list[dict]) -> str:
    parts = []
    for item in items:
        text = _title(item["component"])
        if item["reason"] == "unlicensed":
            text += " (unlicensed)"
        elif item["reason"] == "license not open":
            text += f" ({item['license']} is not open)"
        parts.append(text)
    return ", ".join(parts)


def verdict(graded: Graded) -> str:
    framework, result = graded.framework, graded.result
    if framework.kind == "classes":
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
    if framework.kind == "binary":
        if result.achieved == framework.levels[-1]:
            return f"{framework.name}: {framework.level_name(result.achieved)}."
        unmet = [f"{r['name'].lower()} ({reasons(r['missing'])})" for r in result.requirements.values() if not r["met"]]
        return f"{framework.name}: {framework.level_name(result.achieved)}; missing {'; '.join(unmet)}."
    return (f"{framework.name}: level {result.achieved} of {framework.levels[-1]} "
            f"({result.score:g} / {result.maximum} points, license cap {result.cap}).")


def details(graded: Graded) -> dict:
    framework, result = graded.framework, graded.result
    data: dict = {"name": framework.name, "kind": framework.kind, "achieved": result.achieved,
                  "verdict": verdict(graded)}
    if framework.kind == "classes":
        data["progress"] = result.progress
        data["blocking"] = result.blocking
    elif framework.kind == "binary":
        data["requirements"] = result.requirements
    else:
        data.update(score=result.score, max=result.maximum, cap=result.cap, criteria=result.criteria)
    return data


def gate(ctx: Context) -> tuple[bool, str | None, list[dict]]:
    """(passed, required level, what is missing for it)."""
    if not ctx.config.min_level:
        return True, None, []
    fid, required = ctx.config.min_level.split(":", 1)
    graded = grade(ctx)[fid]
    framework, result = graded.framework, graded.result
    passed = framework.rank(result.achieved) >= framework.rank(required)
    if passed:
        return True, required, []
    if framework.kind == "classes":
        return False, required, result.blocking.get(required, [])
    if framework.kind == "binary":
        return False, required, [m for r in result.requirements.values() for m in r["missing"]]
    absent = [{"component": k, "reason": c["status"]} for k, c in result.criteria.items() if c["status"] != "open"]
    return False, required, absent


def report_level(ctx: Context) -> dict:
    """The `level` object of the JSON report."""
    graded = grade(ctx)
    lead = primary(ctx)
    passed, required, _ = gate(ctx)
    main = graded[lead]
    level = {"framework": lead, "achieved": main.result.achieved, "required": required, "passed": passed,
             "verdict": verdict(main)}
    shared = inputs.build(ctx)
    level["declared_not_verified"] = sorted(c for c, g in shared.items() if g.source == "manifest, not verified")
    if main.framework.kind == "classes":
        level["progress"] = main.result.progress
    level["frameworks"] = {fid: details(item) for fid, item in graded.items()}
    return level
