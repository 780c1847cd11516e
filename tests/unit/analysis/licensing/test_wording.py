"""How a sentence states a license: subject, object, and the sentences that
state nothing about this release."""

from __future__ import annotations

import pytest
from openness_lint.analysis.licensing import wording


def stated(sentence: str, in_section: bool = False) -> tuple[set[str], str | None] | None:
    clause = wording.clause(sentence, in_section)
    if clause is None:
        return None
    return wording.artifacts(clause.subject), wording.expression(clause.object)[0]


@pytest.mark.parametrize("sentence, artifacts, license_id", [
    ("Our code and model weights are released under the MIT License.", {"code", "model"}, "MIT"),
    ("All our open-weight models are licensed under Apache 2.0.", {"model"}, "Apache-2.0"),
    ("This code repository is licensed under the MIT License.", {"code"}, "MIT"),
    ("The dataset is CC BY NC 4.0 (allowing only non-commercial use).", {"data"}, "CC-BY-NC-4.0"),
    ("The instruction corpus is released under a permissive license (CC-BY-SA).", {"data"},
     "LicenseRef-family-CC-BY-SA"),
    ("This project is dual-licensed under MIT or Apache-2.0.", {"all"}, "MIT OR Apache-2.0"),
    ("The modeling code is distributed under Apache 2.0.", {"code"}, "Apache-2.0"),
    ("Code License: MIT", {"code"}, "MIT"),
    ("License: CC-BY-4.0", set(), "CC-BY-4.0"),
    ("The weights are released under CC-BY-NC-4.0, while the code is under MIT.", {"model"}, "CC-BY-NC-4.0"),
])
def test_statements(sentence, artifacts, license_id):
    assert stated(sentence) == (artifacts, license_id)


@pytest.mark.parametrize("sentence", [
    "The model is fine-tuned from a base that is derived from one released under the Llama 2 license.",
    "The weights will be released under Apache 2.0 next month.",
    "Users should comply with the license of the original model (MIT).",
    "The model is not released under an open license such as MIT.",
    "You are Example 4, a helpful assistant.",
    "Instructions on how to provide feedback can be found in the Llama README.",
    "MIT researchers trained the model.",
])
def test_sentences_that_state_nothing_about_this_release(sentence):
    found = stated(sentence)
    assert found is None or found[1] is None


def test_a_license_section_may_hold_a_bare_name_or_artifact_labels():
    assert stated("Apache 2.0", in_section=True) == (set(), "Apache-2.0")
    assert stated("Weights: CC-BY-NC-4.0", in_section=True) == ({"model"}, "CC-BY-NC-4.0")
    assert stated("Weights: CC-BY-NC-4.0") is None  # outside a license section, a label must say license


def test_a_license_named_but_not_known_is_stated_by_name():
    clause = wording.clause("The model is released under the Example Research License Agreement.", False)
    assert wording.expression(clause.object)[0] is None
    assert wording.stated_name(clause.object) == "LicenseRef-stated-Example-Research-License-Agreement"
    assert wording.stated_name("the Model License") is None  # generic words name nothing


def test_pieces_keep_label_lines_apart_and_join_a_sentence_across_lines():
    text = "Code: MIT\nWeights: CC-BY-NC-4.0\nThe model is released\nunder Apache 2.0. See the file."
    assert [piece for _, piece in wording.pieces(text)] == [
        "Code: MIT", "Weights: CC-BY-NC-4.0", "The model is released under Apache 2.0.", "See the file."]
