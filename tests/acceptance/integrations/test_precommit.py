"""Our hooks through pre-commit itself, installed from a committed snapshot
of this checkout as pre-commit would install them from a clone.

pre-commit builds a virtualenv and pip-installs the package, which needs a
package index; these tests skip only when none can be reached.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.acceptance.helpers import EXAMPLES
from tests.acceptance.integrations.worktree import GIT_ENV, git, git_repo, index_unreachable, snapshot


@pytest.fixture(scope="module")
def hooks_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    reason = index_unreachable()
    if reason:
        pytest.skip(f"no package index reachable, so pre-commit cannot install the hook: {reason}")
    return snapshot(tmp_path_factory.mktemp("hooks") / "openness-lint")


def pre_commit(cwd: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**GIT_ENV, "HOME": str(home), "PRE_COMMIT_HOME": str(home / "pre-commit"),
           **{k: v for k, v in os.environ.items() if k.startswith("PIP_")}}
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=900)


def test_try_repo_passes_on_the_complete_release(hooks_repo, tmp_path):
    release = git_repo(EXAMPLES / "complete-release", tmp_path / "release")
    done = pre_commit(release, tmp_path, "try-repo", str(hooks_repo), "openness-lint", "--all-files")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "openness-lint" in done.stdout and "Passed" in done.stdout


def test_try_repo_fails_on_the_gappy_release(hooks_repo, tmp_path):
    release = git_repo(EXAMPLES / "gappy-release", tmp_path / "release")
    done = pre_commit(release, tmp_path, "try-repo", str(hooks_repo), "openness-lint", "--all-files")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Failed" in done.stdout and "LIC001" in done.stdout


def test_governance_hook_runs_only_for_governance_files(hooks_repo, tmp_path):
    """Both hooks from a pinned rev, as the README configures them; one install serves every run."""
    release = git_repo(EXAMPLES / "gappy-release", tmp_path / "release")
    rev = git(hooks_repo, "rev-parse", "HEAD").strip()
    (release / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks_repo}\n    rev: {rev}\n    hooks:\n      - id: openness-lint-governance\n",
        encoding="utf-8")
    git(release, "add", ".pre-commit-config.yaml")
    code_only = pre_commit(release, tmp_path, "run", "--files", "model.safetensors")
    assert code_only.returncode == 0, code_only.stdout + code_only.stderr
    assert "Skipped" in code_only.stdout
    license_changed = pre_commit(release, tmp_path, "run", "--files", "DATA_LICENSE")
    assert license_changed.returncode == 1, license_changed.stdout + license_changed.stderr
    assert "Failed" in license_changed.stdout and "LIC001" in license_changed.stdout
