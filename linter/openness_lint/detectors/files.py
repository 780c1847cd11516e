"""MOF components found by file patterns (rules/components.yaml)."""

from __future__ import annotations

from openness_lint import artifacts, cards, detection
from openness_lint.components import ComponentStatus, detector
from openness_lint.engine import Context

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
        pattern = detection.Pattern.from_data(artifacts.patterns()[component])
        found = detection.evidence(ctx, component, pattern)
        if component == "datasets":
            found = sorted(set(found) | set(_card_datasets(ctx)))
        return ComponentStatus(present=bool(found), evidence=found)
    detect.__name__ = f"detect_{component.replace('-', '_')}"
    return detect


for _component in PATTERN_COMPONENTS:
    detector(_component)(_detect(_component))
