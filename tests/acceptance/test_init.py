"""openness-lint init: a starter config that loads, and never a silent overwrite."""

from __future__ import annotations

import shutil

from openness_lint.config import CONFIG_NAMES
from ruamel.yaml import YAML

from tests.acceptance.helpers import EXAMPLES, validate_report

CONFIG = ".openness-lint.yaml"
STARTER_KEYS = {"framework", "select", "ignore", "severity", "exclude", "ignore-findings", "packs", "require"}
USER_CONFIG = (
    "# our release policy\n"
    "select: [LIC]   # only licenses for now\n"
    "severity:\n"
    "  LIC001: warning  # legal is on it\n"
)


def keys(path) -> dict:
    return YAML(typ="safe").load(path.read_text("utf-8"))


def test_init_writes_a_config_that_check_loads(run_cli, make_repo):
    root = make_repo({"README.md": "# m\n"}, name="release")
    result = run_cli("init", "release", cwd=root.parent)
    assert result.code == 0, result
    assert CONFIG in result.stdout
    written = root / CONFIG
    assert set(keys(written)) == STARTER_KEYS
    assert written.read_text("utf-8").startswith("#")  # commented for the user
    check = run_cli("check", "release", "--format", "json", cwd=root.parent)
    assert check.code == 1, check  # loads cleanly; the missing license still fails
    assert "LIC001" in [f["rule"] for f in validate_report(check.stdout)["findings"]]


def test_generated_config_passes_check_on_a_complete_release(run_cli, tmp_path):
    root = tmp_path / "complete-release"
    shutil.copytree(EXAMPLES / "complete-release", root)
    assert not (root / CONFIG).exists()
    assert run_cli("init", cwd=root).code == 0
    assert (root / CONFIG).is_file()
    result = run_cli("check", cwd=root)
    assert result.code == 0, result
    assert result.stdout.endswith("openness-lint passed.\n")


def test_init_refuses_to_overwrite_without_a_terminal(run_cli, make_repo):
    root = make_repo({CONFIG: USER_CONFIG}, name="release")
    before = (root / CONFIG).read_bytes()
    # Even a "y" on standard input is no confirmation when it is not a terminal.
    result = run_cli("init", "release", cwd=root.parent, input="y\n")
    assert result.code == 2
    assert "already exists" in result.stderr and "--force" in result.stderr
    assert "Traceback" not in result.stderr
    assert (root / CONFIG).read_bytes() == before


def test_force_keeps_user_values_and_comments_and_adds_missing_keys(run_cli, make_repo):
    root = make_repo({"README.md": "# m\n", CONFIG: USER_CONFIG}, name="release")
    result = run_cli("init", "release", "--force", cwd=root.parent)
    assert result.code == 0, result
    text = (root / CONFIG).read_text("utf-8")
    for comment in ("# our release policy", "# only licenses for now", "# legal is on it"):
        assert comment in text
    data = keys(root / CONFIG)
    assert set(data) == STARTER_KEYS
    assert data["select"] == ["LIC"] and data["severity"] == {"LIC001": "warning"}
    # The merged file loads, and the user's settings are the ones in force.
    check = run_cli("check", "release", "--format", "json", cwd=root.parent)
    assert check.code in (0, 1), check
    findings = validate_report(check.stdout)["findings"]
    assert ("LIC001", "warning") in [(f["rule"], f["severity"]) for f in findings]
    assert all(f["rule"].startswith("LIC") for f in findings)


def test_force_twice_changes_nothing_the_second_time(run_cli, make_repo):
    root = make_repo({CONFIG: USER_CONFIG})
    assert run_cli("init", "--force", cwd=root).code == 0
    once = (root / CONFIG).read_text("utf-8")
    assert run_cli("init", "--force", cwd=root).code == 0
    assert (root / CONFIG).read_text("utf-8") == once


def test_force_updates_an_existing_yml_file_instead_of_adding_a_yaml_one(run_cli, make_repo):
    assert CONFIG_NAMES[1] == ".openness-lint.yml"
    root = make_repo({".openness-lint.yml": "select: [LIC]\n"})
    assert run_cli("init", "--force", cwd=root).code == 0
    assert not (root / CONFIG).exists()
    assert set(keys(root / ".openness-lint.yml")) == STARTER_KEYS


def test_force_keeps_a_config_that_holds_only_comments(run_cli, make_repo):
    # Every setting commented out: still the user's text, and it must survive.
    root = make_repo({CONFIG: "# keep: ask legal before enabling\n# select: [LIC]\n"})
    assert run_cli("init", "--force", cwd=root).code == 0
    text = (root / CONFIG).read_text("utf-8")
    assert "# keep: ask legal before enabling" in text
    assert "# select: [LIC]" in text
    assert set(keys(root / CONFIG)) == STARTER_KEYS


def test_force_refuses_a_config_that_is_not_a_mapping(run_cli, make_repo):
    root = make_repo({CONFIG: "- select\n- ALL\n"})
    result = run_cli("init", "--force", cwd=root)
    assert result.code == 2
    assert "not a mapping" in result.stderr and "Traceback" not in result.stderr
    assert (root / CONFIG).read_text("utf-8") == "- select\n- ALL\n"


def test_force_refuses_invalid_yaml_with_its_line(run_cli, make_repo):
    root = make_repo({CONFIG: "select: [ALL]\nignore: [LIC\n"}, name="release")
    result = run_cli("init", "release", "--force", cwd=root.parent)
    assert result.code == 2
    assert f"release/{CONFIG}:" in result.stderr and "invalid YAML" in result.stderr
    assert (root / CONFIG).read_text("utf-8") == "select: [ALL]\nignore: [LIC\n"
