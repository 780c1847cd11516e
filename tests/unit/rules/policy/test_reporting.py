"""RPT001-RPT005 on one fixture repository per channel defect."""

from __future__ import annotations

from tests.helpers.policy import MODEL_BODY, SECURITY, card, found, lint, messages

WEIGHTS = b"\x00stand-in weights, never read\x00"
CONDUCT = "# Code of conduct\n\nBe patient and kind with everyone who takes part.\n"
TEMPLATE = ("# Security Policy\n\n## Reporting a Vulnerability\n\n"
            "Use this section to tell people how we want to hear about flaws.\n")
VULNERABILITIES_ONLY = "# Security\n\nEmail <security@example.org> about vulnerabilities in our code.\n"
CONTACT = "\n## Model Card Contact\n\nReport misuse or harmful outputs to <mailto:safety@example.org>.\n"


def rpt(root, **kwargs) -> set:
    return {item for item in found(root, **kwargs) if item[0].startswith("RPT")}


# -- RPT001 / RPT002: no channel -----------------------------------------------------

def test_code_of_conduct_alone_with_weights(make_repo):
    root = make_repo({"CODE_OF_CONDUCT.md": CONDUCT, "model.safetensors": WEIGHTS, "README.md": "# tiny\n"})
    assert rpt(root) == {("RPT001", "CODE_OF_CONDUCT.md", None)}
    [message] = messages(root, "RPT001")
    assert "CODE_OF_CONDUCT.md is a code of conduct, not a reporting channel" in message


def test_code_of_conduct_alone_without_weights_or_card(make_repo):
    root = make_repo({".github/CODE_OF_CONDUCT.md": CONDUCT, "train.py": "print('train')\n"})
    assert rpt(root) == {("RPT002", ".github/CODE_OF_CONDUCT.md", None)}
    assert "code of conduct, not a reporting channel" in messages(root, "RPT002")[0]


def test_model_card_without_any_channel(make_repo):
    root = make_repo({"README.md": card("license: mit", MODEL_BODY)})
    assert rpt(root) == {("RPT001", None, None)}


def test_no_channel_and_nothing_like_one_in_a_code_release(make_repo):
    root = make_repo({"train.py": "print('train')\n"})
    assert rpt(root) == {("RPT002", None, None)}


def test_required_channel_makes_a_code_release_an_error(make_repo):
    root = make_repo({"train.py": "print('train')\n"})
    assert rpt(root, require=("reporting-channel",)) == {("RPT001", None, None)}


def test_security_template_alone(make_repo):
    root = make_repo({"SECURITY.md": TEMPLATE, "model.safetensors": WEIGHTS})
    assert rpt(root) == {("RPT001", "SECURITY.md", 5)}
    assert "SECURITY.md holds only template text" in messages(root, "RPT001")[0]


def test_placeholder_contact_section_alone(make_repo):
    body = MODEL_BODY + "\n## Model Card Contact\n\n[More Information Needed]\n"
    root = make_repo({"README.md": card("license: mit", body)})
    assert rpt(root) == {("RPT001", "README.md", 12)}
    assert "placeholder" in messages(root, "RPT001")[0]


def test_malformed_address_is_no_channel(make_repo):
    root = make_repo({"SECURITY.md": "# Security\n\nWrite to safety@example about misuse.\n",
                      "model.safetensors": WEIGHTS})
    assert rpt(root) == {("RPT001", "SECURITY.md", None), ("RPT003", "SECURITY.md", 3)}


# -- RPT003: addresses written so they fail -----------------------------------------------

def test_email_as_a_link_target_without_mailto(make_repo):
    body = MODEL_BODY + "\n## Contact\n\nReport misuse to [our team](safety@example.org).\n"
    root = make_repo({"README.md": card("license: mit", body)})
    # the address itself is real, so the release has a channel; the link is still broken
    assert rpt(root) == {("RPT003", "README.md", 14)}
    assert lint(root).findings[0].column == 29


def test_malformed_address_in_a_use_policy(make_repo):
    policy = "# Use policy\n\nNo profiling.\n\nReport violations to abuse@example..org or abuse@example.org.\n"
    root = make_repo({"USE_POLICY.md": policy})
    assert rpt(root) == {("RPT003", "USE_POLICY.md", 5)}


# -- RPT003 reads only words written as addresses ----------------------------------------

RESULTS = """\
# tiny-coder

## Results

We report pass@1 on the code benchmarks, and recall@10 for retrieval.

| Benchmark | pass@1 | pass@k |
|---|---|---|
| Coding-A | 31.2 | 40.5 |
"""


