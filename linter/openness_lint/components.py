"""Component ids (fixed by the JSON contract) and what a release has of each.

analysis/components/ fills a ComponentStatus for every id from the
repository; the levels grade them and the formats show them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

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


class Record(Protocol):
    """A use-policy form or a reporting channel: where it was found, and its JSON."""

    @property
    def path(self) -> str: ...

    def to_dict(self) -> dict: ...


@dataclass
class ComponentStatus:
    present: bool
    license: str | None = None
    evidence: list[str] = field(default_factory=list)
    category: str | None = None  # how open the license is, for license components
    # which forms of acceptable use policy, and which reporting channels, were found
    forms: list[Record] | None = None
    channels: list[Record] | None = None
