"""Model and data cards: which files are cards, of which kind, and what
their metadata's evaluation results say.

A card is found by its name (MODEL_CARD.md, datasheet.md) or, for a README,
by its metadata keys, its title or enough card sections. Reading the
Markdown is text/markdown.py's; which sections a card needs is data:
rules/cards/sections.yaml (catalog/sections.py).
"""

from __future__ import annotations

import fnmatch
import itertools
from pathlib import PurePosixPath
from typing import Any, Iterator, TypeGuard

from openness_lint.catalog.sections import code_docs, find_section, readme_generic, section_sets
from openness_lint.context import Context
from openness_lint.repo import globs
from openness_lint.repo.inventory import Entry, parent_of
from openness_lint.text.frontmatter import FrontMatter, parse_front_matter
from openness_lint.text.markdown import Heading, Line, body_lines, headings

MODEL_CARD_NAMES = {"model_card.md", "model-card.md", "modelcard.md"}
DATA_CARD_NAMES = {"data_card.md", "data-card.md", "datacard.md", "datasheet.md",
                   "dataset_card.md", "dataset-card.md"}
README_NAMES = {"readme.md", "readme.markdown"}
# Card files by name, any case: Example_Model_Card.md, MODEL_CARD_VISION.md, model-card.md
MODEL_CARD_GLOBS = ("*model_card*.md", "*model-card*.md", "*modelcard*.md", "*model card*.md")
DATA_CARD_GLOBS = ("*data_card*.md", "*data-card*.md", "*datacard*.md", "*datasheet*.md", "*dataset_card*.md",
                   "*dataset-card*.md")
DATA_FOLDERS = {"data", "dataset", "datasets"}
# Front matter keys that only dataset cards use.
DATASET_KEYS = {"task_categories", "size_categories", "pretty_name", "dataset_info",
                "configs", "annotations_creators", "source_datasets", "multilinguality",
                "language_creators", "task_ids", "paperswithcode_id"}
MODEL_KEYS = {"base_model", "pipeline_tag", "library_name", "model-index", "model_name",
              "co2_eq_emissions", "inference", "widget"}
# Keys that make front matter card metadata rather than, say, a Jekyll page's.
CARD_KEYS = DATASET_KEYS | MODEL_KEYS | {"license", "license_name", "license_link", "language",
                                        "tags", "datasets", "metrics", "thumbnail"}
TITLE_WORDS = {"model": ("model card",), "data": ("dataset card", "data card", "datasheet")}
HEADING_WORDS = {"model": ("model",), "data": ("dataset", "data set", "datasheet")}
SUPPORT_FOLDERS = {"examples", "example", "docs", "doc", "tests", "test", "scripts", "benchmarks", "notebooks",
                   "tutorials", "recipes"}
# A README without front matter is a card when it has this many card sections.
MIN_CARD_SECTIONS = 3


class Card:
    """A model or data card: its text, metadata and headings."""

    __slots__ = ("path", "kind", "text", "front", "headings", "_body", "_positions")

    def __init__(self, path: str, kind: str, text: str, front: FrontMatter, headings: list[Heading]):
        self.path = path
        self.kind = kind  # "model" or "data"
        self.text = text
        self.front = front
        self.headings = headings
        self._body: list[Line] | None = None
        self._positions: dict[int, int] | None = None

    @property
    def meta(self) -> dict:
        return self.front.data or {}

    @property
    def directory(self) -> str:
        return parent_of(self.path)

    @property
    def body(self) -> list[Line]:
        if self._body is None:
            self._body = body_lines(self.text, self.front.body_line)
        return self._body

    def section(self, heading: Heading, nested: bool = False) -> list[Line]:
        """A heading's own lines, up to the next heading; with nested, up to
        the next heading of the same or a higher level."""
        if self._positions is None:
            self._positions = {h.line: position for position, h in enumerate(self.headings)}
        position = self._positions[heading.line]
        end = next((h.line for h in itertools.islice(self.headings, position + 1, None)
                    if not nested or h.level <= heading.level),
                   self.front.body_line + len(self.body))
        start = self.front.body_line
        return self.body[max(heading.line + heading.span - start, 0):max(end - start, 0)]


def listed(card: Card, key: str) -> list[tuple[str, int | None]]:
    """A metadata key that holds a string or a list of strings (`datasets:`,
    `base_model:`), as (value, line) pairs; anything else is left out."""
    value = card.meta.get(key)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return []
    line = card.front.line(card.meta, key)
    return [(item.strip(), card.front.line(value, index) or line) for index, item in enumerate(value)
            if isinstance(item, str) and item.strip()]


# -- discovery -----------------------------------------------------------------------

def _score(kind: str, found: list[Heading]) -> int:
    """The card sections of a kind that a README without metadata has,
    leaving out those every README has (introduction, license, contact)."""
    generic = readme_generic()
    return sum(find_section(found, spec) is not None for spec in section_sets()[kind] if spec.id not in generic)


def _by_name(path: str) -> str | None:
    """"model" or "data" for a card by its name, "readme" to look inside."""
    parent, _, name = path.rpartition("/")
    name = name.lower()
    if name in README_NAMES:
        return "readme"
    if name in DATA_CARD_NAMES or any(fnmatch.fnmatchcase(name, g) for g in DATA_CARD_GLOBS):
        return "data"
    if name in MODEL_CARD_NAMES or any(fnmatch.fnmatchcase(name, g) for g in MODEL_CARD_GLOBS) \
            or (parent.rpartition("/")[2] == "model_cards" and name.endswith(".md")):
        return "model"
    return None


