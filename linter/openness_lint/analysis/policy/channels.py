"""Where people can report problems, and what only looks like a channel.

Channels: SECURITY.md (root, .github/ or docs/), security.txt, the contact
sections of cards and READMEs, reporting passages elsewhere in them,
reporting addresses in a use policy, issue templates and forms, and the
contact links of .github/ISSUE_TEMPLATE/config.yml. A channel counts only
with an address: an email address, a URL or an issue form. A code of
conduct, a SECURITY.md that still holds template text, and a contact
section that says [More Information Needed] are not channels.
"""

from __future__ import annotations

from typing import Iterator, NamedTuple

from openness_lint.analysis import manifest
from openness_lint.analysis.documents import documents
from openness_lint.analysis.policy import addresses, forms, text, vocabulary
from openness_lint.context import Context
from openness_lint.repo import globs
from openness_lint.repo.inventory import Entry
from openness_lint.text import yamlio
from openness_lint.text.markdown import Line

SECURITY_SOURCES = ("security-policy", "security-txt")


class Channel(NamedTuple):
    kind: str  # "email", "url" or "issue-form"
    address: str  # the email address, the URL, or the issue form's path
    source: str  # security-policy, security-txt, contact-section, report-passage, use-policy,
    #              issue-template, issue-contact-link, manifest-contact
    path: str
    line: int | None

    @property
    def evidence(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def to_dict(self) -> dict:
        return {"kind": self.kind, "address": self.address, "source": self.source,
                "path": self.path, "line": self.line}


class NotAChannel(NamedTuple):
    """Something people may take for a channel, and why it is not one."""

    path: str
    line: int | None
    why: str


class Scanned(NamedTuple):
    """Text read for addresses, and what it is: a Channel source name."""

    path: str
    source: str  # contact-section, report-passage, security-policy, security-txt or use-policy
    lines: list[Line]


class Reporting:
    """Every channel of a release, and what only looks like one."""

    __slots__ = ("channels", "not_channels", "placeholders", "scanned", "redress")

    def __init__(self, channels: list[Channel] | None = None):
        self.channels: list[Channel] = channels or []
        self.not_channels: list[NotAChannel] = []
        self.placeholders: list[tuple[str, int]] = []  # template text in security files
        self.scanned: list[Scanned] = []  # where addresses were read
        self.redress: list[tuple[str, int]] = []  # passages that take reports of harm


def _split(entry: Entry) -> tuple[str, str]:
    stem, dot, extension = entry.name.lower().partition(".")
    return stem, dot + extension


def security_files(ctx: Context) -> list[tuple[Entry, str]]:
    """(entry, "security-policy" or "security-txt") where GitHub and RFC 9116 look."""
    found = []
    folders = vocabulary.words("reporting", "security-folders")
    candidates = [e for folder in folders for e in ctx.repo.files_in(folder)]
    candidates += [ctx.repo.entries[p] for p in vocabulary.words("reporting", "security-txt") if p in ctx.repo]
    for entry in sorted(set(candidates), key=lambda e: e.path):
        stem, extension = _split(entry)
        if entry.path in vocabulary.words("reporting", "security-txt"):  # RFC 9116 names it in lower case
            found.append((entry, "security-txt"))
        elif (entry.parent.lower() in vocabulary.words("reporting", "security-folders")
              and stem in vocabulary.words("reporting", "security-names")
              and extension in vocabulary.words("reporting", "security-extensions")):
            found.append((entry, "security-policy"))
    return found


def conduct_files(ctx: Context) -> list[Entry]:
    folders = vocabulary.words("reporting", "security-folders")
    candidates = sorted({e for folder in folders for e in ctx.repo.files_in(folder)}, key=lambda e: e.path)
    return [entry for entry in candidates
            if entry.parent.lower() in folders
            and _split(entry)[0] in vocabulary.words("reporting", "conduct-names")
            and _split(entry)[1] in vocabulary.words("reporting", "conduct-extensions")]


def _placeholder_lines(lines: list[Line]) -> list[int]:
    return [line.number for line in lines if not line.code
            and any(p in line.text.lower() for p in vocabulary.words("reporting", "placeholders"))]


def _reports(lines: list[Line]) -> bool:
    return text.mentions(text.joined(lines), vocabulary.words("reporting", "report-words"))


def _issue_templates(ctx: Context) -> Iterator[Channel]:
    folder = vocabulary.setting("reporting", "issue-template-folder").lower()
    candidates = set(ctx.repo.find(globs.paths(tuple(vocabulary.words("reporting", "issue-template-files")))))
    candidates |= set(ctx.repo.find(globs.paths((folder + "/*",))))
    for entry in sorted(candidates, key=lambda e: e.path):
        name = entry.name.lower()
        if entry.path.lower() in vocabulary.words("reporting", "issue-template-files"):
            yield Channel("issue-form", entry.path, "issue-template", entry.path, None)
        if entry.parent.lower() != folder or not name.endswith((".md", ".yml", ".yaml")):
            continue
        if name.endswith(".md"):
            yield Channel("issue-form", entry.path, "issue-template", entry.path, None)
            continue
        content = ctx.text(entry.path)
        try:
            loaded = yamlio.load(content) if content is not None else None
        except yamlio.YamlProblem:
            continue  # GitHub ignores a form it cannot parse
        if not isinstance(loaded, dict):
            continue
        if name.startswith("config."):
            links = loaded.get("contact_links")
            for item in links if isinstance(links, list) else ():
                if isinstance(item, dict) and isinstance(item.get("url"), str) and item["url"].strip():
                    yield Channel("url", item["url"].strip(), "issue-contact-link", entry.path,
                                  yamlio.line_of(item, "url"))
        elif isinstance(loaded.get("body"), list):
            yield Channel("issue-form", entry.path, "issue-template", entry.path, yamlio.line_of(loaded, "name"))


def _in_documents(ctx: Context, found: Reporting) -> None:
    url_words = vocabulary.words("reporting", "report-url-words")
    for doc in documents(ctx):
        in_sections: set[int] = set()
        for heading in doc.sections("reporting"):
            lines = doc.section(heading)
            in_sections |= {line.number for line in lines}
            found.scanned.append(Scanned(doc.path, "contact-section", lines))
            said = addresses.addresses(lines)
            found.channels += [Channel(a.kind, a.value, "contact-section", doc.path, a.line) for a in said]
            if not said:
                what = "holds only placeholder text" if _placeholder_lines(lines) else "gives no email address or URL"
                found.not_channels.append(NotAChannel(doc.path, heading.line,
                                                      f"the {heading.title!r} section of {doc.path} {what}"))
        for passage in text.passages(doc.lines):
            if any(line.number in in_sections for line in passage) or not _reports(passage):
                continue
            said = [a for a in addresses.addresses(passage)
                    if a.kind == "email" or any(w in a.value.lower() for w in url_words)]
            found.channels += [Channel(a.kind, a.value, "report-passage", doc.path, a.line) for a in said]
            found.scanned.append(Scanned(doc.path, "report-passage", passage))


def _in_files(ctx: Context, found: Reporting) -> None:
    for entry, source in security_files(ctx):
        content = ctx.text(entry.path)
        if content is None:
            continue
        lines = text.lines_of(content)
        found.scanned.append(Scanned(entry.path, source, lines))
        said = addresses.addresses(lines)
        found.channels += [Channel(a.kind, a.value, source, entry.path, a.line) for a in said]
        stock = _placeholder_lines(lines)
        found.placeholders += [(entry.path, stock[0])] if stock else []
        if not said:
            what = "holds only template text" if stock else "gives no email address or URL"
            found.not_channels.append(NotAChannel(entry.path, stock[0] if stock else None, f"{entry.path} {what}"))
    for entry, content in forms.policy_files(ctx):
        lines = text.lines_of(content)
        found.scanned.append(Scanned(entry.path, "use-policy", lines))
        for passage in text.passages(lines):
            said = [a for a in addresses.addresses(passage) if a.kind == "email" or _reports(passage)]
            found.channels += [Channel(a.kind, a.value, "use-policy", entry.path, a.line) for a in said]
    for entry in conduct_files(ctx):
        found.not_channels.append(NotAChannel(
            entry.path, None, f"{entry.path} is a code of conduct, not a reporting channel: it says how "
                              "contributors should behave, not where to report a problem with the model"))


def _redress(ctx: Context) -> list[tuple[str, int]]:
    """Passages that invite reports of misuse, harm or wrong model behaviour."""
    texts = [(doc.path, list(doc.lines)) for doc in documents(ctx)]
    paths = [e.path for e, _ in security_files(ctx)] + [c.path for c in _issue_templates(ctx) if c.kind == "issue-form"]
    texts += [(path, text.lines_of(content)) for path in paths if (content := ctx.text(path)) is not None]
    texts += [(entry.path, text.lines_of(content)) for entry, content in forms.policy_files(ctx)]
    harm = vocabulary.words("reporting", "harm-words")
    return sorted({(path, passage[0].number) for path, lines in texts for passage in text.passages(lines)
                   if _reports(passage) and text.mentions(text.joined(passage), harm)})


def _in_manifest(ctx: Context) -> Iterator[Channel]:
    """`contact` in the release manifest (MOT's release.contact)."""

    declared = manifest.load(ctx)
    contact = declared.release.get("contact") if declared else None
    if not isinstance(contact, str):
        return
    value = contact.strip().removeprefix("mailto:")
    if addresses.EMAIL.fullmatch(value):
        yield Channel("email", value, "manifest-contact", declared.path, None)
    elif value.startswith(("https://", "http://")):
        yield Channel("url", value, "manifest-contact", declared.path, None)


def _build(ctx: Context) -> Reporting:
    found = Reporting(channels=list(_issue_templates(ctx)) + list(_in_manifest(ctx)))
    _in_documents(ctx, found)
    _in_files(ctx, found)
    found.channels = sorted(set(found.channels), key=lambda c: (c.path, c.line or 0, c.kind, c.address))
    found.redress = _redress(ctx)
    return found


def reporting(ctx: Context) -> Reporting:
    """Every reporting channel in the repository, and what is not one."""
    return ctx.memo(_build)


def only_security(channels: list[Channel]) -> bool:
    return all(c.source in SECURITY_SOURCES for c in channels)
