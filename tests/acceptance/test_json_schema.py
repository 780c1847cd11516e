"""Every JSON report validates against the schema the package ships."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest

from tests.acceptance.helpers import EXAMPLES, RICH_NAME, build_rich_release, validate_report


@pytest.mark.parametrize("name", ["gappy-release", "complete-release"])
def test_stdout_and_json_file_reports_validate(run_cli, tmp_path, name):
    out = tmp_path / f"{name}.json"
    result = run_cli("check", name, "--format", "json", "--json", str(out), cwd=EXAMPLES)
    assert result.code in (0, 1), result
    printed = validate_report(result.stdout)
    written = validate_report(out.read_text("utf-8"))
    assert printed == written


def test_rich_release_report_validates_with_every_severity(run_cli, make_repo, tmp_path):
    build_rich_release(make_repo)
    out = tmp_path / "out.json"
    result = run_cli("check", RICH_NAME, "--format", "text", "--json", str(out), "--select", "OL,LVL",
                     cwd=tmp_path)
    assert result.code == 1
    report = validate_report(out.read_text("utf-8"))
    assert report["summary"] == {"error": 1, "warning": 1, "info": 2}
    assert {f["severity"] for f in report["findings"]} == {"error", "warning", "info"}
    assert all(f["line"] is not None for f in report["findings"])


def test_schema_rejects_a_broken_report(run_cli):
    """The validation above is not vacuous: the schema does reject bad reports."""
    good = validate_report(run_cli("check", "gappy-release", "--format", "json", cwd=EXAMPLES).stdout)
    breakages = [
        lambda r: r.pop("summary"),
        lambda r: r.__setitem__("schema_version", 1),
        lambda r: r["findings"][0].__setitem__("severity", "fatal"),
        lambda r: r["findings"][0].__setitem__("rule", "lic001"),
        lambda r: r["findings"][0].__setitem__("line", 0),
        lambda r: r["components"].__setitem__("not-a-component", {"present": True, "license": None, "evidence": []}),
    ]
    for breakage in breakages:
        broken = copy.deepcopy(good)
        breakage(broken)
        with pytest.raises(jsonschema.ValidationError):
            validate_report(json.loads(json.dumps(broken)))


def test_a_monorepo_report_lists_each_finding_once(run_cli, make_repo):
    """Schema 2: findings live in the top-level list only, each naming its release."""
    card = "---\nlicense: mit\n---\n# m\n\nA model.\n"
    root = make_repo({"models/a/README.md": card, "models/b/README.md": card})
    report = validate_report(run_cli("check", str(root), "--format", "json").stdout)
    assert set(report["releases"]) == {"models/a", "models/b"}
    assert all("findings" not in release for release in report["releases"].values())
    by_release = {name: sum(1 for f in report["findings"] if f.get("release") == name) for name in report["releases"]}
    for name, release in report["releases"].items():
        assert sum(release["summary"].values()) == by_release[name] > 0
    repeated = copy.deepcopy(report)
    repeated["releases"]["models/a"]["findings"] = []
    with pytest.raises(jsonschema.ValidationError):
        validate_report(repeated)
