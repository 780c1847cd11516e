"""RPT003: an email address that nobody can write to as written."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis.documents import documents
from openness_lint.analysis.policy import addresses, channels
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule

# Where every word with an @ is meant as an address. In other reporting
# passages and in use policies, a word must be written as one: results
# tables say pass@1 in passages that "report" scores.
CONTACT_SOURCES = ("contact-section", "security-policy", "security-txt")


@rule("RPT003")
def contact_address_malformed(ctx: Context) -> Iterator[Violation]:
    found = channels.reporting(ctx)
    problems: dict[tuple[str, int, int | None], str] = {}
    for scanned in found.scanned:
        for problem in addresses.malformed(scanned.lines, contact=scanned.source in CONTACT_SOURCES):
            problems[(scanned.path, problem.line, problem.column)] = problem.message
    linked = [(doc.path, list(doc.lines)) for doc in documents(ctx)] + [(s.path, s.lines) for s in found.scanned]
    for path, lines in linked:
        for problem in addresses.email_link_targets(lines):
            problems[(path, problem.line, problem.column)] = problem.message
    for (path, line, column), message in sorted(problems.items(), key=lambda item: (*item[0][:2], item[0][2] or 0)):
        yield Violation(message, path, line, column)
