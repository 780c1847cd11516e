"""LIC007: a license link or license-file reference that leads nowhere."""

from __future__ import annotations

import fnmatch
import posixpath
from typing import Iterator

from openness_lint.analysis import cards
from openness_lint.analysis.licensing import packages
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule


def glob_match(path: str, pattern: str) -> bool:
    """PEP 639 globs: a leading or inner `**/` also matches no folder at all."""
    if fnmatch.fnmatchcase(path, pattern):
        return True
    return "**/" in pattern and glob_match(path, pattern.replace("**/", "", 1))


def _local(link: str) -> str | None:
    """A repository-relative target, or None for URLs and anchors."""
    link = link.strip().split("#", 1)[0].split("?", 1)[0]
    if not link or "://" in link or link.startswith(("mailto:", "//")):
        return None
    return link


@rule("LIC007")
def license_link_broken(ctx: Context) -> Iterator[Violation]:
    for card in cards.cards(ctx):
        link = card.meta.get("license_link")
        target = _local(str(link)) if isinstance(link, str) else None
        if target is None:
            continue
        base = "" if target.startswith("/") else card.directory
        resolved = posixpath.normpath(posixpath.join(base, target.lstrip("/")))
        if resolved not in ctx.repo:
            yield Violation(f"license_link {link!r} points to {resolved}, which is not in the repository",
                            card.path, card.front.line(card.meta, "license_link"))
    for item in packages.declared(ctx):
        if item.kind == "file" and item.value not in ctx.repo:
            yield Violation(f"license file {item.value!r} named here does not exist", item.path, item.line)
        if item.kind == "glob" and not any(glob_match(e.path, item.value) for e in ctx.repo):
            yield Violation(f"license-files pattern {item.value!r} matches no file", item.path, item.line)
