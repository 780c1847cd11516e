"""AUP001-AUP004 on one fixture repository per form and per defect."""

from __future__ import annotations

from tests.helpers.builders import locations
from tests.helpers.policy import (
    MODEL_BODY,
    POLICY,
    POLICY_URL,
    SECURITY,
    card,
    found,
    gemma_bare,
    lint,
    llama,
    messages,
    rail,
)

WEIGHTS = b"\x00stand-in weights, never read\x00"
RAIL_CARD = card("license: creativeml-openrail-m", MODEL_BODY)
LINKED = "\nThe [use policy](USE_POLICY.md) lists what the model must not do.\n"


def aup(root, *codes: str) -> set:
    return {item for item in found(root) if item[0].startswith(codes or ("AUP",))}


# -- AUP001: a license that needs a reachable policy ---------------------------------

def test_rail_license_without_restrictions_or_policy(make_repo):
    root = make_repo({"LICENSE-MODEL": rail(), "README.md": RAIL_CARD, "model.safetensors": WEIGHTS})
    assert aup(root) == {("AUP001", "LICENSE-MODEL", 1)}
    [message] = messages(root, "AUP001")
    assert "use restrictions" in message and "USE_POLICY.md" in message and "Attachment A" in message


def test_rail_license_with_its_attachment(make_repo):
    root = make_repo({"LICENSE-MODEL": rail(attachment=True), "README.md": RAIL_CARD, "model.safetensors": WEIGHTS})
    assert aup(root) == set()


def test_rail_license_with_a_linked_policy_file(make_repo):
    root = make_repo({"LICENSE-MODEL": rail(), "README.md": RAIL_CARD + LINKED, "USE_POLICY.md": POLICY})
    assert aup(root) == set()


def test_rail_license_with_a_card_link_to_the_policy(make_repo):
    body = MODEL_BODY + f"\nThe model's [acceptable use policy]({POLICY_URL}) binds every user.\n"
    root = make_repo({"LICENSE-MODEL": rail(), "README.md": card("license: creativeml-openrail-m", body)})
    assert aup(root) == set()


def test_rail_license_with_a_gated_prompt(make_repo):
    front = "license: creativeml-openrail-m\nextra_gated_prompt: You agree not to profile people with it."
    root = make_repo({"LICENSE-MODEL": rail(), "README.md": card(front, MODEL_BODY)})
    assert aup(root) == set()


def test_out_of_scope_section_does_not_carry_a_licenses_restrictions(make_repo):
    body = MODEL_BODY + "\n## Out-of-Scope Use\n\nProfiling people.\n"
    root = make_repo({"LICENSE-MODEL": rail(), "README.md": card("license: creativeml-openrail-m", body)})
    assert aup(root) == {("AUP001", "LICENSE-MODEL", 1)}


def test_use_restricted_license_named_only_in_the_card(make_repo):
    root = make_repo({"README.md": RAIL_CARD, "model.safetensors": WEIGHTS})
    assert aup(root) == {("AUP001", "README.md", 2)}


def test_use_restricted_code_license(make_repo):
    root = make_repo({"LICENSE": rail(), "train.py": "print('train')\n"})
    assert aup(root) == {("AUP001", "LICENSE", 1)}


def test_open_license_needs_no_policy(make_repo):
    root = make_repo({"LICENSE": "SPDX-License-Identifier: MIT\n", "README.md": card("license: mit", MODEL_BODY)})
    assert aup(root) == set()


def test_policy_by_reference_that_nothing_reaches(make_repo):
    root = make_repo({"LICENSE": llama(), "README.md": card("license: llama3", MODEL_BODY)})
    assert aup(root) == {("AUP001", "LICENSE", 12)}
    [message] = messages(root, "AUP001")
    assert POLICY_URL in message and "by reference" in message


def test_policy_by_reference_without_scheme(make_repo):
    root = make_repo({"LICENSE": gemma_bare(), "README.md": card("license: gemma", MODEL_BODY)})
    assert aup(root) == {("AUP001", "LICENSE", 12)}


def test_policy_by_reference_that_the_card_names(make_repo):
    body = MODEL_BODY + "\nThe policy at <https://policies.example.org/tiny-llm/use-policy/> applies.\n"
    root = make_repo({"LICENSE": llama(), "README.md": card("license: llama3", body)})
    assert aup(root) == set()


def test_policy_by_reference_with_a_copy_in_the_repository(make_repo):
    root = make_repo({"LICENSE": llama(), "README.md": card("license: llama3", MODEL_BODY + LINKED),
                      "USE_POLICY.md": POLICY})
    assert aup(root) == set()


# -- the monorepo: each model picks up its own policy and the shared channel -------------

