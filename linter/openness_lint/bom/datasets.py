"""The data sets of a release, as a BOM lists them.

A data card makes a data set of the data files in its folder; data files no
card covers make one per data folder. A model card's `datasets:` names the
data sets the model was trained on: one that a local data set is named for
(`org/tiny-reviews` and a data card for tiny-reviews) is that data set, any
other is a Hub data set of its own. The model-index's results, and files
found as evaluation data, name what it was tested on. Nothing else makes a
data set training or test data.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from openness_lint.analysis import cards, evidence
from openness_lint.analysis.evidence import data_folder
from openness_lint.analysis.licensing.attribution import attribution
from openness_lint.bom import cardfacts
from openness_lint.bom.cardfacts import Stated
from openness_lint.bom.files import File, License, file_facts, license_of
from openness_lint.components import ComponentStatus
from openness_lint.context import Context
from openness_lint.repo.inventory import parent_of

# SPDX 3 dataset types, by the Hub's task categories (their first word) and by file format
TASK_TYPES = {"text": "text", "token": "text", "translation": "text", "summarization": "text", "question": "text",
              "fill": "text", "sentence": "text", "zero": "text", "table": "structured", "tabular": "structured",
              "image": "image", "object": "image", "depth": "image", "mask": "image", "video": "video",
              "audio": "audio", "automatic": "audio", "voice": "audio", "time": "timeseries", "graph": "graph"}
FORMAT_TYPES = {"csv": "structured", "tsv": "structured", "parquet": "structured", "arrow": "structured",
                "feather": "structured", "orc": "structured", "avro": "structured", "jsonl": "structured",
                "ndjson": "structured", "json": "structured", "txt": "text", "png": "image", "jpg": "image",
                "jpeg": "image", "wav": "audio", "flac": "audio", "mp3": "audio", "mp4": "video"}


class Dataset(NamedTuple):
    key: str  # unique in its release: the card's path, the data folder, or hub:<id>
    name: Stated
    hub_id: Stated | None
    card: str | None
    summary: Stated | None
    license: License
    files: tuple[File, ...]
    trained_on: tuple[str, ...]  # where the card says the model was trained on it
    tested_on: tuple[str, ...]  # where results or evaluation files say it was tested on it
    types: tuple[Stated, ...]  # SPDX dataset types, each with what shows it
    sensitive: Stated | None
    intended_use: tuple[Stated, ...]
    collection: tuple[Stated, ...]
    preprocessing: tuple[Stated, ...]


def _within(path: str, folder: str) -> bool:
    return not folder or path.startswith(folder + "/")


def _license(ctx: Context, folder: str) -> License:
    """The license of the nearest group of data declarations that covers the folder."""
    covering = sorted((g for g in attribution(ctx).groups["data"]
                       if not g.scope or folder == g.scope or folder.startswith(g.scope + "/")),
                      key=lambda g: -len(g.scope))
    return license_of(ctx, covering[:1], covering[0].license if covering else None)


def _types(ctx: Context, card: cards.Card | None, paths: list[str]) -> tuple[Stated, ...]:
    found: dict[str, Stated] = {}
    for value, line in cards.listed(card, "task_categories") if card else ():
        kind = TASK_TYPES.get(re.split(r"[-_ ]", value.lower())[0])
        if kind:
            found.setdefault(kind, Stated(kind, ctx.repo.real_path(card.path), line))
    for path in paths:
        parts = path.lower().rsplit("/", 1)[-1].split(".")
        kind = next((FORMAT_TYPES[p] for p in reversed(parts[1:]) if p in FORMAT_TYPES), None)
        if kind:
            found.setdefault(kind, Stated(kind, ctx.repo.real_path(path), None))
    return tuple(found[k] for k in sorted(found))


def _local(ctx: Context) -> list[Dataset]:
    data_cards = sorted((c for c in cards.cards(ctx) if c.kind == "data"), key=lambda c: c.path)
    homes = sorted({c.directory for c in data_cards}, key=lambda f: -len(f))
    by_home: dict[str, list[str]] = {}
    for entry in evidence.data_files(ctx):
        home = next((h for h in homes if _within(entry.path, h)), None)
        by_home.setdefault(home if home is not None else data_folder(entry.path) or parent_of(entry.path),
                           []).append(entry.path)
    found, seen = [], set()
    for card in data_cards:
        if card.directory in seen:
            continue  # README.md and datasheet.md side by side describe one data set
        seen.add(card.directory)
        path, paths = ctx.repo.real_path(card.path), by_home.pop(card.directory, [])
        name = cardfacts.meta(card, path, "pretty_name") or cardfacts.title(card, path) \
            or Stated(card.directory.rpartition("/")[2] or "data", path, None)
        found.append(Dataset(
            path, name, None, path, cardfacts.summary(card, path), _license(ctx, card.directory),
            file_facts(ctx, paths), (), (), _types(ctx, card, paths), cardfacts.statement(card, path, "sensitive"),
            tuple(cardfacts.section_texts(card, path, "uses")),
            tuple(cardfacts.section_texts(card, path, "collection-process")),
            tuple(cardfacts.section_texts(card, path, "preprocessing"))))
    for folder, paths in sorted(by_home.items()):
        real = ctx.repo.real_path(folder) if folder else ctx.repo.real_path(paths[0]).rpartition("/")[0]
        found.append(Dataset(real or ".", Stated(folder.rpartition("/")[2] or "data", real, None), None, None, None,
                             _license(ctx, folder), file_facts(ctx, paths), (), (), _types(ctx, None, paths), None,
                             (), (), ()))
    return found


def _matching(found: list[Dataset], hub_id: str, name: str = "") -> int | None:
    wanted = {hub_id.lower(), hub_id.lower().rpartition("/")[2], name.lower()} - {""}
    return next((i for i, d in enumerate(found) if {d.name.value.lower(), (d.hub_id.value.lower() if d.hub_id
                                                                             else "")} & wanted), None)


def datasets(ctx: Context, model, found_components: dict[str, ComponentStatus]) -> list[Dataset]:
    """Every data set of the release, with what the model was trained and tested on."""
    found = _local(ctx)
    if model is None or not model.card_path:
        return sorted(found, key=lambda d: d.key)
    card = next(c for c in cards.cards(ctx) if ctx.repo.real_path(c.path) == model.card_path)
    for value, line in cards.listed(card, "datasets"):
        source = f"{model.card_path}:{line}" if line else model.card_path
        index = _matching(found, value)
        if index is None:
            found.append(_external(value, model.card_path, line))
            index = len(found) - 1
        found[index] = found[index]._replace(hub_id=found[index].hub_id or Stated(value, model.card_path, line),
                                             trained_on=found[index].trained_on + (source,))
    for result in model.results:
        if not (result.dataset or result.dataset_name):
            continue
        index = _matching(found, result.dataset or result.dataset_name, result.dataset_name)
        if index is None:
            found.append(_external(result.dataset or result.dataset_name, model.card_path, result.line))
            index = len(found) - 1
        source = f"{model.card_path}:{result.line}" if result.line else model.card_path
        found[index] = found[index]._replace(tested_on=tuple(dict.fromkeys(found[index].tested_on + (source,))))
    evaluation = {ctx.repo.real_path(p) for p in found_components["evaluation-data"].evidence}
    for index, item in enumerate(found):
        used = tuple(f.path for f in item.files if f.path in evaluation)
        if used:
            found[index] = item._replace(tested_on=tuple(dict.fromkeys(item.tested_on + used)))
    return sorted(found, key=lambda d: d.key)


def _external(hub_id: str, path: str, line: int | None) -> Dataset:
    stated = Stated(hub_id, path, line)
    return Dataset(f"hub:{hub_id}", stated, stated, None, None, License(None, ()), (), (), (), (), None, (), (), ())
