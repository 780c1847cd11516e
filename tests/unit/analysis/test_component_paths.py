"""Weights and data by path, with negative evidence: a weights or data file
needs its format (and, for a container format, a weights name, folder or
size); tests, fixtures, examples and assets count only when the manifest
declares them; and the report says why each path counted."""

from __future__ import annotations

import builtins
import io
import json
import os
from pathlib import Path

import jsonschema
from openness_lint.analysis.components import detect_all
from openness_lint.catalog.source import schema_text

from tests.helpers.levels import PLAIN_README, mot
from tests.helpers.linting import context

MIB = 1024 * 1024
TINY = b"\x00\x01\x02\x03"  # a few bytes: never real weights
LFS_POINTER = (b"version https://git-lfs.github.com/spec/v1\n"
               b"oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\n"
               b"size 12345\n")


def sparse(root: Path, path: str, size: int = 2 * MIB) -> None:
    """A file of `size` bytes that takes no disk and that nothing must read."""
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "wb") as handle:
        handle.truncate(size)


def components(root: Path) -> dict:
    return detect_all(context(root))


def evidence(root: Path, cid: str) -> list[str]:
    return components(root)[cid].evidence


# -- weights -----------------------------------------------------------------------

def test_small_array_asset_is_not_weights(make_repo):
    root = make_repo({"README.md": PLAIN_README, "assets/mel_filters.npz": TINY,
                      "audio/mel_filters.npz": TINY, "scripts/detector/head_v1.npz": TINY})
    found = components(root)
    assert found["model-parameters"].evidence == []
    assert found["model-parameters-intermediate"].evidence == []


def test_container_format_counts_by_name_folder_or_size(make_repo):
    root = make_repo({"README.md": PLAIN_README, "adapter_model.bin": TINY, "weights/final.pt": TINY,
                      "encoder_small.pt": TINY})
    sparse(root, "encoder.pt")
    reasons = components(root)["model-parameters"].reasons
    assert reasons == {
        "adapter_model.bin": "weights format .bin with a weights name (*model*)",
        "encoder.pt": "weights format .pt of 2.0 MiB (at least 1 MiB)",
        "weights/final.pt": "weights format .pt in a weights/ folder",
    }


def test_container_format_in_git_lfs_is_weights(make_repo):
    root = make_repo({"README.md": PLAIN_README, ".gitattributes": "*.bin filter=lfs diff=lfs merge=lfs -text\n",
                      "encoder.bin": LFS_POINTER})
    assert components(root)["model-parameters"].reasons == {"encoder.bin": "weights format .bin stored in Git LFS"}


def test_real_weights_still_count_and_are_never_opened(make_repo):
    root = make_repo({"README.md": PLAIN_README, "model.safetensors": TINY})
    sparse(root, "pytorch_model-00001-of-00002.bin")
    ctx = context(root)
    status = detect_all(ctx)["model-parameters"]
    assert status.reasons == {
        "model.safetensors": "weights format .safetensors",
        "pytorch_model-00001-of-00002.bin": "weights format .bin with a weights name (*model*)",
    }
    assert not {"model.safetensors", "pytorch_model-00001-of-00002.bin"} & set(ctx.repo.opened)


def test_large_shard_in_a_data_folder_is_data_not_weights(make_repo):
    root = make_repo({"README.md": PLAIN_README})
    sparse(root, "data/shard-0.bin")
    found = components(root)
    assert found["model-parameters"].evidence == []
    assert found["datasets"].reasons == {"data/shard-0.bin": ".bin in a data folder (data/)"}


def test_intermediate_checkpoints_need_weights_too(make_repo):
    root = make_repo({"README.md": PLAIN_README, "checkpoints/step1000.safetensors": TINY,
                      "configs/step1_make-eval-set/option1.yaml": "a: 1\n", "checkpoints/README.md": "# c\n"})
    assert evidence(root, "model-parameters-intermediate") == ["checkpoints/step1000.safetensors"]


# -- folders that count only when the manifest declares them -----------------------

def test_fixture_weights_are_not_weights(make_repo):
    root = make_repo({"README.md": PLAIN_README, "tests/fixtures/tiny_model.safetensors": TINY,
                      "fixtures/tiny_model.safetensors": TINY, "examples/demo/model.safetensors": TINY,
                      "pkg/assets/model.safetensors": TINY, "test_fixtures/tiny-model/config.json": "{}\n"})
    sparse(root, "test_fixtures/tiny-model/pytorch_model.bin")
    found = components(root)
    assert found["model-parameters"].evidence == []
    assert found["model-metadata"].evidence == []


def test_fixture_weights_count_when_the_manifest_declares_them(make_repo):
    manifest = mot([("Model parameters (Final)", "Apache-2.0", "tests/fixtures")])
    root = make_repo({"README.md": PLAIN_README, "mof.yaml": manifest,
                      "tests/fixtures/tiny_model.safetensors": TINY, "tests/other/model.safetensors": TINY})
    assert components(root)["model-parameters"].reasons == {
        "tests/fixtures/tiny_model.safetensors": "weights format .safetensors; under tests/, but mof.yaml declares it"}


