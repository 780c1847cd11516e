"""The section sets are data: a team can require its own, and a broken file
is a configuration error naming the file (and the line of a YAML syntax
error), not a crash. Its shape is checked in CI against its JSON Schema
(tests/meta)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openness_lint.catalog import sections, source
from openness_lint.catalog.source import ruledata
from openness_lint.errors import ConfigError
from openness_lint.rules.cards import card_placeholder_text

from tests.helpers.cards import FULL_MODEL_BODY, card, found, lint


def _clear() -> None:
    for cached in (source.shipped, sections.section_specs, sections.section_sets, card_placeholder_text.phrases):
        cached.cache_clear()


@pytest.fixture
def own_sections(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Replace rules/cards/sections.yaml with the given text for one test."""
    folder = tmp_path / "ruledata"
    shutil.copytree(Path(str(ruledata())), folder)

    def install(text: str) -> None:
        (folder / "cards" / "sections.yaml").write_text(text, encoding="utf-8")
        monkeypatch.setattr(source, "ruledata", lambda: folder)
        _clear()

    yield install
    _clear()


def test_shipped_data_is_valid():
    assert (ruledata() / "cards" / "sections.yaml").is_file()
    assert sections.section_sets()["model"] and sections.section_sets()["data"]
    assert "[more information needed]" in card_placeholder_text.phrases()


def test_a_team_can_require_its_own_sections(make_repo, own_sections):
    own_sections(
        "model-card: [security]\n"
        "data-card: []\n"
        "sections:\n"
        "  security:\n"
        "    title: Security review\n"
        "    contains: [security review, red teaming]\n"
        "placeholders: [to be written]\n")
    text = card("license: mit", FULL_MODEL_BODY.replace("Open an issue.", "To be written."))
    report = lint(make_repo({"README.md": text}), "CRD004", "CRD005")
    assert {(f.code, f.line) for f in report.findings} == {
        ("CRD004", 4), ("CRD005", text.splitlines().index("To be written.") + 1)}
    assert "security review" in report.findings[0].message  # the title comes from the data
    red_team = make_repo({"README.md": card("license: mit", "# m\n\n## Red teaming\n\nDone.\n")})
    assert found(red_team, "CRD004") == set()


@pytest.mark.parametrize(("text", "line"), [
    ("model-card: [a\n", 2),
    ("- just a list\n", 1),
    ("model-card: [missing]\ndata-card: []\nsections: {}\n", None),
    ("model-card: [a]\nsections:\n  a: {contains: [x]}\n", None),
    ("model-card: [a]\nsections:\n  a:\n    title: A\n    contains: x\n", None),
])
def test_broken_section_data_is_a_config_error(own_sections, text, line):
    own_sections(text)
    with pytest.raises(ConfigError) as caught:
        sections.section_sets()
    assert caught.value.path == "rules/cards/sections.yaml"
    assert caught.value.line == line
