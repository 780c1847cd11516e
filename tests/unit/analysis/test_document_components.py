"""model-card, data-card, evaluation-results, research-paper and technical-report."""

from __future__ import annotations

import pytest
from openness_lint.analysis.components import detect_all

from tests.helpers.cards import FULL_MODEL_BODY, card, context

INDEX = ("model-index:\n  - name: m\n    results:\n      - task: {type: t}\n"
         "        dataset: {type: d, name: D}\n        metrics: [{type: accuracy, value: 1}]")


def component(make_repo, files: dict[str, str | bytes], cid: str):
    return detect_all(context(make_repo(files)))[cid]


def test_cards_fill_their_components_with_evidence(make_repo):
    files = {"README.md": card("license: mit"), "models/b/MODEL_CARD.md": "x", "datasheet.md": "x"}
    model = component(make_repo, files, "model-card")
    assert (model.present, model.evidence) == (True, ["README.md", "models/b/MODEL_CARD.md"])
    data = component(make_repo, files, "data-card")
    assert (data.present, data.evidence) == (True, ["datasheet.md"])


def test_no_cards(make_repo):
    files = {"README.md": "# tool\n"}
    assert not component(make_repo, files, "model-card").present
    assert not component(make_repo, files, "data-card").present


def test_a_valid_model_index_is_evaluation_results(make_repo):
    status = component(make_repo, {"README.md": card(INDEX)}, "evaluation-results")
    assert (status.present, status.evidence) == (True, ["README.md:2"])


def test_an_invalid_model_index_is_not(make_repo):
    broken = INDEX.replace("value: 1", "value: null")
    assert not component(make_repo, {"README.md": card(broken)}, "evaluation-results").present


def test_a_results_table_under_an_evaluation_heading(make_repo):
    body = FULL_MODEL_BODY.replace("Not measured.", "### Results\n\n| split | accuracy |\n|---|---:|\n| test | 0.9 |")
    status = component(make_repo, {"README.md": card("license: mit", body)}, "evaluation-results")
    assert status.present
    assert status.evidence == [f"README.md:{card('license: mit', body).splitlines().index('| split | accuracy |') + 1}"]


def test_a_table_elsewhere_is_not_evaluation_results(make_repo):
    body = FULL_MODEL_BODY.replace("One pass of a counting script.", "| a | b |\n|---|---|\n| 1 | 2 |")
    assert not component(make_repo, {"README.md": card("license: mit", body)}, "evaluation-results").present


@pytest.mark.parametrize("name", ["eval_results.json", "results/evaluation.md", "reports/eval-report.pdf",
                                  "all_results.json", "benchmark_results.csv"])
def test_an_evaluation_report_file(make_repo, name):
    status = component(make_repo, {name: "x"}, "evaluation-results")
    assert (status.present, status.evidence) == (True, [name])


@pytest.mark.parametrize("name", ["eval_report.py", "evaluation/data.jsonl", "evaluate.py"])
def test_code_and_data_are_not_evaluation_reports(make_repo, name):
    assert not component(make_repo, {name: "x"}, "evaluation-results").present


@pytest.mark.parametrize(("files", "evidence"), [
    ({"paper/main.pdf": b"%PDF-1.7\x00"}, "paper/main.pdf"),
    ({"docs/2401.01234.pdf": b"%PDF"}, "docs/2401.01234.pdf"),
])
def test_research_paper(make_repo, files, evidence):
    status = component(make_repo, files, "research-paper")
    assert (status.present, status.evidence) == (True, [evidence])


@pytest.mark.parametrize("files", [
    {"README.md": "# x\n\nRead [our paper](https://arxiv.org/abs/2401.01234).\n"},
    {"README.md": "# x\n\nPaper: https://doi.org/10.1145/1234567.7654321\n"},
    {"CITATION.cff": 'cff-version: "1.2.0"\npreferred-citation:\n  doi: 10.48550/arXiv.2401.01234\n'},
    {"MODEL_CARD.md": "```bibtex\n@article{x, eprint={2401.01234}, journal={arXiv:2401.01234}}\n```\n"},
])
def test_a_paper_published_elsewhere_is_not_held(make_repo, files):
    # the repository's license does not cover it: it is a lead (analysis/links.py), counted once declared
    assert not component(make_repo, files, "research-paper").present


@pytest.mark.parametrize("files", [
    {"README.md": "# x\n\nArchived at https://doi.org/10.5281/zenodo.1234567\n"},
    {"README.md": "# x\n\nVersion 2401.01234 of the tool.\n"},
    {"docs/manual.pdf": b"%PDF", "whitepaper.pdf": b"%PDF"},
    {"docs/README.md": "# docs\n\nhttps://arxiv.org/abs/2401.01234\n"},
])
def test_not_a_research_paper(make_repo, files):
    assert not component(make_repo, files, "research-paper").present


@pytest.mark.parametrize(("files", "evidence"), [
    ({"technical_report.pdf": b"%PDF"}, "technical_report.pdf"),
    ({"docs/Tech-Report.md": "x"}, "docs/Tech-Report.md"),
    ({"whitepaper.pdf": b"%PDF"}, "whitepaper.pdf"),
    ({"README.md": "# x\n\nRead the [Technical Report](docs/sv.pdf).\n", "docs/sv.pdf": b"%PDF"}, "README.md:3"),
])
def test_technical_report(make_repo, files, evidence):
    status = component(make_repo, files, "technical-report")
    assert status.present and evidence in status.evidence


def test_a_report_published_elsewhere_is_not_held(make_repo):
    files = {"README.md": "# x\n\nRead the [Technical Report](https://example.org/report).\n"}
    assert not component(make_repo, files, "technical-report").present


@pytest.mark.parametrize("files", [
    {"README.md": "# x\n\nA technical report will follow.\n"},
    {"report.py": "x", "tech_report.py": "x"},
])
def test_not_a_technical_report(make_repo, files):
    assert not component(make_repo, files, "technical-report").present


def test_benchmark_tables_in_a_lab_readme_are_evaluation_results(make_repo):
    readme = "# Tiny LM\n\nA model.\n\n## Evaluation Results\n\n| benchmark | score |\n|---|---|\n| MMLU | 41.0 |\n"
    status = component(make_repo, {"README.md": readme}, "evaluation-results")
    assert (status.present, status.evidence) == (True, ["README.md:7"])


def test_a_librarys_speed_table_is_not_evaluation_results(make_repo):
    readme = ("# a-library\n\nFine-tune big models.\n\n## High performance on consumer hardware\n\n"
              "| model | memory |\n|---|---|\n| 3B | 14 GB |\n")
    assert not component(make_repo, {"README.md": readme}, "evaluation-results").present
