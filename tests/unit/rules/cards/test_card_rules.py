"""CRD004-CRD008: sections, placeholders, empty sections, datasets, no card."""

from __future__ import annotations

from openness_lint.analysis import cards

from tests.helpers.cards import FULL_DATA_BODY, FULL_MODEL_BODY, card, context, found, lint


def test_full_cards_have_no_findings(make_repo):
    root = make_repo({"README.md": card("license: mit\ndatasets: [example-lab/sentences]", FULL_MODEL_BODY),
                      "data/README.md": card("license: cc0-1.0", FULL_DATA_BODY)})
    assert found(root) == set()


def test_each_missing_model_section_is_a_warning_at_the_title(make_repo):
    root = make_repo({"README.md": card("license: mit", "\n# Sorter\n\n## Uses\n\nSorting.\n")})
    report = lint(root, "CRD004")
    assert {(f.code, f.path, f.line) for f in report.findings} == {("CRD004", "README.md", 5)}
    assert len(report.findings) == 7
    assert all(f.severity.label == "warning" and f.component == "model-card" for f in report.findings)


def test_each_missing_data_section_is_reported_for_the_data_card(make_repo):
    body = FULL_DATA_BODY.replace("## Maintenance", "## Notes").replace("## Composition", "## Shape")
    report = lint(make_repo({"datasheet.md": body}), "CRD004")
    assert {(f.path, f.line, f.component) for f in report.findings} == {("datasheet.md", 1, "data-card")}
    assert len(report.findings) == 2


def test_synonyms_and_optional_suffixes_satisfy_sections(make_repo):
    body = """\
# Sorter

## 1. Intended uses & limitations [optional]

Sorting.

## Out-of-scope uses

People.

## Training and evaluation data

Typed.

## Training hyperparameters

One epoch.

## Results

Fine.

## Compute infrastructure

One CPU.

## Feedback

Issues.
"""
    assert found(make_repo({"MODEL_CARD.md": body}), "CRD004") == set()


def test_metadata_keys_satisfy_sections(make_repo):
    body = FULL_MODEL_BODY.replace("## Environmental Impact", "## Notes")
    root = make_repo({"README.md": card("license: mit\nco2_eq_emissions: 12", body),
                      "data/README.md": FULL_DATA_BODY.replace("## Distribution", "## Misc")})
    assert found(root, "CRD004") == {("CRD004", "data/README.md", 1)}
    root = make_repo({"data/README.md": card("license: cc0-1.0", FULL_DATA_BODY.replace("## Distribution", "## M"))})
    assert found(root, "CRD004") == set()


def test_missing_section_without_headings_points_after_the_front_matter(make_repo):
    root = make_repo({"README.md": card("license: mit", "Only a sentence.\n"), "model_card.md": ""})
    assert found(root, "CRD004") == {("CRD004", "README.md", 4), ("CRD004", "model_card.md", 1)}


def test_placeholders_are_warnings_at_their_line_and_column(make_repo):
    body = """\
# Sorter

## Uses

[More Information Needed]

## Training Data

Typed by us. [more information needed] for the rest.

```
[More Information Needed] inside code is an example
```

<!-- [More Information Needed] in a comment is guidance -->
Carbon can be estimated using the [Machine Learning Impact calculator](https://example.org).
This card of {{ model_id }} was never rendered.
"""
    report = lint(make_repo({"README.md": card("license: mit", body)}), "CRD005")
    assert {(f.code, f.path, f.line, f.column) for f in report.findings} == {
        ("CRD005", "README.md", 8, 1), ("CRD005", "README.md", 12, 14),
        ("CRD005", "README.md", 19, None), ("CRD005", "README.md", 20, 14)}


def test_placeholder_in_a_data_card(make_repo):
    report = lint(make_repo({"datasheet.md": "# Data\n\n## Uses\n\n[More Information Needed]\n"}), "CRD005")
    assert [(f.path, f.line, f.component) for f in report.findings] == [("datasheet.md", 5, "data-card")]