def test_pass_at_1_in_a_readme_results_table_is_a_metric(make_repo):
    root = make_repo({"README.md": RESULTS, "train.py": "print('train')\n"})
    assert rpt(root) == {("RPT002", None, None)}


def test_pass_at_1_in_a_model_card_results_passage_is_a_metric(make_repo):
    root = make_repo({"README.md": card("license: mit", MODEL_BODY + CONTACT + "\n" + RESULTS.split("\n", 2)[2])})
    assert rpt(root) == set()


def test_malformed_address_in_a_mailto_link(make_repo):
    readme = RESULTS + "\nThe authors are glad to hear from you: [write to us](mailto:team@example).\n"
    root = make_repo({"README.md": readme, "train.py": "print('train')\n"})
    assert rpt(root) == {("RPT002", None, None), ("RPT003", "README.md", 11)}
    [finding] = [f for f in lint(root).findings if f.code == "RPT003"]
    assert finding.column == readme.splitlines()[10].index("team@example") + 1


def test_malformed_address_in_a_contact_section(make_repo):
    body = MODEL_BODY + "\n## Contact\n\nQuestions: safety@example\n"
    root = make_repo({"README.md": card("license: mit", body)})
    assert ("RPT003", "README.md", 14) in rpt(root)


def test_malformed_email_shaped_link_without_mailto(make_repo):
    readme = RESULTS + "\nThe authors are glad to hear from you: [our team](team@example).\n"
    root = make_repo({"README.md": readme, "train.py": "print('train')\n"})
    assert rpt(root) == {("RPT002", None, None), ("RPT003", "README.md", 11)}
    assert "without `mailto:`" in messages(root, "RPT003")[0]


def test_image_with_an_at_in_its_name_is_no_address(make_repo):
    body = MODEL_BODY + CONTACT + "\n![logo](logo@2x.png)\n"
    root = make_repo({"README.md": card("license: mit", body), "logo@2x.png": b"\x89PNG"})
    assert rpt(root) == set()


# -- RPT004: redress ---------------------------------------------------------------------

def test_only_a_vulnerability_channel(make_repo):
    root = make_repo({"SECURITY.md": VULNERABILITIES_ONLY, "README.md": card("license: mit", MODEL_BODY)})
    assert rpt(root) == {("RPT004", "SECURITY.md", 3)}
    [finding] = [f for f in lint(root).findings if f.code == "RPT004"]
    assert finding.severity.label == "info"
    assert "cover only security vulnerabilities" in finding.message
    assert "misuse, harmful outputs or wrong model behaviour" in finding.message


def test_card_that_invites_reports_of_harm(make_repo):
    root = make_repo({"SECURITY.md": VULNERABILITIES_ONLY,
                      "README.md": card("license: mit", MODEL_BODY + CONTACT)})
    assert rpt(root) == set()


def test_issue_form_for_harmful_outputs_is_redress(make_repo):
    form = ("name: Report a harmful output\ndescription: Tell us what the model said\n"
            "body:\n  - type: textarea\n    attributes: {label: The output}\n")
    root = make_repo({"SECURITY.md": VULNERABILITIES_ONLY, ".github/ISSUE_TEMPLATE/harm.yml": form,
                      "README.md": card("license: mit", MODEL_BODY)})
    assert rpt(root) == set()


def test_contact_without_a_word_about_harm(make_repo):
    body = MODEL_BODY + "\n## Contact\n\nQuestions go to <team@example.org>.\n"
    root = make_repo({"README.md": card("license: mit", body)})
    assert rpt(root) == {("RPT004", "README.md", 14)}
    assert "do not say they take reports of harm" in messages(root, "RPT004")[0]


# -- RPT005: template text beside a real channel ------------------------------------------

def test_security_template_next_to_a_real_channel(make_repo):
    root = make_repo({"SECURITY.md": TEMPLATE, "README.md": card("license: mit", MODEL_BODY + CONTACT)})
    assert rpt(root) == {("RPT005", "SECURITY.md", 5)}


def test_complete_channel_set_is_clean(make_repo):
    root = make_repo({"SECURITY.md": SECURITY, "README.md": card("license: mit", MODEL_BODY + CONTACT)})
    assert rpt(root) == set()


def test_malformed_address_in_a_readme_reporting_passage(make_repo):
    readme = "# tiny-tool\n\nA tool.\n\nFound a problem? Email maintainers@example, we read everything.\n"
    root = make_repo({"README.md": readme, "train.py": "print('train')\n"})
    assert rpt(root) == {("RPT002", None, None), ("RPT003", "README.md", 5)}
