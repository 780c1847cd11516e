"""Exit codes: 0 clean, 1 findings, 2 usage or configuration error (one line, no traceback)."""

from __future__ import annotations

import pytest

from tests.acceptance.helpers import EXAMPLES, message_lines


def test_complete_release_exits_0(run_cli):
    result = run_cli("check", "complete-release", cwd=EXAMPLES)
    assert (result.code, result.stderr) == (0, "")
    assert "openness-lint passed" in result.stdout


def test_gappy_release_exits_1(run_cli):
    result = run_cli("check", "gappy-release", cwd=EXAMPLES)
    assert (result.code, result.stderr) == (1, "")
    assert "LIC001" in result.stdout and "openness-lint failed" in result.stdout


def test_exit_zero_turns_1_into_0_but_still_reports(run_cli):
    result = run_cli("check", "gappy-release", "--exit-zero", cwd=EXAMPLES)
    assert result.code == 0
    assert "LIC001" in result.stdout


def test_warnings_alone_do_not_fail(run_cli, make_repo):
    root = make_repo({"README.md": "# m\n", ".openness-lint.yaml": "severity: {LIC001: warning}\n"})
    result = run_cli("check", root.name, "--select", "LIC001", cwd=root.parent)
    assert result.code == 0
    assert "warning LIC001" in result.stdout


@pytest.mark.parametrize(("args", "needle"), [
    (["check", "no-such-release"], "path does not exist: no-such-release"),
    (["check", "gappy-release", "--format", "xml"], "'xml'"),
    (["check", "gappy-release", "--select", "NOPE999"], "NOPE999"),
    (["check", "gappy-release", "--ignore", "NOPE999"], "NOPE999"),
    (["check", "gappy-release", "--min-level", "mof:IV"], "mof has no level 'IV'"),
    (["check", "gappy-release", "--min-level", "nope:II"], "unknown framework 'nope'"),
    (["check", "gappy-release", "--min-level", "II"], "FRAMEWORK:LEVEL"),
    (["check", "gappy-release", "gappy-release/README.md"], "file names only"),
    (["check", "gappy-release", "--config", "no-such.yaml"], "no-such.yaml"),
    (["check", "gappy-release", "--no-such-option"], "--no-such-option"),
    (["no-such-command"], "no-such-command"),
])
def test_usage_errors_exit_2_with_one_message_line(run_cli, args, needle):
    result = run_cli(*args, cwd=EXAMPLES)
    assert result.code == 2, result
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    (line,) = message_lines(result.stderr)
    assert needle in line


def test_a_file_name_is_staged_mode_not_an_error(run_cli):
    # pre-commit passes file names: the current directory is checked with the
    # rules those files can affect
    result = run_cli("check", "README.md", "--format", "json", cwd=EXAMPLES / "gappy-release")
    assert result.code == 1, result
    assert "DOC002" in result.stdout


def test_config_with_unknown_key_exits_2_with_one_line(run_cli, make_repo):
    root = make_repo({"LICENSE": "MIT\n", ".openness-lint.yaml": "select: [ALL]\ncolour: red\n"})
    result = run_cli("check", root.name, cwd=root.parent)
    assert result.code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("openness-lint: error: ")
    assert "unknown key 'colour'" in result.stderr


def test_debug_does_not_turn_a_config_error_into_a_crash(run_cli, make_repo):
    root = make_repo({".openness-lint.yaml": "colour: red\n"})
    result = run_cli("--debug", "check", root.name, cwd=root.parent)
    assert result.code == 2
    assert "unknown key 'colour'" in result.stderr


def test_a_run_raises_the_collector_thresholds_and_restores_them(make_repo, run_cli, monkeypatch):
    # the cyclic collector waits for many new objects during a run (it cost a
    # tenth of a large run), and a caller of main() gets its own settings back
    import gc

    from openness_lint import engine
    from openness_lint.cli import RUN_GC_THRESHOLDS

    during = []
    original = engine.run
    monkeypatch.setattr(engine, "run", lambda *a, **k: during.append(gc.get_threshold()) or original(*a, **k))
    before = gc.get_threshold()
    root = make_repo({"LICENSE": "MIT License\n"})
    assert run_cli("check", str(root), "--exit-zero").code == 0
    assert during == [RUN_GC_THRESHOLDS] and gc.get_threshold() == before
    assert run_cli("check", str(root / "missing")).code == 2 and gc.get_threshold() == before
