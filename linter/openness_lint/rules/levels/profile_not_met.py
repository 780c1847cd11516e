"""LVL007: a goal profile named in config whose components are not all open."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis.components import detect_all
from openness_lint.catalog import profiles
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.levels import inputs
from openness_lint.registry import rule


@rule("LVL007")
def profile_not_met(ctx: Context) -> Iterator[Violation]:
    graded = inputs.build(ctx)
    statuses = detect_all(ctx)
    line = None if ctx.config.source is None else ctx.config.lines.get("profiles")
    for name in ctx.config.profiles:
        profile = profiles.load(name)
        checks = [(cid, profile.licenses.get(cid, profiles.OPEN)) for cid in profile.components]
        checks += [(cid, accept) for cid, accept in profile.licenses.items() if cid not in profile.components]
        for cid, accept in checks:
            item = graded[cid]
            if cid in ("acceptable-use-policy", "reporting-channel"):
                ok = item.present
            elif cid in ("code-license", "model-license", "data-license"):
                ok = statuses[cid].present and statuses[cid].category in accept
            else:
                ok = item.present and item.category in accept
            if not ok:
                state = "missing" if not item.present else f"under {item.license or 'no license'}"
                yield Violation(f"profile {profile.id}: {cid} must be present and open ({state}); {profile.reason}",
                                ctx.config.source, line, component=cid)
