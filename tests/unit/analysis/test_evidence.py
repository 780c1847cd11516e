"""Component detection from file and folder names: one fixture repository
per component, and the files that must not count."""

from __future__ import annotations

import pytest

from tests.helpers.levels import PLAIN_README, check

WEIGHTS = b"\x00\x01\x02\x03"  # a few bytes under a weights name; never real weights
WEIGHTS_SIZED = bytes(1024 * 1024)  # 1 MiB: a .ckpt named nothing in particular counts by size
ARCHITECTURES = '{"architectures": ["GPTNeoXForCausalLM"], "hidden_size": 512}\n'

# (component, files of the fixture beyond the README, the evidence expected)
FOUND = [
    ("model-architecture", {"modeling_gpt.py": "class Model: pass\n"}, ["modeling_gpt.py"]),
    ("model-architecture", {"src/model.py": "class Model: pass\n"}, ["src/model.py"]),
    ("model-architecture", {"models/attention.py": "class Attention: pass\n"}, ["models/attention.py"]),
    ("model-architecture", {"config.json": ARCHITECTURES}, ["config.json"]),
    ("model-parameters", {"model.safetensors": WEIGHTS}, ["model.safetensors"]),
    ("model-parameters", {"pytorch_model.bin": WEIGHTS}, ["pytorch_model.bin"]),
    ("model-parameters", {"weights/final.pt": WEIGHTS}, ["weights/final.pt"]),
    ("model-parameters", {"model.pth": WEIGHTS}, ["model.pth"]),
    ("model-parameters", {"last.ckpt": WEIGHTS_SIZED}, ["last.ckpt"]),
    ("model-parameters", {"model-q4.gguf": WEIGHTS}, ["model-q4.gguf"]),
    ("model-parameters", {"onnx/model.onnx": WEIGHTS}, ["onnx/model.onnx"]),
    ("model-parameters-intermediate", {"checkpoints/model.safetensors": WEIGHTS}, ["checkpoints/model.safetensors"]),
    ("model-parameters-intermediate", {"step1000/model.safetensors": WEIGHTS}, ["step1000/model.safetensors"]),
    ("model-parameters-intermediate", {"runs/step143000/model.safetensors": WEIGHTS},
     ["runs/step143000/model.safetensors"]),
    ("training-code", {"train.py": "print('train')\n"}, ["train.py"]),
    ("training-code", {"scripts/pretrain_gpt.py": "print('pretrain')\n"}, ["scripts/pretrain_gpt.py"]),
    ("training-code", {"finetune_lora.sh": "echo finetune\n"}, ["finetune_lora.sh"]),
    ("training-code", {"training/loop.py": "print('loop')\n"}, ["training/loop.py"]),
    ("inference-code", {"generate.py": "print('generate')\n"}, ["generate.py"]),
    ("inference-code", {"infer.py": "print('infer')\n"}, ["infer.py"]),
    ("inference-code", {"scripts/inference_server.py": "print('serve')\n"}, ["scripts/inference_server.py"]),
    ("evaluation-code", {"eval_lambada.py": "print('eval')\n"}, ["eval_lambada.py"]),
    ("evaluation-code", {"benchmark.py": "print('bench')\n"}, ["benchmark.py"]),
    ("evaluation-code", {"evaluation/harness.py": "print('harness')\n"}, ["evaluation/harness.py"]),
    ("data-preprocessing-code", {"preprocess.py": "print('prep')\n"}, ["preprocess.py"]),
    ("data-preprocessing-code", {"tools/dedup_minhash.py": "print('dedup')\n"}, ["tools/dedup_minhash.py"]),
    ("data-preprocessing-code", {"tokenize_corpus.py": "print('tok')\n"}, ["tokenize_corpus.py"]),
    ("data-preprocessing-code", {"prepare_data.py": "print('prep')\n"}, ["prepare_data.py"]),
    ("datasets", {"data/train.csv": "text\nhello\n"}, ["data/train.csv"]),
    ("datasets", {"datasets/shard-0.bin": b"\x00"}, ["datasets/shard-0.bin"]),
    ("datasets", {"corpus.parquet": b"PAR1"}, ["corpus.parquet"]),
    ("model-metadata", {"config.json": '{"hidden_size": 512}\n'}, ["config.json"]),
    ("model-metadata", {"generation_config.json": '{"max_new_tokens": 32}\n'}, ["generation_config.json"]),
    ("supporting-libraries", {"requirements.txt": "torch\n"}, ["requirements.txt"]),
    ("supporting-libraries", {"requirements-dev.txt": "pytest\n"}, ["requirements-dev.txt"]),
    ("sample-outputs", {"samples/story.txt": "Once upon a time.\n"}, ["samples/story.txt"]),
]


