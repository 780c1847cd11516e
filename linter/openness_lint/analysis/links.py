"""Components a release links to but does not keep in git.

Model cards, data cards and the release's root README link the weights on a
model hub, the datasets, the paper, the evaluation results and the training
logs. rules/links/links.yaml says which URL points at which component. A
model card's `datasets:` front matter names Hub datasets too.

A linked component is a lead, not evidence: it never counts toward a level.
`openness-lint manifest` drafts it, and the level says what it would reach
once declared (levels/way.py).
"""

from __future__ import annotations

import functools
import re
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from openness_lint.analysis import citations, documents
from openness_lint.analysis.components import detect_all
from openness_lint.analysis.licensing.component_licenses import FROM_ARTIFACT
from openness_lint.catalog import datacache
from openness_lint.catalog.source import shipped
from openness_lint.context import Context
from openness_lint.text import markdown

ARXIV_ID = datacache.regex(r"arxiv\.org/(?:abs|pdf|html)/(\d{4}\.\d{4,5})")
OWN_LABEL = datacache.regex(r"\W*(models?|weights|checkpoints?|download)\W*$", re.IGNORECASE)  # "[Model](...)"
DATASET_ID = datacache.regex(r"^[\w.-]+/[\w.-]+$")
HUB_ID = datacache.regex(r"^[A-Za-z0-9][\w.-]*(?:/[\w.-]+)?$")
URL = datacache.regex(r"[a-z][a-z0-9+.-]*://[^\s)\"'<>\]]+", re.IGNORECASE)


class Linked(NamedTuple):
    """One component, and the first place that links it."""

    component: str
    url: str
    path: str  # the document that links it
    line: int
    what: str  # "Hub model page", "paper on arXiv"
    via: str = ""  # the component whose page carries this one ("model-parameters" for a Hub card)
    carries: tuple[str, ...] = ()  # the components the same page carries (its `also`)


TOP_LINES = 40  # a link this close to a document's top is in its header: badges, the paper, the weights


class _Entry(NamedTuple):
    component: str
    hosts: tuple[str, ...]
    path: re.Pattern | None
    words: re.Pattern | None
    also: tuple[str, ...]
    what: str
    kind: str  # "hub", "paper" or ""
    not_under: frozenset[str]

    def fits(self, host: str, path: str) -> bool:
        if self.hosts and not any(host == h or host.endswith("." + h) for h in self.hosts):
            return False
        if path.split("/", 2)[1] in self.not_under:
            return False
        return self.path is None or bool(self.path.search(path))


class Match(NamedTuple):
    entry: _Entry
    says: bool  # whether the link's words fit the entry's `words`
    account: str  # the hub account of a hub page


class _Table(NamedTuple):
    own_words: re.Pattern
    checkpoint_words: re.Pattern
    entries: list[_Entry]


@functools.lru_cache(maxsize=1)
def _table() -> _Table:
    data = shipped("links/links.yaml")
    entries = [_Entry(item["component"], tuple(item.get("hosts") or ()),
                      datacache.regex(item["path"]) if item.get("path") else None,
                      datacache.regex(item["words"], re.IGNORECASE) if item.get("words") else None,
                      tuple(item.get("also") or ()), item["what"], item.get("kind", ""),
                      frozenset(item.get("not-under") or ()))
               for item in data["links"]]
    return _Table(datacache.regex(data["own-words"], re.IGNORECASE),
                  datacache.regex(data["checkpoint-words"], re.IGNORECASE), entries)


