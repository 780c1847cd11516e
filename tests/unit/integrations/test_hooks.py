""".pre-commit-hooks.yaml: the whole-repository hook and its governance-only variant."""

from __future__ import annotations

import re

import pytest
from ruamel.yaml import YAML

from tests.conftest import ROOT


def hooks() -> dict[str, dict]:
    data = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    return {hook["id"]: hook for hook in data}


def test_both_hooks_check_the_whole_repository():
    found = hooks()
    assert set(found) == {"openness-lint", "openness-lint-governance"}
    for hook in found.values():
        assert hook["entry"] == "openness-lint check"
        assert hook["language"] == "python"
    # the full hook takes no names; the governance hook gets the staged files
    # and runs the rules they can affect (staged-files mode)
    assert found["openness-lint"]["pass_filenames"] is False
    assert found["openness-lint-governance"]["pass_filenames"] is True
    assert found["openness-lint"]["always_run"] is True
    assert "files" not in found["openness-lint"]
    assert not found["openness-lint-governance"].get("always_run", False)


@pytest.mark.parametrize("path", [
    "LICENSE", "LICENSE.md", "LICENCE", "COPYING", "NOTICE", "DATA_LICENSE", "models/a/LICENSE-weights.txt",
    "LICENSES/MIT.txt", "REUSE.toml", ".reuse/dep5",
    "README.md", "models/base/README.md", "MODEL_CARD.md", "data_card.md", "datasheet.md", "model_cards/v2.md",
    "CITATION.cff", "USE_POLICY.md", "acceptable-use-policy.md", "AUP.md", "responsible_use_policy.txt",
    "SECURITY.md", ".github/SECURITY.md", ".well-known/security.txt", "CODE_OF_CONDUCT.md",
    ".github/ISSUE_TEMPLATE/report.yml", "mof.yaml", ".mof.yaml", "pyproject.toml", "setup.cfg", "package.json",
    ".openness-lint.yaml", "sub/.openness-lint.yml",
])
def test_governance_files_trigger_the_fast_hook(path):
    assert re.search(hooks()["openness-lint-governance"]["files"], path), path


@pytest.mark.parametrize("path", [
    "train.py", "model.safetensors", "data/train.jsonl", "src/model.py", "docs/usage.md", "notebooks/readme_demo.py",
    "config.json", "securityx/scan.py",
])
def test_other_files_do_not(path):
    assert not re.search(hooks()["openness-lint-governance"]["files"], path), path


def test_readme_documents_both_hooks_with_a_pinned_rev():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "## pre-commit\n" in readme and "(coming)" not in readme
    section = readme.split("## pre-commit\n", 1)[1].split("\n## ", 1)[0]
    for hook_id in hooks():
        assert f"id: {hook_id}" in section
    assert re.search(r"^\s+rev: v\d+\.\d+\.\d+\b", section, re.M)
