"""The GitHub Action, run step by step as the runner runs a composite action.

These runs reuse the test interpreter (OPENNESS_LINT_PYTHON) instead of
installing; test_action_install.py runs the real install once.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from openness_lint.catalog import frameworks

from tests.acceptance.helpers import EXAMPLES
from tests.acceptance.integrations.action_harness import ActionRun, HarnessError, load, run_action
from tests.acceptance.integrations.worktree import ROOT
from tests.acceptance.test_sarif import assert_code_scanning_sarif

SHA = "0123456789abcdef0123456789abcdef01234567"
RUNNER = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "owner/release", "GITHUB_SHA": SHA,
          "GITHUB_EVENT_NAME": "pull_request"}
INJECTION = '"; touch pwned; # $(touch pwned) `touch pwned`'
SHADOW = "import pathlib\npathlib.Path('pwned').touch()\n"


def add_shadow_modules(root: Path, *names: str) -> None:
    """Packages a pull request could add to be imported in place of the real ones."""
    for name in names:
        (root / name).mkdir()
        for module in ("__init__.py", "__main__.py", "action.py"):
            (root / name / module).write_text(SHADOW, encoding="utf-8")


def workspace(tmp_path: Path, example: str, config: str | None = None) -> Path:
    root = tmp_path / "workspace"
    shutil.copytree(EXAMPLES / example, root)
    if config is not None:
        (root / ".openness-lint.yaml").write_text(config, encoding="utf-8")
    return root


def act(tmp_path: Path, root: Path, **inputs: str) -> ActionRun:
    runner_temp = tmp_path / "runner-temp"
    runner_temp.mkdir(exist_ok=True)
    return run_action(ROOT, root, runner_temp, {k.replace("_", "-"): v for k, v in inputs.items()},
                      env={**RUNNER, "OPENNESS_LINT_PYTHON": sys.executable})


def annotations(run: ActionRun, kind: str = "") -> list[str]:
    return [line for line in run.stdout.splitlines() if line.startswith(f"::{kind}")]


def assert_outputs_agree(run: ActionRun) -> None:
    assert set(run.outputs) == {"level", "passed", "errors", "warnings", "exit-code"}
    assert run.outputs["exit-code"] == str(run.exit_code)
    assert run.outputs == run.steps["lint"]


def test_the_input_min_level_holds_the_gate_a_pull_request_lowered(tmp_path):
    """A pull request lowers min-level in .openness-lint.yaml; the workflow's input wins."""
    root = workspace(tmp_path, "complete-release", config="min-level: mof:unclassified\n")
    run = act(tmp_path, root, min_level="mof:I", sarif_file="openness.sarif")
    assert run.ran == ["install", "lint"]
    assert_outputs_agree(run)
    assert "--min-level mof:I overrode min-level mof:unclassified from .openness-lint.yaml" in run.summary
    assert run.summary.startswith("## openness-lint")
    assert_code_scanning_sarif(json.loads((root / "openness.sarif").read_text("utf-8")))
    assert annotations(run), "annotations on stdout"
    if run.outputs["level"]:
        framework, achieved = run.outputs["level"].split(":", 1)
        mof = frameworks.builtin()["mof"]
        assert framework == "mof" and mof.rank(achieved) < mof.rank("I"), "the example is below Class I"
        assert run.exit_code == 1 and run.outputs["passed"] == "false"
        assert any("Class I" in line for line in annotations(run, "error"))
    else:  # a version that does not compute levels says the gate is not enforced, at the input's level
        assert any("min-level mof:I " in line for line in annotations(run))
    # the same pull request without the input: the lowered file is all there is, and it passes
    lowered = act(tmp_path, root)
    assert lowered.exit_code == 0 and lowered.outputs["passed"] == "true"
    assert "overrode" not in lowered.summary


def test_a_failing_release_is_annotated_summarised_and_gated(tmp_path, run_cli):
    root = workspace(tmp_path, "gappy-release")
    run = act(tmp_path, root, sarif_file="reports/openness.sarif")
    assert (root / "reports" / "openness.sarif").is_file(), "the action makes the SARIF file's folder"
    expected = json.loads(run_cli("check", str(root), "--format", "json").stdout)
    assert run.exit_code == 1 and run.outputs["passed"] == "false"
    assert_outputs_agree(run)
    assert run.outputs["errors"] == str(expected["summary"]["error"])
    assert run.outputs["warnings"] == str(expected["summary"]["warning"])
    errors = annotations(run, "error")
    assert errors and any(line.startswith("::error file=README.md,line=") for line in errors)
    assert run.stdout.rstrip().endswith("failed")
    assert "### Findings" in run.summary
    assert f"(https://github.com/owner/release/blob/{SHA}/README.md#L" in run.summary


