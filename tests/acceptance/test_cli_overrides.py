"""Command-line options override the configuration file."""

from __future__ import annotations

import pytest

from tests.acceptance.helpers import validate_report


@pytest.fixture
def release(make_repo):
    """A release without a license whose config selects only the OL rules."""
    return make_repo({"README.md": "# m\n", ".openness-lint.yaml": "select: [OL]\n"}, name="release")


def rules_reported(run_cli, release, *args: str) -> tuple[int, list[str]]:
    result = run_cli("check", release.name, "--format", "json", *args, cwd=release.parent)
    return result.code, [f["rule"] for f in validate_report(result.stdout)["findings"]]


def test_config_select_applies(run_cli, release):
    assert rules_reported(run_cli, release) == (0, [])


def test_select_option_overrides_config_select(run_cli, release):
    code, rules = rules_reported(run_cli, release, "--select", "LIC")
    assert code == 1 and "LIC001" in rules
    assert all(rule.startswith("LIC") for rule in rules)


def test_ignore_option_removes_the_rule_again(run_cli, release):
    code, rules = rules_reported(run_cli, release, "--select", "LIC", "--ignore", "LIC001")
    assert code != 2 and "LIC001" not in rules
    assert all(rule.startswith("LIC") for rule in rules)


def test_ignore_option_overrides_config_ignore(run_cli, make_repo):
    root = make_repo({"README.md": "# m\n", ".openness-lint.yaml": "ignore: [LIC001]\n"})
    assert rules_reported(run_cli, root, "--select", "LIC001,OL") == (0, [])
    # --ignore replaces the config's list, so LIC001 is no longer ignored.
    assert rules_reported(run_cli, root, "--select", "LIC001,OL", "--ignore", "OL003") == (1, ["LIC001"])


def test_comma_separated_and_repeated_selectors(run_cli, release):
    assert rules_reported(run_cli, release, "--select", "OL001,LIC001") == (1, ["LIC001"])
    assert rules_reported(run_cli, release, "--select", "OL001", "--select", "LIC001") == (1, ["LIC001"])


def test_min_level_option_overrides_config(run_cli, make_repo):
    root = make_repo({"LICENSE": "MIT\n", ".openness-lint.yaml": "min-level: mof:III\n"})
    result = run_cli("check", root.name, "--format", "json", "--min-level", "mof:class-i",
                     "--select", "LVL", cwd=root.parent)
    report = validate_report(result.stdout)
    (finding,) = report["findings"]
    assert finding["rule"] == "LVL001"
    assert (finding["path"], finding["line"]) == (None, None)  # the option, not the file's line
    assert report["level"]["required"] == "I"  # the option's level, in canonical form
    assert result.code == 1


def test_exclude_option_adds_to_config(run_cli, make_repo):
    root = make_repo({"README.md": "# m\n", "COPYING": b"\x00binary", "LICENSE": b"\x00binary",
                      ".openness-lint.yaml": "exclude: [COPYING]\n"})
    focus = ("--select", "OL,LIC001")
    # LICENSE is unreadable, so it licenses nothing (LIC001) and says why (OL001); COPYING is excluded
    assert rules_reported(run_cli, root, *focus) == (1, ["LIC001", "OL001"])
    assert rules_reported(run_cli, root, *focus, "--exclude", "LICENSE") == (1, ["LIC001"])
