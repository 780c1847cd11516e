"""AUP002: the configuration requires a use policy and the release has none."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis.policy import forms
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule

COMPONENT = "acceptable-use-policy"


@rule("AUP002")
def use_policy_required(ctx: Context) -> Iterator[Violation]:
    if COMPONENT not in ctx.config.require or forms.forms(ctx):
        return
    yield Violation(
        "the configuration requires an acceptable use policy, but the release has none: no use policy "
        "file, no use restrictions in a license, no gated prompt and no out-of-scope section in a card",
        ctx.config.source, ctx.config.lines.get("require"))
