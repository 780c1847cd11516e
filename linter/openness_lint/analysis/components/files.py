"""MOF components found by file patterns (rules/components.yaml)."""

from __future__ import annotations

from openness_lint.analysis import cards, evidence
from openness_lint.components import ComponentStatus
from openness_lint.context import Context

PATTERN_COMPONENTS = (
    "model-architecture", "model-parameters", "model-parameters-intermediate", "training-code",
    "inference-code", "evaluation-code", "evaluation-data", "datasets", "data-preprocessing-code",
    "model-metadata", "supporting-libraries", "sample-outputs",
)


def _card_datasets(ctx: Context) -> list[str]:
    """Data cards, and model cards that name their datasets in `datasets:`."""
    return [c.path for c in cards.cards(ctx) if c.kind == "data" or (c.kind == "model" and c.meta.get("datasets"))]


def _detect(component: str):
    def detect(ctx: Context) -> ComponentStatus:
        pattern = evidence.Pattern.from_data(evidence.patterns()[component])
        found = evidence.evidence(ctx, component, pattern)
        if component == "datasets":
            found = sorted(set(found) | set(_card_datasets(ctx)))
        return ComponentStatus(present=bool(found), evidence=found)
    detect.__name__ = f"detect_{component.replace('-', '_')}"
    return detect


DETECTORS = {component: _detect(component) for component in PATTERN_COMPONENTS}
