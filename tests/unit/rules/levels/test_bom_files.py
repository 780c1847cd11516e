"""LVL010 (a repository BOM that cannot be read) and LVL011 (a BOM hash
that differs from a Git LFS pointer's oid), each at the BOM's line."""

from __future__ import annotations

import json

import pytest

from tests.helpers.linting import lint

OID = "4e" * 32
OTHER = "9f" * 32
POINTER = f"version https://git-lfs.github.com/spec/v1\noid sha256:{OID}\nsize 123456\n"
LFS = {".gitattributes": "*.safetensors filter=lfs diff=lfs merge=lfs -text\n", "model.safetensors": POINTER}


def located(report, code):
    return sorted((f.path, f.line) for f in report.findings if f.code == code)


def cyclonedx(digest: str, name: str = "model.safetensors") -> str:
    return json.dumps({"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [
        {"type": "file", "name": name, "hashes": [{"alg": "SHA-256", "content": digest}]}]}, indent=2)


def test_bad_json_is_one_finding_at_its_line(make_repo):
    report = lint(make_repo({"model.cdx.json": '{\n  "bomFormat": "CycloneDX",\n}\n'}), "LVL")
    assert located(report, "LVL010") == [("model.cdx.json", 3)]
    assert "not valid JSON" in report.findings[0].message


@pytest.mark.parametrize("text", ['["a list"]', '{"name": "not a bom"}', '"text"', "17"])
def test_json_that_is_no_bom_is_reported(make_repo, text):
    report = lint(make_repo({"bom.json": text}), "LVL")
    assert located(report, "LVL010") == [("bom.json", 1)]


def test_boms_in_test_folders_are_not_read(make_repo):
    report = lint(make_repo({"tests/fixtures/bom.json": "{", "tests/x.spdx.json": "["}), "LVL")
    assert located(report, "LVL010") == []


def test_a_hash_that_differs_from_the_pointer_is_reported_at_its_line(make_repo):
    report = lint(make_repo({**LFS, "bom.json": cyclonedx(OTHER)}), "LVL011")
    assert located(report, "LVL011") == [("bom.json", 11)]
    assert OID in report.findings[0].message and OTHER in report.findings[0].message


def test_a_hash_that_matches_the_pointer_is_fine(make_repo):
    report = lint(make_repo({**LFS, "bom.json": cyclonedx(OID.upper(), "./model.safetensors")}), "LVL011")
    assert located(report, "LVL011") == []


def test_a_hash_of_a_file_that_is_no_pointer_is_never_checked(make_repo):
    report = lint(make_repo({"model.safetensors": b"\0" * 64, "bom.json": cyclonedx(OTHER)}), "LVL011")
    assert located(report, "LVL011") == []


def test_spdx_2_checksums_and_spdx_3_hashes_are_checked(make_repo):
    spdx2 = json.dumps({"spdxVersion": "SPDX-2.3", "files": [
        {"fileName": "./model.safetensors", "checksums": [{"algorithm": "SHA256", "checksumValue": OTHER}]}]},
        indent=1)
    spdx3 = json.dumps({"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld", "@graph": [
        {"type": "software_File", "spdxId": "urn:x:f", "name": "model.safetensors",
         "verifiedUsing": [{"type": "Hash", "algorithm": "sha256", "hashValue": OTHER}]}]}, indent=1)
    report = lint(make_repo({**LFS, "two.spdx.json": spdx2, "three.spdx.json": spdx3}), "LVL011")
    assert located(report, "LVL011") == [("three.spdx.json", 12), ("two.spdx.json", 9)]


def test_a_bom_beside_its_files_names_them_from_its_folder(make_repo):
    files = {".gitattributes": LFS[".gitattributes"], "models/a/model.safetensors": POINTER,
             "models/a/bom.json": cyclonedx(OTHER)}
    report = lint(make_repo(files), "LVL011")
    assert located(report, "LVL011") == [("models/a/bom.json", 11)]


@pytest.mark.parametrize("document", [
    {"bomFormat": "CycloneDX", "components": "not a list", "metadata": []},
    {"bomFormat": "CycloneDX", "components": [None, 3, {"hashes": [None, {"alg": 5}], "licenses": [7, {}]}]},
    {"spdxVersion": "SPDX-2.3", "packages": [None, {"checksums": "x", "licenseDeclared": 3}], "files": {}},
    {"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld", "@graph": [1, {"type": "Relationship"},
                                                                            {"type": "ai_AIPackage"}]},
])
def test_odd_shapes_never_crash_a_rule(make_repo, document):
    report = lint(make_repo({**LFS, "bom.json": json.dumps(document)}), "LVL", "LIC008")
    assert located(report, "LVL010") == [] and located(report, "LVL011") == []
