"""The Action's logic: inputs become one check command line, outputs a file."""

from __future__ import annotations

import json

import pytest
from openness_lint import action
from openness_lint.action import InputError, check_argv, output_lines, outputs

from tests.acceptance.integrations.action_harness import parse_file_commands

JSON = "/tmp/report.json"


def test_defaults_check_the_workspace_with_annotations():
    assert check_argv({}, JSON) == ["check", ".", "--format", "github", "--json", JSON]


def test_every_input_maps_to_its_option():
    env = {"INPUT_PATH": "models/a", "INPUT_CONFIG": "ci/lint.yaml", "INPUT_MIN_LEVEL": "mof:II",
           "INPUT_FORMAT": "text", "INPUT_SARIF_FILE": "out.sarif", "INPUT_SUMMARY": "true",
           "GITHUB_STEP_SUMMARY": "/runner/summary.md", "INPUT_ARGS": "--select LIC --exclude 'third party/**'"}
    assert check_argv(env, JSON) == [
        "check", "models/a", "--format", "text", "--config", "ci/lint.yaml", "--min-level", "mof:II",
        "--sarif", "out.sarif", "--summary", "/runner/summary.md",
        "--select", "LIC", "--exclude", "third party/**", "--json", JSON]


@pytest.mark.parametrize("value", ["false", "False", "no", "0", "off"])
def test_summary_can_be_turned_off(value):
    argv = check_argv({"INPUT_SUMMARY": value, "GITHUB_STEP_SUMMARY": "/s.md"}, JSON)
    assert "--summary" not in argv


def test_no_summary_file_outside_a_runner():
    assert "--summary" not in check_argv({"INPUT_SUMMARY": "true"}, JSON)


def test_summary_must_be_a_boolean():
    with pytest.raises(InputError, match="summary"):
        check_argv({"INPUT_SUMMARY": "sometimes"}, JSON)


def test_args_are_words_never_shell():
    argv = check_argv({"INPUT_ARGS": "$(touch pwned) `id` ; rm -rf / && echo *"}, JSON)
    assert argv[4:-2] == ["$(touch", "pwned)", "`id`", ";", "rm", "-rf", "/", "&&", "echo", "*"]


def test_unbalanced_quote_in_args_is_an_input_error():
    with pytest.raises(InputError, match="args"):
        check_argv({"INPUT_ARGS": '"; touch pwned; #'}, JSON)


def test_json_report_stays_last_so_args_cannot_move_it():
    argv = check_argv({"INPUT_ARGS": "--json elsewhere.json"}, JSON)
    assert argv[-2:] == ["--json", JSON]


def test_hostile_inputs_are_single_arguments():
    hostile = '"; touch pwned; #'
    env = {"INPUT_PATH": hostile, "INPUT_CONFIG": hostile, "INPUT_MIN_LEVEL": hostile, "INPUT_SARIF_FILE": hostile}
    argv = check_argv(env, JSON)
    assert argv.count(hostile) == 4


def test_outputs_when_the_check_could_not_run():
    assert outputs(None, 2) == {"level": "", "passed": "false", "errors": "", "warnings": "", "exit-code": "2"}


def test_outputs_from_a_report_with_a_level():
    report = {"summary": {"error": 0, "warning": 3, "info": 1}, "internal_errors": [],
              "level": {"framework": "mof", "achieved": "II", "required": "III", "passed": True}}
    assert outputs(report, 0) == {"level": "mof:II", "passed": "true", "errors": "0", "warnings": "3",
                                  "exit-code": "0"}


def test_level_below_minimum_is_not_passed():
    report = {"summary": {"error": 0, "warning": 0}, "level": {"framework": "mof", "achieved": "III",
                                                              "required": "II", "passed": False}}
    assert outputs(report, 1)["passed"] == "false"


def test_exit_zero_does_not_make_a_failing_release_pass():
    report = {"summary": {"error": 2, "warning": 0}, "level": None}
    assert outputs(report, 0) == {"level": "", "passed": "false", "errors": "2", "warnings": "0", "exit-code": "0"}


