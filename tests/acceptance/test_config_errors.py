"""Configuration errors name the file and line, exit 2, and print no report."""

from __future__ import annotations

import pytest

CONFIG = ".openness-lint.yaml"

YAML_CASES = {
    "unknown-key": ("# policy\nframework: mof\nbogus: 1\n", 3, "unknown key 'bogus'"),
    "wrong-type": ("framework: mof\n\nselect: 5\n", 3, "select must be a list of strings, not a number"),
    "unknown-rule-in-ignore": ("select: [ALL]\nignore:\n  - LIC001\n  - NOPE001\n", 4,
                               "ignore: unknown rule code or prefix 'NOPE001'"),
    "unknown-rule-in-severity": ("severity:\n  LIC001: warning\n  XYZ: info\n", 3,
                                 "severity: unknown rule code or prefix 'XYZ'"),
    "bad-severity": ("severity:\n  LIC001: fatal\n", 2, "unknown severity 'fatal'"),
    "ignore-finding-without-reason": (
        "ignore-findings:\n"
        "  - rule: OL003\n"
        "    path: '*'\n"
        "    reason: reviewed\n"
        "  - {rule: LIC001, path: '*'}\n", 5, "reason (it is mandatory)"),
    "ignore-finding-unknown-rule": (
        "ignore-findings:\n  - {rule: XYZ001, path: '*', reason: r}\n", 2,
        "ignore-findings: unknown rule code or prefix 'XYZ001'"),
    "duplicate-key": ("select: [ALL]\nignore: []\nselect: [LIC]\n", 3, 'duplicate key "select"'),
    "invalid-yaml": ("select: [ALL]\nignore: [LIC001\nexclude: []\n", 3, "invalid YAML"),
    "unknown-level": ("framework: mof\nmin-level: mof:IV\n", 2, "mof has no level 'IV'"),
    "not-a-mapping": ("- select\n- ALL\n", 1, "must be a mapping, not a list"),
}

TOML_CASES = {
    "unknown-key": ('[project]\nname = "x"\n\n[tool.openness-lint]\nframework = "mof"\nbogus = 1\n', 6,
                    "unknown key 'bogus'"),
    "wrong-type": ('[tool.openness-lint]\nframework = "mof"\nselect = 5\n', 3,
                   "select must be a list of strings, not a number"),
    "unknown-rule-in-ignore": ('[tool.openness-lint]\nselect = ["ALL"]\nignore = ["LIC001", "NOPE001"]\n', 3,
                               "ignore: unknown rule code or prefix 'NOPE001'"),
    "ignore-finding-without-reason": (
        '[tool.openness-lint]\nselect = ["ALL"]\nignore-findings = [{rule = "LIC001", path = "*"}]\n', 3,
        "reason (it is mandatory)"),
    "ignore-finding-without-reason-table-array": (
        '[tool.openness-lint]\nselect = ["ALL"]\n\n'
        '[[tool.openness-lint.ignore-findings]]\nrule = "LIC001"\npath = "*"\n', 4,
        "reason (it is mandatory)"),
    "duplicate-key": ('[tool.openness-lint]\nselect = ["ALL"]\nselect = ["LIC"]\n', 3, "invalid TOML"),
    "invalid-toml": ('[project]\nname = "x"\n[tool.openness-lint]\nselect = [ALL]\n', 4, "invalid TOML"),
}


def error_of(result) -> str:
    assert result.code == 2, result
    assert result.stdout == "", "a configuration error must stop before any report"
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("openness-lint: error: ")
    return lines[0]


@pytest.mark.parametrize("case", sorted(YAML_CASES))
def test_yaml_config_error_names_file_and_line(run_cli, make_repo, case):
    text, line, message = YAML_CASES[case]
    root = make_repo({"README.md": "# m\n", CONFIG: text}, name="release")
    error = error_of(run_cli("check", "release", cwd=root.parent))
    assert f"release/{CONFIG}:{line}: " in error
    assert message in error


@pytest.mark.parametrize("case", sorted(TOML_CASES))
def test_pyproject_config_error_names_file_and_line(run_cli, make_repo, case):
    text, line, message = TOML_CASES[case]
    root = make_repo({"README.md": "# m\n", "pyproject.toml": text}, name="release")
    error = error_of(run_cli("check", "release", cwd=root.parent))
    assert f"release/pyproject.toml:{line}: " in error
    assert message in error


def test_yaml_config_wins_over_pyproject(run_cli, make_repo):
    root = make_repo({CONFIG: "select: [OL]\n", "pyproject.toml": '[tool.openness-lint]\nbogus = 1\n'},
                     name="release")
    result = run_cli("check", "release", cwd=root.parent)
    assert result.code == 0, result  # LIC001 not selected; pyproject.toml never read


def test_pyproject_without_the_table_is_no_config(run_cli, make_repo):
    root = make_repo({"LICENSE": "MIT\n", "pyproject.toml": '[tool.other]\nbogus = 1\n'}, name="release")
    assert run_cli("check", "release", "--select", "LIC001", cwd=root.parent).code == 0


def test_explicit_config_file_is_used(run_cli, make_repo, tmp_path):
    make_repo({"README.md": "# m\n"}, name="release")
    config = tmp_path / "path" / "to" / "file.yaml"
    config.parent.mkdir(parents=True)
    config.write_text("select: [LIC001]\nseverity:\n  LIC001: warning\n", encoding="utf-8")
    result = run_cli("check", "release", "--config", "path/to/file.yaml", cwd=tmp_path)
    assert result.code == 0, result
    assert "warning LIC001" in result.stdout


def test_explicit_config_file_error_names_that_file_and_line(run_cli, make_repo, tmp_path):
    # A .openness-lint.yaml in the release must not be read when --config is given.
    make_repo({"README.md": "# m\n", CONFIG: "select: [ALL]\n"}, name="release")
    config = tmp_path / "path" / "to" / "file.yaml"
    config.parent.mkdir(parents=True)
    config.write_text("select: [LIC]\n\nnope: 1\n", encoding="utf-8")
    error = error_of(run_cli("check", "release", "--config", "path/to/file.yaml", cwd=tmp_path))
    assert "path/to/file.yaml:3: unknown key 'nope'" in error


def test_explicit_config_that_does_not_exist(run_cli, make_repo, tmp_path):
    make_repo({"README.md": "# m\n"}, name="release")
    error = error_of(run_cli("check", "release", "--config", "path/to/missing.yaml", cwd=tmp_path))
    assert "path/to/missing.yaml" in error and "not found" in error
