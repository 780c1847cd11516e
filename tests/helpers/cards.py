"""Running the card and documentation rules on fixture repositories."""

from __future__ import annotations

from pathlib import Path

from openness_lint.report import Report

from tests.helpers import linting
from tests.helpers.builders import locations
from tests.helpers.linting import context  # noqa: F401 - the card tests' context, as in every test


def lint(root: Path, *select: str) -> Report:
    """Run the selected rules (all card and doc rules by default)."""
    return linting.lint(root, *(select or ("CRD", "DOC")))


def found(root: Path, *select: str) -> set[tuple[str, str | None, int | None]]:
    """(code, path, line) of every finding of the selected rules."""
    return locations(lint(root, *select).findings)


def card(front: str, body: str = "# A model\n\nA model we wrote for this test.\n") -> str:
    """A card with the given front matter lines between `---` delimiters."""
    return f"---\n{front}\n---\n{body}"


# A model card body with every section the default model-card set needs.
FULL_MODEL_BODY = """\
# tiny-test-model

## Intended Use

Sorting test sentences.

### Out-of-Scope Use

Anything that affects people.

## Bias, Risks, and Limitations

It has read only two sentences.

## Training Data

Two sentences typed by a tester.

## Training Procedure

One pass of a counting script.

## Evaluation

Not measured.

## Environmental Impact

Seconds of one CPU.

## Contact

Open an issue.
"""

FULL_DATA_BODY = """\
# Dataset Card for test-sentences

## Motivation

Made to exercise the linter.

## Composition

Two lines of text.

## Collection Process

Typed by hand.

## Preprocessing

None.

## Uses

Tests only.

## Distribution

In this repository.

## Maintenance

The test suite's authors.
"""
