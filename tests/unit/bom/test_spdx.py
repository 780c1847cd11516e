"""SPDX 3.0.1: every BOM loads with spdx-python-model and writes again (so
no required property is missing), and holds only what the evidence supports."""

from __future__ import annotations

from openness_lint.bom import spdx

from tests.unit.bom.helpers import CREATED, OID, llama_release, loaded_spdx, report_of, spdx_of

LLAMA31 = "LicenseRef-scancode-llama-3.1-license-2024"


def elements(document: dict, kind: str) -> list[dict]:
    return [e for e in document["@graph"] if e.get("type") == kind]


def named(document: dict, kind: str, name: str) -> dict:
    return next(e for e in elements(document, kind) if e.get("name") == name)


def related(document: dict, source: str, kind: str) -> list[str]:
    return [t for r in elements(document, "Relationship") if r["from"] == source and r["relationshipType"] == kind
            for t in r["to"]]


def test_the_model_is_an_ai_package_with_what_its_card_states(make_repo):
    document, _ = spdx_of(make_repo(llama_release()))
    model = named(document, "ai_AIPackage", "tiny-chat")
    assert model["software_primaryPurpose"] == "model"
    assert model["ai_domain"] == ["text-generation"]
    assert model["ai_typeOfModel"] == ["TinyChatForCausalLM", "tinychat"]
    assert model["ai_informationAboutTraining"] == "Two epochs of supervised fine-tuning. The training data holds " \
                                                   "no personal information."
    assert model["ai_limitation"].startswith("It makes up product names.")
    assert model["ai_safetyRiskAssessment"] == "low"
    assert model["ai_useSensitivePersonalInformation"] == "no"
    assert model["software_downloadLocation"] == "https://huggingface.co/example-lab/tiny-chat"
    assert "software_downloadLocation: README.md:19" in model["comment"].splitlines()
    assert {"documentation"} <= {r["externalRefType"] for r in model["externalRef"]
                                 if r["locator"] == ["https://arxiv.org/abs/2401.01234"]}
    assert model["ai_metric"] == [{"type": "DictionaryEntry", "key": "accuracy, Chat Eval, split test", "value": "0.71"}]
    assert "ai_useSensitivePersonalInformation: README.md:44" in model["comment"].splitlines()
    assert "ai_typeOfModel: config.json:2" in model["comment"].splitlines()


def test_fields_a_card_does_not_state_are_left_out(make_repo):
    card = "---\nlicense: mit\n---\n# plain\n\nA model.\n"
    document, _ = spdx_of(make_repo({"README.md": card, "model.safetensors": b"\0"}))
    model = named(document, "ai_AIPackage", "plain")
    for field in ("ai_safetyRiskAssessment", "ai_useSensitivePersonalInformation", "ai_domain", "ai_limitation",
                  "ai_informationAboutTraining", "ai_typeOfModel", "suppliedBy", "releaseTime"):
        assert field not in model


def test_trained_on_tested_on_and_declared_licenses(make_repo):
    document, _ = spdx_of(make_repo(llama_release()))
    model = named(document, "ai_AIPackage", "tiny-chat")["spdxId"]
    pairs = named(document, "dataset_DatasetPackage", "chat-pairs")
    evaluation = named(document, "dataset_DatasetPackage", "example-lab/chat-eval")
    assert related(document, model, "trainedOn") == [pairs["spdxId"]]
    assert related(document, model, "testedOn") == [evaluation["spdxId"]]
    licenses = {e["spdxId"]: e for e in elements(document, "simplelicensing_LicenseExpression")}
    (declared,) = related(document, model, "hasDeclaredLicense")
    assert licenses[declared]["simplelicensing_licenseExpression"] == LLAMA31
    assert licenses[declared]["name"] == "Llama 3.1 Community License Agreement"
    assert licenses[declared]["simplelicensing_customIdToUri"][0]["key"] == LLAMA31
    assert related(document, model, "hasConcludedLicense") == ["expandedlicensing_NoAssertionLicense"]
    (data_license,) = related(document, pairs["spdxId"], "hasDeclaredLicense")
    assert licenses[data_license]["simplelicensing_licenseExpression"] == "CC-BY-4.0"
    code = named(document, "software_Package", next(e["name"] for e in elements(document, "software_Package")))
    assert [licenses[t]["simplelicensing_licenseExpression"] for t in related(document, code["spdxId"],
                                                                               "hasDeclaredLicense")] == ["MIT"]


