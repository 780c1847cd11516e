"""examples/workflows: ready to copy, using only inputs the action has."""

from __future__ import annotations

import re

import pytest
from ruamel.yaml import YAML

from tests.conftest import ROOT

WORKFLOWS = ROOT / "examples" / "workflows"


def load(name: str) -> dict:
    return YAML(typ="safe").load((WORKFLOWS / name).read_text("utf-8"))


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def ours(workflow: dict) -> list[dict]:
    return [s for s in steps(workflow) if str(s.get("uses", "")).split("@")[0].endswith("/openness-lint")]


def action_inputs() -> set[str]:
    return set(YAML(typ="safe").load((ROOT / "action.yml").read_text("utf-8"))["inputs"])


@pytest.mark.parametrize("name", sorted(p.name for p in WORKFLOWS.glob("*.yml")))
def test_each_workflow_uses_the_action_with_known_inputs_and_safe_scripts(name):
    workflow = load(name)
    assert ours(workflow), "uses the action"
    for step in ours(workflow):
        assert re.fullmatch(r".+@v\d+\.\d+\.\d+", step["uses"]), "pinned to a release"
        assert set(step.get("with") or {}) <= action_inputs()
    for step in steps(workflow):
        assert "${{" not in step.get("run", ""), f"{name}: expressions go through env:"
    assert workflow["permissions"]["contents"] == "read"


def test_pull_request_gating():
    workflow = load("openness-pull-request.yml")
    assert "pull_request" in workflow["on"]  # YAML 1.2: `on` is a string
    assert ours(workflow)[0]["with"]["min-level"]


def test_sarif_upload_has_the_permission_it_needs():
    workflow = load("openness-code-scanning.yml")
    assert workflow["permissions"]["security-events"] == "write"
    sarif = ours(workflow)[0]["with"]["sarif-file"]
    upload = [s for s in steps(workflow) if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif@")]
    assert len(upload) == 1
    assert upload[0]["with"]["sarif_file"] == sarif
    assert upload[0]["if"] == "always()", "upload even when the check fails"


def test_scheduled_audit_of_several_paths():
    workflow = load("openness-audit.yml")
    assert workflow["on"]["schedule"][0]["cron"]
    job = workflow["jobs"]["audit"]
    assert len(job["strategy"]["matrix"]["path"]) >= 2
    assert job["strategy"]["fail-fast"] is False
    assert ours(workflow)[0]["with"]["path"] == "${{ matrix.path }}"


def test_release_bom_is_written_by_the_check_and_attached_to_the_release():
    workflow = load("openness-release-bom.yml")
    assert workflow["on"]["release"]["types"] == ["published"]
    job = workflow["jobs"]["bom"]
    assert job["permissions"] == {"contents": "write"}, "only this job may upload, and only release assets"
    bom_file = ours(workflow)[0]["with"]["bom-file"]
    upload = next(s for s in steps(workflow) if "gh release upload" in s.get("run", ""))
    assert upload["env"]["BOM"] == bom_file and "$TAG" in upload["run"] and "$BOM" in upload["run"]
