"""Grade the release under every framework, pick the one the report leads
with, and apply the min-level gate."""

from __future__ import annotations

from types import ModuleType

from openness_lint.catalog import frameworks
from openness_lint.context import Context
from openness_lint.levels import binary, classes, criteria, inputs, way
from openness_lint.levels.inputs import Missing
from openness_lint.levels.result import FrameworkGrade, LevelReport

DEFAULT = "mof"
# framework kind -> the module that grades it: evaluate(), verdict(), missing()
KINDS: dict[str, ModuleType] = {"classes": classes, "binary": binary, "criteria": criteria}


def all_frameworks(ctx: Context) -> dict[str, frameworks.Framework]:
    return {**frameworks.builtin(), **ctx.config.custom_frameworks}


def primary(ctx: Context) -> str:
    if ctx.config.min_level:
        return ctx.config.min_level[0]
    return ctx.config.framework or DEFAULT


def warm(ctx: Context) -> None:
    """Find now what the criteria frameworks look for in the files."""
    for framework in all_frameworks(ctx).values():
        if framework.kind == "criteria":
            criteria.warm(ctx, framework)


def grade(ctx: Context) -> dict[str, FrameworkGrade]:
    """Every framework's grade, computed once per run."""
    return ctx.memo(_grade)


def _inputs(ctx: Context, framework: frameworks.Framework) -> dict[str, inputs.ComponentGrade]:
    """What a framework grades: the shared components and its own."""
    return {**inputs.build(ctx), **inputs.custom(ctx, framework.raw.get("new-components") or {})}


def _grade(ctx: Context) -> dict[str, FrameworkGrade]:
    out = {}
    for fid, framework in all_frameworks(ctx).items():
        kind = KINDS[framework.kind]
        result = kind.evaluate(ctx, framework, _inputs(ctx, framework))
        out[fid] = FrameworkGrade(framework, result, kind.verdict(framework, result))
    return out


def gate(ctx: Context) -> tuple[bool, str | None, list[Missing]]:
    """(passed, required level, what is missing for it)."""
    if not ctx.config.min_level:
        return True, None, []
    fid, required = ctx.config.min_level
    graded = grade(ctx)[fid]
    framework, result = graded.framework, graded.result
    if framework.rank(result.achieved) >= framework.rank(required):
        return True, required, []
    return False, required, KINDS[framework.kind].missing(framework, result, required)


def report_level(ctx: Context) -> LevelReport:
    """The release's levels, as the report carries them."""
    graded = grade(ctx)
    lead = primary(ctx)
    passed, required, _ = gate(ctx)
    main = graded[lead]
    shared = inputs.build(ctx)
    unverified = sorted(c for c, g in shared.items() if g.source == "manifest, not verified")
    linked = way.linked_not_declared(ctx)
    reach, forward = None, ""
    if linked:
        framework = main.framework
        kind = KINDS[framework.kind]
        current = _inputs(ctx, framework)
        reach = kind.evaluate(ctx, framework, way.declared(current, linked)).achieved
        if_open = kind.evaluate(ctx, framework, way.declared(current, linked, assume_open=True)).achieved
        forward = way.sentence(framework, main.achieved, linked, reach, if_open)
    verdict = f"{main.verdict} {forward}" if forward else main.verdict
    return LevelReport(lead, main.achieved, required, passed, verdict, unverified, graded, linked, reach, forward)
