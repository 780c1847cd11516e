"""What a card states, as facts with lines; what it does not state stays absent."""

from __future__ import annotations

import pytest
from openness_lint.analysis import cards
from openness_lint.bom import cardfacts

from tests.helpers.linting import context


def card_of(make_repo, text: str, name: str = "README.md") -> cards.Card:
    ctx = context(make_repo({name: text, "model.safetensors": b"\0"}))
    return next(c for c in cards.cards(ctx) if c.path == name)


@pytest.mark.parametrize(("sentence", "said"), [
    ("The data holds no personal information.", "no"),
    ("It does not contain sensitive data of any kind.", "no"),
    ("The corpus contains personal data such as names.", "yes"),
    ("The model may use sensitive personal information at inference.", "yes"),
    ("Personal information was discussed at length.", None),
    ("We thank our personal trainers for the information.", None),
])
def test_sensitive_personal_information_only_when_stated(make_repo, sentence, said):
    card = card_of(make_repo, f"---\nlicense: mit\n---\n# m\n\n{sentence}\n")
    found = cardfacts.statement(card, "README.md", "sensitive")
    assert (found.value if found else None) == said
    assert found is None or found.line == 6


@pytest.mark.parametrize(("sentence", "level"), [
    ("Safety risk assessment: medium.", "medium"), ("Our safety risk level is SERIOUS", "serious"),
    ("We assessed the safety risk carefully.", None), ("Risk: low", None)])
def test_a_safety_risk_level_only_when_stated(make_repo, sentence, level):
    card = card_of(make_repo, f"---\nlicense: mit\n---\n# m\n\n{sentence}\n")
    found = cardfacts.statement(card, "README.md", "safety-risk")
    assert (found.value if found else None) == level


def test_sections_are_their_own_paragraphs_without_placeholders(make_repo):
    text = ("---\nlicense: mit\n---\n# Model Card for tiny\n\nFirst paragraph.\n\n## Uses\n\nFor **demos**\n"
            "and tests.\n\n### Direct Use\n\n[More Information Needed]\n\n## Limitations\n\nSlow.\n")
    card = card_of(make_repo, text)
    assert cardfacts.title(card, "README.md") == ("tiny", "README.md", 4)
    assert cardfacts.summary(card, "README.md") == ("First paragraph.", "README.md", 6)
    assert cardfacts.section_texts(card, "README.md", "intended-use") == [("For demos and tests.", "README.md", 8)]
    assert cardfacts.section_texts(card, "README.md", "limitations") == [("Slow.", "README.md", 17)]


def test_ethical_only_headings(make_repo):
    assert cardfacts.ethical_only("ethical considerations")
    assert cardfacts.ethical_only("bias and fairness")
    assert not cardfacts.ethical_only("bias risks and limitations")
    assert not cardfacts.ethical_only("limitations")


def test_model_index_results_keep_their_lines_and_skip_broken_entries(make_repo):
    text = ("---\nmodel-index:\n- name: tiny\n  results:\n  - task: {type: text-classification}\n"
            "    dataset: {type: imdb, name: IMDB}\n    metrics:\n    - {type: accuracy, value: 0.9}\n"
            "    - {type: f1}\n    - nonsense\n  - not a mapping\n---\n# tiny\n")
    card = card_of(make_repo, text)
    (result,) = cardfacts.results(card)
    assert result == ("text-classification", "imdb", "IMDB", "", "accuracy", "0.9", 8)
    assert cardfacts.index_name(card, "README.md") == ("tiny", "README.md", 3)
