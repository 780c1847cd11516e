"""DOC001: CITATION.cff is not well-formed or lacks the keys CFF requires."""

from __future__ import annotations

from typing import Any, Iterator

from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule
from openness_lint.text import yamlio

CITATION = "CITATION.cff"
# The keys Citation File Format 1.2 requires, and what each must be.
REQUIRED = {
    "cff-version": "a string such as \"1.2.0\" (quote it)",
    "message": "a string",
    "title": "a string",
    "authors": "a non-empty list of persons or entities",
}


def _valid(key: str, value: Any) -> bool:
    if key == "authors":
        return isinstance(value, list) and bool(value) and all(isinstance(a, dict) and a for a in value)
    return isinstance(value, str) and bool(value.strip())


def citation_problems(text: str) -> Iterator[tuple[str, int | None]]:
    try:
        data = yamlio.load(text)
    except yamlio.YamlProblem as exc:
        yield f"{CITATION} is not valid YAML: {exc}", exc.line or 1
        return
    if not isinstance(data, dict):
        yield f"{CITATION} must be a mapping of keys to values", 1
        return
    for key, expected in REQUIRED.items():
        if key not in data:
            yield f"{CITATION} lacks the required key `{key}`", 1
        elif not _valid(key, data[key]):
            yield f"`{key}` in {CITATION} must be {expected}", yamlio.line_of(data, key)


@rule("DOC001")
def citation_cff_invalid(ctx: Context) -> Iterator[Violation]:
    text = ctx.text(CITATION) if CITATION in ctx.repo else None
    if text is not None:
        for message, line in citation_problems(text):
            yield Violation(message, CITATION, line)
