"""Which files are model cards and data cards, and which are only READMEs."""

from __future__ import annotations

import pytest
from openness_lint.analysis import cards

from tests.helpers.cards import FULL_DATA_BODY, FULL_MODEL_BODY, card, context

PROJECT_README = "# tiny-tool\n\n## Installation\n\npip install it.\n\n## Usage\n\nRun it.\n\n## License\n\nMIT.\n"
SECTIONS_ONLY = "# Sorter\n\n## Uses\n\nSorting.\n\n## Limitations\n\nMany.\n\n## Training Data\n\nTyped.\n"


def kinds(make_repo, files: dict[str, str]) -> dict[str, str]:
    return {c.path: c.kind for c in cards.cards(context(make_repo(files)))}


@pytest.mark.parametrize("name", [
    "MODEL_CARD.md", "model_card.md", "model-card.md", "modelcard.md", "ModelCard.md",
    "model_cards/small.md", "docs/MODEL_CARD.md", "models/a/model_card.md",
])
def test_model_card_names(make_repo, name):
    assert kinds(make_repo, {name: "Some notes.\n", "README.md": PROJECT_README}) == {name: "model"}


@pytest.mark.parametrize("name", [
    "datasheet.md", "DATA_CARD.md", "data_card.md", "dataset_card.md", "data/DATASHEET.md",
])
def test_data_card_names(make_repo, name):
    assert kinds(make_repo, {name: "Some notes.\n"}) == {name: "data"}


def test_readme_with_hub_front_matter_is_a_model_card(make_repo):
    assert kinds(make_repo, {"README.md": card("license: mit\npipeline_tag: fill-mask")}) == {"README.md": "model"}


def test_readme_with_only_a_license_key_is_a_model_card(make_repo):
    assert kinds(make_repo, {"README.md": card("license: mit")}) == {"README.md": "model"}


def test_dataset_keys_make_a_data_card_anywhere(make_repo):
    files = {"README.md": card("license: cc0-1.0\ntask_categories: [translation]")}
    assert kinds(make_repo, files) == {"README.md": "data"}


def test_readme_with_front_matter_in_a_data_folder_is_a_data_card(make_repo):
    files = {"README.md": card("license: mit"), "data/README.md": card("license: cc-by-4.0")}
    assert kinds(make_repo, files) == {"README.md": "model", "data/README.md": "data"}


def test_per_model_cards_in_a_multi_model_repository(make_repo):
    files = {
        "README.md": PROJECT_README,
        "models/small/README.md": card("license: mit\nbase_model: example-lab/base"),
        "models/large/README.md": card("license: mit", FULL_MODEL_BODY),
        "src/README.md": "# Source\n\nThe code.\n",
    }
    assert kinds(make_repo, files) == {"models/large/README.md": "model", "models/small/README.md": "model"}


def test_project_readme_is_not_a_card(make_repo):
    assert kinds(make_repo, {"README.md": PROJECT_README}) == {}


def test_jekyll_front_matter_does_not_make_a_card(make_repo):
    files = {"README.md": card("layout: page\ntitle: Home", PROJECT_README)}
    assert kinds(make_repo, files) == {}


def test_card_sections_make_a_card_without_front_matter(make_repo):
    assert kinds(make_repo, {"README.md": SECTIONS_ONLY}) == {"README.md": "model"}
    assert kinds(make_repo, {"README.md": FULL_DATA_BODY}) == {"README.md": "data"}


def test_a_card_title_makes_a_card(make_repo):
    files = {"README.md": "# Model Card for Sorter\n\nNotes.\n", "data/README.md": "# Datasheet: reviews\n"}
    assert kinds(make_repo, files) == {"README.md": "model", "data/README.md": "data"}


def test_malformed_front_matter_still_makes_a_card(make_repo):
    assert kinds(make_repo, {"README.md": "---\nlicense: mit\n\n# Sorter\n"}) == {"README.md": "model"}


def test_card_parts_are_kept(make_repo):
    root = make_repo({"models/a/README.md": card("license: mit\ndatasets: [x/y]", FULL_MODEL_BODY)})
    (found,) = cards.cards(context(root))
    assert found.directory == "models/a"
    assert found.meta["datasets"] == ["x/y"]
    assert found.front.line(found.meta, "datasets") == 3
    assert found.headings[0].title == "tiny-test-model" and found.headings[0].line == 5


def test_unreadable_candidates_are_skipped(make_repo):
    root = make_repo({"MODEL_CARD.md": b"\x00\x01binary", "datasheet.md": "Notes.\n"})
    assert {c.path for c in cards.cards(context(root))} == {"datasheet.md"}


def test_a_readme_of_examples_with_training_and_results_is_not_a_card(make_repo):
    body = "# Fine-tuning example\n\n## Training\n\nRun it.\n\n## Limitations\n\nSlow.\n\n## Expected Results\n\n90%.\n"
    assert kinds(make_repo, {"examples/finetune/README.md": body, "README.md": body}) == {"README.md": "model"}


def test_introduction_license_and_contact_do_not_make_a_readme_a_datasheet(make_repo):
    body = ("# Example 3\n\n## 1. Introduction\n\nA model.\n\n## Table of Contents\n\n- one\n\n"
            "## 7. License\n\nMIT.\n\n## 9. Contact\n\nmail us\n")
    assert kinds(make_repo, {"README.md": body}) == {}


def test_headings_that_name_a_dataset_make_a_dataset_card(make_repo):
    body = ("# Summary\n\n## Dataset Overview\n\nRecords.\n\n## Intended Uses\n\nTuning.\n\n## Dataset\n\nRows.\n\n"
            "## Known Limitations\n\nSome.\n\n## Sources\n\nWikipedia.\n\n## Training data\n\nNone.\n")
    assert kinds(make_repo, {"extra/README.md": body}) == {"extra/README.md": "data"}


@pytest.mark.parametrize("name", ["Example_Model_Card.md", "MODEL_CARD_VISION.md", "docs/example-model-card.md"])
def test_card_files_named_after_their_model(make_repo, name):
    assert kinds(make_repo, {name: "Some notes.\n", "README.md": PROJECT_README}) == {name: "model"}


@pytest.mark.parametrize("name", ["Example_Datasheet.md", "docs/data-card-v2.md"])
def test_data_card_files_named_after_their_data(make_repo, name):
    assert kinds(make_repo, {name: "Some notes.\n"}) == {name: "data"}


TRAINING_LIBRARY_README = """\
# trainer-kit

A library for training language models.

## Installation

pip install trainer-kit

## Quick start

Run it.

## Training

How to launch a training run.

## Evaluation

How to evaluate a checkpoint.

## Limitations

Single node only.

## Contributing

Pull requests welcome.
"""


def test_a_training_library_readme_is_not_a_model_card(make_repo):
    assert kinds(make_repo, {"README.md": TRAINING_LIBRARY_README}) == {}
