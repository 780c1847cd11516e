"""SARIF as GitHub code scanning needs it: every result located and fingerprinted."""

from __future__ import annotations

import json

import pytest

from tests.acceptance.helpers import EXAMPLES, RICH_NAME, build_rich_release, validate_report

LEVELS = {"error", "warning", "note", "none"}
DOC_HEADINGS = ("What it does", "Why is this bad?", "Example", "How to fix")


def sarif_and_json(run_cli, name, cwd, *args: str):
    sarif = json.loads(run_cli("check", name, "--format", "sarif", *args, cwd=cwd).stdout)
    report = validate_report(run_cli("check", name, "--format", "json", *args, cwd=cwd).stdout)
    return sarif, report


def assert_code_scanning_sarif(doc: dict) -> None:
    assert doc["version"] == "2.1.0"
    assert doc["$schema"].startswith("https://") and "sarif" in doc["$schema"]
    assert len(doc["runs"]) == 1
    run = doc["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "openness-lint"
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids and len(ids) == len(set(ids))
    for rule in driver["rules"]:
        assert rule["help"]["text"].strip()
        assert all(f"## {heading}" in rule["help"]["markdown"] for heading in DOC_HEADINGS)
        assert rule["shortDescription"]["text"].strip()
        assert rule["defaultConfiguration"]["level"] in LEVELS
    fingerprints = []
    for result in run["results"]:
        assert result["ruleId"] in ids
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in LEVELS
        assert result["message"]["text"].strip()
        assert result["locations"], result
        for location in result["locations"]:
            physical = location["physicalLocation"]
            uri = physical["artifactLocation"]["uri"]
            assert uri and not uri.startswith(("/", "file:")) and "\\" not in uri and uri != "."
            assert isinstance(physical["region"]["startLine"], int) and physical["region"]["startLine"] >= 1
        assert result["partialFingerprints"] and all(
            isinstance(v, str) and v for v in result["partialFingerprints"].values())
        fingerprints.append(json.dumps(result["partialFingerprints"], sort_keys=True))
    assert len(fingerprints) == len(set(fingerprints)), "two results share a fingerprint"


@pytest.mark.parametrize("name", ["gappy-release", "complete-release"])
def test_example_sarif_is_code_scanning_ready(run_cli, name):
    sarif, report = sarif_and_json(run_cli, name, EXAMPLES)
    assert_code_scanning_sarif(sarif)
    assert len(sarif["runs"][0]["results"]) == len(report["findings"])


def test_rich_release_sarif_locates_each_finding_at_its_file_and_line(run_cli, make_repo):
    root = build_rich_release(make_repo)
    sarif, report = sarif_and_json(run_cli, RICH_NAME, root.parent)
    assert_code_scanning_sarif(sarif)
    located = {(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                r["locations"][0]["physicalLocation"]["region"]["startLine"], r["level"])
               for r in sarif["runs"][0]["results"]}
    anchor = "README.md" if (root / "README.md").exists() else "."
    expected = {(f["rule"], f["path"] or anchor, f["line"] or 1, {"info": "note"}.get(f["severity"], f["severity"]))
                for f in report["findings"]}
    assert located == expected
    assert ("OL001", "LICENSE-CODE", 3, "error") in located  # severity raised by the config


def test_missing_file_finding_points_at_readme(run_cli):
    sarif, report = sarif_and_json(run_cli, "gappy-release", EXAMPLES, "--select", "LIC001")
    assert [(f["rule"], f["path"]) for f in report["findings"]] == [("LIC001", None)]
    (result,) = sarif["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    # URIs are relative to the top of the git work tree, as code scanning
    # expects; the example sits inside this repository's tree.
    assert location["artifactLocation"]["uri"] == "examples/gappy-release/README.md"
    assert location["region"]["startLine"] == 1


def test_sarif_and_annotation_paths_are_relative_to_the_git_top(run_cli, make_repo):
    top = make_repo({"LICENSE": "x", "models/a/README.md": "# a\n"}, git_init=True)
    sarif, report = sarif_and_json(run_cli, "models/a", top, "--select", "LIC001")
    assert report["findings"][0]["path"] is None
    uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "models/a/README.md"


def test_missing_file_prefers_readme_md_over_other_readmes(run_cli, make_repo):
    root = make_repo({"readme.txt": "old\n", "README.md": "# m\n", "Readme.rst": "m\n", "model.bin": b"\0"},
                     git_init=True)
    sarif = json.loads(run_cli("check", root.name, "--format", "sarif", "--select", "LIC001",
                               cwd=root.parent).stdout)
    assert_code_scanning_sarif(sarif)
    (result,) = sarif["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "README.md"


def test_missing_file_without_readme_md_uses_another_root_readme(run_cli, make_repo):
    root = make_repo({"README.rst": "Model\n=====\n", "docs/README.md": "# docs\n"})
    sarif = json.loads(run_cli("check", root.name, "--format", "sarif", "--select", "LIC001",
                               cwd=root.parent).stdout)
    assert_code_scanning_sarif(sarif)
    (result,) = sarif["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "README.rst"


def test_rule_index_follows_the_selected_rules(run_cli):
    sarif = json.loads(run_cli("check", "gappy-release", "--format", "sarif", "--select", "LIC001,OL003",
                               cwd=EXAMPLES).stdout)
    assert_code_scanning_sarif(sarif)
    assert [r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]] == ["LIC001", "OL003"]
    assert sarif["runs"][0]["results"][0]["ruleIndex"] == 0
