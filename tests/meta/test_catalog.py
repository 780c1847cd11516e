"""The rule catalog: every rule documented, codes unique, packs valid."""

from __future__ import annotations

import re

from openness_lint import components, registry
from openness_lint.catalog import frameworks
from openness_lint.catalog.source import ruledata
from openness_lint.cli.rules import markdown

from ..conftest import ROOT


def test_every_rule_has_doc_headings_and_a_fix():
    for item in registry.load():
        for heading in registry.DOC_HEADINGS:
            assert item.doc[heading].strip(), f"{item.code} lacks {heading}"
        assert item.fix.strip() and item.summary.strip()


def test_codes_are_unique_and_well_formed():
    rules = registry.builtin_rules()
    codes = [r.code for r in rules]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z]{2,4}[0-9]{3}", c) for c in codes)
    names = [r.name for r in rules]
    assert len(names) == len(set(names)), "rule names are unique too"


def test_every_registered_function_has_metadata_and_back():
    rules = {r.code for r in registry.builtin_rules()}
    assert set(registry._FUNCTIONS) <= rules


def test_every_pack_file_validates():
    packs = [p for p in (ruledata() / "packs").iterdir() if p.name.endswith(".yaml")]
    assert packs
    for pack in packs:
        assert registry.parse_pack(pack.read_text("utf-8"), pack.name)


def test_frameworks_load():
    loaded = frameworks.builtin()
    assert {"mof", "osaid", "columbia"} <= set(loaded)
    assert loaded["mof"].canonical_level("class-ii") == "II"


def test_components_match_the_json_schema():
    import json

    from openness_lint.catalog.source import schema_text

    schema = json.loads(schema_text("report.schema.json"))
    assert schema["$defs"]["componentId"]["enum"] == list(components.ALL)
    assert len(components.MOF_COMPONENTS) == 17


def test_docs_rules_md_is_not_stale():
    generated = markdown(registry.load())
    on_disk = (ROOT / "docs" / "rules.md").read_text("utf-8")
    assert on_disk == generated, "regenerate: openness-lint rules --format markdown > docs/rules.md"
