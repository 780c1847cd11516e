"""openness-lint rules and explain."""

from __future__ import annotations

import pytest

from tests.acceptance.helpers import message_lines

HEADINGS = ("What it does", "Why is this bad?", "Example", "How to fix")


def test_rules_lists_every_builtin_rule(run_cli):
    result = run_cli("rules")
    assert result.code == 0
    codes = [line.split()[0] for line in result.stdout.splitlines()]
    assert {"LIC001", "OL001"} <= set(codes)
    assert codes == sorted(codes) and len(codes) == len(set(codes))
    (lic001,) = [line for line in result.stdout.splitlines() if line.startswith("LIC001 ")]
    assert "error" in lic001 and "license-file-missing" in lic001


@pytest.mark.parametrize("code", ["LIC001", "lic001", "license-file-missing"])
def test_explain_prints_the_four_doc_headings_in_order(run_cli, code):
    result = run_cli("explain", code)
    assert result.code == 0, result
    assert result.stdout.startswith("LIC001 (license-file-missing)")
    lines = result.stdout.splitlines()
    positions = [lines.index(f"## {heading}") for heading in HEADINGS]
    assert positions == sorted(positions)
    # each heading has text under it
    for position in positions:
        assert lines[position + 2].strip()


def test_explain_unknown_rule_exits_2(run_cli):
    result = run_cli("explain", "NOPE")
    assert result.code == 2
    assert result.stdout == ""
    (line,) = message_lines(result.stderr)
    assert "NOPE" in line and "Traceback" not in result.stderr
