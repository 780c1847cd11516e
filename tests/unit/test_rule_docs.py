"""Rule docs: the severity heading is required in shipped packs, optional in users' packs."""

from __future__ import annotations

import pytest
from openness_lint import registry
from openness_lint.errors import ConfigError
from openness_lint.text import yamlio

PACK = """\
pack: our-policy
rules:
  ORG001:
    name: changelog-missing
    summary: Every release keeps a changelog.
    severity: warning
    component: null
    fix: Add CHANGELOG.md.
    check: {kind: require-file, files: [CHANGELOG.md]}
    doc:
      what-it-does: Requires a changelog at the root.
      why-is-this-bad: Users cannot tell what changed between model versions.
      example: A release with no CHANGELOG.md.
      how-to-fix: Add CHANGELOG.md.
"""
SEVERITY_LINE = "      why-this-severity: A warning, since some releases keep their changes on a web page.\n"
WITH_SEVERITY = PACK.replace("      example:", SEVERITY_LINE + "      example:")


def test_users_pack_without_the_severity_heading_prints_four_headings():
    (rule,) = registry.parse_pack(PACK, "ci/policy.yaml")
    assert "## Why this severity" not in rule.explain()
    assert [key for key, _ in rule.doc_sections()] == list(registry.DOC_HEADINGS)


def test_users_pack_with_the_severity_heading_prints_it_after_why():
    (rule,) = registry.parse_pack(WITH_SEVERITY, "ci/policy.yaml")
    text = rule.explain()
    assert text.index("## Why is this bad?") < text.index("## Why this severity") < text.index("## Example")
    assert "some releases keep their changes on a web page" in text


def test_users_pack_with_a_severity_heading_that_is_not_text_names_its_line():
    text = PACK.replace("      example:", "      why-this-severity: [a, list]\n      example:")
    with pytest.raises(ConfigError) as caught:
        registry.parse_pack(text, "ci/policy.yaml")
    assert caught.value.line == 13


def test_shipped_pack_without_the_severity_heading_is_an_error():
    data = yamlio.load(PACK.replace("check: {kind: require-file, files: [CHANGELOG.md]}", "check: {kind: engine}"))
    with pytest.raises(ConfigError, match="why-this-severity"):
        registry.rules_of(data, "rules/packs/org.yaml", "org")
