"""Which license covers which artifact: sub-trees, monorepos, inheritance."""

from __future__ import annotations

import pytest

from tests.helpers.licenses import AI_LICENSES, ai_text, card, component, lint, located, of_rule, standard

WEIGHTS = b"\x00\x01"
LLAMA3 = "LicenseRef-hf-llama3"


def test_sub_directory_license_covers_its_sub_tree(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE": standard("Apache-2.0"),
        "train.py": "print('training')\n",
        "models/llama3/LICENSE": ai_text("llama3"),
        "models/llama3/README.md": card("license: llama3"),
        "models/llama3/model.safetensors": WEIGHTS,
    }))
    code = component(report, "code-license")
    assert (code["license"], code["evidence"]) == ("Apache-2.0", ["LICENSE"])
    model = component(report, "model-license")
    assert (model["license"], model["category"]) == (LLAMA3, "use-restricted")
    assert model["evidence"] == ["models/llama3/LICENSE", "models/llama3/README.md"]
    found = located(report)
    assert not [f for f in found if f[0] in ("LIC002", "LIC008", "LIC009")], found


def test_sub_directory_card_that_disagrees_with_its_own_license_file(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE": standard("Apache-2.0"),
        "models/llama3/LICENSE": ai_text("llama3"),
        "models/llama3/README.md": card("license: mit"),
        "models/llama3/model.safetensors": WEIGHTS,
    }))
    assert {f for f in located(report) if f[0] == "LIC008"} == {
        ("LIC008", "models/llama3/LICENSE", 1), ("LIC008", "models/llama3/README.md", 2)}
    # the root Apache LICENSE covers the code, not this model
    assert all("LICENSE:1 says Apache" not in f["message"] for f in of_rule(report, "LIC008"))


def test_monorepo_models_under_different_licenses_do_not_disagree(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE": standard("Apache-2.0"),
        "models/small/README.md": card("license: cc-by-4.0"),
        "models/small/model.safetensors": WEIGHTS,
        "models/large/LICENSE": ai_text("llama2"),
        "models/large/README.md": card("license: llama2"),
        "models/large/model.safetensors": WEIGHTS,
    }))
    assert not of_rule(report, "LIC008")
    assert not of_rule(report, "LIC002")
    # sibling model cards make each model a release of its own
    large = report["releases"]["models/large"]["components"]["model-license"]
    small = report["releases"]["models/small"]["components"]["model-license"]
    assert large["evidence"] == ["models/large/LICENSE", "models/large/README.md"]
    assert small["evidence"] == ["models/small/README.md"]
    assert (large["category"], small["category"]) == ("use-restricted", "open-data")


def test_inherited_root_license_covers_weights(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE": standard("CC-BY-4.0"),
        "checkpoints/final/model.safetensors": WEIGHTS,
    }))
    model = component(report, "model-license")
    assert (model["present"], model["license"], model["evidence"]) == (True, "CC-BY-4.0", ["LICENSE"])
    assert not of_rule(report, "LIC002")


def test_model_specific_declaration_wins_over_the_inherited_root_license(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE": standard("Apache-2.0"),
        "LICENSE-MODEL": standard("CC-BY-4.0"),
        "model.safetensors": WEIGHTS,
    }))
    model = component(report, "model-license")
    assert (model["license"], model["evidence"]) == ("CC-BY-4.0", ["LICENSE-MODEL"])
    code = component(report, "code-license")
    assert (code["license"], code["evidence"]) == ("Apache-2.0", ["LICENSE"])
    assert not of_rule(report, "LIC008")


def test_inherited_root_license_covers_data(make_repo, run_cli):
    report = lint(run_cli, make_repo({"LICENSE": standard("CC-BY-4.0"), "data/train.csv": "text\nhello\n"}))
    data = component(report, "data-license")
    assert (data["license"], data["evidence"]) == ("CC-BY-4.0", ["LICENSE"])
    assert not of_rule(report, "LIC003")


HUB_FAMILIES = [entry for entry in AI_LICENSES if entry[0] not in ("deepseek", "flux-dev")]


@pytest.mark.parametrize(("hub_id", "title", "expected", "category"), HUB_FAMILIES,
                         ids=[entry[0] for entry in HUB_FAMILIES])
def test_card_hub_id_agrees_with_the_license_text_it_names(hub_id, title, expected, category, make_repo, run_cli):
    # The text table and the Hub table must resolve one license to one id.
    report = lint(run_cli, make_repo({
        "LICENSE": standard("Apache-2.0"),
        "LICENSE-MODEL": ai_text(hub_id),
        "README.md": card(f"license: {hub_id}"),
        "model.safetensors": WEIGHTS,
    }))
    assert not of_rule(report, "LIC008")
    model = component(report, "model-license")
    assert (model["license"], model["category"]) == (expected, category)
