"""AUP003: a use policy file that no card or README links to."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis.cards import README_NAMES
from openness_lint.analysis.documents import documents, resolve
from openness_lint.analysis.policy import forms
from openness_lint.context import Context
from openness_lint.errors import Unreadable
from openness_lint.finding import Violation
from openness_lint.registry import rule
from openness_lint.text.markdown import body_lines, links


def linked_paths(ctx: Context) -> set[str]:
    """Repository paths that some card or README links to, relatively or by a full URL."""
    found: set[str] = set()
    for doc in documents(ctx):
        for link in links(list(doc.lines)):
            target = resolve(doc.folder, link.target)
            if target is not None:
                found.add(target)
            else:
                found.add(link.target.split("#", 1)[0].split("?", 1)[0])
    return found


def root_readme_links(ctx: Context) -> set[str]:
    """For a release of a monorepo, the repository paths that the root's
    README links to: a root README often links every release's policy."""
    if not ctx.repo.prefix:
        return set()
    whole, found = ctx.repo.whole, set()
    for entry in whole.files_in(""):
        if entry.name.lower() not in README_NAMES:
            continue
        try:
            text = whole.text(entry.path).content
        except Unreadable:
            continue
        found |= {target for link in links(body_lines(text)) if (target := resolve("", link.target))}
    return found


@rule("AUP003")
def use_policy_unlinked(ctx: Context) -> Iterator[Violation]:
    linked = linked_paths(ctx)
    from_root = root_readme_links(ctx)
    for entry, _ in forms.policy_files(ctx):
        if entry.path in linked or any(t.endswith("/" + entry.path) and "://" in t for t in linked):
            continue
        if ctx.repo.real_path(entry.path) in from_root:
            continue
        yield Violation(f"no model card or README links to {entry.path}, so people using the model "
                        "will not find the policy", entry.path, 1,
                        fix=f"Link {entry.path} from the model card, for example in its uses section.")
