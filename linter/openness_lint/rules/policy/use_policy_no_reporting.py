"""AUP004: a use policy that names no way to report violations."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis.policy import addresses, channels, forms, text, vocabulary
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule
from openness_lint.text.markdown import Line, links


def names_a_route(lines: list[Line], channel_files: set[str]) -> bool:
    """An email address anywhere, or a passage about reporting that gives a URL,
    a link or the name of the repository's security policy."""
    if any(a.kind == "email" for a in addresses.addresses(lines)):
        return True
    for passage in text.passages(lines):
        said = text.joined(passage)
        if not text.mentions(said, vocabulary.words("reporting", "report-words")):
            continue
        if addresses.addresses(passage) or links(passage) or any(n in said.lower() for n in channel_files):
            return True
    return False


@rule("AUP004")
def use_policy_no_reporting(ctx: Context) -> Iterator[Violation]:
    channel_files = {entry.name.lower() for entry, _ in channels.security_files(ctx)}
    for entry, content in forms.policy_files(ctx):
        if not names_a_route(text.lines_of(content), channel_files):
            yield Violation(f"{entry.path} says what is not allowed, but not where to report a violation",
                            entry.path, 1)
