"""The OSAID verdict and the Columbia score on fixture repositories.

Columbia by hand (rules/frameworks/columbia.yaml, FRAMEWORKS.md sections 1
and 4): 35 criteria, open 1, restricted 0.5 (present under a use-restricted,
non-commercial, unknown or no license), absent 0; the level is
floor(5 * points / 35), capped by the most restrictive of the code, model
and data licenses (5 OSI or open data, 3 Llama, 2 non-commercial, 1 when
nothing is published under a license).
"""

from __future__ import annotations

import pytest

from tests.helpers.levels import ALL_MOF, PLAIN_README, ai_text, card, level, mot, standard

WEIGHTS = b"\x00\x01\x02\x03"
TYPED = {"code": "MIT", "data": "CDLA-Permissive-2.0", "document": "CC-BY-4.0"}

# One file per criterion that only file patterns evidence (17 criteria); the
# README card's gating key evidences the type of release.
STACK_FILES: dict[str, str | bytes] = {
    "dpo_align.py": "print('align')\n",  # fine-tuning code
    "ds_config.json": "{}\n",  # distributed computing
    "Dockerfile": "FROM python:3.12\n",  # infrastructure
    "data/sft_mix.jsonl": '{"text": "hi"}\n',  # supervised fine-tuning data
    "data/preference_pairs.jsonl": '{"chosen": "a"}\n',  # preference data
    "prompts/eval_questions.txt": "What is 2 + 2?\n",  # evaluation prompts
    "instruct/model.safetensors": WEIGHTS,  # downstream-adapted weights
    "adapter_model.safetensors": WEIGHTS,  # adapter weights
    "reward/model.safetensors": WEIGHTS,  # reward model
    "aligned/model.safetensors": WEIGHTS,  # aligned weights
    "rails/flows.co": "define flow greeting\n",  # programmable guardrails
    "safeguard/policy.txt": "Block unsafe requests.\n",  # safeguard model
    "system_prompt.txt": "You are a helpful assistant.\n",  # system prompt
    "red_teaming.md": "# Red teaming\n\nWe probed the model.\n",
    "impact_assessment.md": "# Impact assessment\n\nWho is affected.\n",
    "app.py": "print('demo')\n",  # system demo
    "USE_POLICY.md": "# Acceptable use policy\n\nYou must not use the model to harm people.\n",
    "SECURITY.md": "# Security\n\nReport vulnerabilities and misuse to security@example.org.\n",
}
DETECTED = ["code-finetuning", "code-distributed", "code-infrastructure", "data-sft", "data-preference",
            "data-eval-prompts", "weights-adapted", "weights-compressed", "weights-reward", "guard-aligned",
            "guard-programmable", "guard-safeguard", "guard-system-prompts", "doc-red-teaming", "doc-impact",
            "doc-demo", "dist-release-type"]
# The 13 criteria that are MOF components (the manifest declares them all).
FROM_MOF = ["code-preprocessing", "code-pretraining", "code-libraries", "code-inference", "data-pretraining",
            "data-evaluation", "weights-pretrained", "weights-intermediate", "doc-datasheet", "doc-model-card",
            "doc-evaluation", "doc-paper", "doc-technical-report"]


def gated_card(*license_line: str) -> str:
    return card(*license_line, "extra_gated_prompt: Tell us who you are.", body="# Model card\n")


@pytest.fixture
def stack(make_repo):
    def build(licensed_manifest: bool = True, data_license: bool = True, **files: str | bytes):
        manifest = mot(ALL_MOF, **TYPED) if licensed_manifest else mot(ALL_MOF)
        # the data says what it is under: a root code license says nothing of data
        data = {"DATA_LICENSE": standard("CC-BY-4.0")} if licensed_manifest and data_license else {}
        return make_repo({"mof.yaml": manifest, **STACK_FILES, **data, **files})
    return build


def columbia(run_cli, root) -> dict:
    return level(run_cli, root)["frameworks"]["columbia"]


def statuses(result: dict, ids: list[str]) -> set[str]:
    return {result["criteria"][cid]["status"] for cid in ids}


