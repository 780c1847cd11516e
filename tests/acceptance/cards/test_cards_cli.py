"""The card and documentation rules through the CLI, on the examples and on
the repository the issue's "done when" describes."""

from __future__ import annotations

import json

from tests.acceptance.helpers import EXAMPLES, validate_report

CARDS_WITH_GAPS = {
    # A card whose first line is a lone `---` that is never closed.
    "model_card.md": (
        "---\n"
        "license: apache-2.0\n"
        "\n"
        "# review-sorter\n"
        "\n"
        "A small classifier that puts product reviews into two piles.\n"
    ),
    # A dataset card (dataset keys in its metadata) claims Apache-2.0 for the data.
    "README.md": (
        "---\n"
        "license: apache-2.0\n"
        "pretty_name: reviews\n"
        "task_categories: [text-classification]\n"
        "---\n"
        "\n"
        "# reviews\n"
        "\n"
        "The review data, released under Apache-2.0.\n"
        "\n"
        "## Uses\n"
        "\n"
        "Training review sorters.\n"
    ),
    "DATA_LICENSE": (
        "SPDX-License-Identifier: CC-BY-NC-4.0\n"
        "\n"
        "The review data may be shared and adapted for non-commercial purposes only.\n"
    ),
    "datasheet.md": (
        "---\n"
        "license: odc-by\n"
        "---\n"
        "\n"
        "# Datasheet for reviews\n"
        "\n"
        "## Composition\n"
        "\n"
        "Two thousand short reviews, one per line.\n"
    ),
    "LICENSE": "SPDX-License-Identifier: Apache-2.0\n",
}


def check_json(run_cli, root, *args):
    result = run_cli("check", str(root), "--format", "json", *args)
    assert result.code in (0, 1), result
    assert "Traceback" not in result.stderr
    return validate_report(result.stdout)


def located(report, prefixes=("CRD", "DOC")):
    return {(f["rule"], f["path"], f["line"]) for f in report["findings"] if f["rule"].startswith(prefixes)}


def test_cards_with_gaps_are_found_with_their_lines(run_cli, make_repo):
    report = check_json(run_cli, make_repo(CARDS_WITH_GAPS))
    found = located(report)
    assert ("CRD001", "model_card.md", 1) in found
    missing = {(path, line) for code, path, line in found if code == "CRD004"}
    assert missing == {("model_card.md", 4), ("README.md", 7), ("datasheet.md", 5)}
    assert all(f["line"] for f in report["findings"] if f["path"]), "every finding in a file has its line"
    components = report["components"]
    assert components["model-card"]["evidence"] == ["model_card.md"]
    assert components["data-card"]["evidence"] == ["README.md", "datasheet.md"]


def test_the_data_license_disagreement_in_the_same_cards(run_cli, make_repo):
    """The data card, the datasheet and DATA_LICENSE disagree on the data license."""
    disagree = "LIC008"
    report = check_json(run_cli, make_repo(CARDS_WITH_GAPS))
    found = {(f["path"], f["line"]) for f in report["findings"] if f["rule"] == disagree}
    assert {("README.md", 2), ("DATA_LICENSE", 1), ("datasheet.md", 2)} <= found


def test_complete_example_passes_with_cards_and_results(run_cli):
    result = run_cli("check", str(EXAMPLES / "complete-release"), "--format", "json")
    assert result.code == 0, result
    report = validate_report(result.stdout)
    assert located(report) == set()
    components = report["components"]
    assert components["model-card"] == {**components["model-card"], "present": True, "evidence": ["README.md"]}
    assert components["data-card"]["evidence"] == ["data/README.md"]
    assert components["evaluation-results"]["present"]


def test_gappy_example_shows_the_documentation_gaps(run_cli):
    report = check_json(run_cli, EXAMPLES / "gappy-release")
    assert located(report) == {
        ("CRD004", "README.md", 6),   # six sections missing, at the title
        ("CRD005", "README.md", 13),  # [More Information Needed]
        ("CRD006", "README.md", 15),  # ## Evaluation, empty
        ("CRD007", "README.md", 3),   # datasets named, documented nowhere
        ("DOC002", "README.md", 9),   # ./LICENCE, which does not exist
    }
    assert sum(f["rule"] == "CRD004" for f in report["findings"]) == 6


def test_every_card_defect_in_one_repository_is_reported_not_crashed(run_cli, make_repo):
    files = {
        "README.md": "# tool\n\n[cards](model_cards/)\n",
        "model_cards/a.md": "---\ntags: [a\n---\n# a\n",
        "model_cards/b.md": "---\n- a list\n---\n",
        "model_cards/c.md": "\ufeff---\r\ndatasets: one sentence\r\nmodel-index: {}\r\n---\r\n# c\r\n",
        "model_cards/d.md": "---\n---\n\t# tabbed\n[More Information Needed]\n" + "x" * 100_000 + "\n",
        "models/e/README.md": b"---\nlicense: mit\n---\n# caf\xe9\n\n[x](missing.md)\n",
        "CITATION.cff": "cff-version: 1.2.0\nauthors: [\n",
    }
    report = check_json(run_cli, make_repo(files))
    found = located(report)
    assert {("CRD001", "model_cards/a.md", 2), ("CRD001", "model_cards/b.md", 2),
            ("CRD002", "model_cards/c.md", 2), ("CRD003", "model_cards/c.md", 3),
            ("CRD005", "model_cards/d.md", 4), ("DOC002", "models/e/README.md", 6),
            ("DOC001", "CITATION.cff", 3)} <= found
    assert all(line for code, path, line in found if path)


def test_text_output_and_exit_code_for_a_broken_card(run_cli, make_repo):
    result = run_cli("check", str(make_repo({"MODEL_CARD.md": "---\nlicense: mit\n"})), "--select", "CRD001")
    assert result.code == 1
    assert "MODEL_CARD.md:1: error CRD001" in result.stdout


def test_explain_prints_the_documentation(run_cli):
    for code in ("CRD001", "CRD004", "DOC002"):
        result = run_cli("explain", code)
        assert result.code == 0
        assert all(heading in result.stdout for heading in ("## What it does", "## Why is this bad?",
                                                            "## Example", "## How to fix"))


def test_json_components_are_sorted_evidence(run_cli, make_repo):
    files = {"README.md": "---\nlicense: mit\n---\n# m\n\nSee https://arxiv.org/abs/2401.01234 and the "
                          "[technical report](docs/technical-report.pdf).\n",
             "docs/technical-report.pdf": b"%PDF-1.7\x00"}
    report = json.loads(run_cli("check", str(make_repo(files)), "--format", "json").stdout)
    assert report["components"]["research-paper"]["evidence"] == []  # linked, not held
    assert report["components"]["technical-report"]["evidence"] == ["README.md:6", "docs/technical-report.pdf"]