def test_a_declaration_for_another_component_counts_nothing(make_repo):
    manifest = mot([("Datasets", "CC-BY-4.0", "tests/fixtures")])
    root = make_repo({"README.md": PLAIN_README, "mof.yaml": manifest,
                      "tests/fixtures/tiny_model.safetensors": TINY})
    assert evidence(root, "model-parameters") == []


def test_examples_and_assets_hold_no_data(make_repo):
    root = make_repo({"README.md": PLAIN_README, "examples/data/train.csv": "text\nhi\n",
                      "demo/src/assets/data/dogs.json": "[]\n", "tests/data/train.jsonl": "{}\n"})
    assert evidence(root, "datasets") == []


# -- datasets ----------------------------------------------------------------------

def test_scripts_images_fonts_and_lists_are_not_datasets(make_repo):
    root = make_repo({
        "README.md": PLAIN_README,
        "scripts/download.sh": "curl -O https://example.org/data\n",
        "data/prepare_dataset.sh": "echo prepare\n",
        "docs/demo.png": b"\x89PNG\r\n",
        "data/misc/radar.png": b"\x89PNG\r\n",
        "data/DejaVuSans.ttf": b"\x00\x01\x00\x00",
        "checkpoints.txt": "step1000\nstep2000\n",
        "data/checkpoints.csv": "step,url\n0,https://example.org/step0\n",
        "configs/run-7b.csv": "step,url\n0,https://example.org/step0\n",
        "data/README.md": "# Data\n",
        "data/words.txt": "one\ntwo\n",
    })
    assert evidence(root, "datasets") == []


def test_config_and_package_json_are_not_data(make_repo):
    root = make_repo({"README.md": PLAIN_README, "data/config.json": "{}\n", "data/dataset_info.json": "{}\n",
                      "pkg/__init__.py": "", "pkg/data/mapping.json": "{}\n"})
    assert evidence(root, "datasets") == []


def test_real_data_still_counts(make_repo):
    root = make_repo({"README.md": PLAIN_README, "data/train.jsonl": "{}\n", "data/dialogues.json": "[]\n",
                      "corpus/shard-00.jsonl.zst": b"\x28\xb5\x2f\xfd"})
    sparse(root, "data/train.parquet")
    assert components(root)["datasets"].reasons == {
        "corpus/shard-00.jsonl.zst": "data format .jsonl.zst",
        "data/dialogues.json": ".json in a data folder (data/)",
        "data/train.jsonl": "data format .jsonl",
        "data/train.parquet": "data format .parquet",
    }


def test_a_data_card_is_a_dataset(make_repo):
    card = "---\nlicense: cc-by-4.0\ntask_categories: [text-generation]\n---\n# Dataset Card for Corpus\n"
    root = make_repo({"README.md": PLAIN_README, "corpus/README.md": card})
    assert components(root)["datasets"].reasons == {"corpus/README.md": "data card"}


# -- the report --------------------------------------------------------------------

def test_json_report_says_why_each_path_counted(make_repo, run_cli):
    root = make_repo({"README.md": PLAIN_README, "model.safetensors": TINY, "assets/mel_filters.npz": TINY,
                      "data/train.jsonl": "{}\n", "data/DejaVuSans.ttf": b"\x00"})
    sparse(root, "pytorch_model-00001-of-00002.bin")
    result = run_cli("check", str(root), "--format", "json", "--select", "OL")
    report = json.loads(result.stdout)
    jsonschema.validate(report, json.loads(schema_text("report.schema.json")))
    weights, data = report["components"]["model-parameters"], report["components"]["datasets"]
    assert weights["evidence"] == ["model.safetensors", "pytorch_model-00001-of-00002.bin"]
    assert weights["reasons"] == {
        "model.safetensors": "weights format .safetensors",
        "pytorch_model-00001-of-00002.bin": "weights format .bin with a weights name (*model*)"}
    assert data["reasons"] == {"data/train.jsonl": "data format .jsonl"}
    assert "reasons" not in report["components"]["training-code"]


def test_a_release_reports_reasons_under_the_whole_repository_paths(make_repo, run_cli):
    card = "---\nlicense: apache-2.0\npipeline_tag: text-generation\n---\n# Model Card for {0}\n"
    root = make_repo({"README.md": PLAIN_README, "LICENSE": "MIT License\n",
                      "models/alpha/README.md": card.format("Alpha"), "models/alpha/model.safetensors": TINY,
                      "models/beta/README.md": card.format("Beta"), "models/beta/model.safetensors": TINY})
    report = json.loads(run_cli("check", str(root), "--format", "json", "--select", "OL").stdout)
    alpha = report["releases"]["models/alpha"]["components"]["model-parameters"]
    assert alpha["reasons"] == {"models/alpha/model.safetensors": "weights format .safetensors"}


def test_weights_are_sized_by_stat_never_opened(make_repo, monkeypatch):
    root = make_repo({"README.md": PLAIN_README})
    sparse(root, "encoder.pt")

    def refusing(real):
        def opener(file, *args, **kwargs):
            named = isinstance(file, (str, bytes, os.PathLike))
            assert not (named and os.fsdecode(file).endswith("encoder.pt")), "a weights file was opened"
            return real(file, *args, **kwargs)
        return opener

    for module, name in ((builtins, "open"), (io, "open"), (os, "open")):
        monkeypatch.setattr(module, name, refusing(getattr(module, name)))
    assert evidence(root, "model-parameters") == ["encoder.pt"]
