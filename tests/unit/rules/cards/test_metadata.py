"""CRD002 (metadata types) and CRD003 (model-index), each problem at its line."""

from __future__ import annotations

import pytest

from tests.helpers.cards import card, found, lint


@pytest.mark.parametrize(("front", "line"), [
    ("datasets: example-lab/reviews", 2),
    ("datasets:\n  - example-lab/reviews\n  - Common Crawl, filtered", 4),
    ("datasets: [https://example.org/data.zip]", 2),
    ("datasets:\n  - 42", 3),
    ("language: {en: English}", 2),
    ("language:\n  - en\n  - ''", 4),
    ("tags: demo", 2),
    ("tags: [demo, [nested]]", 2),
    ("pipeline_tag: [text-classification]", 2),
    ("library_name: 3", 2),
    ("base_model: {id: x}", 2),
    ("base_model:\n  - example-lab/base\n  - the base model we used", 4),
    ("co2_eq_emissions: about 40 kg", 2),
    ("co2_eq_emissions:\n  source: estimate", 2),
    ("co2_eq_emissions:\n  emissions: forty", 3),
    ("co2_eq_emissions: true", 2),
    ("extra_gated_prompt: [a, b]", 2),
    ("extra_gated_heading: ''", 2),
    ("extra_gated_button_content: 7", 2),
    ("extra_gated_description: {a: b}", 2),
    ("extra_gated_fields: [Name, Country]", 2),
])
def test_wrong_types_are_errors_at_their_line(make_repo, front, line):
    root = make_repo({"README.md": card(front)})
    assert found(root, "CRD002") == {("CRD002", "README.md", line)}


@pytest.mark.parametrize("front", [
    "datasets: [imdb, example-lab/reviews, org/name.v2]",
    "language: en",
    "language: [en, fr, 'no']",
    "base_model: example-lab/base",
    "base_model: [example-lab/base, example-lab/other]",
    "tags: [demo, sentiment]",
    "pipeline_tag: text-classification",
    "co2_eq_emissions: 40.5",
    "co2_eq_emissions: {emissions: 40, source: our estimate, hardware_used: 1 CPU}",
    "extra_gated_prompt: Tell us who you are.",
    "extra_gated_fields: {Name: text, I agree to the policy: checkbox}",
    "datasets:",  # left empty: unset, as on the Hub
    "unknown_key: [anything, 1]",
])
def test_valid_values_have_no_finding(make_repo, front):
    assert found(make_repo({"README.md": card(front)}), "CRD002") == set()


def test_every_bad_item_is_reported(make_repo):
    root = make_repo({"README.md": card("tags:\n  - ok\n  - 1\n  - 2\ndatasets: [a b]")})
    assert found(root, "CRD002") == {("CRD002", "README.md", 4), ("CRD002", "README.md", 5),
                                     ("CRD002", "README.md", 6)}


def test_data_card_metadata_is_checked_for_the_data_card(make_repo):
    root = make_repo({"data/README.md": card("task_categories: [translation]\ntags: one-tag")})
    (finding,) = lint(root, "CRD002").findings
    assert (finding.path, finding.line, finding.component) == ("data/README.md", 3, "data-card")


VALID_INDEX = """\
model-index:
  - name: tiny-test-model
    results:
      - task:
          type: text-classification
        dataset:
          type: example-lab/reviews
          name: Reviews
        metrics:
          - type: accuracy
            value: 0.91
          - {type: f1, value: "0.88"}"""


def test_valid_model_index(make_repo):
    assert found(make_repo({"README.md": card(VALID_INDEX)}), "CRD003") == set()


@pytest.mark.parametrize(("old", "new", "line"), [
    ("          type: text-classification\n", "          name: Text classification\n", 5),
    ("          type: example-lab/reviews\n", "", 7),
    ("          name: Reviews\n", "", 7),
    ("            value: 0.91\n", "", 11),
    ("          - {type: f1, value: \"0.88\"}", "          - {value: 1}", 13),
    ("          - {type: f1, value: \"0.88\"}", "          - {type: f1, value: [1]}", 13),
    ("  - name: tiny-test-model\n    results:", "  - results:", 3),
])
def test_model_index_problems_at_their_line(make_repo, old, new, line):
    assert old in VALID_INDEX
    root = make_repo({"README.md": card(VALID_INDEX.replace(old, new))})
    assert found(root, "CRD003") == {("CRD003", "README.md", line)}


@pytest.mark.parametrize(("front", "lines"), [
    ("model-index: {name: x}", {2}),
    ("model-index: []", {2}),
    ("model-index:\n  - just a name", {3}),
    ("model-index:\n  - name: x", {3}),
    ("model-index:\n  - name: x\n    results: []", {4}),
    ("model-index:\n  - name: x\n    results:\n      - accuracy 0.9", {5}),
    ("model-index:\n  - name: x\n    results:\n      - task: {type: t}\n        metrics: []", {5, 6}),
])
def test_model_index_shapes(make_repo, front, lines):
    root = make_repo({"README.md": card(front)})
    assert found(root, "CRD003") == {("CRD003", "README.md", line) for line in lines}