def test_sarif_file_input_writes_code_scanning_sarif(tmp_path):
    root = workspace(tmp_path, "gappy-release")
    run = act(tmp_path, root, sarif_file="openness.sarif")
    sarif = json.loads((root / "openness.sarif").read_text("utf-8"))
    assert_code_scanning_sarif(sarif)
    results = sarif["runs"][0]["results"]
    assert len(results) == int(run.outputs["errors"]) + int(run.outputs["warnings"]) + sum(
        1 for r in results if r["level"] == "note")


def test_summary_off_and_a_text_console(tmp_path):
    root = workspace(tmp_path, "gappy-release")
    run = act(tmp_path, root, summary="false", format="text")
    assert run.summary == ""
    assert not annotations(run) and "openness-lint failed." in run.stdout
    assert run.exit_code == 1


def test_args_are_split_into_words(tmp_path):
    root = workspace(tmp_path, "gappy-release")
    run = act(tmp_path, root, args="--select 'LIC' --exit-zero")
    assert run.exit_code == 0
    assert annotations(run) and all("title=LIC" in line for line in annotations(run) if "file=" in line)
    assert run.outputs["passed"] == "false", "--exit-zero does not make the release pass"


def test_path_input_checks_a_subfolder_of_the_workspace(tmp_path):
    root = tmp_path / "workspace"
    shutil.copytree(EXAMPLES / "complete-release", root / "models" / "tiny")
    run = act(tmp_path, root, path="models/tiny")
    assert run.exit_code == 0, run.stderr
    assert run.outputs["passed"] == "true"


def test_a_configuration_error_exits_2_with_outputs(tmp_path):
    root = workspace(tmp_path, "complete-release", config="min-level: [not, a, level]\n")
    run = act(tmp_path, root)
    assert run.exit_code == 2
    assert run.outputs == {"level": "", "passed": "false", "errors": "", "warnings": "", "exit-code": "2"}
    assert ".openness-lint.yaml" in run.stderr


@pytest.mark.parametrize("name", ["path", "args", "min-level", "config", "sarif-file", "format", "summary", "version"])
def test_shell_in_an_input_is_only_data(tmp_path, name):
    root = workspace(tmp_path, "complete-release")
    run = act(tmp_path, root, **{name.replace("-", "_"): INJECTION})
    assert not [p for p in tmp_path.rglob("pwned")], "an input ran as shell"
    assert not (ROOT / "pwned").exists() and not Path("pwned").exists()
    assert run.exit_code in (0, 2)
    if name == "sarif-file":  # a strange file name is still just a file name
        assert (root / INJECTION).is_file() and run.exit_code == 0
    else:
        assert run.exit_code == 2, run.stdout + run.stderr
    if name == "version":
        assert run.ran == ["install"], "the install step refuses what is not a release number"
    else:
        assert run.outputs["exit-code"] == str(run.exit_code)


def test_modules_in_the_pull_request_are_never_imported(tmp_path):
    root = workspace(tmp_path, "complete-release")
    add_shadow_modules(root, "openness_lint", "click", "ruamel")
    run = act(tmp_path, root)
    assert not [p for p in tmp_path.rglob("pwned")], "a module from the workspace ran"
    assert run.ran == ["install", "lint"] and run.outputs["exit-code"] in ("0", "1")


def test_the_harness_refuses_expressions_inside_scripts(tmp_path):
    load(ROOT)  # the real action passes
    unsafe = tmp_path / "unsafe"
    unsafe.mkdir()
    (unsafe / "action.yml").write_text(
        "name: unsafe\ninputs: {path: {default: .}}\nruns:\n  using: composite\n  steps:\n"
        "    - shell: bash\n      run: echo ${{ inputs.path }}\n", encoding="utf-8")
    with pytest.raises(HarnessError, match="shell injection"):
        run_action(unsafe, tmp_path, tmp_path, {})


def test_bom_file_input_writes_the_bom_in_the_same_run(tmp_path):
    from tests.unit.bom.helpers import loaded_spdx, valid_cyclonedx

    root = workspace(tmp_path, "complete-release")
    run = act(tmp_path, root, bom_file="out/release.cdx.json")
    assert run.exit_code == 0 and run.ran == ["install", "lint"]
    document = valid_cyclonedx((root / "out" / "release.cdx.json").read_text("utf-8"))
    assert any(c["type"] == "machine-learning-model" for c in document["components"])
    runner_temp = tmp_path / "runner-temp"
    spdx_run = run_action(ROOT, root, runner_temp, {"bom-file": "release.spdx.json"},
                          env={**RUNNER, "OPENNESS_LINT_PYTHON": sys.executable, "SOURCE_DATE_EPOCH": "1767225600"})
    assert spdx_run.exit_code == 0
    text = (root / "release.spdx.json").read_text("utf-8")
    loaded_spdx(text)
    assert '"created": "2026-01-01T00:00:00Z"' in text
