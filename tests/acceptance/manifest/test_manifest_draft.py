"""`openness-lint manifest` drafts a Model Openness Tool manifest from the
evidence, and the level says what linked components would reach.

The release below keeps its code, its model card and its licenses in git,
and links its weights and its dataset on the Hugging Face Hub and its paper
on arXiv, as lab releases do: the shape of the model releases in the trials
(weights on the Hub, data on the Hub, the paper on arXiv), written anew.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from openness_lint.text import yamlio

from tests.acceptance.helpers import EXAMPLES
from tests.helpers.levels import of_rule, standard

HUB_MODEL = "https://huggingface.co/example-lab/tiny-lm"
HUB_DATA = "https://huggingface.co/datasets/example-lab/tiny-corpus"
PAPER = "https://arxiv.org/abs/2601.01234"
README = f"""\
---
license: cc-by-4.0
pipeline_tag: text-generation
---
# tiny-lm

[Paper]({PAPER}) | [Weights]({HUB_MODEL}) | [Training data]({HUB_DATA})

A small language model. The weights are on the [Hub]({HUB_MODEL}), trained
on [tiny-corpus]({HUB_DATA}).

## Uses

Research on small models.

## Bias, Risks, and Limitations

It makes things up.

## Evaluation

| task | accuracy |
|---|---|
| toy | 0.5 |

## License

The code is MIT. The model weights and the dataset are released under CC-BY-4.0.
"""
FILES = {
    "LICENSE": standard("MIT"),
    "README.md": README,
    "model.py": "class TinyLM:\n    pass\n",
    "train.py": "print('train')\n",
}
LINKED = {("model-parameters", HUB_MODEL, 7), ("datasets", HUB_DATA, 7), ("research-paper", PAPER, 7)}


def check_json(run_cli, root: Path) -> tuple[int, dict]:
    result = run_cli("check", str(root), "--format", "json")
    assert result.code in (0, 1), result
    return result.code, json.loads(result.stdout)


def test_the_verdict_names_the_linked_components_and_their_class(make_repo, run_cli):
    _, report = check_json(run_cli, make_repo(FILES))
    level = report["level"]
    assert level["achieved"] == "unclassified"  # links never count
    found = {(i["component"], i["url"], i["line"]) for i in level["linked_not_declared"]}
    assert LINKED <= found
    by_component = {i["component"]: i for i in level["linked_not_declared"]}
    assert by_component["model-parameters"]["license"] == "CC-BY-4.0"  # the README's statement covers them
    assert by_component["datasets"]["license"] == "CC-BY-4.0"
    assert by_component["research-paper"]["license"] is None  # nothing in the repository licenses the paper
    for words in ("model parameters (final) (Hub model page)", "datasets (Hub dataset page)",
                  "research paper (paper on arXiv)", "this release would", "openness-lint manifest"):
        assert words in level["verdict"]
    assert level["would_reach"] in ("unclassified", "III", "II", "I")
    lines = {(f["path"], f["line"], f["component"]) for f in of_rule(report, "LVL009")}
    assert {("README.md", 7, cid) for cid, _, _ in LINKED} <= lines


@pytest.mark.parametrize("fmt", ["text", "markdown", "github"])
def test_every_output_says_the_way_forward(fmt, make_repo, run_cli):
    out = run_cli("check", str(make_repo(FILES)), "--format", fmt).stdout
    assert "linked but not declared" in out or "is linked here" in out
    assert "openness-lint manifest" in out


def test_sarif_carries_the_linked_components_at_their_lines(make_repo, run_cli):
    sarif = json.loads(run_cli("check", str(make_repo(FILES)), "--format", "sarif").stdout)
    results = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "LVL009"]
    spots = {(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
              r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results}
    assert spots == {("README.md", 7)}
    assert "linked but not declared" in sarif["runs"][0]["properties"]["openness-lint/level"]


def test_the_draft_declares_the_three_linked_components_with_their_lines(make_repo, run_cli):
    result = run_cli("manifest", str(make_repo(FILES)))
    assert result.code == 0, result
    data = yamlio.load(result.stdout)
    entries = {item["name"]: item for item in data["release"]["components"]}
    assert entries["Model parameters (Final)"]["component_path"] == HUB_MODEL
    assert entries["Model parameters (Final)"]["license"] == "CC-BY-4.0"
    assert entries["Datasets"]["component_path"] == HUB_DATA
    assert entries["Research paper"] == {**entries["Research paper"], "component_path": PAPER, "license": "unlicensed"}
    assert entries["Training code"]["component_path"] == "train.py"
    assert entries["Training code"]["license"] == "MIT"
    for line in result.stdout.splitlines():
        if line.strip().startswith("- name: ") and any(n in line for n in ("Final", "Datasets", "Research")):
            assert "# linked: README.md:7" in line
        elif line.strip().startswith("- name: Training code"):
            assert "# repository: train.py" in line


def test_declaring_the_draft_counts_the_linked_components(make_repo, run_cli):
    root = make_repo(FILES)
    draft = run_cli("manifest", str(root), "-o", str(root / "mof.yaml"))
    assert draft.code == 0, draft
    _, report = check_json(run_cli, root)
    level = report["level"]
    assert level["linked_not_declared"] == []
    assert {"model-parameters", "datasets", "research-paper"} <= set(level["declared_not_verified"])
    codes = {f["rule"] for f in report["findings"]}
    assert not codes & {"LVL002", "LVL003", "LVL005", "LVL008"}, report["findings"]


def test_the_complete_example_keeps_its_class_with_its_draft(tmp_path, run_cli):
    root = tmp_path / "complete-release"
    shutil.copytree(EXAMPLES / "complete-release", root)
    before = json.loads(run_cli("level", str(root), "--format", "json").stdout)["achieved"]
    assert run_cli("manifest", str(root), "-o", str(root / "mof.yaml")).code == 0
    _, report = check_json(run_cli, root)
    assert report["level"]["achieved"] == before == "II"
    errors = [f for f in report["findings"] if f["rule"].startswith("LVL") and f["severity"] == "error"]
    assert errors == []


def test_it_never_overwrites_without_force(make_repo, run_cli):
    root = make_repo(FILES)
    target = root / "mof.yaml"
    target.write_text("keep me\n", encoding="utf-8")
    refused = run_cli("manifest", str(root), "-o", str(target))
    assert refused.code == 2 and "use --force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "keep me\n"
    forced = run_cli("manifest", str(root), "-o", str(target), "--force")
    assert forced.code == 0 and target.read_text(encoding="utf-8").startswith("# A draft release manifest")


def test_it_writes_nothing_into_the_repository_by_default(make_repo, run_cli):
    root = make_repo(FILES)
    before = sorted(p.name for p in root.iterdir())
    assert run_cli("manifest", str(root)).code == 0
    assert sorted(p.name for p in root.iterdir()) == before


def test_a_monorepo_root_asks_for_a_release_folder(make_repo, run_cli):
    files = {"LICENSE": standard("MIT")}
    for name in ("alpha", "beta"):
        files[f"models/{name}/README.md"] = README.replace("# tiny-lm", f"# {name}")
        files[f"models/{name}/model.safetensors"] = b"\x00" * 16
        files[f"models/{name}/config.json"] = '{"architectures": ["TinyForCausalLM"]}\n'
    root = make_repo(files)
    result = run_cli("manifest", str(root))
    assert result.code == 2 and "2 releases (models/alpha, models/beta)" in result.stderr
    one = run_cli("manifest", str(root / "models" / "alpha"))
    assert one.code == 0 and "name: alpha" in one.stdout
