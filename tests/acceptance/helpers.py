"""Shared pieces of the acceptance tests: paths, golden files, the report
schema, and the repository used for the third set of golden outputs."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any, Callable

import jsonschema
from openness_lint.catalog.source import schema_text

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"
FORMATS = {"text": "txt", "github": "github.txt", "json": "json", "sarif": "sarif", "markdown": "md"}


def assert_golden(name: str, actual: str, update: bool) -> None:
    """Compare output with golden/NAME byte for byte; rewrite it with --update-golden."""
    path = GOLDEN / name
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
        return
    assert path.is_file(), f"missing golden file {path}; run pytest --update-golden"
    expected = path.read_bytes().decode("utf-8")
    assert actual == expected, f"output differs from {path.name}; if intended, run pytest --update-golden"


@functools.lru_cache(maxsize=1)
def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads(schema_text("report.schema.json"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_report(report: str | dict[str, Any]) -> dict[str, Any]:
    """Parse (if needed) and validate a JSON report against the shipped schema."""
    data = json.loads(report) if isinstance(report, str) else report
    _validator().validate(data)
    return data


def message_lines(stderr: str) -> list[str]:
    """The lines of an error report, without click's usage preamble."""
    return [line for line in stderr.splitlines()
            if line.strip() and not line.startswith(("Usage: ", "Try '"))]


# A release with a finding of every severity, each at a file and line:
# LVL001 (lowered to a warning by the config) and OL003 in the config, OL002 on a Latin-1 COPYING, OL001 (raised
# to error by the config) on a binary LICENSE-CODE. LICENSE has an SPDX tag.
RICH_RELEASE: dict[str, str | bytes] = {
    "README.md": "# Tiny model\n\nA release built for tests.\n",
    "LICENSE": "SPDX-License-Identifier: MIT\n\nMIT License\n",
    "LICENSE-CODE": b"Apache License\nVersion 2.0\n\x00\x01binary",
    "COPYING": b"GNU GENERAL PUBLIC LICENSE\n\nCopyright Fran\xe7ois\n",
    "train.py": "print('training')\n",
    ".openness-lint.yaml": (
        "# release policy\n"
        "min-level: mof:II\n"
        "severity:\n"
        "  OL001: error\n"
        "  LVL001: warning\n"
        "ignore-findings:\n"
        '  - {rule: LIC001, path: "*", reason: "license under legal review"}\n'
    ),
}
RICH_NAME = "tmp-release"


def build_rich_release(make_repo: Callable[..., Path]) -> Path:
    """The rich release as a git work tree named tmp-release; returns its path."""
    return make_repo(RICH_RELEASE, git_init=True, name=RICH_NAME)
