"""A hostile configuration: exit 2 with one line naming the file and line.

A pull request can change .openness-lint.yaml (or pyproject.toml) as
freely as any other file, so the configuration is attacker-controlled too.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from openness_lint.catalog.source import MAX_INPUT_BYTES as MAX_CONFIG_BYTES

from tests.security.helpers import (
    assert_bounded,
    assert_clean_run,
    assert_github_output,
    assert_one_line_error,
    run_process,
    sparse,
    write_tree,
)

NAME = ".openness-lint.yaml"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def bomb(levels: int = 9, width: int = 9) -> str:
    lines = ["a0: &a0 [" + ", ".join(["lol"] * width) + "]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]" for i in range(1, levels)]
    return "\n".join(lines)


def repo_with(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    return write_tree(tmp_path / "repo", {"LICENSE": "MIT License\n", **files})


YAML_CASES = {
    # id: (config text, line the error must name)
    "unknown-key": ("framework: mof\nselect: [ALL]\nno-such-key: 1\n", 3),
    "unknown-key-in-item": ("ignore-findings:\n  - {rule: LIC001, path: x, reason: y, extra: 1}\n", 2),
    "select-number": ("select: 5\n", 1),
    "select-mapping": ("ignore: []\nselect: {LIC: 1}\n", 2),
    "severity-list": ("severity: [LIC001]\n", 1),
    "severity-unknown-level": ("severity:\n  LIC001: warning\n  LIC002: loud\n", 3),
    "exclude-mapping": ("exclude: {a: b}\n", 1),
    "min-level-number": ("min-level: 3\n", 1),
    "min-level-unknown": ("min-level: mof:XVII\n", 1),
    "framework-list": ("framework: [mof]\n", 1),
    "ignore-findings-string": ("ignore-findings: LIC001\n", 1),
    "ignore-findings-no-reason": ("ignore-findings:\n  - {rule: LIC001, path: x}\n", 2),
    "require-unknown": ("require: [model-card, time-machine]\n", 1),
    "release-list": ("release: [a, b]\n", 1),
    "packs-number": ("packs: 7\n", 1),
    "unknown-rule": ("select:\n  - LIC001\n  - NOPE999\n", 3),
    "not-a-mapping": ("- select\n- ignore\n", 1),
    "syntax-error": ("select: [ALL]\nignore: [LIC001\nexclude: []\n", 3),
    "duplicate-key": ("select: [ALL]\nignore: []\nselect: [LIC]\n", 3),
    "tab-indent": ("severity:\n\tLIC001: info\n", 2),
    "python-tag": ('select: !!python/object/apply:os.system ["touch pwned"]\n', 1),
    "alias-bomb": (bomb(), 2),
    "nul-byte": ("select: [ALL]\nignore: [\0]\n", 2),
    "deep-nesting": ("select: " + "[" * 10_000 + "]" * 10_000 + "\n", 1),
}


@pytest.mark.parametrize("case", sorted(YAML_CASES))
def test_bad_yaml_configuration_is_one_line_naming_file_and_line(run_cli, tmp_path, case):
    text, line = YAML_CASES[case]
    root = repo_with(tmp_path, {NAME: text})

    result = run_cli("check", str(root), "--format", "github", cwd=tmp_path)

    assert result.code == 2, result
    assert result.stdout == ""
    where = f"{NAME}:{line}:" if case != "alias-bomb" else f"{NAME}:"
    message = assert_one_line_error(result.stderr, where=where)
    if case == "alias-bomb":  # the line of some anchor or alias in the bomb
        assert any(f"{NAME}:{n}:" in message for n in range(1, text.count("\n") + 2)), message
    assert not list(tmp_path.rglob("pwned*"))


TOML_CASES = {
    "unknown-key": ('[project]\nname = "x"\n\n[tool.openness-lint]\nselect = ["ALL"]\nno-such-key = 1\n', 6),
    "wrong-type": ('[tool.openness-lint]\nexclude = 5\n', 2),
    "sub-table": ('[tool.openness-lint]\nselect = ["ALL"]\n\n[tool.openness-lint.severity]\nLIC001 = "loud"\n', 4),
    "invalid-toml": ('[tool.openness-lint]\nselect = ["ALL"\nignore = []\n', 3),
}


@pytest.mark.parametrize("case", sorted(TOML_CASES))
def test_bad_pyproject_configuration_is_one_line_naming_file_and_line(run_cli, tmp_path, case):
    text, line = TOML_CASES[case]
    root = repo_with(tmp_path, {"pyproject.toml": text})

    result = run_cli("check", str(root), cwd=tmp_path)

    assert result.code == 2, result
    assert_one_line_error(result.stderr, where=f"pyproject.toml:{line}:")


def test_oversized_configuration_is_refused_unread(tmp_path):
    root = repo_with(tmp_path, {})
    sparse(root / NAME, 5 * 1024**3)
    run = run_process("check", "repo", cwd=tmp_path)
    assert run.code == 2
    assert_bounded(run)
    assert_one_line_error(run.stderr, where=NAME)
    assert f"larger than {MAX_CONFIG_BYTES // 1024} KiB" in run.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_configuration_that_is_a_fifo_or_a_device_never_blocks(tmp_path):
    root = repo_with(tmp_path, {"README.md": "# Example\n"})
    os.mkfifo(root / NAME)
    os.symlink("/dev/zero", root / "pyproject.toml")
    run = run_process("check", "repo", "--format", "github", "--json", "report.json", cwd=tmp_path)
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert_clean_run(run.code, run.stdout, run.stderr, report)  # neither is a configuration file
    assert_bounded(run)


@pytest.mark.parametrize("key, target", [
    ("packs", "dev-zero"), ("packs", "sparse-in-repo"), ("frameworks", "sparse-in-repo"),
    ("profiles", "sparse-in-repo"),
])
def test_files_named_by_the_configuration_are_read_within_a_bound(tmp_path, key, target):
    # packs, frameworks and profiles name further YAML files. Whatever they
    # name, reading one must stop at a limit and fail as a configuration
    # error, not read /dev/zero or a 5 GB file into memory.
    root = repo_with(tmp_path, {})
    if target == "dev-zero":
        path = "/dev/zero"
    else:
        path = "ci/rules.yaml"
        sparse(root / path, 5 * 1024**3)
    (root / NAME).write_text(f"select: [ALL]\n{key}: [{path}]\n", encoding="utf-8")

    run = run_process("check", "repo", "--format", "github", cwd=tmp_path)

    assert run.code == 2, run
    assert_bounded(run)
    assert_one_line_error(run.stderr)
    assert NAME in run.stderr or path in run.stderr, run.stderr


def test_a_pull_request_cannot_lower_the_gate_set_on_the_command_line(run_cli, tmp_path):
    # The Action passes min-level on the command line; the repository's own
    # configuration, which a pull request can edit, asks for less.
    root = tmp_path / "release"
    shutil.copytree(EXAMPLES / "complete-release", root)  # reaches MOF Class II
    (root / NAME).write_text("min-level: mof:III\n", encoding="utf-8")

    lenient = run_cli("check", str(root), "--format", "github", cwd=tmp_path)
    strict = run_cli("check", str(root), "--format", "github", "--min-level", "mof:I", cwd=tmp_path)

    assert lenient.code == 0, lenient
    assert strict.code == 1, strict
    assert "LVL001" in strict.stdout
    assert_github_output(strict.stdout)
