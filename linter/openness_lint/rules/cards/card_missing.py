"""CRD008: the release has a model or data, but neither a model card nor a data card."""

from __future__ import annotations

import json
from typing import Iterator

from openness_lint.analysis import cards, evidence, manifest
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule
from openness_lint.repo import globs

# Keys of a transformers or diffusers model config; a config.json without
# them configures a tool, not a model.
MODEL_CONFIG_KEYS = ("architectures", "model_type")


def _model_config(ctx: Context) -> str | None:
    excluded = {str(f).lower() for f in evidence.patterns_table().get("exclude-folders", [])}
    for entry in ctx.repo.find(globs.names(("config.json",))):
        if set(entry.path.lower().split("/")[:-1]) & excluded:
            continue
        text = ctx.text(entry.path)
        try:
            data = json.loads(text) if text else None
        except (ValueError, RecursionError):
            continue
        if isinstance(data, dict) and any(key in data for key in MODEL_CONFIG_KEYS):
            return entry.path
    return None


def released_model_or_data(ctx: Context) -> str | None:
    """The first file that shows a model or data for a card to describe.
    Data files alone do not count: code repositories keep evaluation sets
    and CSV configs in data folders. Nor does a README: one that reads like
    a card is a card, and front matter alone is also how a Hugging Face
    Space (a demo app) describes itself."""
    weights = evidence.weight_files(ctx)
    declared = manifest.load(ctx)
    return (weights[0].path if weights else None) or (declared.path if declared else None) or _model_config(ctx)


@rule("CRD008")
def card_missing(ctx: Context) -> Iterator[Violation]:
    if cards.cards(ctx):
        return
    shown = released_model_or_data(ctx)
    if shown:
        yield Violation(f"no model card or data card describes {shown}: no README.md with card metadata or card "
                        "sections, and no MODEL_CARD.md, DATA_CARD.md or datasheet.md")
