"""A rule that crashes on hostile input: exit 2, one line on stderr, the
report still printed, a traceback only with --debug, and the exception's
text (which can carry repository text) never a workflow command.
"""

from __future__ import annotations

import pytest
from openness_lint import registry

from tests.security.helpers import assert_github_output, assert_no_commands, runner_lines


@pytest.fixture
def crashing_rule(monkeypatch: pytest.MonkeyPatch):
    registry.load()  # rule modules register themselves once, on first load

    def crash(message: str) -> None:
        def check(ctx):
            raise RuntimeError(message)
        monkeypatch.setitem(registry._FUNCTIONS, "LIC012", check)
    return crash


@pytest.mark.parametrize("message", [
    "plain failure",
    "::error::FORGED-ERROR",
    "first line\n::add-mask::SECRET-MASK",
    "%0A::warning::FORGED-WARNING",
])
def test_crash_is_exit_2_with_one_line_and_the_report(run_cli, tmp_path, crashing_rule, message):
    crashing_rule(message)
    (tmp_path / "LICENSE").write_text("MIT License\n", encoding="utf-8")

    result = run_cli("check", str(tmp_path), "--format", "github", cwd=tmp_path)

    assert result.code == 2
    annotations = assert_github_output(result.stdout)
    assert annotations[0].properties["title"] == "openness-lint internal error"
    assert "LIC012" in annotations[0].data
    lines = runner_lines(result.stderr)
    assert len(lines) == 2 and lines[0].startswith("openness-lint: internal error in rule LIC012"), result.stderr
    assert "Traceback" not in result.stderr
    assert_no_commands(result.stderr, "stderr")


def test_crash_message_with_a_legacy_command_is_not_echoed_raw(run_cli, tmp_path, crashing_rule):
    crashing_rule("key '##[add-mask]SECRET-MASK' not found")
    (tmp_path / "LICENSE").write_text("MIT License\n", encoding="utf-8")

    result = run_cli("check", str(tmp_path), "--format", "github", cwd=tmp_path)

    assert result.code == 2
    assert_github_output(result.stdout)
    assert_no_commands(result.stderr, "stderr")


def test_debug_adds_the_traceback(run_cli, tmp_path, crashing_rule):
    crashing_rule("plain failure")
    (tmp_path / "LICENSE").write_text("MIT License\n", encoding="utf-8")

    result = run_cli("check", str(tmp_path), "--debug", cwd=tmp_path)

    assert result.code == 2
    assert "Traceback" in result.stderr
    assert "RuntimeError: plain failure" in result.stderr
