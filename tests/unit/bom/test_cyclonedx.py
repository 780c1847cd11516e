"""CycloneDX 1.6: every BOM validates against the official schema, and
states what the release's files, cards and levels say, each with its source."""

from __future__ import annotations

from openness_lint.bom import cyclonedx

from tests.unit.bom.helpers import OID, cdx, component, llama_release, properties, report_of, valid_cyclonedx

LLAMA31 = "LicenseRef-scancode-llama-3.1-license-2024"


def test_the_model_is_a_machine_learning_model_with_its_card(make_repo):
    bom = cdx(make_repo(llama_release()))
    model = component(bom, "model")
    assert (model["type"], model["name"]) == ("machine-learning-model", "tiny-chat")
    parameters = model["modelCard"]["modelParameters"]
    assert parameters["task"] == "text-generation"
    assert (parameters["modelArchitecture"], parameters["architectureFamily"]) == ("TinyChatForCausalLM", "tinychat")
    assert {d["ref"] for d in parameters["datasets"]} == {"data:data/README.md", "data:hub:example-lab/chat-eval"}
    (metric,) = model["modelCard"]["quantitativeAnalysis"]["performanceMetrics"]
    assert (metric["type"], metric["value"]) == ("accuracy", "0.71")
    assert "Chat Eval" in metric["slice"] and "split test" in metric["slice"]
    considerations = model["modelCard"]["considerations"]
    assert considerations["useCases"] == ["Answering questions about kitchen appliances."]
    assert considerations["technicalLimitations"] == ["Out of scope: Medical or legal advice.",
                                                      "It makes up product names."]
    assert considerations["ethicalConsiderations"][0]["name"].startswith("The training pairs were written")


def test_every_fact_names_its_file_and_line(make_repo):
    model = component(cdx(make_repo(llama_release())), "model")
    assert properties(model, "openness-lint:source:name") == ["README.md:8"]
    assert properties(model, "openness-lint:source:task") == ["README.md:3"]
    assert properties(model, "openness-lint:source:modelArchitecture") == ["config.json:2"]
    assert properties(model, "openness-lint:source:considerations.useCases") == ["README.md:21"]
    assert properties(model, "openness-lint:source:performanceMetrics") == ["README.md:13"]
    assert properties(model, "openness-lint:source:license") == ["LICENSE-MODEL:1", "README.md:2"]
    assert properties(model, "openness-lint:safety-risk-assessment") == ["low"]


def test_an_ai_license_without_an_spdx_id_is_its_scancode_key_with_a_name(make_repo):
    model = component(cdx(make_repo(llama_release())), "model")
    (entry,) = model["licenses"]
    assert entry["license"]["name"] == "Llama 3.1 Community License Agreement"
    assert entry["license"]["url"] == "https://scancode-licensedb.aboutcode.org/llama-3.1-license-2024.html"
    assert properties(entry["license"], "openness-lint:license-ref") == [LLAMA31]
    assert properties(model, f"openness-lint:license-name:{LLAMA31}") == ["Llama 3.1 Community License Agreement"]


def test_spdx_ids_and_expressions(make_repo):
    bom = cdx(make_repo({**llama_release(), "LICENSE-MODEL": "", "README.md": "---\nlicense: apache-2.0 OR mit\n---\n# m\n"}))
    assert component(bom, "code")["licenses"] == [{"license": {"id": "MIT", "acknowledgement": "declared"}}]
    assert component(bom, "model")["licenses"] == [{"expression": "Apache-2.0 OR MIT", "acknowledgement": "declared"}]


def test_hashes_come_from_lfs_pointers_only(make_repo):
    files = {**llama_release(), "extra/weights.safetensors": b"\0" * 2048}
    bom = cdx(make_repo(files))
    model = component(bom, "model")
    hashed = {f["name"]: f.get("hashes") for f in model["components"]}
    assert hashed == {"model.safetensors": [{"alg": "SHA-256", "content": OID}], "extra/weights.safetensors": None}
    pointer_file = next(f for f in model["components"] if f["name"] == "model.safetensors")
    assert properties(pointer_file, "openness-lint:size") == ["4000000000"]
    assert properties(pointer_file, "openness-lint:source:hash") == ["model.safetensors:2"]


def test_datasets_are_data_components_with_their_hub_pages(make_repo):
    bom = cdx(make_repo(llama_release()))
    local = component(bom, "data:data/README.md")
    assert (local["type"], local["name"]) == ("data", "chat-pairs")
    assert local["licenses"] == [{"license": {"id": "CC-BY-4.0", "acknowledgement": "declared"}}]
    assert {r["url"] for r in local["externalReferences"]} == {
        "https://huggingface.co/datasets/example-lab/chat-pairs", "data/README.md"}
    assert local["components"][0]["hashes"] == [{"alg": "SHA-256", "content": "ab" * 32}]
    evaluation = component(bom, "data:hub:example-lab/chat-eval")
    assert evaluation["externalReferences"][0]["url"] == "https://huggingface.co/datasets/example-lab/chat-eval"
    model = component(bom, "model")
    assert properties(model, "openness-lint:trained-on") == ["data:data/README.md"]
    assert properties(model, "openness-lint:tested-on") == ["data:hub:example-lab/chat-eval"]


