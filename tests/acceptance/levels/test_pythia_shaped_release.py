"""Levels on a Pythia-shaped repository: code and cards in git, weights and
data on a hub, declared in mof.yaml.

The repository holds the code, the cards, the citation and the technical
report; the weights, the intermediate checkpoints, the datasets and the
evaluation data live on a hub, and mof.yaml declares them by URL.

By hand (FRAMEWORKS.md section 2), everything is under Apache-2.0 or the
manifest's open licenses:
- Class III 6/6: architecture (config.json), final weights (manifest),
  evaluation results (the card's table), model card, data card, report;
- Class II 10/10: + training, inference and evaluation code, evaluation
  data (manifest);
- Class I 14/14: + datasets, intermediate checkpoints and the research
  paper on arXiv (manifest), preprocessing code. A link to the paper alone
  does not count: it is a lead that the level's way forward names.
"""

from __future__ import annotations

import json

import pytest

from tests.helpers.levels import mot, of_rule, standard

ARXIV = "https://arxiv.org/abs/2304.01373"
CARD = """\
---
license: apache-2.0
language: [en]
library_name: transformers
pipeline_tag: text-generation
tags: [pytorch, causal-lm]
---
# Pythia-70M

A 70M-parameter GPT-NeoX model trained for interpretability research.
Read the [technical report](docs/technical_report.md).

## Model Details

Decoder-only transformer; see config.json.

## Uses

Research on how language models learn.

## Training Data

The deduplicated Pile; see DATA_CARD.md.

## Training Procedure

143,000 steps; the scripts are in training/.

## Evaluation

| Task | Accuracy |
|---|---|
| LAMBADA | 0.19 |

## Bias, Risks, and Limitations

The model may produce offensive or false text.

## Model Card Contact

security@pythia.example
"""
CITATION = f"""\
cff-version: 1.2.0
message: If you use this model, please cite the paper.
title: "Pythia: a suite for analysing large language models"
authors: [{{name: Example Lab}}]
url: {ARXIV}
"""
HOSTED = [
    ("Model parameters (Final)", "Apache-2.0", "https://huggingface.co/example/pythia-70m"),
    ("Model parameters (Intermediate)", "Apache-2.0", "https://huggingface.co/example/pythia-70m/tree/step1000"),
    ("Datasets", "MIT", "https://huggingface.co/datasets/example/pile-deduped"),
    ("Evaluation data", "MIT", "https://huggingface.co/datasets/example/lambada"),
    ("Research paper", "CC-BY-4.0", ARXIV),
]


def pythia(components=HOSTED, **changes: str | None) -> dict[str, str]:
    files = {
        "LICENSE": standard("Apache-2.0"),
        "README.md": CARD,
        "config.json": '{"architectures": ["GPTNeoXForCausalLM"], "hidden_size": 512, "num_hidden_layers": 6}\n',
        "generation_config.json": '{"max_new_tokens": 64}\n',
        "requirements.txt": "torch\ntransformers\n",
        "training/train.py": "print('train')\n",
        "evaluate.py": "print('evaluate')\n",
        "generate.py": "print('generate')\n",
        "preprocess_data.py": "print('tokenize and deduplicate')\n",
        "CITATION.cff": CITATION,
        "docs/technical_report.md": "# Pythia technical report\n\nHow the suite was trained.\n",
        "DATA_CARD.md": "# Data card\n\n## Dataset Description\n\nThe deduplicated Pile.\n",
        "mof.yaml": mot(components),
        ".openness-lint.yaml": "min-level: mof:I\n",
    }
    for path, content in changes.items():
        path = path.replace("__", "/").replace("_DOT_", ".")
        if content is None:
            files.pop(path)
        else:
            files[path] = content
    return files


def run(run_cli, root):
    result = run_cli("check", str(root), "--format", "json")
    assert result.code in (0, 1), result
    return result.code, json.loads(result.stdout)


def test_pythia_reaches_class_i(make_repo, run_cli):
    code, report = run(run_cli, make_repo(pythia()))
    level = report["level"]
    assert (level["framework"], level["achieved"], level["required"], level["passed"]) == ("mof", "I", "I", True)
    assert level["progress"] == {"III": 100, "II": 100, "I": 100}
    assert level["verdict"] == "MOF Class I (Open Science)."
    assert not of_rule(report, "LVL001")
    assert not [f for f in report["findings"] if f["severity"] == "error"], report["findings"]
    assert code == 0


def test_hosted_components_are_declared_not_verified(make_repo, run_cli):
    _, report = run(run_cli, make_repo(pythia()))
    criteria = report["level"]["frameworks"]["columbia"]["criteria"]
    for cid in ("weights-pretrained", "weights-intermediate", "data-pretraining", "data-evaluation"):
        assert criteria[cid]["source"] == "manifest, not verified"
    assert criteria["code-pretraining"]["source"] == "files"
    assert set(report["level"]["declared_not_verified"]) == {
        "model-parameters", "model-parameters-intermediate", "datasets", "evaluation-data", "research-paper"}
    assert not of_rule(report, "LVL002")  # URLs are not looked for in the repository


