"""Rule packs: validation with file and line, and user rules with require-file."""

from __future__ import annotations

import json

import pytest
from openness_lint import registry
from openness_lint.errors import ConfigError
from openness_lint.finding import Severity

PACK = """\
pack: our-policy
rules:
  ORG001:
    name: changelog-missing
    summary: Every release keeps a changelog.
    severity: warning
    component: null
    fix: Add CHANGELOG.md.
    check: {kind: require-file, files: [CHANGELOG.md, CHANGES.md]}
    doc:
      what-it-does: Requires a changelog at the root.
      why-is-this-bad: Users cannot tell what changed between model versions.
      example: A release with no CHANGELOG.md.
      how-to-fix: Add CHANGELOG.md.
"""


def parse_error(text: str) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        registry.parse_pack(text, "ci/policy.yaml")
    assert caught.value.path == "ci/policy.yaml"
    return caught.value


def test_valid_pack_is_parsed():
    (rule,) = registry.parse_pack(PACK, "ci/policy.yaml")
    assert (rule.code, rule.name, rule.severity, rule.component, rule.pack) == (
        "ORG001", "changelog-missing", Severity.WARNING, None, "our-policy")
    assert set(rule.doc) == set(registry.DOC_HEADINGS)


@pytest.mark.parametrize("code", ["ORG1", "org001", "O001", "ORGAN001", "ORG0001"])
def test_bad_code_format_names_its_line(code):
    assert parse_error(PACK.replace("ORG001:", f"{code}:")).line == 3


def test_missing_doc_heading_names_the_doc_line():
    assert parse_error(PACK.replace("      example: A release with no CHANGELOG.md.\n", "")).line == 10


def test_missing_doc_names_the_rule_line():
    text = PACK[:PACK.index("    doc:")]
    assert parse_error(text).line == 3


def test_unknown_component_names_its_line():
    assert parse_error(PACK.replace("component: null", "component: vibes")).line == 7


def test_known_component_is_accepted():
    (rule,) = registry.parse_pack(PACK.replace("component: null", "component: model-card"), "p.yaml")
    assert rule.component == "model-card"


def test_unknown_key_names_its_line():
    assert parse_error(PACK.replace("    fix: Add CHANGELOG.md.\n", "    fix: Add CHANGELOG.md.\n    owner: me\n")).line == 9


def test_bad_severity_names_its_line():
    assert parse_error(PACK.replace("severity: warning", "severity: fatal")).line == 6


def test_unknown_check_kind_names_its_line():
    assert parse_error(PACK.replace("kind: require-file", "kind: shell")).line == 9


def test_require_file_without_files_names_the_check_line():
    assert parse_error(PACK.replace("files: [CHANGELOG.md, CHANGES.md]", "files: []")).line == 9


def test_rule_without_implementation_names_its_line():
    text = PACK.replace("    check: {kind: require-file, files: [CHANGELOG.md, CHANGES.md]}\n", "")
    assert parse_error(text).line == 3


def test_a_pack_must_have_rules():
    assert parse_error("pack: x\n").line == 1


def test_duplicate_code_within_a_pack_is_invalid_yaml():
    body = PACK[PACK.index("  ORG001:"):]
    assert parse_error(PACK + body).line == 15


def test_duplicate_code_across_packs(tmp_path):
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text(PACK)
    second.write_text(PACK.replace("our-policy", "other-policy"))
    with pytest.raises(ConfigError) as caught:
        registry.load([first, second])
    assert "ORG001" in caught.value.message


def test_user_pack_cannot_redefine_a_builtin_code(tmp_path):
    pack = tmp_path / "p.yaml"
    pack.write_text(PACK.replace("ORG001", "LIC001"))
    with pytest.raises(ConfigError) as caught:
        registry.load([pack])
    assert "LIC001" in caught.value.message


def test_unreadable_pack_names_the_file(tmp_path):
    with pytest.raises(ConfigError) as caught:
        registry.load([tmp_path / "missing.yaml"], display=lambda p: p.name)
    assert caught.value.path == "missing.yaml"


def test_known_accepts_codes_prefixes_and_all():
    rules = registry.load()
    assert rules.known("LIC001") and rules.known("lic") and rules.known("ALL") and rules.known("OL00")
    assert not rules.known("LIC999") and not rules.known("XYZ")


def run_with_pack(make_repo, run_cli, files: dict[str, str]):
    root = make_repo({
        ".openness-lint.yaml": "packs: [ci/policy.yaml]\n",
        "ci/policy.yaml": PACK,
        "LICENSE": "MIT License\n",
        **files,
    })
    result = run_cli("check", str(root), "--format", "json", "--select", "ORG001")
    assert result.code in (0, 1), result
    return {(f["rule"], f["path"], f["line"]) for f in json.loads(result.stdout)["findings"]}


def test_require_file_fires_when_no_file_matches(make_repo, run_cli):
    assert run_with_pack(make_repo, run_cli, {"docs/CHANGELOG.md": "nested, not at the root"}) == {
        ("ORG001", None, None)}


@pytest.mark.parametrize("name", ["CHANGELOG.md", "CHANGES.md"])
def test_require_file_is_quiet_when_a_file_matches(make_repo, run_cli, name):
    assert run_with_pack(make_repo, run_cli, {name: "v1\n"}) == set()


def test_pack_rules_are_listed(make_repo, run_cli):
    root = make_repo({"policy.yaml": PACK})
    result = run_cli("rules", "--pack", str(root / "policy.yaml"))
    assert result.code == 0
    assert any(line.startswith("ORG001  warning") for line in result.stdout.splitlines())


def test_bad_pack_in_config_exits_2_naming_file_and_line(make_repo, run_cli):
    root = make_repo({".openness-lint.yaml": "packs: [policy.yaml]\n",
                      "policy.yaml": PACK.replace("component: null", "component: vibes")})
    result = run_cli("check", str(root))
    assert result.code == 2
    assert result.stderr.count("\n") == 1
    assert "policy.yaml:7:" in result.stderr