def classify(url: str, context: str = "") -> Match | None:
    """The entry of rules/links/links.yaml a URL fits, or None."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower().removeprefix("www.")
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not host:
        return None
    path = parts.path.rstrip("/") or "/"
    fallback = None
    for entry in _table().entries:
        if not entry.fits(host, path):
            continue
        says = entry.words is None or bool(entry.words.search(context))
        if says:
            return Match(entry, True, _account(entry, path))
        if entry.kind == "paper":
            fallback = Match(entry, False, "")
    return fallback


def _account(entry: _Entry, path: str) -> str:
    """The account a hub page belongs to: /org/name, /datasets/org/name."""
    if entry.kind != "hub":
        return ""
    parts = path.strip("/").split("/")
    first = 1 if parts[0] in ("datasets", "models", "collections") and len(parts) > 2 else 0
    return parts[first].lower()


class _Seen(NamedTuple):
    match: Match
    link: Linked
    top: bool
    own: bool  # the link's words say the page is the release's own
    label: str = ""
    cited: bool = False  # from a BibTeX entry or CITATION.cff, not a link


def _read(doc: documents.Document) -> bool:
    """Cards anywhere, and the README at the release's root: the folders'
    READMEs (examples, docs, tools) link other people's models."""
    return doc.kind in ("model", "data") or doc.root_readme


def linked(ctx: Context) -> list[Linked]:
    """Every component linked from a card or the root README, each once (its
    first link, root README first), in component order."""
    return ctx.memo(_linked)


def _linked(ctx: Context) -> list[Linked]:
    docs = sorted((d for d in documents.documents(ctx) if _read(d)), key=lambda d: (d.kind != "readme", d.path))
    seen: list[_Seen] = []
    chosen: list[Linked] = []
    for doc in docs:
        if doc.kind == "model":
            chosen += _front_matter_datasets(doc)
        seen += _of_document(doc)
        seen += _cited(citations.bibtex(doc))
    seen += _cited(citations.citation_file(ctx))
    own_pages = _own_hub_pages([s for s in seen if s.match.entry.kind == "hub"])
    chosen += own_pages
    model_page = next((item for item in own_pages if item.component == "model-parameters"), None)
    if model_page is not None:
        chosen += [model_page._replace(component="model-parameters-intermediate", path=doc.path, line=line,
                                       what=f"{model_page.what}, checkpoints said to be released", carries=())
                   for doc in docs for line in _checkpoints_stated(doc)][:1]
    chosen += _own_paper([s for s in seen if s.match.entry.kind == "paper"])
    chosen += [s.link for s in seen if not s.match.entry.kind and s.match.says]
    found: dict[str, Linked] = {}
    for item in chosen:
        found.setdefault(item.component, item)
        for cid in item.carries:
            found.setdefault(cid, item._replace(component=cid, via=item.component, carries=()))
    return sorted(found.values(), key=lambda item: item.component)


def _of_document(doc: documents.Document) -> list[_Seen]:
    own_words = _table().own_words
    parsed = markdown.body(doc.text, doc.front.body_line)
    texts = {line.number: line.text for line in doc.lines}
    heads = list(doc.headings)
    out = []
    for link in parsed.links:
        if link.reference or "://" not in link.target:
            continue
        heading = " / ".join(_headings_above(heads, link.line))
        around = URL.sub(" ", "\n".join(texts.get(n, "") for n in (link.line - 1, link.line, link.line + 1)))
        context = "\n".join((link.label, around, heading))
        match = classify(link.target, context)
        if match is None:
            continue
        item = Linked(match.entry.component, link.target, doc.path, link.line, match.entry.what,
                      carries=match.entry.also)
        out.append(_Seen(match, item, link.line < doc.front.body_line + TOP_LINES, bool(own_words.search(context)),
                         link.label))
    return out


def _headings_above(heads: list, line: int) -> list[str]:
    """The titles of the heading a line is under and of the headings that contain it."""
    titles, level = [], 10
    for head in reversed(heads):
        if head.line <= line and head.level < level:
            titles.append(head.title)
            level = head.level
    return titles


