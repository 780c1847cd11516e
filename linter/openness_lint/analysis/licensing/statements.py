"""Licenses that READMEs and cards state in words, badges and tables.

Releases often say what covers the weights only in prose: "The model weights
are released under the MIT License", a `## License` section, a
`**License:** Apache 2.0` label, a table with a License column, or a
shields.io badge labelled "Data License". Each statement says which
artifact it covers by its own words (wording.py: code, model, data, or all
of the release) and which license, by name (names.py) or by a link to a
license file in the repository. Read: the root README, every model and data
card, and the READMEs of folders that hold weights or data.
"""

from __future__ import annotations

from typing import Iterator, NamedTuple

from openness_lint.analysis import documents, evidence
from openness_lint.analysis.licensing import wording
from openness_lint.analysis.licensing.identification import identify
from openness_lint.context import Context
from openness_lint.repo.inventory import parent_of
from openness_lint.text import markdown
from openness_lint.text.badges import badge

SOURCES = ("statement", "table", "badge")


class Statement(NamedTuple):
    artifact: str  # code, model, data or all
    source: str  # statement, table or badge
    path: str
    line: int
    said: str
    license: str | None
    subject: str = ""  # a table row's model or data set


class _Document:
    """One card or README read for statements, parsed once (text/markdown.py caches it)."""

    def __init__(self, ctx: Context, doc: documents.Document):
        self.ctx = ctx
        self.path = doc.path
        self.kind = doc.kind if doc.kind in ("model", "data") else None  # None for a README
        self.parsed = markdown.body(doc.text, doc.front.body_line)

    def heading_artifacts(self, line: int) -> set[str]:
        """What the heading above a line is about: a `**License:**` label
        under "Model Description" speaks for the model."""
        above = [h for h in self.parsed.headings if h.line <= line]
        return wording.artifacts(above[-1].title) - {"all"} if above else set()

    def linked_license(self, target: str) -> str | None:
        """The license of a file in the repository that a statement links to."""
        path = documents.resolve(parent_of(self.path), target)
        text = self.ctx.text(path) if path and path in self.ctx.repo else None
        return identify(text).license if text is not None else None

    def sections(self) -> list[tuple[int, int]]:
        """(first, last) lines of every license section."""
        found: list[tuple[int, int]] = []
        headings = list(self.parsed.headings)
        for index, heading in enumerate(headings):
            if wording.LICENSE_HEADING.search(heading.title):
                end = next((h.line for h in headings[index + 1:] if h.level <= heading.level), 10**9)
                found.append((heading.line, end - 1))
        return found


def _sentence(doc: _Document, block: markdown.Block, start: int, sentence: str,
              in_section: bool) -> Iterator[Statement]:
    clause = wording.clause(sentence, in_section)
    if clause is None:
        return
    license_id, mentions = wording.expression(clause.object)
    if license_id is None:  # "subject to [the Model License](LICENSE-MODEL)"
        at = start + clause.at
        license_id = next((lic for offset, target in block.targets if at <= offset < at + len(clause.object)
                           and (lic := doc.linked_license(target))), None)
    license_id = license_id or wording.stated_name(clause.object)
    if license_id is None:
        return
    covered = wording.artifacts(clause.subject)
    if not covered and doc.kind is None and not in_section:  # a README's section about the model or the data
        covered = doc.heading_artifacts(block.line_at(start + clause.at))
    if not covered:  # a card speaks for its model or data; a license section for all
        fallback = doc.kind or ("all" if in_section else None) or wording.guess(license_id)
        covered = {fallback} if fallback else set()
    said = mentions[0].said if len(mentions) == 1 else clause.object.strip()[:80]
    for artifact in sorted(covered):
        yield Statement(artifact, "statement", doc.path, block.line_at(start + clause.at), said, license_id)


def _prose(doc: _Document) -> Iterator[Statement]:
    sections = doc.sections()
    for block in doc.parsed.blocks:
        in_section = any(first <= block.line <= last for first, last in sections)
        for start, sentence in wording.pieces(block.text):
            yield from _sentence(doc, block, start, sentence, in_section)
            subject = wording.following(sentence)
            if subject is not None:
                yield from _following(doc, block, subject)


def _following(doc: _Document, block: markdown.Block, subject: str) -> Iterator[Statement]:
    """The license notice in the code block right after the paragraph."""
    lines = doc.parsed.lines
    after = [line for line in lines if line.number > block.line + block.text.count("\n")]
    start = next((i for i, line in enumerate(after) if line.text.strip()), None)
    if start is None or not after[start].code:
        return
    notice: list[markdown.Line] = []
    for line in after[start:]:
        if not line.code:
            break
        notice.append(line)
    text = "\n".join(line.text for line in notice)
    license_id, mentions = wording.expression(text)
    for artifact in sorted(wording.artifacts(subject)) if license_id else ():
        line = notice[text.count("\n", 0, mentions[0].start)].number
        yield Statement(artifact, "statement", doc.path, line, mentions[0].said, license_id)


def _tables(doc: _Document) -> Iterator[Statement]:
    for table in doc.parsed.tables:
        column = next((i for i, cell in enumerate(table.header) if wording.LICENSE_HEADING.search(cell)), None)
        if column is None:
            continue
        item = 0 if column != 0 else 1
        by_header = wording.artifacts(table.header[item]) - {"all"} if item < len(table.header) else set()
        for line, cells in table.rows:
            if max(column, item) >= len(cells):
                continue
            license_id, _ = wording.expression(cells[column])
            if license_id is None:
                license_id = next((lic for row, cell, target in table.targets if row == line and cell == column
                                   and (lic := doc.linked_license(target))), None)
            license_id = license_id or wording.stated_name(cells[column])
            covered = (wording.artifacts(cells[item]) - {"all"}) or by_header or ({doc.kind} if doc.kind else set())
            for artifact in sorted(covered) if license_id else ():
                yield Statement(artifact, "table", doc.path, line, cells[column][:80], license_id,
                                subject=cells[item].strip())


def _badges(doc: _Document) -> Iterator[Statement]:
    for link in doc.parsed.links:
        found = badge(link.target)
        if not found or not any(w.startswith("licen") for w in wording.words(found[0])):
            continue
        license_id, _ = wording.expression(found[1])
        covered = (wording.artifacts(found[0]) - {"all"}) or {doc.kind or "all"}
        for artifact in sorted(covered) if license_id else ():
            yield Statement(artifact, "badge", doc.path, link.line, found[1], license_id)


def _documents(ctx: Context) -> list[_Document]:
    """Every card, the root README, and the READMEs of folders holding weights or data."""
    homes = {parent_of(e.path) for e in [*evidence.weight_files(ctx), *evidence.data_files(ctx)]}
    return [_Document(ctx, doc) for doc in documents.documents(ctx)
            if doc.kind != "readme" or doc.folder in homes or doc.folder == ""]


def _find(ctx: Context) -> list[Statement]:
    found: list[Statement] = []
    for doc in _documents(ctx):
        found += [*_prose(doc), *_tables(doc), *_badges(doc)]
    return list(dict.fromkeys(found))


def find(ctx: Context) -> list[Statement]:
    return ctx.memo(_find)
