"""LIC008 for BOMs the repository carries: a license the BOM gives the
release's own model, data or code that the files do not give is reported at
the BOM's line, and the files keep deciding."""

from __future__ import annotations

import json

from tests.helpers.licenses import ai_text, card, component, lint, located, of_rule, standard

LLAMA31 = "LicenseRef-scancode-llama-3.1-license-2024"


def cyclonedx(*components: dict, subject: dict | None = None) -> str:
    document = {"bomFormat": "CycloneDX", "specVersion": "1.6", "components": list(components)}
    if subject is not None:
        document["metadata"] = {"component": subject}
    return json.dumps(document, indent=2)


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_a_bom_that_says_apache_for_llama_weights_is_reported_at_its_line(make_repo, run_cli):
    bom = cyclonedx({"type": "machine-learning-model", "name": "tiny",
                     "licenses": [{"license": {"id": "Apache-2.0"}}]})
    report = lint(run_cli, make_repo({"LICENSE": ai_text("llama3.1"), "README.md": card("license: llama3.1"),
                                      "model.safetensors": b"\0", "model.cdx.json": bom}))
    assert located(report, "LIC008") == {("LIC008", "model.cdx.json", line_of(bom, "Apache-2.0"))}
    (finding,) = of_rule(report, "LIC008")
    assert "Apache-2.0" in finding["message"] and LLAMA31 in finding["message"]
    assert finding["component"] == "model-license"
    assert component(report, "model-license")["license"] == LLAMA31  # the BOM never decides


def test_a_bom_subject_that_disagrees_with_the_license_file(make_repo, run_cli):
    bom = cyclonedx(subject={"type": "application", "name": "tool", "licenses": [{"expression": "Apache-2.0"}]})
    report = lint(run_cli, make_repo({"LICENSE": standard("MIT"), "train.py": "print(1)\n", "bom.json": bom}))
    assert located(report, "LIC008") == {("LIC008", "bom.json", line_of(bom, "Apache-2.0"))}
    assert of_rule(report, "LIC008")[0]["component"] == "code-license"


def test_a_bom_that_agrees_says_nothing(make_repo, run_cli):
    bom = cyclonedx({"type": "machine-learning-model", "name": "tiny",
                     "licenses": [{"license": {"name": "Llama 3.1 Community License Agreement"}}]},
                    subject={"type": "library", "name": "tool", "licenses": [{"license": {"id": "MIT"}}]})
    report = lint(run_cli, make_repo({"LICENSE": standard("MIT"), "LICENSE-MODEL": ai_text("llama3.1"),
                                      "model.safetensors": b"\0", "train.py": "print(1)\n", "bom.json": bom}))
    assert located(report, "LIC008") == set()


def test_dependencies_and_a_base_model_are_not_the_release(make_repo, run_cli):
    bom = cyclonedx({"type": "library", "name": "numpy", "licenses": [{"license": {"id": "BSD-3-Clause"}}]},
                    {"type": "machine-learning-model", "name": "meta-llama/Llama-3.1-8B",
                     "licenses": [{"expression": LLAMA31}]})
    report = lint(run_cli, make_repo({
        "LICENSE": standard("Apache-2.0"), "README.md": card("license: apache-2.0", "base_model: meta-llama/Llama-3.1-8B"),
        "model.safetensors": b"\0", "bom.json": bom}))
    assert located(report, "LIC008") == set()


def test_spdx_2_described_package_and_spdx_3_ai_package(make_repo, run_cli):
    spdx2 = json.dumps({"spdxVersion": "SPDX-2.3", "documentDescribes": ["SPDXRef-tool"], "packages": [
        {"SPDXID": "SPDXRef-tool", "name": "tool", "licenseDeclared": "GPL-3.0-only"},
        {"SPDXID": "SPDXRef-dep", "name": "dep", "licenseDeclared": "BSD-2-Clause"}]}, indent=2)
    spdx3 = json.dumps({"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld", "@graph": [
        {"type": "ai_AIPackage", "spdxId": "urn:x:model", "name": "tiny"},
        {"type": "simplelicensing_LicenseExpression", "spdxId": "urn:x:lic",
         "simplelicensing_licenseExpression": "MIT"},
        {"type": "Relationship", "spdxId": "urn:x:rel", "from": "urn:x:model", "relationshipType": "hasDeclaredLicense",
         "to": ["urn:x:lic"]}]}, indent=2)
    report = lint(run_cli, make_repo({"LICENSE": standard("MIT"), "LICENSE-MODEL": ai_text("llama3.1"),
                                      "model.safetensors": b"\0", "train.py": "print(1)\n",
                                      "sbom.spdx.json": spdx2, "model.spdx.json": spdx3}))
    assert located(report, "LIC008") == {("LIC008", "sbom.spdx.json", line_of(spdx2, "GPL-3.0-only")),
                               ("LIC008", "model.spdx.json", line_of(spdx3, '"MIT"'))}
