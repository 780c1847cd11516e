"""DOC002: a card or README links to a file that is not in the repository."""

from __future__ import annotations

import posixpath
from typing import Iterator

from openness_lint.analysis.documents import documents, resolve
from openness_lint.analysis.policy.addresses import is_email_target
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule
from openness_lint.repo import globs
from openness_lint.repo.repo import Repo
from openness_lint.text.markdown import links


def _suggestion(repo: Repo, path: str) -> str:
    import difflib  # only when a link is broken: it costs start-up time

    directory, name = posixpath.split(path)
    names = sorted({e.name for e in repo.files_in(directory)}
                   | {f.rpartition("/")[2] for f in repo.folders() if f.rpartition("/")[0] == directory})
    same = [n for n in names if n.lower() == name.lower()]
    close = same or difflib.get_close_matches(name, names, n=1, cutoff=0.75)
    return f"; did you mean {posixpath.join(directory, close[0])!r}?" if close else ""


# A documentation site routes its own links (`/docs/intro`, `../guide`):
# the pages under its folders are left to the site's own link checker.
SITE_CONFIGS = {"mkdocs.yml": ("docs",), "mkdocs.yaml": ("docs",), "docusaurus.config.js": ("docs", "blog"),
                "docusaurus.config.ts": ("docs", "blog"), "docusaurus.config.mjs": ("docs", "blog")}


def _site_folders(repo: Repo) -> tuple[str, ...]:
    found = []
    for entry in repo.find(globs.exact_names(tuple(SITE_CONFIGS))):
        found += [posixpath.join(entry.parent, folder) for folder in SITE_CONFIGS[entry.name.lower()]]
    return tuple(f + "/" for f in found)


@rule("DOC002")
def relative_link_broken(ctx: Context) -> Iterator[Violation]:
    # a link resolves against the whole repository: a release's card may
    # link to the root, and the root's README into every release
    whole = ctx.repo.whole
    folders = whole.folders()
    sites = _site_folders(whole)
    for doc in documents(ctx):
        if ctx.repo.real_path(doc.path).startswith(sites):
            continue
        for link in links(list(doc.lines)):
            if link.reference:
                continue  # reported once, at its definition
            if not link.image and is_email_target(link.target):
                continue  # an address without mailto: is RPT003's to report
            target = resolve(posixpath.dirname(ctx.repo.real_path(doc.path)), link.target)
            if target is None or target in whole or target in folders or target == "" or whole.excluded(target):
                continue
            yield Violation(f"link to {link.target!r} points at {target!r}, which is not in the repository"
                            + _suggestion(whole, target), doc.path, link.line, link.column)