def test_datasets_have_their_types_and_hub_download_location(make_repo):
    document, _ = spdx_of(make_repo(llama_release()))
    pairs = named(document, "dataset_DatasetPackage", "chat-pairs")
    assert pairs["dataset_datasetType"] == ["structured", "text"]
    assert pairs["software_downloadLocation"] == "https://huggingface.co/datasets/example-lab/chat-pairs"
    assert pairs["dataset_intendedUse"] == "Fine-tuning small chat models."
    assert pairs["dataset_dataCollectionProcess"] == "Staff wrote each pair."
    evaluation = named(document, "dataset_DatasetPackage", "example-lab/chat-eval")
    assert evaluation["dataset_datasetType"] == ["noAssertion"]


def test_mandatory_fields_nothing_states_are_warnings_not_inventions(make_repo):
    document, warnings = spdx_of(make_repo(llama_release()))
    model = named(document, "ai_AIPackage", "tiny-chat")
    assert "suppliedBy" not in model and "releaseTime" not in model
    assert any("ai_AIPackage 'tiny-chat'" in w and "suppliedBy" in w and "releaseTime" in w for w in warnings)
    assert any("'example-lab/chat-eval'" in w and "noAssertion" in w for w in warnings)


def test_an_unlicensed_model_declares_no_assertion_and_says_so(make_repo):
    document, warnings = spdx_of(make_repo({"README.md": "---\npipeline_tag: text-generation\n---\n# bare\n", "model.safetensors": b"\0"}))
    model = named(document, "ai_AIPackage", "bare")["spdxId"]
    assert related(document, model, "hasDeclaredLicense") == ["expandedlicensing_NoAssertionLicense"]
    assert any("no license is declared" in w for w in warnings)


def test_weights_are_files_hashed_from_their_pointers(make_repo):
    document, _ = spdx_of(make_repo(llama_release()))
    weights = named(document, "software_File", "model.safetensors")
    assert weights["verifiedUsing"] == [{"type": "Hash", "algorithm": "sha256", "hashValue": OID}]
    assert "sha256: model.safetensors:2 (Git LFS pointer)" in weights["comment"]
    model = named(document, "ai_AIPackage", "tiny-chat")["spdxId"]
    assert weights["spdxId"] in related(document, model, "contains")


def test_levels_use_policy_and_channel_are_in_the_model_comment(make_repo):
    document, _ = spdx_of(make_repo(llama_release()))
    comment = named(document, "ai_AIPackage", "tiny-chat")["comment"].splitlines()
    assert any(line.startswith("openness-lint:level:mof: ") for line in comment)
    assert any(line.startswith("openness-lint:use-policy: file USE_POLICY.md") for line in comment)
    assert "openness-lint:reporting-channel: email security@example.org (security-policy, SECURITY.md:3)" in comment


def test_ids_are_derived_from_the_content(make_repo):
    first, second = make_repo(llama_release()), make_repo({**llama_release(), "train.py": "print('other')\n"})
    texts = [spdx.render(report_of(root), CREATED)[0] for root in (first, first, second)]
    assert texts[0] == texts[1]
    ids = [next(e["spdxId"] for e in __import__("json").loads(t)["@graph"] if e["type"] == "SpdxDocument")
           for t in texts]
    assert ids[0] == ids[1]
    loaded_spdx(texts[2])