def test_empty_sections(make_repo):
    body = """\
# Sorter

## Uses

### Direct Use

Sorting.

### Out-of-Scope Use
<!-- Describe the uses you do not support. -->

## Evaluation

```
score: 1
```

## Contact
"""
    assert found(make_repo({"README.md": card("license: mit", body)}), "CRD006") == {
        ("CRD006", "README.md", 12), ("CRD006", "README.md", 21)}


def test_datasets_without_any_documentation(make_repo):
    root = make_repo({"README.md": card("license: mit\ndatasets:\n  - example-lab/web", "# Sorter\n")})
    assert found(root, "CRD007") == {("CRD007", "README.md", 3)}


def test_datasets_documented_by_a_section_or_a_data_card(make_repo):
    front = "license: mit\ndatasets: [example-lab/web]"
    with_section = make_repo({"README.md": card(front, "# Sorter\n\n## Training Data\n\nCrawled.\n")})
    with_card = make_repo({"README.md": card(front), "DATA_CARD.md": "# Data\n"})
    without_datasets = make_repo({"README.md": card("license: mit")})
    assert found(with_section, "CRD007") == found(with_card, "CRD007") == found(without_datasets, "CRD007") == set()


def test_no_card_at_all(make_repo):
    root = make_repo({"README.md": "# tool\n\nInstall it.\n", "train.py": "print(1)\n",
                      "model.safetensors": b"\x00"})
    assert found(root, "CRD008") == {("CRD008", None, None)}
    assert found(make_repo({"datasheet.md": "# Data\n", "model.safetensors": b"\x00"}), "CRD008") == set()


# -- CRD008 asks for a card only where a model or data is released -------------------------

CODE_LIBRARY_README = """\
# tinylib

A small library of text utilities.

## Installation

    pip install tinylib

## Usage

```python
from tinylib import tokenize
tokenize("a b")
```

## API

`tokenize(text)` splits text on white space.
"""


def code_library(extra: dict[str, str | bytes] | None = None) -> dict[str, str | bytes]:
    """pyproject, src/ and a README documenting the API, plus `extra` files."""
    files: dict[str, str | bytes] = {
        "pyproject.toml": '[project]\nname = "tinylib"\nversion = "0.1"\n',
        "src/tinylib/__init__.py": "def tokenize(text):\n    return text.split()\n",
        "README.md": CODE_LIBRARY_README,
    }
    files.update(extra or {})
    return files


def test_code_library_needs_no_card(make_repo):
    assert found(make_repo(code_library()), "CRD008") == set()


def test_tool_config_json_is_not_a_model(make_repo):
    settings = '{"tokenizer": "whitespace", "lowercase": true}\n'
    assert found(make_repo(code_library({"config.json": settings})), "CRD008") == set()


def test_weights_without_a_card(make_repo):
    report = lint(make_repo(code_library({"model.safetensors": b"\x00"})), "CRD008")
    assert {(f.code, f.path, f.line) for f in report.findings} == {("CRD008", None, None)}
    assert "model.safetensors" in report.findings[0].message


def test_model_config_without_a_card(make_repo):
    for config in ('{"architectures": ["TinyForCausalLM"]}\n', '{"model_type": "tiny"}\n'):
        root = make_repo(code_library({"checkpoint/config.json": config}))
        assert found(root, "CRD008") == {("CRD008", None, None)}


def test_model_config_in_tests_is_a_fixture(make_repo):
    root = make_repo(code_library({"tests/fixtures/config.json": '{"model_type": "tiny"}\n'}))
    assert found(root, "CRD008") == set()


def test_manifest_without_a_card(make_repo):
    manifest = "release:\n  name: tiny\n  components:\n    - {name: Model card}\n"
    assert found(make_repo(code_library({"mof.yaml": manifest})), "CRD008") == {("CRD008", None, None)}


def test_space_readme_in_a_code_library_is_no_model(make_repo):
    space = "---\ntitle: Tinylib demo\nsdk: gradio\napp_file: app.py\n---\n\n# Tinylib demo\n\nTry the tokenizer.\n"
    root = make_repo(code_library({"demo/README.md": space, "demo/app.py": "print('demo')\n"}))
    assert found(root, "CRD008") == set()