def _own_hub_pages(seen: list[_Seen]) -> list[Linked]:
    """Hub pages of the account the release links most (at least twice);
    without one, those its words call its own. A code library's README
    links other people's models as examples, once each, and a lab's README
    a converted model of someone else's among its own."""
    counts: dict[str, int] = {}
    for item in seen:
        counts[item.match.account] = counts.get(item.match.account, 0) + 1
    most = max(counts.values(), default=0)
    accounts = {name for name, count in counts.items() if count == most and count >= 2}
    if accounts:  # a release that links its own account's pages often links others' in examples too
        return [item.link for item in seen if item.match.account in accounts or OWN_LABEL.match(item.label)]
    return [item.link for item in seen if item.own]


def _own_paper(seen: list[_Seen]) -> list[Linked]:
    """The paper the release links most, among those that some link calls a
    paper, a report or a preprint: the others are cited works."""
    scores: dict[str, int] = {}
    said = set()
    for item in seen:
        key = _paper_key(item.link.url)
        scores[key] = scores.get(key, 0) + 1 + 2 * item.match.says + item.top
        if item.match.says:
            said.add(key)
    if not said:
        return []
    order = {key: index for index, key in enumerate(scores)}
    best = max(said, key=lambda key: (scores[key], -order[key]))  # a tie: the first linked
    links_ = [item for item in seen if _paper_key(item.link.url) == best]
    report = next((item for item in links_ if item.match.says and item.match.entry.component == "technical-report"),
                  None)
    first = next((item for item in links_ if item.match.says and not item.cited), None) \
        or next(item for item in links_ if item.match.says)  # where the reader finds it: a link before a citation
    if report is None:
        return [first.link]
    return [first.link._replace(component="technical-report", what=report.link.what)]


def _checkpoints_stated(doc: documents.Document) -> list[int]:
    """Lines where the document says it releases intermediate checkpoints."""
    prose = [line for line in doc.lines if not line.code]
    text = "\n".join(line.text for line in prose)
    return [prose[text.count("\n", 0, match.start())].number for match in _table().checkpoint_words.finditer(text)]


def _paper_key(url: str) -> str:
    """One key for the ways a paper is linked: arXiv's abs, pdf and html pages of one id."""
    found = ARXIV_ID.search(url)
    return f"arxiv:{found.group(1)}" if found else url


def _cited(items: list[citations.Cited]) -> list[_Seen]:
    """Citations as paper links that say they are papers."""
    out = []
    for item in items:
        match = classify(item.url, "paper\n" + item.title)
        if match is not None and match.entry.kind == "paper":
            out.append(_Seen(match, Linked(match.entry.component, item.url, item.path, item.line, match.entry.what),
                             item.path == citations.CITATION, False, cited=True))
    return out


def _front_matter_datasets(doc: documents.Document) -> list[Linked]:
    names: Any = doc.meta.get("datasets")
    if isinstance(names, str):
        names = [names]
    if not isinstance(names, list):
        return []
    out = []
    for index, name in enumerate(names):
        url = hub_url(name.strip()) if isinstance(name, str) and DATASET_ID.match(name.strip()) else None
        if url is not None:
            line = doc.front.line(names, index) or doc.front.line(doc.meta, "datasets") or 1
            page = classify(url)
            out.append(Linked("datasets", url, doc.path, line, "Hub dataset page",
                              carries=page.entry.also if page is not None else ()))
    return out


def hub_url(hub_id: str, kind: str = "datasets") -> str | None:
    """The Hub page of a model or data set id; a URL stays itself."""
    if hub_id.startswith(("https://", "http://")):
        return hub_id
    if not HUB_ID.match(hub_id):
        return None
    return f"https://huggingface.co/{kind}/{hub_id}" if kind else f"https://huggingface.co/{hub_id}"


def license_of(ctx: Context, item: Linked) -> str | None:
    """The license the files give a component kept outside git: the weights
    take the model license and datasets the data license, as in the
    repository, and so do the cards on their Hub pages (a Hub repository's
    license covers its card). A paper or a leaderboard on someone's site has
    none that the repository can show."""
    source = FROM_ARTIFACT.get(item.via or item.component)
    status = detect_all(ctx).get(source) if source else None
    return status.license if status is not None and status.present else None