def monorepo(with_beta_policy: bool = True) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {
        "LICENSE": "SPDX-License-Identifier: Apache-2.0\n",
        "README.md": "# tiny-models\n\nTwo small models: [alpha](models/alpha/MODEL_CARD.md) and "
                     "[beta](models/beta/MODEL_CARD.md). Reports go to [SECURITY.md](SECURITY.md).\n",
        "SECURITY.md": SECURITY,
    }
    for name, license_text in (("alpha", llama()), ("beta", rail())):
        files[f"models/{name}/LICENSE"] = license_text
        files[f"models/{name}/MODEL_CARD.md"] = (
            f"# {name}\n\nA model of the tiny family.\n\n## Uses\n\nTests.\n\n"
            "## Contact\n\nReport problems as [SECURITY.md](../../SECURITY.md) says.\n" + LINKED)
        files[f"models/{name}/model.safetensors"] = WEIGHTS
        files[f"models/{name}/USE_POLICY.md"] = (
            f"# Use policy for {name}\n\nDo not use {name} to profile people.\n\n"
            "Report violations to the address in [SECURITY.md](../../SECURITY.md).\n")
    if not with_beta_policy:
        del files["models/beta/USE_POLICY.md"]
    return files


def test_monorepo_passes_cleanly(make_repo):
    root = make_repo(monorepo())
    report = lint(root)
    assert locations(report.findings) == set()
    assert set(report.releases) == {"models/alpha", "models/beta"}
    forms_found = [f for release in report.releases.values()
                   for f in release.components["acceptable-use-policy"].forms]
    assert {(f.form, f.path) for f in forms_found} >= {
        ("file", "models/alpha/USE_POLICY.md"), ("file", "models/beta/USE_POLICY.md"),
        ("license-reference", "models/alpha/LICENSE")}
    for release in report.releases.values():  # the root's SECURITY.md, shared with every release
        channels = release.components["reporting-channel"].channels
        assert {(c.address, c.path) for c in channels} == {("safety@example.org", "SECURITY.md")}


def test_monorepo_model_without_its_own_policy(make_repo):
    root = make_repo(monorepo(with_beta_policy=False))
    # alpha's policy sits in alpha's folder and does not cover beta
    assert aup(root) == {("AUP001", "models/beta/LICENSE", 1)}
    assert "models/beta/USE_POLICY.md" in messages(root, "AUP001")[0]


# -- AUP002: required by configuration --------------------------------------------------

def test_required_policy_missing(make_repo):
    root = make_repo({"README.md": "# tiny-tool\n\nA tool.\n", "SECURITY.md": SECURITY})
    assert found(root, require=("acceptable-use-policy",)) == {("AUP002", None, None)}
    assert found(root) == set()


def test_required_policy_satisfied_by_any_form(make_repo):
    body = MODEL_BODY + "\n## Prohibited uses\n\nProfiling people.\n"
    root = make_repo({"README.md": card("license: mit", body), "SECURITY.md": SECURITY})
    assert "AUP002" not in {code for code, *_ in found(root, require=("acceptable-use-policy",))}


# -- AUP003: a policy file nobody links to ------------------------------------------------

def test_policy_file_no_card_links_to(make_repo):
    root = make_repo({"USE_POLICY.md": POLICY, "README.md": card("license: mit", MODEL_BODY)})
    assert aup(root) == {("AUP003", "USE_POLICY.md", 1)}


def test_policy_named_in_code_span_is_not_linked(make_repo):
    body = MODEL_BODY + "\nRead `USE_POLICY.md` first.\n"
    root = make_repo({"USE_POLICY.md": POLICY, "README.md": card("license: mit", body)})
    assert aup(root) == {("AUP003", "USE_POLICY.md", 1)}


def test_policy_linked_by_a_full_address(make_repo):
    body = MODEL_BODY + "\n[Policy](https://huggingface.co/example-lab/tiny/blob/main/docs/AUP.md)\n"
    root = make_repo({"docs/AUP.md": POLICY, "README.md": card("license: mit", body)})
    assert aup(root) == set()


def test_policy_linked_from_a_plain_readme(make_repo):
    root = make_repo({"USAGE_POLICY": POLICY, "README.md": "# tiny\n\nRead the [policy](./USAGE_POLICY).\n"})
    assert aup(root) == set()


# -- AUP004: a policy with no way to report a violation -----------------------------------

def test_policy_without_a_way_to_report(make_repo):
    policy = "# Use policy\n\nDo not use the model to deceive people.\n\nMore about us: https://example.org/about\n"
    root = make_repo({"USE_POLICY.md": policy, "README.md": card("license: mit", MODEL_BODY + LINKED)})
    assert aup(root) == {("AUP004", "USE_POLICY.md", 1)}


def test_policy_that_points_to_the_security_policy_by_name(make_repo):
    policy = "# Use policy\n\nDo not deceive people.\n\nReport violations as SECURITY.md explains.\n"
    root = make_repo({"USE_POLICY.md": policy, "SECURITY.md": SECURITY,
                      "README.md": card("license: mit", MODEL_BODY + LINKED)})
    assert aup(root) == set()


def test_policy_that_gives_a_reporting_url(make_repo):
    policy = "# Use policy\n\nDo not deceive people.\n\nReport violations at https://example.org/abuse-form.\n"
    root = make_repo({"USE_POLICY.md": policy, "README.md": card("license: mit", MODEL_BODY + LINKED)})
    assert aup(root) == set()
