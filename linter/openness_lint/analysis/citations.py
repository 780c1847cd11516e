"""The papers a release asks to be cited by: BibTeX entries in its cards'
and README's code blocks, and its CITATION.cff. analysis/links.py weighs
them with the links, as a release's own paper is the one it asks to be
cited by and links most."""

from __future__ import annotations

import re
from typing import NamedTuple

from openness_lint.analysis import documents
from openness_lint.catalog import datacache
from openness_lint.context import Context
from openness_lint.text import yamlio

CITATION = "CITATION.cff"
BIBTEX_ENTRY = datacache.regex(r"@\w+\s*\{")
BIBTEX_ARXIV = datacache.regex(r"(?:eprint\s*=\s*[{\"]\s*|arxiv[:\s/]*|arxiv\.org/(?:abs|pdf)/)(\d{4}\.\d{4,5})",
                               re.IGNORECASE)
BIBTEX_TITLE = datacache.regex(r"\btitle\s*=\s*[{\"]+([^}\"]+)", re.IGNORECASE)
ARXIV_DOI = "10.48550/arxiv."


class Cited(NamedTuple):
    url: str
    path: str
    line: int
    title: str  # what the citation calls the work, when it says


def bibtex(doc: documents.Document) -> list[Cited]:
    """arXiv papers the BibTeX entries in a document's code blocks cite."""
    out: list[Cited] = []
    block: list = []
    for line in [*doc.lines, None]:
        if line is not None and line.code:
            block.append(line)
            continue
        text = "\n".join(item.text for item in block)
        starts = [m.start() for m in BIBTEX_ENTRY.finditer(text)]
        for start, end in zip(starts, [*starts[1:], len(text)]):
            entry = text[start:end]
            arxiv, title = BIBTEX_ARXIV.search(entry), BIBTEX_TITLE.search(entry)
            if arxiv is not None:
                number = block[text.count("\n", 0, start + arxiv.start())].number
                out.append(Cited(f"https://arxiv.org/abs/{arxiv.group(1)}", doc.path, number,
                                 title.group(1) if title else ""))
        block = []
    return out


def citation_file(ctx: Context) -> list[Cited]:
    """CITATION.cff's preferred citation, and its own url and doi."""
    text = ctx.text(CITATION) if CITATION in ctx.repo else None
    try:
        data = yamlio.load(text) if text is not None else None
    except yamlio.YamlProblem:
        return []  # a broken file is another rule's finding; a lead is not worth an error
    if not isinstance(data, dict):
        return []
    out = []
    for holder in (data.get("preferred-citation"), data):
        if not isinstance(holder, dict):
            continue
        title = holder.get("title") if isinstance(holder.get("title"), str) else ""
        for key in ("url", "doi"):
            value = holder.get(key)
            if isinstance(value, str) and value.strip():
                url = value.strip() if key == "url" else doi_url(value.strip())
                out.append(Cited(url, CITATION, yamlio.line_of(holder, key) or 1, title))
    return out


def doi_url(doi: str) -> str:
    """A DOI as the page it resolves to; arXiv's own DOIs as their abstract page."""
    bare = doi.removeprefix("https://doi.org/")
    if bare.lower().startswith(ARXIV_DOI):
        return "https://arxiv.org/abs/" + bare[len(ARXIV_DOI):]
    return doi if "://" in doi else "https://doi.org/" + doi
