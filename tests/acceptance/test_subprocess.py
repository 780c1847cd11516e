"""The installed console script and `python -m openness_lint`, as real processes."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from openness_lint.version import __version__

from tests.acceptance.helpers import EXAMPLES

SCRIPT = Path(sys.executable).parent / "openness-lint"
COMMANDS = {"console-script": [str(SCRIPT)], "python-m": [sys.executable, "-m", "openness_lint"]}


def run(command: list[str], *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    env["NO_COLOR"] = "1"
    return subprocess.run([*command, *args], cwd=EXAMPLES, env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=120, check=False)


def test_console_script_is_installed_next_to_python():
    assert SCRIPT.is_file() and os.access(SCRIPT, os.X_OK), SCRIPT


@pytest.mark.parametrize("how", sorted(COMMANDS))
def test_gappy_release_fails_with_lic001(how):
    proc = run(COMMANDS[how], "check", "gappy-release")
    assert proc.returncode == 1, proc
    assert "LIC001" in proc.stdout and "openness-lint failed" in proc.stdout
    assert proc.stderr == ""


@pytest.mark.parametrize("how", sorted(COMMANDS))
def test_complete_release_passes(how):
    proc = run(COMMANDS[how], "check", "complete-release", "--format", "github")
    assert proc.returncode == 0, proc
    assert proc.stdout.startswith("openness-lint: 0 error(s), ") and proc.stdout.endswith("; passed\n")


@pytest.mark.parametrize("how", sorted(COMMANDS))
def test_version(how):
    proc = run(COMMANDS[how], "--version")
    assert proc.returncode == 0, proc
    assert proc.stdout.strip() == f"openness-lint, version {__version__}"
    assert __version__ == version("openness-lint")  # the package and its metadata agree


@pytest.mark.parametrize("how", sorted(COMMANDS))
def test_usage_error_exits_2_without_traceback(how):
    proc = run(COMMANDS[how], "check", "no-such-release")
    assert proc.returncode == 2, proc
    assert "path does not exist" in proc.stderr and "Traceback" not in proc.stderr