def test_everything_open(stack, run_cli):
    # 13 + 17 + use policy + reporting + code, model and data licenses = 35 points.
    root = stack(**{"LICENSE": standard("Apache-2.0"), "README.md": gated_card("license: apache-2.0")})
    result = columbia(run_cli, root)
    assert statuses(result, DETECTED + FROM_MOF) == {"open"}
    assert (result["score"], result["max"], result["cap"], result["achieved"]) == (35, 35, 5, "5")


@pytest.mark.parametrize("model, cap", [
    ("llama3", 3),  # bounded commercial use (a user ceiling): ladder step 3
    ("llama2", 3),
    ("bigscience-openrail-m", 4),  # use restrictions, but no cap on who or how many: step 4
])
def test_use_restricted_model_license_caps(model, cap, stack, run_cli):
    # The model license is restricted (0.5): 34.5 points, floor(5 * 34.5 / 35) = floor(4.93) = 4.
    root = stack(**{"LICENSE": standard("Apache-2.0"), "LICENSE-MODEL": ai_text(model),
                    "README.md": gated_card(f"license: {model}")})
    result = columbia(run_cli, root)
    assert result["criteria"]["dist-model-license"]["status"] == "restricted"
    assert (result["score"], result["cap"], result["achieved"]) == (34.5, cap, str(min(4, cap)))


def test_llama_verdict(stack, run_cli):
    root = stack(**{"LICENSE": standard("Apache-2.0"), "LICENSE-MODEL": ai_text("llama3"),
                    "README.md": gated_card("license: llama3")})
    assert columbia(run_cli, root)["verdict"] == (
        "Columbia Convening openness score: level 3 of 5 (34.5 / 35 points, license cap 3).")


def test_non_commercial_data_caps_at_two(stack, run_cli):
    data_card = card("license: cc-by-nc-4.0", "task_categories: [text-generation]", body="# Dataset card\n")
    root = stack(data_license=False, **{"LICENSE": standard("Apache-2.0"),
                                        "README.md": gated_card("license: apache-2.0"), "data/README.md": data_card})
    result = columbia(run_cli, root)
    assert result["criteria"]["dist-data-license"]["status"] == "restricted"
    assert (result["score"], result["cap"], result["achieved"]) == (34.5, 2, "2")


def test_no_license_at_all_caps_at_one(stack, run_cli):
    # The 13 MOF components are present without a license: 6.5; 17 detected, use policy and
    # reporting: 19; the three license criteria absent. 25.5 points, floor(3.64) = 3, capped at 1.
    result = columbia(run_cli, stack(licensed_manifest=False, **{"README.md": gated_card()}))
    assert statuses(result, FROM_MOF) == {"restricted"}
    assert statuses(result, ["dist-code-license", "dist-model-license", "dist-data-license"]) == {"absent"}
    assert (result["score"], result["cap"], result["achieved"]) == (25.5, 1, "1")


def test_restricted_is_half_a_point(make_repo, run_cli):
    # Weights and the model license under Llama terms (0.5 each), the code license open (1).
    root = make_repo({"LICENSE": standard("Apache-2.0"), "LICENSE-MODEL": ai_text("llama3"),
                      "model.safetensors": WEIGHTS})
    result = columbia(run_cli, root)
    scored = {cid: c["status"] for cid, c in result["criteria"].items() if c["status"] != "absent"}
    assert scored == {"weights-pretrained": "restricted", "dist-model-license": "restricted",
                      "dist-code-license": "open"}
    assert (result["score"], result["cap"], result["achieved"]) == (2, 3, "0")


def test_absent_is_never_guessed(make_repo, run_cli):
    result = columbia(run_cli, make_repo({"README.md": PLAIN_README}))
    assert statuses(result, list(result["criteria"])) == {"absent"}
    assert all(not c["evidence"] and c["source"] == "missing" for c in result["criteria"].values())
    assert (result["score"], result["max"], result["cap"], result["achieved"]) == (0, 35, 1, "0")