@pytest.mark.parametrize("cid, files, evidence", FOUND, ids=[f"{c}-{next(iter(f))}" for c, f, _ in FOUND])
def test_component_found(cid, files, evidence, make_repo, run_cli):
    _, report = check(run_cli, make_repo({"README.md": PLAIN_README, **files}))
    status = report["components"][cid]
    assert (status["present"], status["evidence"]) == (True, evidence)


@pytest.mark.parametrize("folder", ["checkpoints", "step1000", "checkpoint-500"])
def test_intermediate_checkpoints_are_not_final_weights(folder, make_repo, run_cli):
    _, report = check(run_cli, make_repo({"README.md": PLAIN_README, f"{folder}/model.safetensors": WEIGHTS}))
    assert report["components"]["model-parameters-intermediate"]["present"]
    assert not report["components"]["model-parameters"]["present"]


def test_final_and_intermediate_side_by_side(make_repo, run_cli):
    _, report = check(run_cli, make_repo({"README.md": PLAIN_README, "model.safetensors": WEIGHTS,
                                          "checkpoints/step1000.safetensors": WEIGHTS}))
    assert report["components"]["model-parameters"]["evidence"] == ["model.safetensors"]
    assert report["components"]["model-parameters-intermediate"]["evidence"] == ["checkpoints/step1000.safetensors"]


def test_config_without_architectures_is_metadata_only(make_repo, run_cli):
    _, report = check(run_cli, make_repo({"README.md": PLAIN_README, "config.json": '{"hidden_size": 512}\n'}))
    assert not report["components"]["model-architecture"]["present"]
    assert report["components"]["model-metadata"]["present"]


def test_config_with_architectures_is_architecture_and_metadata(make_repo, run_cli):
    _, report = check(run_cli, make_repo({"README.md": PLAIN_README, "config.json": ARCHITECTURES}))
    assert report["components"]["model-architecture"]["evidence"] == ["config.json"]
    assert report["components"]["model-metadata"]["evidence"] == ["config.json"]


@pytest.mark.parametrize("name", ["train.md", "train.txt", "generate.yaml", "eval_notes.md", "preprocess.json"])
def test_code_components_need_source_files(name, make_repo, run_cli):
    _, report = check(run_cli, make_repo({"README.md": PLAIN_README, name: "not code\n"}))
    code = ("training-code", "inference-code", "evaluation-code", "data-preprocessing-code")
    assert not any(report["components"][cid]["present"] for cid in code)


# Each of these files would count anywhere but under tests/.
UNDER_TESTS = {
    "tests/test_train.py": "def test(): pass\n",
    "tests/train.py": "print('train')\n",
    "tests/generate.py": "print('generate')\n",
    "tests/eval_model.py": "print('eval')\n",
    "tests/preprocess.py": "print('prep')\n",
    "tests/modeling_tiny.py": "class Tiny: pass\n",
    "tests/fixtures/model.safetensors": WEIGHTS,
    "tests/checkpoints/model.safetensors": WEIGHTS,
    "tests/data/train.csv": "text\nhello\n",
    "tests/fixtures/config.json": ARCHITECTURES,
    "tests/samples/out.txt": "sample\n",
    "tests/requirements.txt": "pytest\n",
}


