"""Staged-files mode gives, for the rules it runs, exactly a full run's findings."""

from __future__ import annotations

import json

import pytest
from openness_lint import staged

from tests.conftest import EXAMPLES

CASES = [
    ("complete-release", ["README.md"]),
    ("complete-release", ["LICENSE"]),
    ("complete-release", ["SECURITY.md", "USE_POLICY.md"]),
    ("complete-release", ["train.py"]),
    ("complete-release", ["model.safetensors"]),
    ("complete-release", ["data/README.md", "docs/technical-report.md"]),
    ("gappy-release", ["README.md"]),
    ("gappy-release", ["DATA_LICENSE"]),
    ("gappy-release", ["model.safetensors"]),
    ("gappy-release", ["README.md", "DATA_LICENSE"]),
]


def findings(run_cli, cwd, *args):
    result = run_cli("check", *args, "--format", "json", cwd=cwd)
    assert result.code in (0, 1), result
    report = json.loads(result.stdout)
    return result.code, report, sorted(json.dumps(f, sort_keys=True) for f in report["findings"])


def selected(finding: str, prefixes: list[str]) -> bool:
    rule = json.loads(finding)["rule"]
    return prefixes == ["ALL"] or any(rule.startswith(p) for p in prefixes)


@pytest.mark.parametrize(("example", "changed"), CASES, ids=lambda c: "+".join(c) if isinstance(c, list) else c)
def test_staged_findings_equal_the_full_run_for_the_affected_rules(run_cli, example, changed):
    root = EXAMPLES / example
    assert all((root / name).is_file() for name in changed)
    _, full_report, full = findings(run_cli, root)
    prefixes = staged.affected(changed)
    code, report, partial = findings(run_cli, root, *changed)
    expected = [f for f in full if selected(f, prefixes) and json.loads(f)["rule"] != "OL003"]
    assert partial == expected
    if prefixes == ["ALL"] or "LVL" in prefixes:
        assert report["level"] == full_report["level"]  # the gate is the full run's gate
    else:
        assert report["level"] is None


def test_config_change_runs_every_rule(run_cli, make_repo):
    root = make_repo({".openness-lint.yaml": "select: [ALL]\n", "README.md": "# m\n"}, git_init=True)
    _, _, full = findings(run_cli, root)
    _, _, partial = findings(run_cli, root, ".openness-lint.yaml")
    assert partial == [f for f in full if json.loads(f)["rule"] != "OL003"]


def test_affected_rules_follow_the_file_kinds():
    assert staged.affected([".openness-lint.yaml"]) == ["ALL"]
    assert staged.affected(["./mof.yaml"]) == ["ALL"]
    assert staged.affected(["models/a/LICENSE"]) == ["AUP", "CRD", "DOC", "LIC", "LVL"]
    assert staged.affected(["SECURITY.md"]) == ["AUP", "LVL", "RPT"]
    assert staged.affected(["src/train.py"]) == ["LIC", "LVL"]
    assert set(staged.affected(["README.md"])) >= {"CRD", "DOC", "LIC"}


def test_a_folder_among_file_names_is_a_usage_error(run_cli):
    result = run_cli("check", ".", "README.md", cwd=EXAMPLES / "gappy-release")
    assert result.code == 2 and "file names only" in result.stderr
