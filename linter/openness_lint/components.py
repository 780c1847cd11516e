"""Component ids (fixed by the JSON contract) and how their status is built.

Detectors fill components from the repository; each is a small function
registered for one component id, run once per check.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from openness_lint.engine import Context

MOF_COMPONENTS = (
    "model-architecture", "model-parameters", "model-parameters-intermediate",
    "training-code", "inference-code", "evaluation-code", "evaluation-data",
    "evaluation-results", "datasets", "data-preprocessing-code", "model-card",
    "data-card", "technical-report", "research-paper", "sample-outputs",
    "model-metadata", "supporting-libraries",
)
DISTRIBUTION_COMPONENTS = (
    "code-license", "data-license", "model-license",
    "acceptable-use-policy", "reporting-channel",
)
ALL = MOF_COMPONENTS + DISTRIBUTION_COMPONENTS

TITLES = {cid: cid.replace("-", " ").capitalize() for cid in ALL}


@dataclass
class ComponentStatus:
    present: bool
    license: str | None = None
    evidence: list[str] = field(default_factory=list)
    category: str | None = None  # how open the license is, for license components
    # which forms of acceptable use policy, and which reporting channels, were found
    forms: list[dict] | None = None
    channels: list[dict] | None = None

    def to_dict(self) -> dict:
        data = {"present": self.present, "license": self.license, "evidence": sorted(set(self.evidence))}
        if self.category is not None:
            data["category"] = self.category
        if self.forms is not None:
            data["forms"] = self.forms
        if self.channels is not None:
            data["channels"] = self.channels
        return data


Detector = Callable[["Context"], ComponentStatus]
DETECTORS: dict[str, Detector] = {}


def detector(component: str) -> Callable[[Detector], Detector]:
    if component not in ALL:
        raise ValueError(f"unknown component {component!r}")

    def register(function: Detector) -> Detector:
        DETECTORS[component] = function
        return function

    return register