def test_each_detected_criterion_has_its_evidence(stack, run_cli):
    result = columbia(run_cli, stack(**{"README.md": gated_card()}))
    evidence = {cid: result["criteria"][cid]["evidence"] for cid in DETECTED}
    assert evidence["doc-demo"] == ["app.py"]
    assert evidence["guard-system-prompts"] == ["system_prompt.txt"]
    assert evidence["dist-release-type"] == ["README.md"]
    assert all(evidence.values())


# -- OSAID ---------------------------------------------------------------------

OSAID_FILES = {
    "LICENSE": standard("Apache-2.0"),
    "README.md": card("license: apache-2.0", "pipeline_tag: text-generation", body="# Model card\n"),
    "DATA_CARD.md": "# Data card\n\nThe corpus, where it came from and how it was filtered.\n",
    "modeling_tiny.py": "class Tiny: pass\n",
    "preprocess.py": "print('prep')\n",
    "train.py": "print('train')\n",
    "evaluate.py": "print('eval')\n",
    "generate.py": "print('generate')\n",
    "model.safetensors": WEIGHTS,
}


def osaid(run_cli, root) -> dict:
    return level(run_cli, root)["frameworks"]["osaid"]


def test_osaid_open_from_files(make_repo, run_cli):
    result = osaid(run_cli, make_repo(OSAID_FILES))
    assert result["achieved"] == "open"
    assert all(req["met"] for req in result["requirements"].values())
    assert result["verdict"] == "Open Source AI Definition 1.0: Open Source AI."


def test_osaid_llama_weights_are_not_open(make_repo, run_cli):
    root = make_repo({**OSAID_FILES, "LICENSE-MODEL": ai_text("llama3"),
                      "README.md": card("license: llama3", "pipeline_tag: text-generation", body="# Model card\n")})
    result = osaid(run_cli, root)
    assert result["achieved"] == "not-open"
    assert result["requirements"]["parameters"]["missing"] == [
        {"component": "model-parameters", "reason": "license not open", "license": "LicenseRef-hf-llama3"}]
    assert result["requirements"]["code"]["met"] and result["requirements"]["data-information"]["met"]


def test_osaid_needs_data_information(make_repo, run_cli):
    files = {k: v for k, v in OSAID_FILES.items() if k != "DATA_CARD.md"}
    result = osaid(run_cli, make_repo(files))
    assert result["achieved"] == "not-open"
    assert result["requirements"]["data-information"]["missing"] == [{"component": "data-card", "reason": "missing"}]


def test_osaid_needs_all_the_code(make_repo, run_cli):
    files = {k: v for k, v in OSAID_FILES.items() if k not in ("preprocess.py", "evaluate.py")}
    result = osaid(run_cli, make_repo(files))
    assert result["requirements"]["code"]["missing"] == [
        {"component": "data-preprocessing-code", "reason": "missing"},
        {"component": "evaluation-code", "reason": "missing"}]


def test_osaid_code_needs_osi_terms(make_repo, run_cli):
    # CC0-1.0 is open data, but not an OSI-approved license for code.
    root = make_repo({**OSAID_FILES, "mof.yaml": mot([("Training code", "CC0-1.0")])})
    assert osaid(run_cli, root)["requirements"]["code"]["missing"] == [
        {"component": "training-code", "reason": "license not open", "license": "CC0-1.0"}]


def test_manifest_license_counts_toward_the_cap(stack, run_cli):
    """The cap is the release's most restrictive license; a dataset the
    manifest declares under CC-BY-NC-4.0 is part of the release as much as a
    DATA_LICENSE file would be. 34.5 points, floor(4.93) = 4, capped at 2."""
    manifest = mot([("Datasets", "CC-BY-NC-4.0") if name == "Datasets" else name for name in ALL_MOF], **TYPED)
    root = stack(**{"LICENSE": standard("Apache-2.0"), "README.md": gated_card("license: apache-2.0"),
                    "mof.yaml": manifest})
    result = columbia(run_cli, root)
    assert result["criteria"]["data-pretraining"]["status"] == "restricted"
    assert (result["score"], result["cap"], result["achieved"]) == (34.5, 2, "2")