def _readme_kind(path: str, front: FrontMatter, found: list[Heading]) -> str | None:
    """A README is a card by its metadata keys, its title or its sections."""
    keys = set(map(str, front.data or {}))
    if keys & DATASET_KEYS:
        return "data"
    if keys & MODEL_KEYS:
        return "model"
    title = found[0].title.lower() if found else ""
    for kind, words in TITLE_WORDS.items():
        if any(word in title for word in words):
            return kind
    folders = [part.lower() for part in PurePosixPath(path).parts[:-1]]
    in_data_folder = any(part in DATA_FOLDERS or "dataset" in part for part in folders)
    model, data = _score("model", found), _score("data", found)
    # headings that name what the README is about ("Dataset Overview",
    # "Model Summary") and a data folder add to the sections each kind has
    named = {kind: sum(any(w in h.title.lower() for w in words) for h in found)
             for kind, words in HEADING_WORDS.items()}
    model_points = model + named["model"]
    data_points = data + named["data"] + in_data_folder
    leaning = "data" if data_points > model_points or (in_data_folder and data_points == model_points) else "model"
    card_keys = any(k in CARD_KEYS or k.startswith("extra_gated_") for k in keys)
    if card_keys or front.problem:
        return leaning
    # a README of examples, docs or tests that has a Training and a Results
    # section is how-to prose, not a card, unless its metadata says it is one;
    # nor is a README with as many Installation/Usage/API headings as card sections
    in_support_folder = bool({part.lower() for part in PurePosixPath(path).parts[:-1]} & SUPPORT_FOLDERS)
    documents_code = sum(h.words in code_docs() for h in found) >= max(model, data)
    return leaning if max(model, data) >= MIN_CARD_SECTIONS and not in_support_folder and not documents_code else None


def readmes(ctx: Context) -> list[Entry]:
    """README files at any depth, by one search of the inventory."""
    return ctx.repo.find(globs.exact_names(tuple(sorted(README_NAMES))))


def find_cards(ctx: Context) -> list[Card]:
    """Every model and data card in the repository, each read once."""
    cards = []
    by_name = ctx.repo.find(globs.exact_names(tuple(sorted(MODEL_CARD_NAMES | DATA_CARD_NAMES | README_NAMES))))
    by_name += ctx.repo.find(globs.names(MODEL_CARD_GLOBS + DATA_CARD_GLOBS))
    in_folder = ctx.repo.find(globs.folders(("model_cards",)))
    for entry in sorted({*by_name, *in_folder}, key=lambda e: e.path):
        named = _by_name(entry.path)
        text = ctx.text(entry.path) if named else None
        if text is None:
            continue
        front = parse_front_matter(text)
        found = headings(text, front.body_line)
        kind = _readme_kind(entry.path, front, found) if named == "readme" else named
        if kind:
            cards.append(Card(entry.path, kind, text, front, found))
    return cards


def cards(ctx: Context) -> list[Card]:
    return ctx.memo(find_cards)


# -- evaluation results in metadata -------------------------------------------------

Problem = tuple[str, "int | None"]


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _list(value: Any) -> TypeGuard[list]:
    return isinstance(value, list) and bool(value)


def _result_problems(front: FrontMatter, result: Any, where: str, line: int | None) -> Iterator[Problem]:
    if not isinstance(result, dict):
        yield f"{where} must be a mapping with `task`, `dataset` and `metrics`", line
        return
    task, dataset, metrics = result.get("task"), result.get("dataset"), result.get("metrics")
    if not isinstance(task, dict) or not _text(task.get("type")):
        yield f"{where} needs `task.type`, the task id", front.line(result, "task") or line
    for key in ("type", "name"):
        if not isinstance(dataset, dict) or not _text(dataset.get(key)):
            yield f"{where} needs `dataset.{key}`", front.line(result, "dataset") or line
    if not _list(metrics):
        yield f"{where} needs `metrics`, a non-empty list", front.line(result, "metrics") or line
        return
    for index, metric in enumerate(metrics):
        at, metric_line = f"{where}.metrics[{index}]", front.line(metrics, index)
        if not isinstance(metric, dict) or not _text(metric.get("type")):
            yield f"{at} needs `type`, the metric id", metric_line
        if not isinstance(metric, dict) or metric.get("value") is None or isinstance(metric["value"], (dict, list)):
            yield f"{at} needs `value`, a number or a string", metric_line


def model_index_problems(card: Card) -> list[Problem]:
    """Every problem in a card's model-index, each with its file line."""
    index = card.meta.get("model-index")
    front = card.front
    if index is None:
        return []
    if not _list(index):
        return [("`model-index` must be a non-empty list of models", front.line(card.meta, "model-index"))]
    found: list[Problem] = []
    for position, model in enumerate(index):
        where, line = f"model-index[{position}]", front.line(index, position)
        if not isinstance(model, dict):
            found.append((f"{where} must be a mapping with `name` and `results`", line))
            continue
        if not _text(model.get("name")):
            found.append((f"{where} needs `name`, the model's name", line))
        results = model.get("results")
        if not _list(results):
            found.append((f"{where} needs `results`, a non-empty list", front.line(model, "results") or line))
            continue
        for number, result in enumerate(results):
            found.extend(_result_problems(front, result, f"{where}.results[{number}]", front.line(results, number)))
    return found
