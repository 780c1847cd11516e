"""Repositories of odd shapes: huge, empty, not git, missing, deep."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.security.helpers import (
    assert_bounded,
    assert_clean_run,
    assert_github_output,
    assert_one_line_error,
    git,
    run_process,
    triples,
)

NO_LICENSE = ("LIC001", None, None)


def ten_thousand_licenses(root: Path, text: str) -> list[str]:
    paths = []
    for index in range(10_000):
        folder = root / f"vendor{index % 100:02d}" / f"pkg{index // 100:02d}" / "sub"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "LICENSE").write_text(text, encoding="utf-8")
        paths.append((folder / "LICENSE").relative_to(root).as_posix())
    return paths


@pytest.mark.parametrize("git_init", [False, True], ids=["plain-folder", "git-untracked"])
def test_ten_thousand_license_files_complete(tmp_path, git_init):
    root = tmp_path / "repo"
    ten_thousand_licenses(root, "SPDX-License-Identifier: MIT\n\nMIT License\n")
    if git_init:
        git(root, "init", "-q")

    run = run_process("check", "repo", "--format", "github", "--json", "report.json", cwd=tmp_path,
                      env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))

    assert_clean_run(run.code, run.stdout, run.stderr, report)
    assert_bounded(run)
    assert run.code == 1
    assert NO_LICENSE in triples(report)  # none of them is at the root
    assert not [f for f in report["findings"] if f["rule"] == "OL001"]
    assert_github_output(run.stdout)


def test_ten_thousand_unreadable_license_files_are_each_reported(tmp_path):
    root = tmp_path / "repo"
    paths = ten_thousand_licenses(root, "MIT License\n\0")
    run = run_process("check", "repo", "--format", "github", "--json", "report.json", cwd=tmp_path)
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))

    assert_clean_run(run.code, run.stdout, run.stderr, report)
    assert_bounded(run)
    assert {(f["path"], f["line"]) for f in report["findings"] if f["rule"] == "OL001"} == {(p, 2) for p in paths}
    annotations = assert_github_output(run.stdout)
    assert len(annotations) <= 30  # the runner's caps: 10 per kind, the rest counted


@pytest.mark.parametrize("with_git", [False, True], ids=["directory", "git-repository"])
def test_empty_release(run_cli, tmp_path, monkeypatch, with_git):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    root = tmp_path / "empty"
    root.mkdir()
    if with_git:
        git(root, "init", "-q")
    result = run_cli("check", str(root), "--json", str(tmp_path / "report.json"), cwd=tmp_path)
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert_clean_run(result.code, result.stdout, result.stderr, report)
    assert result.code == 1
    assert NO_LICENSE in triples(report)
    assert all(f["path"] is None for f in report["findings"])


def test_git_repository_with_a_commit_and_a_deleted_file(run_cli, tmp_path):
    root = tmp_path / "repo"
    root.mkdir()
    (root / "LICENSE").write_text("MIT License\n", encoding="utf-8")
    (root / "README.md").write_text("# Example\n", encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "init")
    (root / "LICENSE").unlink()  # in the index, gone from the work tree
    result = run_cli("check", str(root), "--json", str(tmp_path / "report.json"), cwd=tmp_path)
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert_clean_run(result.code, result.stdout, result.stderr, report)
    assert NO_LICENSE in triples(report)


def test_directory_that_is_not_a_git_work_tree(tmp_path):
    root = tmp_path / "plain"
    root.mkdir()
    (root / "LICENSE").write_text("MIT License\n", encoding="utf-8")
    (root / "node_modules" / "x").mkdir(parents=True)
    (root / "node_modules" / "x" / "LICENSE").write_bytes(b"\0")  # skipped, never read
    run = run_process("check", "plain", "--json", "report.json", cwd=tmp_path,
                      env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert_clean_run(run.code, run.stdout, run.stderr, report)
    assert NO_LICENSE not in triples(report)
    assert not any((f["path"] or "").startswith("node_modules/") for f in report["findings"])


@pytest.mark.parametrize("how", ["missing", "dangling-link"])
def test_path_that_does_not_exist_is_one_line_exit_2(tmp_path, how):
    target = tmp_path / "target"
    if how == "dangling-link":
        os.symlink(tmp_path / "nowhere", target)
    run = run_process("check", "target", cwd=tmp_path)
    assert run.code == 2, run
    assert run.stdout == ""
    assert_one_line_error(run.stderr, where="target")


def test_path_that_does_not_exist_in_process(run_cli, tmp_path):
    result = run_cli("check", str(tmp_path / "no" / "such" / "release"), cwd=tmp_path)
    assert result.code == 2
    assert result.stdout == ""
    assert_one_line_error(result.stderr, where="no/such/release")

