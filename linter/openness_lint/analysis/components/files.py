"""MOF components found by file patterns (rules/components.yaml).

A file in a folder that never counts (tests/, fixtures/, and for weights and
data examples/ and assets/) counts when the release manifest declares it:
the manifest's component_path is the release's own word that the file is
part of the release.
"""

from __future__ import annotations

from openness_lint.analysis import cards, evidence, manifest
from openness_lint.components import ComponentStatus
from openness_lint.context import Context

PATTERN_COMPONENTS = (
    "model-architecture", "model-parameters", "model-parameters-intermediate", "training-code",
    "inference-code", "evaluation-code", "evaluation-data", "datasets", "data-preprocessing-code",
    "model-metadata", "supporting-libraries", "sample-outputs",
)


def _card_datasets(ctx: Context) -> dict[str, str]:
    """Data cards, and model cards that name their datasets in `datasets:`."""
    found = {}
    for card in cards.cards(ctx):
        if card.kind == "data":
            found[card.path] = "data card"
        elif card.kind == "model" and card.meta.get("datasets"):
            found[card.path] = "model card names its datasets (`datasets:`)"
    return found


def _declared(ctx: Context, component: str, held: dict[str, tuple[str, str]]) -> dict[str, str]:
    """The held-back paths at or under the component_path that the manifest
    declares for this component, with why they count."""
    if not held:
        return {}
    declared = manifest.load(ctx)
    entry = declared.components.get(component) if declared else None
    if declared is None or entry is None or not entry.path or entry.is_url:
        return {}
    where = entry.path.strip().removeprefix("./").strip("/")
    if not where or where == ".":
        return {}  # the whole repository: no word on any one folder
    return {path: f"{why}; under {folder}/, but {declared.path} declares it"
            for path, (why, folder) in held.items() if path == where or path.startswith(where + "/")}


def _detect(component: str):
    def detect(ctx: Context) -> ComponentStatus:
        pattern = evidence.Pattern.from_data(evidence.patterns()[component])
        found = evidence.found(ctx, pattern)
        reasons = {**found.counted, **_declared(ctx, component, found.held)}
        if component == "datasets":
            reasons = {**_card_datasets(ctx), **reasons}
        # why each path counted, where more than a name decides (weights and data)
        why = dict(sorted(reasons.items())) if pattern.holds else None
        return ComponentStatus(present=bool(reasons), evidence=sorted(reasons), reasons=why)
    detect.__name__ = f"detect_{component.replace('-', '_')}"
    return detect


DETECTORS = {component: _detect(component) for component in PATTERN_COMPONENTS}
