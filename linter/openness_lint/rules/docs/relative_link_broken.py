"""DOC002: a card or README links to a file that is not in the repository."""

from __future__ import annotations

import posixpath
import re
from typing import Iterator
from urllib.parse import unquote

from openness_lint.engine import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule
from openness_lint.rules.docs import documents, links

SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def resolve(directory: str, target: str) -> str | None:
    """The repository path a relative link points at; None for URLs,
    anchors and anything that leaves the repository (not ours to check)."""
    if not target or target.startswith(("#", "//")) or SCHEME.match(target):
        return None
    target = unquote(re.split(r"[#?]", target, maxsplit=1)[0])
    if not target:
        return None
    joined = target.lstrip("/") if target.startswith("/") else posixpath.join(directory, target)
    resolved = posixpath.normpath(joined) if joined else "."
    if resolved == ".." or resolved.startswith("../"):
        return None
    return "" if resolved == "." else resolved


def _suggestion(ctx: Context, path: str) -> str:
    import difflib

    directory, name = posixpath.split(path)
    names = sorted({e.name for e in ctx.repo.files_in(directory)}
                   | {f.rpartition("/")[2] for f in ctx.repo.folders() if f.rpartition("/")[0] == directory})
    same = [n for n in names if n.lower() == name.lower()]
    close = same or difflib.get_close_matches(name, names, n=1, cutoff=0.75)
    return f"; did you mean {posixpath.join(directory, close[0])!r}?" if close else ""


@rule("DOC002")
def relative_link_broken(ctx: Context) -> Iterator[Violation]:
    folders = ctx.repo.folders()
    for path, lines in documents(ctx):
        for link in links(lines):
            if link.reference:
                continue  # reported once, at its definition
            target = resolve(posixpath.dirname(path), link.target)
            if target is None or target in ctx.repo or target in folders or target == "" or ctx.repo.excluded(target):
                continue
            yield Violation(f"link to {link.target!r} points at {target!r}, which is not in the repository"
                            + _suggestion(ctx, target), path, link.line, link.column)
