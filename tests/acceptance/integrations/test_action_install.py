"""The Action's real install step: a venv under $RUNNER_TEMP, the package
installed from $GITHUB_ACTION_PATH (a committed snapshot of this checkout),
then the check run with it. pip needs a package index for the build
backend; the test skips only when none can be reached."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.acceptance.helpers import EXAMPLES
from tests.acceptance.integrations.action_harness import run_action
from tests.acceptance.integrations.test_action import add_shadow_modules
from tests.acceptance.integrations.worktree import index_unreachable, snapshot
from tests.acceptance.test_sarif import assert_code_scanning_sarif


def test_install_from_the_action_checkout_then_check(tmp_path):
    reason = index_unreachable()
    if reason:
        pytest.skip(f"no package index reachable, so pip cannot install the action: {reason}")
    action_path = snapshot(tmp_path / "action")
    root = tmp_path / "workspace"
    shutil.copytree(EXAMPLES / "gappy-release", root)
    add_shadow_modules(root, "pip", "venv", "openness_lint")
    runner_temp = tmp_path / "runner-temp"
    runner_temp.mkdir()
    run = run_action(action_path, root, runner_temp, {"sarif-file": "openness.sarif"})
    venv_python = runner_temp / "openness-lint-venv" / "bin" / "python"
    assert run.steps["install"] == {"python": str(venv_python)}, run.stderr[-3000:]
    assert venv_python.is_file()
    assert run.ran == ["install", "lint"]
    assert run.exit_code == 1 and run.outputs["passed"] == "false" and run.outputs["exit-code"] == "1"
    assert any(line.startswith("::error ") for line in run.stdout.splitlines())
    assert run.summary.startswith("## openness-lint")
    assert_code_scanning_sarif(json.loads((root / "openness.sarif").read_text("utf-8")))
    assert not [p for p in tmp_path.rglob("pwned")], "a module from the workspace ran"
