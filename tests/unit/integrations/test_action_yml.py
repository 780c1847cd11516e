"""action.yml: the inputs and outputs the README promises, all passed through env:."""

from __future__ import annotations

import re

from ruamel.yaml import YAML

from tests.conftest import ROOT

INPUTS = {"path": ".", "config": "", "min-level": "", "format": "github", "sarif-file": "", "bom-file": "",
          "summary": "true", "version": "", "args": ""}
OUTPUTS = {"level", "passed", "errors", "warnings", "exit-code"}


def action() -> dict:
    return YAML(typ="safe").load((ROOT / "action.yml").read_text("utf-8"))


def test_composite_with_the_documented_inputs_and_outputs():
    data = action()
    assert data["runs"]["using"] == "composite"
    assert {name: spec["default"] for name, spec in data["inputs"].items()} == INPUTS
    assert set(data["outputs"]) == OUTPUTS
    for name, spec in data["outputs"].items():
        assert spec["value"] == f"${{{{ steps.lint.outputs.{name} }}}}"
        assert spec["description"].strip()


def test_no_expression_and_no_eval_inside_a_script():
    for step in action()["runs"]["steps"]:
        assert "${{" not in step["run"], step["id"]
        assert not re.search(r"\beval\b", step["run"]), step["id"]
        assert step["shell"] == "bash"


def test_every_input_reaches_a_step_through_env():
    used = set()
    for step in action()["runs"]["steps"]:
        for value in (step.get("env") or {}).values():
            used.update(re.findall(r"\$\{\{\s*inputs\.([a-z-]+)\s*\}\}", str(value)))
    assert used == set(INPUTS)


def test_installs_from_the_action_checkout_into_runner_temp():
    install = action()["runs"]["steps"][0]["run"]
    assert '"$GITHUB_ACTION_PATH"' in install and "$RUNNER_TEMP/" in install
    assert action()["runs"]["steps"][1]["run"].strip().endswith("-I -m openness_lint.action")


def test_readme_documents_every_input_and_output():
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("## GitHub Action\n", 1)[1].split("\n## ", 1)[0]
    for name in [*INPUTS, *OUTPUTS]:
        assert f"`{name}`" in section, name
