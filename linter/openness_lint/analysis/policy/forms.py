"""The forms an acceptable use policy takes, and when a release needs one.

Forms, each a distinct kind of evidence:
- file: USE_POLICY.md and its kin, per model under models/<name>/ too;
- license-attachment: use restrictions inside a license file (RAIL's Attachment A);
- license-reference: a license that incorporates a policy at an address;
- gated-prompt: `extra_gated_prompt` in card metadata;
- card-section: an "Out-of-Scope Use" or "Prohibited uses" section in a card;
- card-link: a card or README that links to a use policy elsewhere.
A use-restricted license, or a license that incorporates a policy by
reference, needs the policy reachable from the model it covers.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from openness_lint.analysis.documents import Document, documents
from openness_lint.analysis.licensing import classify, declarations, tables
from openness_lint.analysis.licensing.attribution import attribution
from openness_lint.analysis.policy import addresses, text, vocabulary
from openness_lint.catalog import datacache
from openness_lint.context import Context
from openness_lint.repo import globs
from openness_lint.repo.inventory import Entry, parent_of
from openness_lint.text.markdown import links

# A heading, not a sentence that wraps onto a line starting "Attachment A are ...".
MAX_HEADING_WORDS = 6
_NUMBERING = datacache.regex(r"^(?:\d+ )+")
_SCHEME = datacache.regex(r"^(?:https?://|www\.)", re.IGNORECASE)


class Form(NamedTuple):
    form: str
    path: str
    line: int | None = None
    url: str | None = None

    @property
    def folder(self) -> str:
        return parent_of(self.path)

    @property
    def evidence(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def to_dict(self) -> dict:
        found = {"form": self.form, "path": self.path, "line": self.line}
        return found | ({"url": self.url} if self.url else {})


class Requirement(NamedTuple):
    """A license that needs a reachable use policy, where it says so."""

    path: str
    line: int | None
    scope: str  # the folder the license covers
    license: str | None  # a use-restricted license
    url: str | None  # a policy incorporated by reference


def is_policy_file(entry: Entry) -> bool:
    stem, dot, extension = entry.name.lower().partition(".")
    top = entry.path.split("/", 1)[0].lower() if "/" in entry.path else ""
    return (stem in vocabulary.words("use-policy", "names") and dot + extension in vocabulary.words("use-policy", "extensions")
            and top not in vocabulary.words("use-policy", "skip-folders"))


def policy_files(ctx: Context) -> list[tuple[Entry, str]]:
    """Policy files that hold some text, with that text, in path order."""
    return ctx.memo(_policy_files)


def _policy_files(ctx: Context) -> list[tuple[Entry, str]]:
    names = tuple(n + e for n in vocabulary.words("use-policy", "names") for e in vocabulary.words("use-policy", "extensions"))
    found = []
    for entry in ctx.repo.find(globs.exact_names(names)):
        content = ctx.text(entry.path) if is_policy_file(entry) else None
        if content is not None and content.strip():
            found.append((entry, content))
    return found


def license_texts(ctx: Context) -> list[tuple[str, str]]:
    """(path, text) of every readable license file, REUSE texts included."""
    paths = sorted({d.path for d in declarations.find(ctx) if d.source in ("license-file", "reuse-text")})
    return [(path, content) for path in paths if (content := ctx.text(path)) is not None]


def attachment_line(content: str) -> int | None:
    """The line of a heading such as "Attachment A" or "Use Restrictions"."""
    markers = [text.normal(m) for m in tables.texts().get("use-restriction-markers", ())]
    for line in text.lines_of(content):
        words = _NUMBERING.sub("", text.normal(line.text))
        if len(words.split()) <= MAX_HEADING_WORDS and any(words.startswith(m) for m in markers):
            return line.number
    return None


def references(path: str, content: str) -> list[Form]:
    """Paragraphs that name a use policy and give its address."""
    found, seen = [], set()
    for passage in text.passages(text.lines_of(content)):
        if not text.mentions(text.joined(passage), vocabulary.words("use-policy", "reference-phrases")):
            continue
        urls = [a for a in addresses.addresses(passage, bare=True) if a.kind == "url"]
        urls.sort(key=lambda a: "polic" not in a.value.lower())
        if urls and addresses.url_key(urls[0].value) not in seen:
            seen.add(addresses.url_key(urls[0].value))
            found.append(Form("license-reference", path, urls[0].line, urls[0].value))
    return found


def _card_forms(doc: Document) -> list[Form]:
    found = []
    prompt = doc.meta.get("extra_gated_prompt") if doc.kind != "readme" else None
    if isinstance(prompt, str) and prompt.strip():
        found.append(Form("gated-prompt", doc.path, doc.front.line(doc.meta, "extra_gated_prompt")))
    placeholders = vocabulary.words("reporting", "placeholders")
    for heading in doc.sections("use-policy") if doc.kind != "readme" else ():
        said = [line for line in doc.section(heading) if not line.code and line.text.strip()
                and not any(p in line.text.lower() for p in placeholders)]
        if said:
            found.append(Form("card-section", doc.path, heading.line))
    for link in links(list(doc.lines)):
        about = f"{link.label} {link.target}"
        if _SCHEME.match(link.target) and text.mentions(about, vocabulary.words("use-policy", "link-words")):
            found.append(Form("card-link", doc.path, link.line, link.target))
    return found


def _forms(ctx: Context) -> list[Form]:
    found = [Form("file", entry.path) for entry, _ in policy_files(ctx)]
    for path, content in license_texts(ctx):
        line = attachment_line(content)
        found += [Form("license-attachment", path, line)] if line else []
        found += references(path, content)
    for doc in documents(ctx):
        found += _card_forms(doc)
    return sorted(set(found), key=lambda f: (f.path, f.line or 0, f.form, f.url or ""))


def forms(ctx: Context) -> list[Form]:
    """Every form of acceptable use policy in the repository."""
    return ctx.memo(_forms)


def requirements(ctx: Context) -> list[Requirement]:
    """Licenses that need a reachable policy: references first, then use-restricted licenses."""
    found = [Requirement(f.path, f.line, f.folder, None, f.url) for f in forms(ctx) if f.form == "license-reference"]
    # a reference already speaks for the license beside it and for its folder
    covered, scopes = {r.path for r in found}, {r.scope for r in found}
    groups = attribution(ctx).groups
    for group in groups["model"] + groups["code"]:
        if not group.license or classify.of_expression(group.license).id != "use-restricted":
            continue
        if group.scope in scopes or any(d.path in covered for d in group.declarations):
            continue
        named = sorted((d for d in group.declarations if d.source != "header"),
                       key=lambda d: (d.source not in ("license-file", "reuse-text"), d.path, d.line or 0))
        if named:
            found.append(Requirement(named[0].path, named[0].line, group.scope, group.license, None))
            covered.add(named[0].path)
    return found


def reachable(ctx: Context, need: Requirement) -> bool:
    """A policy in the repository, or one a card links to, for the folder the license covers."""
    satisfying = ("file", "license-attachment", "gated-prompt", "card-link")
    if any(f.form in satisfying and text.related(f.folder, need.scope) for f in forms(ctx)):
        return True
    key = addresses.url_key(need.url) if need.url else None
    return bool(key) and any(text.related(doc.folder, need.scope) and key in doc.text.lower()
                             for doc in documents(ctx))