def test_output_lines_round_trip_through_the_runner_format():
    values = {"level": "mof:II", "passed": "true", "errors": "line one\nerrors=9", "exit-code": "0"}
    assert parse_file_commands(output_lines(values)) == values


def test_run_writes_outputs_and_returns_the_linter_exit_code(make_repo, tmp_path, capsys, monkeypatch):
    for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"):
        monkeypatch.delenv(name, raising=False)
    repo = make_repo({"README.md": "# A model\n", "train.py": "print(1)\n"})
    output, summary = tmp_path / "output", tmp_path / "summary.md"
    env = {"INPUT_PATH": str(repo), "GITHUB_OUTPUT": str(output), "GITHUB_STEP_SUMMARY": str(summary),
           "RUNNER_TEMP": str(tmp_path)}
    code = action.run(env)
    assert code == 1
    values = parse_file_commands(output.read_text("utf-8"))
    assert values["exit-code"] == "1" and values["passed"] == "false"
    assert int(values["errors"]) >= 1
    assert "::error" in capsys.readouterr().out
    assert summary.read_text("utf-8").startswith("## openness-lint")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("openness-lint-")] == [], "temp dir removed"


def test_run_reports_an_input_error_as_exit_2(tmp_path, capsys):
    output = tmp_path / "output"
    assert action.run({"INPUT_ARGS": "'unclosed", "GITHUB_OUTPUT": str(output)}) == 2
    assert "input args" in capsys.readouterr().err
    assert parse_file_commands(output.read_text("utf-8"))["exit-code"] == "2"


def test_main_takes_no_arguments(capsys):
    assert action.main(["--help"]) == 2
    assert "INPUT_" in capsys.readouterr().err


def test_bom_file_is_written_by_the_same_check():
    argv = check_argv({"INPUT_BOM_FILE": "release.cdx.json", "INPUT_ARGS": "--select LIC"}, JSON)
    assert argv[argv.index("--bom") + 1] == "release.cdx.json"
    assert argv.index("--bom") < argv.index("--select") and "--bom-timestamp" not in argv


def test_a_bom_time_goes_with_the_bom_only():
    assert check_argv({"INPUT_BOM_FILE": "x.spdx.json"}, JSON, "1767225600")[-4:-2] == ["--bom-timestamp", "1767225600"]
    assert "--bom-timestamp" not in check_argv({}, JSON, "1767225600")


def test_an_spdx_bom_takes_the_commit_time_unless_source_date_epoch_is_set(make_repo):
    from tests.conftest import git

    repo = make_repo({"README.md": "# A model\n"}, git_init=True)
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "x",
        "--date", "@1767225600")
    env = {"INPUT_PATH": str(repo), "INPUT_BOM_FILE": "out.spdx.json"}
    assert action.bom_time(env).isdigit()
    assert action.bom_time({**env, "SOURCE_DATE_EPOCH": "5"}) is None  # the check reads it itself
    assert action.bom_time({**env, "INPUT_BOM_FILE": "out.cdx.json"}) is None  # CycloneDX needs no time
    assert action.bom_time({"INPUT_PATH": str(make_repo({"a": "b"})), "INPUT_BOM_FILE": "x.spdx.json"}) is None


def test_run_writes_the_bom_file(make_repo, tmp_path, monkeypatch):
    for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"):
        monkeypatch.delenv(name, raising=False)
    repo = make_repo({"README.md": "---\nlicense: mit\n---\n# A model\n", "model.safetensors": b"\0"})
    target = tmp_path / "out" / "release.cdx.json"
    env = {"INPUT_PATH": str(repo), "INPUT_BOM_FILE": str(target), "RUNNER_TEMP": str(tmp_path),
           "INPUT_SUMMARY": "false"}
    assert action.run(env) in (0, 1)
    assert json.loads(target.read_text("utf-8"))["bomFormat"] == "CycloneDX"
