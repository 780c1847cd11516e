"""Goal profiles: `profiles:` in config turns a goal into required findings (LVL007)."""

from __future__ import annotations

import pytest
from openness_lint.catalog import profiles

from tests.helpers.levels import PLAIN_README, ai_text, card, check, of_rule, standard

WEIGHTS = b"\x00\x01"
REPRODUCIBILITY = {"training-code", "data-preprocessing-code", "datasets", "model-parameters",
                   "model-parameters-intermediate", "evaluation-code", "evaluation-data"}


def lvl007(report: dict) -> dict[str, dict]:
    findings = of_rule(report, "LVL007")
    assert all(f["severity"] == "error" for f in findings)
    return {f["component"]: f for f in findings}


def test_reproducibility_lists_each_missing_component(make_repo, run_cli):
    config = "framework: mof\nprofiles: [reproducibility]\n"
    root = make_repo({".openness-lint.yaml": config, "LICENSE": standard("Apache-2.0"), "README.md": PLAIN_README,
                      "train.py": "print('train')\n", "evaluate.py": "print('eval')\n"})
    code, report = check(run_cli, root)
    assert code == 1
    found = lvl007(report)
    assert set(found) == REPRODUCIBILITY - {"training-code", "evaluation-code"}
    assert {(f["path"], f["line"]) for f in found.values()} == {(".openness-lint.yaml", 2)}


def test_reproducibility_met(make_repo, run_cli):
    root = make_repo({
        ".openness-lint.yaml": "profiles: [reproducibility]\n", "LICENSE": standard("Apache-2.0"),
        # weights and data say what they are under: the root code license does not cover them
        "MODEL_LICENSE": standard("CC-BY-4.0"), "DATA_LICENSE": standard("CC-BY-4.0"),
        "README.md": PLAIN_README, "train.py": "print('train')\n", "evaluate.py": "print('eval')\n",
        "preprocess.py": "print('prep')\n", "data/train.csv": "text\nhello\n", "data/eval.jsonl": '{"q": 1}\n',
        "model.safetensors": WEIGHTS, "checkpoints/step1000.safetensors": WEIGHTS})
    _, report = check(run_cli, root)
    assert lvl007(report) == {}


def test_reproducibility_needs_open_licenses(make_repo, run_cli):
    # Everything is there, but the weights are under Llama terms.
    root = make_repo({
        ".openness-lint.yaml": "profiles: [reproducibility]\n", "LICENSE": standard("Apache-2.0"),
        "LICENSE-MODEL": ai_text("llama3"), "DATA_LICENSE": standard("CC-BY-4.0"), "README.md": PLAIN_README,
        "train.py": "print('train')\n",
        "evaluate.py": "print('eval')\n", "preprocess.py": "print('prep')\n", "data/train.csv": "text\nhello\n",
        "data/eval.jsonl": '{"q": 1}\n', "model.safetensors": WEIGHTS, "checkpoints/step1000.safetensors": WEIGHTS})
    _, report = check(run_cli, root)
    assert set(lvl007(report)) == {"model-parameters", "model-parameters-intermediate"}


def test_profile_components_may_come_from_the_manifest(make_repo, run_cli):
    from tests.helpers.levels import mot

    manifest = mot([(name, "CC-BY-4.0", f"https://huggingface.co/example/{index}") for index, name in
                    enumerate(["Datasets", "Evaluation data", "Model parameters (Final)",
                               "Model parameters (Intermediate)"])])
    root = make_repo({
        ".openness-lint.yaml": "profiles: [reproducibility]\n", "LICENSE": standard("Apache-2.0"), "mof.yaml": manifest,
        "README.md": PLAIN_README, "train.py": "print('train')\n", "evaluate.py": "print('eval')\n",
        "preprocess.py": "print('prep')\n"})
    _, report = check(run_cli, root)
    assert lvl007(report) == {}


FINE_TUNING = {
    "LICENSE": standard("Apache-2.0"),
    "modeling_tiny.py": "class Tiny: pass\n",
    "generate.py": "print('generate')\n",
    "model.safetensors": WEIGHTS,
}


