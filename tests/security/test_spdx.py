"""Pathological license expressions: LIC012 at their line, in bounded time,
never a crash, wherever they are written.
"""

from __future__ import annotations

import json

import pytest
from openness_lint.text import spdx

from tests.security.helpers import assert_bounded, assert_clean_run, assert_github_output, run_process, triples

OPERANDS = " OR ".join(["MIT"] * 10_000)
NESTED = "(" * 1_000 + "MIT" + ")" * 1_000
EXPRESSIONS = {
    "ten-thousand-operands": OPERANDS,
    "thousand-nested-parentheses": NESTED,
    "thousand-unbalanced-parentheses": "(" * 1_000 + "MIT",
    "ten-thousand-with": " WITH ".join(["GPL-2.0-only"] * 10_000),
    "ten-thousand-unknown-ids": " AND ".join(f"not-a-license-{i}" for i in range(10_000)),
}
# Short expressions that make license-expression itself raise IndexError
# or AssertionError, which spdx.check does not catch.
CRASHERS = {
    "empty-parentheses": "()",
    "unclosed-empty-parentheses": "(()",
    "dangling-plus": "(( or ((( or (( OR + or",
}
# file -> (text with {} for the expression, line it is on)
PLACES = {
    "pyproject.toml": ('[project]\nname = "x"\nversion = "1"\nlicense = "{}"\n', 4),
    "README.md": ('---\nlicense: "{}"\n---\n# Model card\n\n## Uses\n\nDemos.\n', 2),
    "src/header.py": ("# SPDX-License-Identifier: {}\nprint('hi')\n", 1),
    "CITATION.cff": ('cff-version: 1.2.0\nmessage: Cite it.\ntitle: x\nlicense: "{}"\nauthors:\n  - name: A\n', 4),
    "package.json": ('{{\n  "name": "x",\n  "license": "{}"\n}}\n', 3),
}


@pytest.mark.parametrize("case", sorted(EXPRESSIONS) + sorted(CRASHERS))
def test_check_never_raises_and_names_the_problem(case):
    checked = spdx.check({**EXPRESSIONS, **CRASHERS}[case])
    assert checked.expression is None
    assert checked.problem


@pytest.mark.parametrize("place", sorted(PLACES))
@pytest.mark.parametrize("case", sorted(EXPRESSIONS))
def test_pathological_expression_is_lic012_at_its_line(run_cli, tmp_path, place, case):
    expect_lic012_at_its_line(run_cli, tmp_path, place, EXPRESSIONS[case])


def test_expression_that_crashes_the_parser_is_lic012_at_its_line(run_cli, tmp_path):
    expect_lic012_at_its_line(run_cli, tmp_path, "README.md", CRASHERS["empty-parentheses"])


def expect_lic012_at_its_line(run_cli, tmp_path, place: str, expression: str) -> None:
    template, line = PLACES[place]
    root = tmp_path / "repo"
    (root / place).parent.mkdir(parents=True, exist_ok=True)
    (root / place).write_text(template.format(expression), encoding="utf-8")
    (root / "LICENSE").write_text("MIT License\n", encoding="utf-8")

    result = run_cli("check", str(root), "--format", "github", "--json", str(tmp_path / "report.json"), cwd=tmp_path)

    assert (tmp_path / "report.json").exists(), f"no report: exit {result.code}, stderr {result.stderr!r}"
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert_clean_run(result.code, result.stdout, result.stderr, report)
    assert ("LIC012", place, line) in triples(report)
    assert_github_output(result.stdout)


def test_all_of_them_at_once_in_a_real_process(tmp_path):
    root = tmp_path / "repo"
    for index, (_case, expression) in enumerate(sorted(EXPRESSIONS.items())):
        for place, (template, _) in PLACES.items():
            target = root / f"r{index}" / place if place != "README.md" else root / f"cards{index}" / "README.md"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(template.format(expression), encoding="utf-8")
    (root / "pyproject.toml").write_text(PLACES["pyproject.toml"][0].format(OPERANDS), encoding="utf-8")

    run = run_process("check", "repo", "--format", "github", "--json", "report.json", cwd=tmp_path)
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))

    assert_clean_run(run.code, run.stdout, run.stderr, report)
    assert_bounded(run)
    assert ("LIC012", "pyproject.toml", 4) in triples(report)
    assert_github_output(run.stdout)
