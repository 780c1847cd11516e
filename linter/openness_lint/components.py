"""Component ids (fixed by the JSON contract) and what a release has of each.

analysis/components/ fills a ComponentStatus for every id from the
repository; the levels grade them and the formats show them.
"""

from __future__ import annotations

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


def evidence_path(evidence: str) -> str:
    """The file of an evidence entry: "README.md:43" and "README.md" are both README.md."""
    path, colon, line = evidence.rpartition(":")
    return path if colon and line.isdigit() else evidence


class Record(Protocol):
    """A use-policy form or a reporting channel: where it was found, and its JSON."""

    @property
    def path(self) -> str: ...

    def to_dict(self) -> dict: ...


class ComponentStatus:
    """What a release has of one component. The detectors fill it; the
    licenses of components that lack one are filled in afterwards."""

    __slots__ = ("present", "license", "evidence", "category", "forms", "channels", "reasons")

    def __init__(self, present: bool, license: str | None = None, evidence: list[str] | None = None,
                 category: str | None = None, forms: list[Record] | None = None,
                 channels: list[Record] | None = None, reasons: dict[str, str] | None = None):
        self.present = present
        self.license = license
        self.evidence = evidence if evidence is not None else []
        self.category = category  # how open the license is, for license components
        # which forms of acceptable use policy, and which reporting channels, were found
        self.forms = forms
        self.channels = channels
        # why each evidence path counted, for components where more than a
        # file's name decides (weights and data: format, folder, size)
        self.reasons = reasons

    def replaced(self, **changes: object) -> ComponentStatus:
        new_evidence = changes.get("evidence")
        if isinstance(new_evidence, list) and self.reasons is not None and "reasons" not in changes:
            # the same paths renamed (a monorepo release's, as the whole repository names
            # them): each reason follows its path
            renamed = dict(zip(self.evidence, new_evidence))
            changes["reasons"] = {renamed.get(path, path): why for path, why in self.reasons.items()}
        return ComponentStatus(**{**{name: getattr(self, name) for name in self.__slots__}, **changes})

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ComponentStatus) and all(
            getattr(self, name) == getattr(other, name) for name in self.__slots__)

    def __repr__(self) -> str:
        return "ComponentStatus(" + ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__slots__) + ")"
