"""The rule catalog: every rule documented, codes unique, packs valid."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
from pathlib import Path

import openness_lint.rules as rules_package
from openness_lint import components, registry
from openness_lint.catalog import frameworks, source
from openness_lint.cli.rules import markdown

from tests.conftest import ROOT


def test_every_rule_has_doc_headings_and_a_fix():
    for item in registry.load():
        for heading in registry.DOC_ORDER:
            assert item.doc[heading].strip(), f"{item.code} lacks {heading}"
        assert item.fix.strip() and item.summary.strip()


def test_every_rule_says_why_it_has_its_severity():
    """An error means something is broken or wrong, a warning is worth
    reading, info is context: each shipped rule says which, and why."""
    opening = {"error": "An error", "warning": "A warning", "info": "Info"}
    for item in registry.load():
        said = item.doc[registry.SEVERITY_HEADING].strip()
        assert said.startswith(opening[item.severity.label]), f"{item.code}: {said[:40]!r}"
        assert "## Why this severity" in item.explain()


def test_codes_are_unique_and_well_formed():
    rules = registry.builtin_rules()
    codes = [r.code for r in rules]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z]{2,4}[0-9]{3}", c) for c in codes)
    names = [r.name for r in rules]
    assert len(names) == len(set(names)), "rule names are unique too"


def rule_modules() -> dict[str, str]:
    """Module name -> file, for every module under openness_lint/rules/<pack>/."""
    folder = Path(rules_package.__file__).parent
    return {f"openness_lint.rules.{p.parent.name}.{p.stem}": str(p) for p in folder.glob("*/*.py")
            if not p.stem.startswith("_")}


def test_every_rule_module_is_named_after_its_rule_and_registers_it():
    """A run imports a rule's module by the rule's name only when it selects
    the rule (registry._implemented): the names must match, both ways."""
    expected = {f"openness_lint.rules.{r.pack}.{r.name.replace('-', '_')}": r.code
                for r in registry.builtin_rules() if r.pack != "core"}
    assert set(rule_modules()) == set(expected)
    for module, code in expected.items():
        importlib.import_module(module)
        assert code in registry._FUNCTIONS, module
    assert set(registry._FUNCTIONS) <= {r.code for r in registry.builtin_rules()}


def test_a_run_imports_only_the_rules_it_selects(make_repo):
    probe = ("import sys\nfrom openness_lint.cli import main\n"
             "main(['check', sys.argv[1], '--select', 'LIC001', '--exit-zero'])\n"
             "print(sorted(m for m in sys.modules if m.startswith('openness_lint.rules.')))")
    root = make_repo({"README.md": "# m\n"})
    run = subprocess.run([sys.executable, "-c", probe, str(root)], capture_output=True, text=True, check=True)
    loaded = eval(run.stdout.strip().splitlines()[-1])  # noqa: S307 - a list our probe printed
    assert [m for m in loaded if m.count(".") == 3] == ["openness_lint.rules.licenses.license_file_missing"]


def test_every_pack_file_validates():
    names = source.shipped_names("packs")
    assert names
    for name in names:
        area = name.rpartition("/")[2].removesuffix(".yaml")
        assert registry.rules_of(source.shipped(name), f"rules/{name}", area)


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