def test_fine_tuning_accepts_a_use_restricted_model_license(make_repo, run_cli):
    """rules/profiles/fine-tuning.yaml: use restrictions still allow
    modification, so Llama-licensed weights serve this goal."""
    root = make_repo({**FINE_TUNING, ".openness-lint.yaml": "profiles: [fine-tuning]\n",
                      "LICENSE-MODEL": ai_text("llama3"),
                      "README.md": card("license: llama3", "pipeline_tag: text-generation", body="# Model card\n")})
    _, report = check(run_cli, root)
    assert report["components"]["model-license"]["category"] == "use-restricted"
    assert lvl007(report) == {}


def test_fine_tuning_rejects_a_non_commercial_model_license(make_repo, run_cli):
    root = make_repo({**FINE_TUNING, ".openness-lint.yaml": "profiles: [fine-tuning]\n",
                      "README.md": card("license: cc-by-nc-4.0", "pipeline_tag: text-generation",
                                        body="# Model card\n")})
    _, report = check(run_cli, root)
    assert report["components"]["model-license"]["category"] == "noncommercial"
    assert "model-license" in lvl007(report)


def test_fine_tuning_met_with_open_weights(make_repo, run_cli):
    root = make_repo({**FINE_TUNING, ".openness-lint.yaml": "profiles: [fine-tuning]\n",
                      "README.md": card("license: apache-2.0", "pipeline_tag: text-generation", body="# Model card\n")})
    _, report = check(run_cli, root)
    assert lvl007(report) == {}


def test_fine_tuning_missing_inference_code(make_repo, run_cli):
    files = {k: v for k, v in FINE_TUNING.items() if k != "generate.py"}
    root = make_repo({**files, ".openness-lint.yaml": "profiles: [fine-tuning]\n",
                      "README.md": card("license: apache-2.0", "pipeline_tag: text-generation", body="# Model card\n")})
    _, report = check(run_cli, root)
    assert set(lvl007(report)) == {"inference-code"}


def test_safety_research_needs_policy_and_channel(make_repo, run_cli):
    root = make_repo({".openness-lint.yaml": "profiles: [safety-research]\n", "LICENSE": standard("Apache-2.0"),
                      "README.md": PLAIN_README})
    _, report = check(run_cli, root)
    assert set(lvl007(report)) == {"model-parameters", "evaluation-data", "acceptable-use-policy", "reporting-channel"}


def test_several_profiles(make_repo, run_cli):
    root = make_repo({".openness-lint.yaml": "profiles:\n  - auditability\n  - safety-research\n",
                      "LICENSE": standard("Apache-2.0"), "README.md": PLAIN_README})
    _, report = check(run_cli, root)
    messages = [f["message"] for f in of_rule(report, "LVL007")]
    assert any("auditability" in m for m in messages) and any("safety-research" in m for m in messages)


def test_no_profiles_no_lvl007(make_repo, run_cli):
    _, report = check(run_cli, make_repo({"LICENSE": standard("Apache-2.0"), "README.md": PLAIN_README}))
    assert not of_rule(report, "LVL007")


@pytest.mark.parametrize("config, line", [
    ("framework: mof\nprofiles: [reproducibility, speed]\n", 2),
    ("framework: mof\nprofiles:\n  - reproducibility\n  - speed\n", 4),
])
def test_unknown_profile_is_a_config_error(config, line, make_repo, run_cli):
    root = make_repo({".openness-lint.yaml": config, "README.md": PLAIN_README})
    result = run_cli("check", str(root))
    assert result.code == 2
    assert f".openness-lint.yaml:{line}:" in result.stderr
    assert "speed" in result.stderr


def test_profile_from_a_file(make_repo, run_cli):
    profile = ("id: cards\nname: Cards\nreason: People need to read about the model.\n"
               "components: [model-card, data-card]\n")
    root = make_repo({".openness-lint.yaml": "profiles: [ci/cards.yaml]\n", "ci/cards.yaml": profile,
                      "README.md": PLAIN_README})
    _, report = check(run_cli, root)
    assert set(lvl007(report)) == {"model-card", "data-card"}


def test_builtin_profiles_match_the_issue():
    found = profiles.builtin()
    assert set(found) == {"reproducibility", "auditability", "fine-tuning", "safety-research"}
    assert set(found["reproducibility"].components) == REPRODUCIBILITY
    assert set(found["auditability"].components) == {"model-card", "data-card", "evaluation-results", "datasets",
                                                     "reporting-channel"}
    assert "use-restricted" in found["fine-tuning"].licenses["model-license"]
    assert all(profile.reason for profile in found.values())