def test_references_policy_channel_paper_and_base_model(make_repo):
    model = component(cdx(make_repo(llama_release())), "model")
    references = {(r["type"], r["url"]) for r in model["externalReferences"]}
    assert {("model-card", "README.md"), ("documentation", "https://arxiv.org/abs/2401.01234"),
            ("distribution", "https://huggingface.co/example-lab/tiny-chat"),
            ("documentation", "USE_POLICY.md"), ("security-contact", "mailto:security@example.org")} <= references
    paper = next(r for r in model["externalReferences"] if r["url"] == "https://arxiv.org/abs/2401.01234")
    assert paper["comment"] == "paper on arXiv, linked as research-paper (README.md:18)"
    # the Hub page of a data set the BOM lists is on that data set only
    assert not [r for r in model["externalReferences"] if "/datasets/" in r["url"]]
    (base,) = model["pedigree"]["ancestors"]
    assert base["externalReferences"][0]["url"] == "https://huggingface.co/meta-llama/Llama-3.1-8B"
    assert any(v.startswith("file USE_POLICY.md") for v in properties(model, "openness-lint:use-policy"))
    assert properties(model, "openness-lint:reporting-channel") == [
        "email security@example.org (security-policy, SECURITY.md:3)"]


def test_levels_of_every_framework_are_properties(make_repo):
    report = report_of(make_repo(llama_release()))
    bom = valid_cyclonedx(cyclonedx.render(report))
    model = component(bom, "model")
    for fid, grade in report.level.frameworks.items():
        assert properties(model, f"openness-lint:level:{fid}") == [grade.achieved]
        assert properties(model, f"openness-lint:verdict:{fid}") == [grade.verdict]
    assert properties(model, "openness-lint:level") == [f"mof:{report.level.achieved}"]


def test_the_min_level_gate_is_stated(make_repo):
    report = report_of(make_repo(llama_release()), min_level=("mof", "I"))
    model = component(valid_cyclonedx(cyclonedx.render(report)), "model")
    assert properties(model, "openness-lint:min-level") == ["mof:I"]
    assert properties(model, "openness-lint:min-level-passed") == ["false"]


def test_no_timestamp_unless_given_and_the_serial_follows_the_content(make_repo):
    root = make_repo(llama_release())
    plain, stamped = cdx(root), cdx(root, "2026-01-31T12:00:00Z")
    assert "timestamp" not in plain["metadata"] and stamped["metadata"]["timestamp"] == "2026-01-31T12:00:00Z"
    assert plain["serialNumber"] != stamped["serialNumber"]
    assert cdx(root)["serialNumber"] == plain["serialNumber"]


def test_components_and_properties_are_sorted(make_repo):
    bom = cdx(make_repo(llama_release()))
    refs = [c["bom-ref"] for c in bom["components"]]
    assert refs == sorted(refs)
    for item in bom["components"]:
        pairs = [(p["name"], p["value"]) for p in item["properties"]]
        assert pairs == sorted(pairs)


def test_a_release_without_a_model_puts_its_level_on_its_first_component(make_repo):
    bom = cdx(make_repo({"LICENSE": "MIT License\n", "train.py": "print(1)\n"}))
    assert [c["type"] for c in bom["components"]] == ["application"]
    assert properties(bom["components"][0], "openness-lint:level:mof")


def test_an_empty_release_puts_its_level_on_the_bom(make_repo):
    bom = cdx(make_repo({"notes.txt": "nothing here\n"}))
    assert bom["components"] == []
    assert [p["value"] for p in bom["metadata"]["properties"] if p["name"] == "openness-lint:level:mof"]


def test_a_use_policy_url_written_with_markdown_escapes_stays_valid(make_repo):
    # a use policy that names its own address as a Markdown-escaped link label, as a lab's does
    files = llama_release()
    files["USE_POLICY.md"] = ("# Acceptable Use Policy\n\nThe latest copy is at "
                              "[https://example.org/tiny\\_chat/use policy](https://example.org/tiny_chat/use-policy).\n"
                              "You agree not to use the model to harm people. Report misuse to abuse@example.org.\n")
    bom = cdx(make_repo(files))  # validated against the schema on the way
    urls = [r["url"] for c in bom["components"] for r in c.get("externalReferences", [])]
    assert any("use" in url for url in urls)
    assert all("\\" not in url and " " not in url for url in urls)


def test_clean_url_undoes_markdown_escapes_and_encodes_what_an_iri_cannot_hold():
    from openness_lint.bom.document import clean_url

    assert clean_url("https://example.org/llama3\\_3/use-policy") == "https://example.org/llama3_3/use-policy"
    assert clean_url("https://example.org/a b<c>") == "https://example.org/a%20b%3Cc%3E"
    assert clean_url("mailto:x@example.org") == "mailto:x@example.org"
