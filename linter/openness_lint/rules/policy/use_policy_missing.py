"""AUP001: a license needs a use policy that the release does not make reachable."""

from __future__ import annotations

import posixpath
from typing import Iterator

from openness_lint.analysis.licensing import tables
from openness_lint.analysis.policy import forms
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule


def _where(ctx: Context, scope: str) -> str:
    return ctx.repo.real_path(posixpath.join(scope, "USE_POLICY.md") if scope else "USE_POLICY.md")


@rule("AUP001")
def use_policy_missing(ctx: Context) -> Iterator[Violation]:
    for need in forms.requirements(ctx):
        if forms.reachable(ctx, need):
            continue
        shown = ctx.repo.real_path(need.path)  # as the user sees it, in a release of a monorepo too
        if need.url:
            yield Violation(
                f"{shown} incorporates the use policy at {need.url} by reference, but the repository "
                f"holds no copy and no model card links to it: add the policy as {_where(ctx, need.scope)}, "
                f"or link {need.url} from the model card", need.path, need.line,
                fix=f"Add the policy as {_where(ctx, need.scope)} and link it from the model card.")
        else:
            yield Violation(
                f"{shown} declares {tables.display(need.license or '')}, a license with use restrictions, "
                "but people cannot read those restrictions anywhere in the release: add them to the license "
                f"file (as its Attachment A), or add {_where(ctx, need.scope)} and link it from the model card",
                need.path, need.line,
                fix=f"Add the license's use restrictions to {shown} or as {_where(ctx, need.scope)}.")
