"""What a model or data card states, as facts with their lines: its name,
summary, the text of its sections, its model-index results, and the
statements a BOM has fields for (sensitive personal information, a safety
risk level). Nothing is guessed: a fact a card does not state is absent.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Callable, NamedTuple

from openness_lint.analysis.cards import Card
from openness_lint.catalog import sections
from openness_lint.text import markdown
from openness_lint.text.markdown import Line

# "Model Card for X", "Dataset Card for X": the name is X
_TITLE_PREFIX = re.compile(r"^(?:model|dataset|data)\s+card\s+(?:for|of)\s+", re.IGNORECASE)
_NOT_PERSONAL = re.compile(r"\b(?:no|not|never|without|free of)\b[^.;]{0,40}?\b(?:personal|sensitive|private)\b"
                           r"[^.;]{0,30}?\b(?:information|data|details)\b", re.IGNORECASE)
_PERSONAL = re.compile(r"\b(?:contains?|includes?|uses?|holds?|process(?:es)?)\b[^.;]{0,30}?"
                       r"\b(?:personal|sensitive)\b[^.;]{0,30}?\b(?:information|data)\b", re.IGNORECASE)
_SAFETY_RISK = re.compile(r"\bsafety risk(?: assessment| level)?\W{0,3}(?:is\s+|was\s+)?(low|medium|high|serious)\b",
                          re.IGNORECASE)
# headings of the limitations section that are about ethics only ("Ethical
# considerations", "Bias and fairness"), not also about limits ("Bias, Risks,
# and Limitations")
ETHICAL_WORDS = ("ethic", "bias", "risk", "safety", "fairness", "harm")
TECHNICAL_WORDS = ("limitation", "caveat", "known issue")


def ethical_only(words: str) -> bool:
    return any(w in words for w in ETHICAL_WORDS) and not any(w in words for w in TECHNICAL_WORDS)


class Stated(NamedTuple):
    """One fact and where it is written."""

    value: str
    path: str
    line: int | None

    @property
    def source(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


class Result(NamedTuple):
    """One metric of the card's model-index."""

    task: str
    dataset: str  # the dataset's Hub id (`dataset.type`)
    dataset_name: str
    split: str
    metric: str
    value: str
    line: int | None


@functools.lru_cache(maxsize=1)
def _placeholders() -> tuple[str, ...]:
    data = sections.sections_data()
    return tuple(p.lower() for p in sections.strings(data.get("placeholders"), data, "placeholders"))


def _prose(lines: list[Line]) -> str:
    """A section's paragraphs as one line of text, without template placeholders."""
    text = " ".join(" ".join(block.text.split()) for block in markdown.blocks(lines))
    return "" if any(p in text.lower() for p in _placeholders()) else text


def title(card: Card, path: str) -> Stated | None:
    """The card's name: its first heading, without "Model Card for"."""
    if not card.headings:
        return None
    heading = card.headings[0]
    name = _TITLE_PREFIX.sub("", heading.title).strip()
    return Stated(name, path, heading.line) if name else None


def summary(card: Card, path: str) -> Stated | None:
    """The first paragraph under the card's title."""
    first = card.headings[0].line if card.headings else 0
    later = [h.line for h in card.headings if h.line > first]
    end = later[0] if later else 10**9
    lines = [line for line in card.body if first < line.number < end]
    block = next(iter(markdown.blocks(lines)), None)
    return Stated(" ".join(block.text.split()), path, block.line) if block and block.text.strip() else None


def section_texts(card: Card, path: str, section: str, keep: Callable[[str], bool] | None = None) -> list[Stated]:
    """The text of each heading that counts as a section of sections.yaml
    (its own lines, not its subsections'); ``keep``: which heading words count."""
    spec = sections.section_specs()[section]
    found = []
    for heading in card.headings:
        if spec.matches(heading) and (keep is None or keep(heading.words)):
            text = _prose(card.section(heading))
            if text:
                found.append(Stated(text, path, heading.line))
    return found


def statement(card: Card, path: str, kind: str) -> Stated | None:
    """What the card states about sensitive personal information ("yes" or
    "no"), or its safety risk level (low, medium, high, serious)."""
    for line in card.body:
        text = markdown.prose(line)
        if kind == "safety-risk":
            match = _SAFETY_RISK.search(text)
            if match:
                return Stated(match[1].lower(), path, line.number)
        elif _NOT_PERSONAL.search(text):
            return Stated("no", path, line.number)
        elif _PERSONAL.search(text):
            return Stated("yes", path, line.number)
    return None


def meta(card: Card, path: str, key: str) -> Stated | None:
    """A metadata key that holds one string."""
    value = card.meta.get(key)
    return Stated(value.strip(), path, card.front.line(card.meta, key)) if isinstance(value, str) and value.strip() \
        else None


def _string(value: Any) -> str:
    return str(value).strip() if isinstance(value, (str, int, float)) and not isinstance(value, bool) else ""


def results(card: Card) -> list[Result]:
    """Every metric of the card's model-index that names a value."""
    found = []
    index = card.meta.get("model-index")
    for model in index if isinstance(index, list) else ():
        for result in (model.get("results") or []) if isinstance(model, dict) else ():
            if not isinstance(result, dict) or not isinstance(result.get("metrics"), list):
                continue
            task = result.get("task") if isinstance(result.get("task"), dict) else {}
            dataset = result.get("dataset") if isinstance(result.get("dataset"), dict) else {}
            for position, metric in enumerate(result["metrics"]):
                if isinstance(metric, dict) and _string(metric.get("value")):
                    found.append(Result(
                        _string(task.get("type")), _string(dataset.get("type")), _string(dataset.get("name")),
                        _string(dataset.get("split")), _string(metric.get("type")) or _string(metric.get("name")),
                        _string(metric.get("value")), card.front.line(result["metrics"], position)))
    return found


def index_name(card: Card, path: str) -> Stated | None:
    """The model's name in its model-index."""
    index = card.meta.get("model-index")
    first = index[0] if isinstance(index, list) and index and isinstance(index[0], dict) else {}
    name = _string(first.get("name"))
    return Stated(name, path, card.front.line(first, "name")) if name else None