@pytest.mark.parametrize(("changes", "where"), [
    ({"CITATION_DOT_cff": None,
      "README_DOT_md": CARD.replace("# Pythia-70M\n", f"# Pythia-70M\n\n[Paper]({ARXIV})\n")}, ("README.md", 10)),
    ({}, ("CITATION.cff", 5)),  # the CITATION.cff url alone
], ids=["readme-arxiv-link", "citation-cff"])
def test_a_linked_paper_shows_the_way_to_class_i(changes, where, make_repo, run_cli):
    hosted = [item for item in HOSTED if item[0] != "Research paper"]
    code, report = run(run_cli, make_repo(pythia(hosted, **changes)))
    level = report["level"]
    assert code == 1 and level["achieved"] == "II"  # the link never counts: the gate stays honest
    assert [(i["component"], i["url"], i["path"], i["line"]) for i in level["linked_not_declared"]] == [
        ("research-paper", ARXIV, *where)]
    # no file states the paper's license, so declared as it stands it is unlicensed
    assert level["would_reach"] == "II"
    assert "1 component is linked but not declared: research paper (paper on arXiv): declared with their " \
           "current licenses, this release would still be Class II (Open Tooling); no license is known for " \
           "research paper, and with open licenses stated it would be Class I (Open Science). Run " \
           "`openness-lint manifest` to draft them." in level["verdict"]
    assert [(f["path"], f["line"]) for f in of_rule(report, "LVL009")] == [where]


def test_without_the_manifest_the_weights_are_missing(make_repo, run_cli):
    # Class III 5/6: the final weights live on the hub and nothing declares them.
    code, report = run(run_cli, make_repo(pythia(mof_DOT_yaml=None)))
    assert code == 1
    assert report["level"]["achieved"] == "unclassified"
    assert report["level"]["progress"] == {"III": 83, "II": 0, "I": 0}
    assert "model parameters (final)" in of_rule(report, "LVL001")[0]["message"]


@pytest.mark.parametrize("name, cid", [
    ("Datasets", "datasets"),
    ("Model parameters (Intermediate)", "model parameters (intermediate)"),
    ("Evaluation data", "evaluation data"),
])
def test_one_non_commercial_component_fails_class_i(name, cid, make_repo, run_cli):
    components = [(n, "CC-BY-NC-4.0" if n == name else lic, url) for n, lic, url in HOSTED]
    code, report = run(run_cli, make_repo(pythia(components)))
    assert code == 1
    assert report["level"]["passed"] is False
    gate = of_rule(report, "LVL001")
    assert len(gate) == 1 and gate[0]["severity"] == "error"
    assert (gate[0]["path"], gate[0]["line"]) == (".openness-lint.yaml", 1)
    assert cid in gate[0]["message"] and "CC-BY-NC-4.0" in gate[0]["message"]


def test_non_commercial_datasets_in_detail(make_repo, run_cli):
    components = [(n, "CC-BY-NC-4.0" if n == "Datasets" else lic, url) for n, lic, url in HOSTED]
    _, report = run(run_cli, make_repo(pythia(components)))
    level = report["level"]
    # III and II are untouched; I is 13/14 = 92.9.
    assert (level["achieved"], level["progress"]) == ("II", {"III": 100, "II": 100, "I": 93})
    assert level["frameworks"]["mof"]["blocking"]["I"] == [
        {"component": "datasets", "reason": "license not open", "license": "CC-BY-NC-4.0"}]
    assert of_rule(report, "LVL001")[0]["message"].endswith("datasets (CC-BY-NC-4.0 is not open)")
    # The same run carries the other two frameworks.
    osaid = level["frameworks"]["osaid"]
    assert (osaid["kind"], osaid["achieved"]) == ("binary", "open")  # OSAID does not ask for the data itself
    assert osaid["verdict"] == "Open Source AI Definition 1.0: Open Source AI."
    columbia = level["frameworks"]["columbia"]
    # Open: preprocessing, pre-training, libraries and inference code (4); evaluation data (1);
    # final and intermediate weights (2); datasheet, model card, evaluation, paper, report (5);
    # code and model licenses (2); the card's contact (1). Restricted: the datasets (0.5) and
    # the data license (0.5): the data card states none, and the root LICENSE above it is a
    # code license, which says nothing of data. 16 / 35, level floor(2.29) = 2.
    assert (columbia["kind"], columbia["score"], columbia["max"], columbia["achieved"]) == ("criteria", 16, 35, "2")
    assert columbia["criteria"]["dist-data-license"]["status"] == "restricted"
    assert columbia["criteria"]["data-pretraining"]["status"] == "restricted"


def test_level_command_on_pythia(make_repo, run_cli):
    root = make_repo(pythia())
    result = run_cli("level", str(root), "--format", "json")
    assert result.code == 0
    level = json.loads(result.stdout)
    assert {fid: data["achieved"] for fid, data in level["frameworks"].items()} == {
        "mof": "I", "osaid": "open", "columbia": "2"}
    text = run_cli("level", str(root)).stdout
    assert "mof: MOF Class I (Open Science)." in text
    assert "gate mof:I: passed" in text
