"""Documentation components: model and data cards, evaluation results, papers
and technical reports.

Documents are recognised by name (rules/cards/documents.yaml) and by links
in cards, README files and CITATION.cff; a PDF is never opened.
"""

from __future__ import annotations

import functools
import re

from openness_lint.analysis import cards
from openness_lint.analysis.cards import model_index_problems
from openness_lint.catalog import datacache
from openness_lint.catalog.sections import section_specs, strings
from openness_lint.catalog.source import shipped
from openness_lint.components import ComponentStatus
from openness_lint.context import Context
from openness_lint.errors import ConfigError
from openness_lint.repo import globs
from openness_lint.repo.inventory import Entry
from openness_lint.text.frontmatter import parse_front_matter, split_lines
from openness_lint.text.markdown import body_lines, links

DOCUMENTS_FILE = "rules/cards/documents.yaml"
CITATION = "CITATION.cff"
ARXIV = datacache.regex(r"(?:arxiv\.org/(?:abs|pdf|html)/|huggingface\.co/papers/|\barxiv:\s*)"
                   r"(\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?/\d{7})", re.IGNORECASE)
DOI = datacache.regex(r"\b(10\.\d{4,9}/[^\s\"'<>\])]+)")
TABLE_RULE = datacache.regex(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$|^\s*\|\s*:?-+:?\s*\|\s*$")


@functools.lru_cache(maxsize=None)
def documents_data() -> dict[str, tuple[str, ...]]:
    """documents.yaml: name patterns and link labels, lower-cased."""
    data = shipped("cards/documents.yaml")
    if not isinstance(data, dict):
        raise ConfigError("expected a mapping", DOCUMENTS_FILE, 1)
    return {str(key): tuple(item.lower() for item in strings(value, data, key, DOCUMENTS_FILE))
            for key, value in data.items()}


def named(ctx: Context, kind: str) -> list[Entry]:
    """Files whose path matches one of the documents.yaml patterns of a kind."""
    data = documents_data()
    return sorted((entry for entry in ctx.repo.find(globs.paths(tuple(data[kind])))
                   if entry.name.rsplit(".", 1)[-1].lower() in data["extensions"] and "." in entry.name),
                  key=lambda e: e.path)


def _status(evidence: list[str]) -> ComponentStatus:
    return ComponentStatus(present=bool(evidence), evidence=evidence)


def detect_model_card(ctx: Context) -> ComponentStatus:
    return _status([card.path for card in cards.cards(ctx) if card.kind == "model"])


def detect_data_card(ctx: Context) -> ComponentStatus:
    return _status([card.path for card in cards.cards(ctx) if card.kind == "data"])


def results_tables(card: cards.Card) -> list[int]:
    """Lines of tables under the card's evaluation headings (subsections included)."""
    spec = section_specs().get("evaluation")
    found: set[int] = set()
    for heading in (h for h in card.headings if spec is not None and spec.matches(h)):
        body = [line for line in card.section(heading, nested=True) if not line.code]
        found.update(above.number for above, line in zip(body, body[1:], strict=False)
                     if "|" in above.text and TABLE_RULE.match(line.text))
        found.update(line.number for line in body if "<table" in line.text.lower())
    return sorted(found)


def detect_evaluation_results(ctx: Context) -> ComponentStatus:
    evidence = []
    for card in (c for c in cards.cards(ctx) if c.kind == "model"):
        if "model-index" in card.meta and not model_index_problems(card):
            evidence.append(f"{card.path}:{card.front.line(card.meta, 'model-index')}")
        evidence += [f"{card.path}:{line}" for line in results_tables(card)]
    evidence += [entry.path for entry in named(ctx, "evaluation-reports")]
    return _status(evidence)


def _publication_texts(ctx: Context) -> list[tuple[str, str]]:
    """Root README files, every card, and CITATION.cff: (path, text)."""
    texts = {card.path: card.text for card in cards.cards(ctx)}
    for entry in ctx.repo.files_in(""):
        if entry.name.lower() in cards.README_NAMES or entry.name == CITATION:
            text = texts.get(entry.path) or ctx.text(entry.path)
            if text is not None:
                texts[entry.path] = text
    return sorted(texts.items())


def detect_research_paper(ctx: Context) -> ComponentStatus:
    not_papers = documents_data()["non-paper-doi-prefixes"]
    evidence = []
    for path, text in _publication_texts(ctx):
        for number, line in enumerate(split_lines(text), 1):
            dois = [doi for doi in DOI.findall(line) if not doi.lower().startswith(not_papers)]
            if ARXIV.search(line) or dois:
                evidence.append(f"{path}:{number}")
    reports = {entry.path for entry in named(ctx, "report-files")}
    evidence += [entry.path for entry in named(ctx, "paper-files") if entry.path not in reports]
    return _status(evidence)


def detect_technical_report(ctx: Context) -> ComponentStatus:
    labels = documents_data()["report-link-labels"]
    evidence = [entry.path for entry in named(ctx, "report-files")]
    for path, text in _publication_texts(ctx):
        body = body_lines(text, parse_front_matter(text).body_line)
        evidence += [f"{path}:{link.line}" for link in links(body)
                     if any(label in link.label.lower() for label in labels)]
    return _status(evidence)


DETECTORS = {
    "model-card": detect_model_card,
    "data-card": detect_data_card,
    "evaluation-results": detect_evaluation_results,
    "research-paper": detect_research_paper,
    "technical-report": detect_technical_report,
}
