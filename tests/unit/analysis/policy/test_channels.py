"""Each reporting channel is found with its address; near misses are not channels."""

from __future__ import annotations

import pytest
from openness_lint.analysis.policy import channels

from tests.helpers.policy import MODEL_BODY, POLICY, SECURITY, card, context


def found(make_repo, files: dict[str, str]) -> list[tuple[str, str, str, str, int | None]]:
    return [(c.kind, c.address, c.source, c.path, c.line)
            for c in channels.reporting(context(make_repo(files))).channels]


def not_channels(make_repo, files: dict[str, str]) -> list[tuple[str, int | None]]:
    return [(n.path, n.line) for n in channels.reporting(context(make_repo(files))).not_channels]


@pytest.mark.parametrize("path", [
    "SECURITY.md", ".github/SECURITY.md", "docs/SECURITY.md", "SECURITY.markdown", "SECURITY.rst",
    "docs/security.adoc", "SECURITY.txt", "SECURITY",
])
def test_security_policy_where_github_looks(make_repo, path):
    assert found(make_repo, {path: SECURITY}) == [("email", "safety@example.org", "security-policy", path, 3)]


def test_security_policy_elsewhere_is_not_one(make_repo):
    assert found(make_repo, {"src/SECURITY.md": SECURITY}) == []


@pytest.mark.parametrize("path", ["security.txt", ".well-known/security.txt"])
def test_security_txt(make_repo, path):
    text = "Contact: mailto:security@example.org\nContact: https://example.org/report\nExpires: 2031-01-01T00:00:00Z\n"
    assert found(make_repo, {path: text}) == [
        ("email", "security@example.org", "security-txt", path, 1),
        ("url", "https://example.org/report", "security-txt", path, 2)]


@pytest.mark.parametrize("heading", ["## Model Card Contact", "## Contact", "## Reporting", "## Contact us"])
def test_contact_section_of_a_card(make_repo, heading):
    body = MODEL_BODY + f"\n{heading}\n\nWrite to <mailto:team@example.org>.\n"
    assert found(make_repo, {"README.md": card("license: mit", body)}) == [
        ("email", "team@example.org", "contact-section", "README.md", 14)]


def test_contact_section_of_a_plain_readme(make_repo):
    readme = "# tiny-tool\n\n## Contact\n\nIssues go to https://example.org/tiny-tool/issues\n"
    assert found(make_repo, {"README.md": readme}) == [
        ("url", "https://example.org/tiny-tool/issues", "contact-section", "README.md", 5)]


def test_technical_report_section_is_no_contact(make_repo):
    body = MODEL_BODY + "\n## Technical report\n\nThe method is in https://example.org/papers/tiny.pdf\n"
    assert found(make_repo, {"README.md": card("license: mit", body)}) == []


def test_reporting_passage_outside_a_contact_section(make_repo):
    readme = "# tiny-tool\n\nA tool.\n\nQuestions or problems? Email maintainers@example.org.\n"
    assert found(make_repo, {"README.md": readme}) == [
        ("email", "maintainers@example.org", "report-passage", "README.md", 5)]


def test_address_without_reporting_words_outside_a_contact_section(make_repo):
    readme = "# tiny-tool\n\nBuilt by lab@example.org, documented at https://example.org/docs.\n"
    assert found(make_repo, {"README.md": readme}) == []


def test_reporting_address_inside_the_use_policy(make_repo):
    assert found(make_repo, {"USE_POLICY.md": POLICY}) == [
        ("email", "abuse@example.org", "use-policy", "USE_POLICY.md", 5)]


def test_issue_templates_and_forms(make_repo):
    files = {
        ".github/ISSUE_TEMPLATE/harmful-output.md": "---\nname: Harmful output\n---\nWhat did the model say?\n",
        ".github/ISSUE_TEMPLATE/bug.yml": "name: Wrong answer\ndescription: The model got it wrong\nbody:\n"
                                           "  - type: textarea\n    attributes: {label: What happened}\n",
        ".github/ISSUE_TEMPLATE/notes.yml": "name: Not a form\n",
        ".github/ISSUE_TEMPLATE/config.yml": "blank_issues_enabled: false\ncontact_links:\n"
                                              "  - name: Misuse reports\n    url: https://example.org/misuse\n"
                                              "    about: For misuse of the model.\n",
    }
    assert found(make_repo, files) == [
        ("issue-form", ".github/ISSUE_TEMPLATE/bug.yml", "issue-template", ".github/ISSUE_TEMPLATE/bug.yml", 1),
        ("url", "https://example.org/misuse", "issue-contact-link", ".github/ISSUE_TEMPLATE/config.yml", 4),
        ("issue-form", ".github/ISSUE_TEMPLATE/harmful-output.md", "issue-template",
         ".github/ISSUE_TEMPLATE/harmful-output.md", None),
    ]


def test_config_without_contact_links_and_broken_yaml_are_no_channel(make_repo):
    files = {".github/ISSUE_TEMPLATE/config.yml": "blank_issues_enabled: false\n",
             ".github/ISSUE_TEMPLATE/form.yml": "name: [unclosed\n"}
    assert found(make_repo, files) == []


def test_code_of_conduct_is_never_a_channel(make_repo):
    conduct = "# Code of conduct\n\nBe kind. Tell the maintainers at conduct@example.org about abuse.\n"
    files = {"CODE_OF_CONDUCT.md": conduct}
    assert found(make_repo, files) == []
    assert not_channels(make_repo, files) == [("CODE_OF_CONDUCT.md", None)]


def test_security_policy_template_text_is_no_channel(make_repo):
    template = ("# Security Policy\n\n## Supported Versions\n\n"
                "Use this section to tell people which of our versions get fixes.\n")
    files = {"SECURITY.md": template}
    assert found(make_repo, files) == []
    assert not_channels(make_repo, files) == [("SECURITY.md", 5)]


def test_placeholder_contact_section_is_no_channel(make_repo):
    body = MODEL_BODY + "\n## Model Card Contact\n\n[More Information Needed]\n"
    files = {"README.md": card("license: mit", body)}
    assert found(make_repo, files) == []
    assert not_channels(make_repo, files) == [("README.md", 12)]
