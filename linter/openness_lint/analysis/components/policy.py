"""acceptable-use-policy and reporting-channel: which forms and channels a release has."""

from __future__ import annotations

from openness_lint.analysis.policy import channels, forms
from openness_lint.components import ComponentStatus
from openness_lint.context import Context


def detect_acceptable_use_policy(ctx: Context) -> ComponentStatus:
    found = forms.forms(ctx)
    return ComponentStatus(present=bool(found), evidence=[f.evidence for f in found],
                           forms=list(found))


def detect_reporting_channel(ctx: Context) -> ComponentStatus:
    found = channels.reporting(ctx).channels
    return ComponentStatus(present=bool(found), evidence=[c.evidence for c in found],
                           channels=list(found))


DETECTORS = {
    "acceptable-use-policy": detect_acceptable_use_policy,
    "reporting-channel": detect_reporting_channel,
}
