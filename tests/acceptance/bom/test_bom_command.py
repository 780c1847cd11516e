"""openness-lint bom, as a user runs it: the examples, a monorepo, a release
in Git LFS; the same bytes every run; the writing rules of every command."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import EXAMPLES
from tests.unit.bom.helpers import OID, llama_release, loaded_spdx, pointer, properties, valid_cyclonedx

TIME = "2026-01-31T12:00:00Z"


def bom(run_cli, *args: str) -> str:
    result = run_cli("bom", *args)
    assert result.code == 0, result
    return result.stdout


def checked(run_cli, root) -> dict:
    return json.loads(run_cli("check", str(root), "--format", "json").stdout)


@pytest.mark.parametrize("example", ["complete-release", "gappy-release"])
def test_each_example_validates_and_names_model_data_code_licenses_and_level(run_cli, example):
    root = EXAMPLES / example
    report = checked(run_cli, root)
    document = valid_cyclonedx(bom(run_cli, str(root)))
    by_type: dict[str, list[dict]] = {}
    for item in document["components"]:
        by_type.setdefault(item["type"], []).append(item)
    (model,) = by_type["machine-learning-model"]
    assert model["name"] == {"complete-release": "tiny-sentiment", "gappy-release": "half-done-model"}[example]
    assert by_type["data"], "the data sets"
    assert ("application" in by_type) == report["components"]["code-license"]["present"]
    said = json.dumps(document)
    for cid in ("code-license", "model-license", "data-license"):
        expression = report["components"][cid]["license"]
        assert expression is None or expression in said, (cid, expression)
    assert properties(model, "openness-lint:level") == [f"{report['level']['framework']}:{report['level']['achieved']}"]
    for fid, grade in report["level"]["frameworks"].items():
        assert properties(model, f"openness-lint:level:{fid}") == [grade["achieved"]]


@pytest.mark.parametrize("example", ["complete-release", "gappy-release"])
def test_each_example_loads_as_spdx_with_an_ai_package_trained_on_its_data(run_cli, example):
    text = bom(run_cli, str(EXAMPLES / example), "--format", "spdx", "--timestamp", TIME)
    objects = loaded_spdx(text)
    kinds = {type(o).__name__ for o in objects.objects}
    assert {"ai_AIPackage", "dataset_DatasetPackage", "SpdxDocument", "CreationInfo"} <= kinds
    trained = [o for o in objects.objects if type(o).__name__ == "Relationship"
               and str(o.relationshipType).endswith("trainedOn")]
    assert len(trained) == 1 and trained[0].to


@pytest.mark.parametrize("fmt", ["cyclonedx", "spdx"])
def test_two_runs_give_the_same_bytes(run_cli, monkeypatch, make_repo, fmt):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    for root in (EXAMPLES / "complete-release", make_repo(llama_release(), git_init=True)):
        first, second = (bom(run_cli, str(root), "--format", fmt) for _ in range(2))
        assert first == second
        assert "2026-01-01T00:00:00Z" in first


def test_no_time_appears_unless_one_is_given(run_cli, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    document = json.loads(bom(run_cli, str(EXAMPLES / "complete-release")))
    assert "timestamp" not in document["metadata"]
    assert not re.search(r"\d{4}-\d\d-\d\d", json.dumps(document))  # no date of any kind


def test_spdx_needs_a_time_and_says_so_on_one_line(run_cli, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    result = run_cli("bom", str(EXAMPLES / "complete-release"), "--format", "spdx")
    assert result.code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "SOURCE_DATE_EPOCH" in result.stderr


def test_spdx_names_the_mandatory_fields_nothing_states(run_cli):
    result = run_cli("bom", str(EXAMPLES / "gappy-release"), "--format", "spdx", "--timestamp", TIME)
    assert result.code == 0
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert any("ai_AIPackage 'half-done-model'" in w and "suppliedBy" in w for w in warnings)


def test_a_monorepo_has_one_model_component_per_release(run_cli, make_repo):
    files = {"LICENSE": "SPDX-License-Identifier: Apache-2.0\n\nApache License 2.0\n", "README.md": "# Models\n"}
    for name in ("alpha", "beta"):
        files[f"models/{name}/README.md"] = f"---\nlicense: apache-2.0\npipeline_tag: text-generation\n---\n# {name}\n"
        files[f"models/{name}/model.safetensors"] = b"\0" * 16
    root = make_repo(files, git_init=True)
    report = checked(run_cli, root)
    document = valid_cyclonedx(bom(run_cli, str(root)))
    models = sorted((c for c in document["components"] if c["type"] == "machine-learning-model"),
                    key=lambda c: c["name"])
    assert [(m["name"], m["bom-ref"]) for m in models] == [("alpha", "models/alpha#model"),
                                                           ("beta", "models/beta#model")]
    for model in models:
        release = properties(model, "openness-lint:release")[0]
        assert properties(model, "openness-lint:level:mof") == [report["releases"][release]["level"]["achieved"]]
        assert [f["name"] for f in model["components"]] == [f"{release}/model.safetensors"]
    spdx_text = bom(run_cli, str(root), "--format", "spdx", "--timestamp", TIME)
    packages = [o for o in loaded_spdx(spdx_text).objects if type(o).__name__ == "ai_AIPackage"]
    assert sorted(p.name for p in packages) == ["alpha", "beta"]


def test_weights_in_git_lfs_are_hashed_from_their_pointers(run_cli, make_repo):
    root = make_repo(llama_release(), git_init=True)
    document = valid_cyclonedx(bom(run_cli, str(root)))
    model = next(c for c in document["components"] if c["type"] == "machine-learning-model")
    assert model["components"][0]["hashes"] == [{"alg": "SHA-256", "content": OID}]
    spdx_text = bom(run_cli, str(root), "--format", "spdx", "--timestamp", TIME)
    assert OID in spdx_text


def test_output_file_is_never_overwritten_without_force(run_cli, tmp_path):
    target = tmp_path / "release.cdx.json"
    assert run_cli("bom", str(EXAMPLES / "complete-release"), "-o", str(target)).code == 0
    valid_cyclonedx(target.read_text("utf-8"))
    target.write_text("mine\n")
    refused = run_cli("bom", str(EXAMPLES / "complete-release"), "-o", str(target))
    assert refused.code == 2 and "--force" in refused.stderr and target.read_text() == "mine\n"
    assert run_cli("bom", str(EXAMPLES / "complete-release"), "-o", str(target), "--force").code == 0
    valid_cyclonedx(target.read_text("utf-8"))


def test_a_bad_timestamp_is_one_line_naming_the_option(run_cli):
    result = run_cli("bom", str(EXAMPLES / "complete-release"), "--timestamp", "tomorrow")
    assert result.code == 2 and result.stderr.count("\n") == 1 and "--timestamp" in result.stderr


def test_check_writes_the_bom_in_the_same_run(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    cdx, spdx = tmp_path / "out.cdx.json", tmp_path / "out.spdx.json"
    root = str(EXAMPLES / "gappy-release")
    plain = run_cli("check", root)
    for target in (cdx, spdx):
        result = run_cli("check", root, "--bom", str(target))
        assert result.code == plain.code == 1 and result.stdout == plain.stdout
    assert valid_cyclonedx(cdx.read_text("utf-8"))["components"]
    loaded_spdx(spdx.read_text("utf-8"))
    assert cdx.read_text("utf-8") == bom(run_cli, root)


def test_check_bom_needs_a_full_check(run_cli, tmp_path):
    result = run_cli("check", "README.md", "--bom", str(tmp_path / "x.cdx.json"), cwd=EXAMPLES / "complete-release")
    assert result.code == 2 and "--bom" in result.stderr


def test_a_repository_bom_is_checked_against_the_files(run_cli, make_repo, tmp_path):
    root = make_repo(llama_release(), git_init=True)
    assert run_cli("bom", str(root), "-o", str(root / "model.cdx.json")).code == 0
    assert run_cli("bom", str(root), "--format", "spdx", "--timestamp", TIME,
                   "-o", str(root / "model.spdx.json")).code == 0
    own = {f["rule"] for f in checked(run_cli, root)["findings"]}
    assert not own & {"LIC008", "LVL010", "LVL011"}, own
    (root / "LICENSE-MODEL").write_text("Apache License\nVersion 2.0, January 2004\n")
    (root / "README.md").write_text((root / "README.md").read_text().replace("llama3.1", "apache-2.0"))
    (root / "model.safetensors").write_text(pointer("cd" * 32))
    findings = checked(run_cli, root)["findings"]
    lines = (root / "model.cdx.json").read_text().splitlines()
    at = {(f["rule"], f["path"]) for f in findings if f["rule"] in ("LIC008", "LVL011")}
    assert {("LIC008", "model.cdx.json"), ("LVL011", "model.cdx.json"), ("LIC008", "model.spdx.json"),
            ("LVL011", "model.spdx.json")} <= at
    cdx_license = next(f for f in findings if f["rule"] == "LIC008" and f["path"] == "model.cdx.json")
    assert "Llama" in lines[cdx_license["line"] - 1] or "llama" in lines[cdx_license["line"] - 1]
    cdx_hash = next(f for f in findings if f["rule"] == "LVL011" and f["path"] == "model.cdx.json")
    assert OID in lines[cdx_hash["line"] - 1]


def test_bad_bom_json_in_a_repository_is_a_finding_not_a_traceback(run_cli, make_repo):
    root = make_repo({"README.md": "# x\n", "bom.json": '{\n  "bomFormat": "CycloneDX",\n  "components": [,]\n}\n'})
    result = run_cli("check", str(root), "--format", "json")
    assert result.code == 1 and result.stderr == ""
    (finding,) = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "LVL010"]
    assert (finding["path"], finding["line"]) == ("bom.json", 3)
