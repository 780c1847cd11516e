"""acceptable-use-policy and reporting-channel: which forms and channels a release has."""

from __future__ import annotations

from openness_lint.components import ComponentStatus, detector
from openness_lint.engine import Context
from openness_lint.policy import channels, forms


@detector("acceptable-use-policy")
def detect_acceptable_use_policy(ctx: Context) -> ComponentStatus:
    found = forms.forms(ctx)
    return ComponentStatus(present=bool(found), evidence=[f.evidence for f in found],
                           forms=[f.to_dict() for f in found])


@detector("reporting-channel")
def detect_reporting_channel(ctx: Context) -> ComponentStatus:
    found = channels.reporting(ctx).channels
    return ComponentStatus(present=bool(found), evidence=[c.evidence for c in found],
                           channels=[c.to_dict() for c in found])
