"""Fixture texts and runners shared by the use policy and reporting tests.

Every text here was written for these tests. The license stand-ins carry
only the title phrase by which openness-lint recognises a license, plus
sentences of our own; they grant nothing.
"""

from __future__ import annotations

from pathlib import Path

from openness_lint.report import Report

from tests.helpers import linting
from tests.helpers.builders import locations
from tests.helpers.linting import context  # noqa: F401 - shared with the policy tests

# Long enough (over 600 characters) that no license stand-in reads as a
# pointer, and free of "see ", "refer to " and the other pointer words.
_TERMS = (
    "This stand-in was written for the openness-lint policy tests and grants nothing to anyone.\n"
    "A person who receives the model may run it, study how it works and share copies of it,\n"
    "provided that every copy travels with these terms and with the notices that came with it.\n"
    "Nobody may use the model to deceive people about who or what they are talking to,\n"
    "and nobody may use it to make decisions about a person without a human who reviews them.\n"
    "The authors give no warranty, and they answer for no loss that running the model causes.\n"
    "These sentences are placeholders that let the tests exercise real license handling.\n"
)

RAIL_TITLE = "CreativeML Open RAIL-M"
LLAMA_TITLE = "Meta Llama 3 Community License Agreement"
GEMMA_TITLE = "Gemma Terms of Use"
POLICY_URL = "https://policies.example.org/tiny-llm/use-policy"

ATTACHMENT = (
    "\nAttachment A\n\n"
    "Use Restrictions\n\n"
    "You agree not to use the model to single out people for surveillance,\n"
    "nor to produce text that pretends to come from a real, named person.\n"
)


def rail(attachment: bool = False) -> str:
    """A RAIL stand-in; with attachment, it carries its use restrictions (heading on line 11)."""
    return f"{RAIL_TITLE}\n\n{_TERMS}" + (ATTACHMENT if attachment else "")


def llama(url: str = POLICY_URL) -> str:
    """A Llama-style stand-in whose policy is incorporated by reference (URL on line 12)."""
    return (f"{LLAMA_TITLE}\n\n{_TERMS}\n"
            "Every use of the model must also follow the Acceptable Use Policy, which forms\n"
            f"part of this agreement and is published at {url}.\n")


def gemma_bare() -> str:
    """A Gemma-style stand-in that gives its policy's address without a scheme (line 12)."""
    return (f"{GEMMA_TITLE}\n\n{_TERMS}\n"
            "You must not use the model in ways that the Prohibited Use Policy forbids; that\n"
            "policy lives at policies.example.org/gemma-like/prohibited-use and binds you too.\n")


MIT_LINE = "SPDX-License-Identifier: MIT\n"


def card(front: str, body: str) -> str:
    return f"---\n{front}\n---\n{body}"


MODEL_BODY = """\
# tiny-llm

A small model we trained for the policy tests.

## Uses

Drafting short replies in a test harness.
"""

POLICY = """\
# Use policy for tiny-llm

Do not use tiny-llm to deceive people or to profile them.

Report violations of this policy to abuse@example.org.
"""

SECURITY = """\
# Security and safety reports

Email [safety@example.org](mailto:safety@example.org) about vulnerabilities,
misuse of the model or harmful outputs. We reply within a week.
"""


def lint(root: Path, *select: str, require: tuple[str, ...] = ()) -> Report:
    return linting.lint(root, *(select or ("AUP", "RPT")), require=list(require))


def found(root: Path, *select: str, require: tuple[str, ...] = ()) -> set[tuple[str, str | None, int | None]]:
    """(code, path, line) of every AUP and RPT finding (or of the selected rules)."""
    return locations(lint(root, *select, require=require).findings)


def messages(root: Path, code: str) -> list[str]:
    return [f.message for f in lint(root, code).findings if f.code == code]


