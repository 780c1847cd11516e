"""In a git work tree the inventory follows .gitignore; elsewhere it is every file."""

from __future__ import annotations

import pytest

from tests.acceptance.helpers import validate_report

FILES = {"README.md": "# m\n", "LICENSE": "MIT License\n", ".gitignore": "LICENSE\n"}


@pytest.fixture(autouse=True)
def no_enclosing_repository(monkeypatch, tmp_path):
    # Whatever holds tmp_path, git must not find a repository above it.
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))


def rules(run_cli, root) -> tuple[int, list[str]]:
    result = run_cli("check", root.name, "--format", "json", "--select", "LIC001", cwd=root.parent)
    return result.code, [f["rule"] for f in validate_report(result.stdout)["findings"]]


def test_ignored_license_in_a_git_work_tree_is_missing(run_cli, make_repo):
    root = make_repo(FILES, git_init=True)
    assert (root / "LICENSE").is_file()
    assert rules(run_cli, root) == (1, ["LIC001"])


def test_same_files_without_git_keep_the_license(run_cli, make_repo):
    root = make_repo(FILES)
    assert not (root / ".git").exists()
    assert rules(run_cli, root) == (0, [])


def test_untracked_license_that_is_not_ignored_counts(run_cli, make_repo):
    root = make_repo({"README.md": "# m\n", "LICENSE": "MIT License\n", ".gitignore": "*.bin\n"}, git_init=True)
    assert rules(run_cli, root) == (0, [])