def test_tests_folder_never_counts(make_repo, run_cli):
    _, report = check(run_cli, make_repo({"README.md": PLAIN_README, **UNDER_TESTS}))
    found = {cid: status["evidence"] for cid, status in report["components"].items()
             if any(path.startswith("tests/") for path in status["evidence"])}
    assert found == {}


def test_nested_tests_folder_never_counts(make_repo, run_cli):
    _, report = check(run_cli, make_repo({"README.md": PLAIN_README, "pkg/tests/train.py": "print('t')\n",
                                          "pkg/tests/model.safetensors": WEIGHTS}))
    assert not report["components"]["training-code"]["present"]
    assert not report["components"]["model-parameters"]["present"]


def test_datasets_named_in_card_metadata(make_repo, run_cli):
    """The issue: datasets are evidenced by data folders, dataset cards and
    `datasets:` in card metadata."""
    readme = "---\nlicense: apache-2.0\npipeline_tag: text-generation\ndatasets: [EleutherAI/pile]\n---\n# Model\n"
    _, report = check(run_cli, make_repo({"README.md": readme}))
    assert report["components"]["datasets"]["present"]


def test_nothing_detected_in_a_bare_repository(make_repo, run_cli):
    _, report = check(run_cli, make_repo({"README.md": PLAIN_README}))
    from openness_lint.analysis.components.files import PATTERN_COMPONENTS

    assert [cid for cid in PATTERN_COMPONENTS if report["components"][cid]["present"]] == []


def test_detected_components_take_the_nearest_license(make_repo, run_cli):
    from tests.helpers.levels import standard

    _, report = check(run_cli, make_repo({
        "README.md": PLAIN_README, "LICENSE": standard("Apache-2.0"), "train.py": "print('t')\n",
        "tools/LICENSE": standard("MIT"), "tools/preprocess.py": "print('p')\n"}))
    assert report["components"]["training-code"]["license"] == "Apache-2.0"
    assert report["components"]["data-preprocessing-code"]["license"] == "MIT"


def test_each_pattern_is_searched_once_per_run_and_before_the_rules(make_repo, run_cli, monkeypatch):
    # the engine finds all file evidence first (on a large tree, while git
    # grep is still reading); the detectors and frameworks reuse it
    from openness_lint import engine
    from openness_lint.analysis import evidence

    searched: list[str] = []
    rules_started: list[int] = []
    original = evidence._evidence
    monkeypatch.setattr(evidence, "_evidence", lambda ctx, pattern: searched.append(repr(pattern)) or original(ctx, pattern))
    run_rule = engine.stamp
    monkeypatch.setattr(engine, "stamp", lambda *a: rules_started.append(len(searched)) or run_rule(*a))
    root = make_repo({"LICENSE": "MIT License\n", "train.py": "x\n", "eval/run.py": "y\n", "README.md": "# m\n"})
    assert run_cli("check", str(root), "--exit-zero").code == 0
    assert searched and len(searched) == len(set(searched))
    assert rules_started and min(rules_started) == len(searched)  # no search after the first finding


@pytest.mark.parametrize(("files", "expected"), [
    ({"configs/6B.json": "{}\n"}, ["configs/6B.json"]),
    ({"inference/configs/config_671B.json": "{}\n"}, ["inference/configs/config_671B.json"]),
    ({"configs/official/model-7B.yaml": "d_model: 4096\n"}, ["configs/official/model-7B.yaml"]),
    ({"examples/sft/configs/fsdp.yaml": "x: 1\n"}, []),  # a demo's settings, not the release's run
])
def test_training_configs_are_model_metadata(make_repo, files, expected):
    from openness_lint.analysis import evidence

    from tests.helpers.linting import context

    ctx = context(make_repo(files))
    found = evidence.evidence(ctx, "model-metadata", evidence.Pattern.from_data(evidence.patterns()["model-metadata"]))
    assert found == expected
