"""Every YAML file we ship under rules/ validates against its JSON Schema.

The schema of rules/DIR/NAME.yaml is rules/DIR/NAME.schema.json when that
file exists, else the one *.schema.json of the folder (a folder of files of
one shape: packs, frameworks, profiles). A typo in the rule data then fails
here, in CI, instead of in a user's run.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest
from openness_lint import components
from openness_lint.catalog import frameworks
from openness_lint.catalog.source import ruledata
from openness_lint.text import yamlio

RULES = Path(str(ruledata()))


def shipped_yaml() -> list[Path]:
    return sorted(p for p in RULES.rglob("*.yaml") if "__pycache__" not in p.parts)


def shipped_schemas() -> list[Path]:
    return sorted(RULES.rglob("*.schema.json"))


def schema_path(yaml_file: Path) -> Path:
    """NAME.schema.json beside the file, else the folder's only schema."""
    own = yaml_file.with_name(yaml_file.name.removesuffix(".yaml") + ".schema.json")
    if own.is_file():
        return own
    found = sorted(yaml_file.parent.glob("*.schema.json"))
    assert len(found) == 1, (f"{rel(yaml_file)} has no {own.name}, so its folder needs exactly one "
                             f"*.schema.json; found {[p.name for p in found]}")
    return found[0]


def rel(path: Path) -> str:
    return path.relative_to(RULES).as_posix()


def load_yaml(path: Path):
    return yamlio.parse_safe(path.read_text("utf-8"))


def validator(path: Path) -> jsonschema.protocols.Validator:
    schema = json.loads(path.read_text("utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def problems(schema_file: Path, data) -> list[str]:
    found = validator(schema_file).iter_errors(data)
    return [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in found]


YAML_FILES = shipped_yaml()


def test_the_rule_data_holds_yaml_files():
    assert len(YAML_FILES) > 15


@pytest.mark.parametrize("yaml_file", YAML_FILES, ids=[rel(p) for p in YAML_FILES])
def test_shipped_yaml_matches_its_schema(yaml_file: Path):
    schema_file = schema_path(yaml_file)
    schema = json.loads(schema_file.read_text("utf-8"))
    assert schema.get("$schema") == "https://json-schema.org/draft/2020-12/schema", rel(schema_file)
    assert schema.get("title") and schema.get("description"), f"{rel(schema_file)} needs a title and a description"
    found = problems(schema_file, load_yaml(yaml_file))
    assert not found, f"rules/{rel(yaml_file)} does not match {rel(schema_file)}:\n" + "\n".join(found)


def test_every_schema_is_used():
    used = {schema_path(p) for p in YAML_FILES}
    orphans = [rel(p) for p in shipped_schemas() if p not in used]
    assert not orphans, f"schemas that no YAML file uses: {orphans}"


def test_component_and_category_enums_match_the_code():
    """The schemas spell out component ids and license categories; they
    must stay the lists the code accepts."""
    for path in shipped_schemas():
        defs = json.loads(path.read_text("utf-8")).get("$defs", {})
        if "componentId" in defs:
            assert defs["componentId"]["enum"] == list(components.ALL), rel(path)
        if "category" in defs:
            assert defs["category"]["enum"] == list(frameworks.CATEGORIES), rel(path)


# -- the schemas reject realistic mistakes --------------------------------------

def broken(name: str, change) -> tuple[Path, object]:
    """rules/NAME parsed, with one mistake made by change(data)."""
    data = copy.deepcopy(load_yaml(RULES / name))
    change(data)
    return schema_path(RULES / name), data


def _misspell_severity(data):
    rule = data["rules"]["LIC001"]
    rule["severty"] = rule.pop("severity")


def _fatal_severity(data):
    data["rules"]["LIC001"]["severity"] = "fatal"


def _drop_doc_heading(data):
    del data["rules"]["LIC001"]["doc"]["how-to-fix"]


def _bad_code(data):
    data["rules"]["LIC01"] = data["rules"].pop("LIC001")


def _unknown_component(data):
    data["rules"]["LIC001"]["component"] = "code-licence"


def _level_without_id(data):
    del data["levels"][1]["id"]


def _binary_key_in_classes(data):
    data["requirements"] = [{"id": "code", "components": ["training-code"]}]


def _unknown_category(data):
    data["requirements"][0]["accept"].append("open-source")


def _criterion_without_source(data):
    del data["criteria"]["code-preprocessing"]["component"]


def _profile_typo(data):
    data["component"] = data.pop("components")


def _hub_family_with_license(data):
    data["ids"]["bsd"]["license"] = "BSD-3-Clause"


def _capital_phrase(data):
    data["texts"][0]["phrases"][0] = "Apache License"


def _missing_pattern_component(data):
    del data["components"]["datasets"]


def _staged_lower_prefix(data):
    data["other"] = ["lic"]


def _policy_word_list_typo(data):
    data["reporting"]["harm-word"] = data["reporting"].pop("harm-words")


def _section_without_title(data):
    del data["sections"]["contact"]["title"]


def _stack_unknown_component(data):
    data["groups"][0]["components"]["training-data"] = "Training data"


BREAKAGES = [
    ("packs/licenses.yaml", _misspell_severity, "severty"),
    ("packs/licenses.yaml", _fatal_severity, "fatal"),
    ("packs/licenses.yaml", _drop_doc_heading, "how-to-fix"),
    ("packs/licenses.yaml", _bad_code, "LIC01"),
    ("packs/licenses.yaml", _unknown_component, "code-licence"),
    ("frameworks/mof.yaml", _level_without_id, "id"),
    ("frameworks/mof.yaml", _binary_key_in_classes, "requirements"),
    ("frameworks/osaid.yaml", _unknown_category, "open-source"),
    ("frameworks/columbia.yaml", _criterion_without_source, "code-preprocessing"),
    ("profiles/reproducibility.yaml", _profile_typo, "component"),
    ("licenses/hub.yaml", _hub_family_with_license, "bsd"),
    ("licenses/texts.yaml", _capital_phrase, "Apache License"),
    ("components.yaml", _missing_pattern_component, "datasets"),
    ("staged.yaml", _staged_lower_prefix, "lic"),
    ("policy/policy.yaml", _policy_word_list_typo, "harm-word"),
    ("cards/sections.yaml", _section_without_title, "title"),
    ("report/stack.yaml", _stack_unknown_component, "training-data"),
]


@pytest.mark.parametrize(("name", "change", "mentioned"), BREAKAGES,
                         ids=[f"{name}:{change.__name__.lstrip('_')}" for name, change, _ in BREAKAGES])
def test_schema_rejects_a_realistic_mistake(name, change, mentioned):
    schema_file, data = broken(name, change)
    found = problems(schema_file, data)
    assert found, f"{rel(schema_file)} accepted rules/{name} with {change.__name__.lstrip('_')}"
    assert any(mentioned in problem for problem in found), found


def test_the_unbroken_copies_still_validate():
    """The breakages above fail for the change made, not for the copy."""
    for name in sorted({name for name, _, _ in BREAKAGES}):
        schema_file, data = broken(name, lambda data: None)
        assert not problems(schema_file, data), name