def test_sections_are_read_from_the_card_body(make_repo):
    root = make_repo({"README.md": card("license: mit", FULL_MODEL_BODY)})
    (model_card,) = cards.cards(context(root))
    evaluation = next(h for h in model_card.headings if h.title == "Evaluation")
    assert [line.text for line in model_card.section(evaluation) if line.text] == ["Not measured."]
    uses = model_card.headings[1]
    nested = [line.text for line in model_card.section(uses, nested=True) if line.text]
    assert nested == ["Sorting test sentences.", "### Out-of-Scope Use", "Anything that affects people."]


# The section headings of the Hugging Face card templates (our reference list).
HUB_MODEL_HEADINGS = [
    "# Model Card for sorter", "## Model Details", "### Model Description", "### Model Sources [optional]",
    "## Uses", "### Direct Use", "### Downstream Use [optional]", "### Out-of-Scope Use",
    "## Bias, Risks, and Limitations", "### Recommendations", "## How to Get Started with the Model",
    "## Training Details", "### Training Data", "### Training Procedure", "#### Preprocessing [optional]",
    "#### Training Hyperparameters", "## Evaluation", "### Testing Data, Factors & Metrics", "### Results",
    "## Environmental Impact", "## Technical Specifications [optional]", "## Model Card Contact",
]
HUB_DATA_HEADINGS = [
    "# Dataset Card for reviews", "## Dataset Details", "### Dataset Description", "## Uses",
    "### Direct Use", "### Out-of-Scope Use", "## Dataset Structure", "## Dataset Creation",
    "### Curation Rationale", "### Source Data", "#### Data Collection and Processing",
    "### Annotations [optional]", "## Bias, Risks, and Limitations", "## Dataset Card Contact",
]


def test_the_hub_templates_headings_satisfy_every_section(make_repo):
    def filled(headings: list[str]) -> str:
        return "".join(f"{heading}\n\nWritten.\n\n" for heading in headings)

    root = make_repo({"README.md": card("license: mit", filled(HUB_MODEL_HEADINGS)),
                      "data/README.md": card("license: cc0-1.0\npretty_name: reviews", filled(HUB_DATA_HEADINGS))})
    assert found(root, "CRD004", "CRD006") == set()


LABELLED_CARD = """\
# Example 7B

**Intended Use Cases:** assistant-like chat.

**Out-of-scope Uses**
Anything that breaks the law.

**Training Data**
Public web text.

**Training Factors**
Custom libraries on a research cluster.

**Training procedure:** two epochs.

## Benchmarks

| task | score |
|---|---|
| qa | 1 |

## Ethical Considerations and Limitations

Read this first.

**Where to send questions or comments about the model:** see the issue tracker.
"""


def test_bold_labels_and_the_big_labs_wording_are_sections(make_repo):
    root = make_repo({"MODEL_CARD.md": LABELLED_CARD})
    assert found(root) == set()


def test_table_of_contents_and_weights_and_biases_are_not_sections(make_repo):
    from openness_lint.catalog.sections import section_specs

    specs = section_specs()
    assert not specs["limitations"].matches("Logging with Weights and Biases")
    assert not specs["limitations"].matches("Weights & Biases")
    assert not specs["composition"].matches("Table of Contents")
    assert specs["limitations"].matches("Bias, Risks, and Limitations")
    assert specs["composition"].matches("Contents")


RUN_IN_CARD = """\
# Example 2

**Model Release Date:**

* **Example 2 Instruct: January 1, 2026**

**Intended Use Cases** Chat in English.

**Out-of-scope Uses** Anything unlawful.

**Training Factors** Our own training library on our own cluster.

## Training Data

**Overview** Two trillion tokens of public text.

## Benchmarks

### Instruction tuned models

##

| task | score |
|---|---|
| qa | 1 |

## Ethical Considerations and Limitations

Read this first.

**Feedback:** open an issue at https://example.org/issues.
"""


def test_run_in_labels_list_items_and_empty_headings(make_repo):
    # run-in bold labels are sections; a bold list item and an empty `##` line are not
    root = make_repo({"MODEL_CARD.md": RUN_IN_CARD})
    assert found(root) == set()
