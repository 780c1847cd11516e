"""Documentation components: model and data cards, evaluation results, papers
and technical reports.

Documents are recognised by name (rules/cards/documents.yaml), and a report
by the label of a link to a file in the repository; a PDF is never opened.
A paper or report published elsewhere is linked, not held: analysis/links.py
finds it, and it counts once a manifest declares it.
"""

from __future__ import annotations

import functools
import re

from openness_lint.analysis import cards, documents
from openness_lint.analysis.cards import model_index_problems
from openness_lint.catalog import datacache
from openness_lint.catalog.sections import section_specs, strings
from openness_lint.catalog.source import shipped
from openness_lint.components import ComponentStatus
from openness_lint.context import Context
from openness_lint.errors import ConfigError
from openness_lint.repo import globs
from openness_lint.repo.inventory import Entry
from openness_lint.text.markdown import links

DOCUMENTS_FILE = "rules/cards/documents.yaml"
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


# A README that is no card reports results under these words only: its
# "performance" is often the library's own speed or memory, not a model's.
README_RESULTS = datacache.regex(r"\b(evaluations?|eval|results|benchmarks?)\b", re.IGNORECASE)


def results_tables(card: cards.Card | documents.Document) -> list[int]:
    """Lines of tables under the card's evaluation headings (subsections included)."""
    spec = section_specs().get("evaluation")
    found: set[int] = set()
    readme = not isinstance(card, cards.Card)
    for heading in (h for h in card.headings if spec is not None and spec.matches(h)
                    and (not readme or README_RESULTS.search(h.title))):
        lines = card.section(heading, nested=True) if isinstance(card, cards.Card) else card.section(heading)
        body = [line for line in lines if not line.code]
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
    for doc in documents.documents(ctx):  # a lab's root README reports its benchmark tables too
        if doc.kind == "readme" and doc.root_readme:
            evidence += [f"{doc.path}:{line}" for line in results_tables(doc)]
    evidence += [entry.path for entry in named(ctx, "evaluation-reports")]
    return _status(evidence)


def detect_research_paper(ctx: Context) -> ComponentStatus:
    """A paper the repository ships. A link to one (arXiv, a DOI) is a lead
    that analysis/links.py follows: it counts once a manifest declares it,
    since the repository's license does not cover a paper published elsewhere."""
    reports = {entry.path for entry in named(ctx, "report-files")}
    return _status([entry.path for entry in named(ctx, "paper-files") if entry.path not in reports])


def detect_technical_report(ctx: Context) -> ComponentStatus:
    """A report the repository ships: a file named as one, or a file that a
    card or README links as the technical report. A link out of the
    repository is a lead (analysis/links.py)."""
    labels = documents_data()["report-link-labels"]
    evidence = [entry.path for entry in named(ctx, "report-files")]
    for doc in documents.documents(ctx):
        for link in links(list(doc.lines)):
            target = documents.resolve(doc.folder, link.target)
            if target and target in ctx.repo and any(label in link.label.lower() for label in labels):
                evidence.append(f"{doc.path}:{link.line}")
    return _status(evidence)


DETECTORS = {
    "model-card": detect_model_card,
    "data-card": detect_data_card,
    "evaluation-results": detect_evaluation_results,
    "research-paper": detect_research_paper,
    "technical-report": detect_technical_report,
}
