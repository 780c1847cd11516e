"""Each form of acceptable use policy is found, and recorded as its own kind."""

from __future__ import annotations

import pytest
from openness_lint.analysis.policy import forms

from tests.helpers.policy import MODEL_BODY, POLICY, POLICY_URL, card, context, gemma_bare, llama, rail


def found(make_repo, files: dict[str, str]) -> list[tuple[str, str, int | None, str | None]]:
    return [(f.form, f.path, f.line, f.url) for f in forms.forms(context(make_repo(files)))]


@pytest.mark.parametrize("name", [
    "USE_POLICY.md", "USAGE_POLICY", "USAGE_POLICY.md", "ACCEPTABLE_USE_POLICY.md", "AUP.md",
    "use-policy.txt", "models/alpha/USE_POLICY.md", "docs/acceptable-use-policy.rst",
])
def test_policy_file_names(make_repo, name):
    assert found(make_repo, {name: POLICY}) == [("file", name, None, None)]


@pytest.mark.parametrize("name", ["POLICY.md", "use_policy.py", "tests/USE_POLICY.md", "examples/x/AUP.md"])
def test_names_that_are_not_policy_files(make_repo, name):
    assert found(make_repo, {name: POLICY}) == []


def test_empty_policy_file_is_no_policy(make_repo):
    assert found(make_repo, {"USE_POLICY.md": "\n  \n"}) == []


def test_use_restrictions_attached_to_a_license(make_repo):
    assert found(make_repo, {"LICENSE-MODEL": rail(attachment=True)}) == [
        ("license-attachment", "LICENSE-MODEL", 11, None)]


def test_use_restrictions_mentioned_in_a_sentence_are_no_attachment(make_repo):
    text = rail() + "\nWhoever shares the model keeps the Use Restrictions that these terms impose.\n"
    assert found(make_repo, {"LICENSE-MODEL": text}) == []


def test_policy_incorporated_by_reference(make_repo):
    assert found(make_repo, {"LICENSE": llama()}) == [("license-reference", "LICENSE", 12, POLICY_URL)]


def test_policy_incorporated_by_an_address_without_scheme(make_repo):
    assert found(make_repo, {"LICENSE": gemma_bare()}) == [
        ("license-reference", "LICENSE", 12, "policies.example.org/gemma-like/prohibited-use")]


def test_license_with_an_address_but_no_policy_is_no_reference(make_repo):
    text = rail() + "\nThe authors publish news about the model at https://news.example.org/tiny.\n"
    assert found(make_repo, {"LICENSE-MODEL": text}) == []


def test_gated_prompt_in_card_metadata(make_repo):
    front = "license: mit\nextra_gated_prompt: You agree not to use the model to profile people."
    assert found(make_repo, {"README.md": card(front, MODEL_BODY)}) == [("gated-prompt", "README.md", 3, None)]


@pytest.mark.parametrize("heading", ["### Out-of-Scope Use", "## Prohibited uses", "## Misuse and malicious use"])
def test_card_section_that_says_what_not_to_do(make_repo, heading):
    body = MODEL_BODY + f"\n{heading}\n\nAnything that decides about a person.\n"
    assert found(make_repo, {"README.md": card("license: mit", body)}) == [("card-section", "README.md", 12, None)]


def test_card_section_with_only_a_placeholder_is_no_policy(make_repo):
    body = MODEL_BODY + "\n### Out-of-Scope Use\n\n[More Information Needed]\n"
    assert found(make_repo, {"README.md": card("license: mit", body)}) == []


def test_readme_that_is_not_a_card_has_no_card_sections(make_repo):
    readme = "# tiny-tool\n\n## Out of scope\n\nWindows support.\n"
    assert found(make_repo, {"README.md": readme}) == []


def test_card_link_to_a_policy_elsewhere(make_repo):
    body = MODEL_BODY + f"\nUse of the model is bound by the [acceptable use policy]({POLICY_URL}).\n"
    assert found(make_repo, {"README.md": card("license: mit", body)}) == [
        ("card-link", "README.md", 12, POLICY_URL)]


def test_relative_link_to_a_policy_file_is_the_file_form_only(make_repo):
    body = MODEL_BODY + "\nRead the [use policy](USE_POLICY.md).\n"
    files = {"README.md": card("license: mit", body), "USE_POLICY.md": POLICY}
    assert found(make_repo, files) == [("file", "USE_POLICY.md", None, None)]


def test_every_form_in_one_release_each_its_own_kind(make_repo):
    front = "license: creativeml-openrail-m\nextra_gated_prompt: Agree to the use restrictions first."
    body = MODEL_BODY + f"\n## Out-of-Scope Use\n\nProfiling.\n\nThe [use policy]({POLICY_URL}).\n"
    files = {"README.md": card(front, body), "USE_POLICY.md": POLICY,
             "LICENSE-MODEL": rail(attachment=True), "LICENSE": llama()}
    assert {item[0] for item in found(make_repo, files)} == {
        "file", "license-attachment", "license-reference", "gated-prompt", "card-section", "card-link"}


def test_sentence_wrapped_onto_an_attachment_line_is_no_attachment(make_repo):
    text = rail() + "\nThe restrictions set out in\nAttachment A are binding on everyone who receives the model.\n"
    assert found(make_repo, {"LICENSE-MODEL": text}) == []
