"""The text format: safe paths, one line per finding, colour only on request."""

from __future__ import annotations

import unicodedata

import pytest
from openness_lint.finding import Severity
from openness_lint.formats import Options
from openness_lint.formats.text import render
from openness_lint.report import InternalError

from tests.helpers.builders import finding, report


def finding_lines(output: str, rule: str = "LIC001") -> list[str]:
    return [line for line in output.split("\n") if f" {rule} " in line]


def runner_commands(output: str) -> list[str]:
    """Lines the GitHub runner would take as commands: '::' after leading
    whitespace, or the legacy '##[' anywhere in the line."""
    return [line for line in output.split("\n") if line.lstrip().startswith("::") or "##[" in line]


def test_path_starting_a_workflow_command_gets_a_dot_slash():
    output = render(report([finding(path="::error::forged", line=3)]), Options())
    assert "./::error::forged" in output.split("\n")
    assert finding_lines(output) == ["  ./::error::forged:3: error LIC001 a message"]
    assert runner_commands(output) == []


@pytest.mark.parametrize("path", [" ::error::forged", "\u00a0::warning::forged"])
def test_path_with_leading_whitespace_cannot_start_a_command(path):
    output = render(report([finding(path=path)]), Options())
    assert runner_commands(output) == []


@pytest.mark.parametrize(("path", "message"), [
    ("docs/##[error]forged.md", "plain"),
    ("README.md", "see ##[stop-commands]token"),
])
def test_legacy_commands_mid_line_are_neutralised(path, message):
    output = render(report([finding(path=path, message=message, fix=message)]), Options())
    assert runner_commands(output) == []


def test_control_characters_keep_each_finding_on_one_line():
    message = "line one\nline two\rback\x1b[31mred\x00nul\ttab\x7fdel"
    output = render(report([finding(path="a\nb.md", message=message, fix="x\ny")]), Options())
    lines = output.split("\n")
    assert "\r" not in output and "\x1b" not in output and "\x00" not in output
    assert finding_lines(output) == ["  a\\nb.md:1: error LIC001 line one\\nline two\\rback\\x1b[31mred\\x00nul\\ttab\\x7fdel"]
    assert "    fix: x\\ny" in lines


def test_c1_control_characters_are_escaped_too():
    message = "next\x85line csi\x9b31m"
    output = render(report([finding(message=message, path="p\x85q.md")]), Options())
    raw_controls = [hex(ord(ch)) for ch in output if unicodedata.category(ch) == "Cc" and ch != "\n"]
    assert raw_controls == []


def test_colour_only_when_asked():
    items = [finding(), finding(code="OL001", severity=Severity.WARNING, path="README.md")]
    plain = render(report(items, [InternalError("TST001", "RuntimeError: boom")]), Options())
    coloured = render(report(items, [InternalError("TST001", "RuntimeError: boom")]), Options(color=True))
    assert "\x1b[" not in plain
    assert "\x1b[" in coloured
    assert "\x1b[31m" in coloured  # red for the error


def test_summary_and_repository_findings():
    output = render(report([finding(path=None, line=None)]), Options())
    assert output.split("\n")[0] == "(repository)"
    assert output.endswith("Found 1 error, 0 warnings and 0 info. openness-lint failed.\n")
    assert render(report([]), Options()) == "No findings. openness-lint passed.\n"
