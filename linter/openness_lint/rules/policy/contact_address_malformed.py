"""RPT003: an email address that nobody can write to as written."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis.documents import documents
from openness_lint.analysis.policy import addresses, channels
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule


@rule("RPT003")
def contact_address_malformed(ctx: Context) -> Iterator[Violation]:
    found = channels.reporting(ctx)
    problems: dict[tuple[str, int, int], str] = {}
    for path, lines in found.scanned:
        for problem in addresses.malformed(lines):
            problems[(path, problem.line, problem.column)] = problem.message
    linked = [(doc.path, list(doc.lines)) for doc in documents(ctx)] + found.scanned
    for path, lines in linked:
        for problem in addresses.email_link_targets(lines):
            problems[(path, problem.line, problem.column)] = problem.message
    for (path, line, column), message in sorted(problems.items()):
        yield Violation(message, path, line, column)
