"""The manifest merged with detection: LVL002-LVL005, where the manifest is
read from, and how a declared component's source is reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from openness_lint import config as config_mod
from openness_lint.analysis import manifest
from openness_lint.context import Context
from openness_lint.levels import inputs
from openness_lint.repo.repo import Repo

from tests.helpers.levels import CLASS_III, PLAIN_README, check, level, line_of, located, mof, mot, of_rule, standard

TYPED = {"code": "MIT", "data": "CDLA-Permissive-2.0", "document": "CC-BY-4.0"}


def context(root: Path) -> Context:
    return Context(Repo(root), config_mod.load(root))


# -- LVL002: a component_path inside the repository must exist ---------------

def test_component_path_that_does_not_exist(make_repo, run_cli):
    text = mot([("Training code", "MIT", "train/"), ("Inference code", "MIT", "serve.py")])
    root = make_repo({"mof.yaml": text, "README.md": PLAIN_README, "serve.py": "print('serve')\n"})
    _, report = check(run_cli, root)
    assert located(report, "LVL002") == {("mof.yaml", line_of(text, "Training code"))}
    assert [f["component"] for f in of_rule(report, "LVL002")] == ["training-code"]
    assert of_rule(report, "LVL002")[0]["severity"] == "error"


@pytest.mark.parametrize("path", ["train/", "train", "./train/", "train/run.py"])
def test_component_path_that_exists(path, make_repo, run_cli):
    root = make_repo({"mof.yaml": mot([("Training code", "MIT", path)]), "README.md": PLAIN_README,
                      "train/run.py": "print('train')\n"})
    _, report = check(run_cli, root)
    assert not of_rule(report, "LVL002")


def test_url_is_never_looked_for_in_the_repository(make_repo, run_cli):
    text = mot([("Model parameters (Final)", "CC-BY-4.0", "https://huggingface.co/example/model")])
    _, report = check(run_cli, make_repo({"mof.yaml": text, "README.md": PLAIN_README}))
    assert not of_rule(report, "LVL002")


# -- LVL003: a declared license must agree with the files ---------------------

def test_declared_license_differs_from_the_files(make_repo, run_cli):
    text = mot([("Training code", "Apache-2.0", "train.py")])
    root = make_repo({"mof.yaml": text, "README.md": PLAIN_README, "LICENSE": standard("MIT"),
                      "train.py": "print('train')\n"})
    _, report = check(run_cli, root)
    findings = of_rule(report, "LVL003")
    assert {(f["path"], f["line"], f["component"], f["severity"]) for f in findings} == {
        ("mof.yaml", line_of(text, "Training code"), "training-code", "error")}
    # both places are named: the manifest's license and the files' license and where
    assert "Apache-2.0" in findings[0]["message"] and "MIT" in findings[0]["message"]
    assert "train.py" in findings[0]["message"]


def test_inherited_declared_license_differs_from_the_files(make_repo, run_cli):
    # The manifest's distribution license reaches the training code.
    text = mot(["Training code"], distribution="Apache-2.0")
    root = make_repo({"mof.yaml": text, "README.md": PLAIN_README, "LICENSE": standard("MIT"),
                      "train.py": "print('train')\n"})
    _, report = check(run_cli, root)
    assert located(report, "LVL003") == {("mof.yaml", line_of(text, "Training code"))}


def test_declared_license_that_agrees(make_repo, run_cli):
    text = mot([("Training code", "MIT", "train.py")])
    root = make_repo({"mof.yaml": text, "README.md": PLAIN_README, "LICENSE": standard("MIT"),
                      "train.py": "print('train')\n"})
    _, report = check(run_cli, root)
    assert not of_rule(report, "LVL003")


def test_declared_unlicensed_differs_from_licensed_files(make_repo, run_cli):
    # `license: unlicensed` is a declaration too (FRAMEWORKS.md section 2: present
    # without a license); files under MIT say otherwise.
    text = mot([("Training code", "unlicensed", "train.py")])
    root = make_repo({"mof.yaml": text, "README.md": PLAIN_README, "LICENSE": standard("MIT"),
                      "train.py": "print('train')\n"})
    _, report = check(run_cli, root)
    assert located(report, "LVL003") == {("mof.yaml", line_of(text, "Training code"))}


def test_the_manifest_license_is_what_gets_graded(make_repo, run_cli):
    # The grade uses the manifest's claim; LVL003 is what flags the difference.
    text = mot([("Training code", "CC-BY-NC-4.0", "train.py")])
    root = make_repo({"mof.yaml": text, "README.md": PLAIN_README, "LICENSE": standard("MIT"),
                      "train.py": "print('train')\n"})
    _, report = check(run_cli, root)
    assert located(report, "LVL003") == {("mof.yaml", line_of(text, "Training code"))}
    criterion = report["level"]["frameworks"]["columbia"]["criteria"]["code-pretraining"]
    assert (criterion["license"], criterion["status"]) == ("CC-BY-NC-4.0", "restricted")


# -- declared URLs: taken as declared, not verified ----------------------------

def test_declared_url_is_not_verified(make_repo, run_cli):
    text = mot([("Model parameters (Final)", "CC-BY-4.0", "https://huggingface.co/example/model"),
                ("Model card", "CC-BY-4.0", "README.md")])
    root = make_repo({"mof.yaml": text, "README.md": PLAIN_README})
    criteria = level(run_cli, root)["frameworks"]["columbia"]["criteria"]
    assert criteria["weights-pretrained"]["source"] == "manifest, not verified"
    assert criteria["weights-pretrained"]["evidence"] == ["https://huggingface.co/example/model"]
    assert criteria["weights-pretrained"]["status"] == "open"
    assert criteria["doc-model-card"]["source"] == "manifest"
    graded = inputs.build(context(root))
    assert graded["model-parameters"] == inputs.ComponentGrade("model-parameters", True, "CC-BY-4.0", "open-data",
                                                        "manifest, not verified",
                                                        ("https://huggingface.co/example/model",))
    assert graded["model-card"].source == "manifest"
    assert graded["training-code"] == inputs.ComponentGrade("training-code", False, None, None, "missing")


def test_files_only_component_is_graded_from_the_files(make_repo):
    root = make_repo({"mof.yaml": mot([]), "README.md": PLAIN_README, "LICENSE": standard("MIT"),
                      "train.py": "print('train')\n"})
    graded = inputs.build(context(root))
    assert graded["training-code"] == inputs.ComponentGrade("training-code", True, "MIT", "osi-fsf", "files", ("train.py",))


def test_declared_component_without_license_takes_the_files_license(make_repo):
    root = make_repo({"mof.yaml": mot(["Training code"]), "README.md": PLAIN_README, "LICENSE": standard("MIT"),
                      "train.py": "print('train')\n"})
    graded = inputs.build(context(root))
    assert graded["training-code"] == inputs.ComponentGrade("training-code", True, "MIT", "osi-fsf", "manifest")


def test_manifest_parse_resolves_licenses_as_mot_does():
    data = {"release": {"license": {"distribution": {"name": "Apache-2.0"}, "data": {"name": "CC0-1.0"}},
                        "components": [{"name": "Datasets"}, {"name": "Training code"},
                                       {"name": "Model card", "license": "unlicensed"},
                                       {"name": "model architecture", "license": "mit"}]}}
    found = manifest.parse(data, "mof.yaml")
    assert not found.problems
    summary = {cid: (d.license, d.license_origin, d.unlicensed) for cid, d in found.components.items()}
    assert summary == {
        "datasets": ("CC0-1.0", "data", False),
        "training-code": ("Apache-2.0", "distribution", False),
        "model-card": (None, "component", True),
        "model-architecture": ("MIT", "component", False),
    }


# -- LVL004: a component in the files that the manifest leaves out -------------

def test_component_in_files_not_in_manifest(make_repo, run_cli):
    root = make_repo({"mof.yaml": mot(["Inference code"], code="MIT"), "README.md": PLAIN_README,
                      "LICENSE": standard("MIT"), "train.py": "print('train')\n", "generate.py": "print('gen')\n"})
    _, report = check(run_cli, root)
    findings = of_rule(report, "LVL004")
    assert {(f["path"], f["component"], f["severity"]) for f in findings} == {("mof.yaml", "training-code", "info")}
    assert "Training code" in findings[0]["message"]


def test_no_manifest_no_lvl004(make_repo, run_cli):
    root = make_repo({"README.md": PLAIN_README, "LICENSE": standard("MIT"), "train.py": "print('train')\n"})
    _, report = check(run_cli, root)
    assert not of_rule(report, "LVL004")


# -- LVL005: the manifest cannot be read ---------------------------------------

def test_malformed_yaml(make_repo, run_cli):
    text = "release:\n  name: example\n  components:\n    - {name: Model card\n"
    _, report = check(run_cli, make_repo({"mof.yaml": text, "README.md": PLAIN_README}))
    findings = of_rule(report, "LVL005")
    assert len(findings) == 1 and findings[0]["path"] == "mof.yaml"
    assert findings[0]["line"] in (4, 5)  # the unclosed flow mapping, or where the file ends


def test_duplicate_key_is_malformed(make_repo, run_cli):
    text = "release:\n  name: a\n  name: b\n"
    _, report = check(run_cli, make_repo({"mof.yaml": text, "README.md": PLAIN_README}))
    assert located(report, "LVL005") == {("mof.yaml", 3)}


def test_missing_release(make_repo, run_cli):
    text = "framework: {name: Model Openness Framework, version: '1.0'}\ncomponents:\n  - {name: Model card}\n"
    _, report = check(run_cli, make_repo({"mof.yaml": text, "README.md": PLAIN_README}))
    assert located(report, "LVL005") == {("mof.yaml", 1)}
    assert "release" in of_rule(report, "LVL005")[0]["message"]


def test_unknown_component_name(make_repo, run_cli):
    text = mot(["Model card", "Weights", "Training code"])
    _, report = check(run_cli, make_repo({"mof.yaml": text, "README.md": PLAIN_README}))
    assert located(report, "LVL005") == {("mof.yaml", line_of(text, "Weights"))}
    assert "Weights" in of_rule(report, "LVL005")[0]["message"]


def test_component_without_name(make_repo, run_cli):
    text = mot(["Model card"]) + "    - {license: MIT}\n"
    _, report = check(run_cli, make_repo({"mof.yaml": text, "README.md": PLAIN_README}))
    assert located(report, "LVL005") == {("mof.yaml", line_of(text, "license: MIT"))}


def test_valid_manifest_has_no_problems(make_repo, run_cli):
    _, report = check(run_cli, make_repo({"mof.yaml": mot(CLASS_III, **TYPED), "README.md": PLAIN_README}))
    assert not of_rule(report, "LVL005")


def test_component_names_are_matched_without_case(make_repo, run_cli):
    text = mot(["model architecture", "MODEL PARAMETERS (FINAL)"], **TYPED)
    root = make_repo({"mof.yaml": text, "README.md": PLAIN_README})
    code, report = check(run_cli, root)
    assert not of_rule(report, "LVL005")
    assert mof(report["level"])["progress"]["III"] == 33  # 2/6


# -- where the manifest comes from ----------------------------------------------

def test_dot_mof_yaml(make_repo, run_cli):
    root = make_repo({".mof.yaml": mot(CLASS_III, **TYPED), "README.md": PLAIN_README})
    assert mof(level(run_cli, root))["achieved"] == "III"


def test_release_section_in_config_works_like_mof_yaml(make_repo, run_cli):
    text = mot(CLASS_III + ["Training code"], **TYPED)
    config = text.split("\n", 1)[1]  # drop the `framework:` line; `release:` is a config key
    from_manifest = level(run_cli, make_repo({"mof.yaml": text, "README.md": PLAIN_README}))
    from_config = level(run_cli, make_repo({".openness-lint.yaml": config, "README.md": PLAIN_README}))
    assert mof(from_config)["achieved"] == mof(from_manifest)["achieved"] == "III"
    assert mof(from_config)["progress"] == mof(from_manifest)["progress"] == {"III": 100, "II": 70, "I": 0}


def test_release_section_in_config_reports_its_own_lines(make_repo, run_cli):
    release = mot(["Model card", "Weights", ("Training code", "MIT", "train/")]).split("\n", 1)[1]
    config = "min-level: mof:III\n" + release
    root = make_repo({".openness-lint.yaml": config, "README.md": PLAIN_README})
    _, report = check(run_cli, root)
    assert located(report, "LVL005") == {(".openness-lint.yaml", line_of(config, "Weights"))}
    assert located(report, "LVL002") == {(".openness-lint.yaml", line_of(config, "Training code"))}


def test_release_in_config_must_be_a_mapping(make_repo, run_cli):
    root = make_repo({".openness-lint.yaml": "framework: mof\nrelease: [a, b]\n", "README.md": PLAIN_README})
    result = run_cli("check", str(root))
    assert result.code == 2
    assert ".openness-lint.yaml:2:" in result.stderr


def test_manifest_path_in_config(make_repo, run_cli):
    root = make_repo({".openness-lint.yaml": "manifest: meta/model.yaml\n", "meta/model.yaml": mot(CLASS_III, **TYPED),
                      "README.md": PLAIN_README})
    assert mof(level(run_cli, root))["achieved"] == "III"


def test_manifest_path_in_config_wins_over_mof_yaml(make_repo, run_cli):
    root = make_repo({".openness-lint.yaml": "manifest: meta/model.yaml\n", "meta/model.yaml": mot(CLASS_III, **TYPED),
                      "mof.yaml": mot([]), "README.md": PLAIN_README})
    assert mof(level(run_cli, root))["achieved"] == "III"


def test_manifest_path_in_config_that_does_not_exist(make_repo, run_cli):
    root = make_repo({".openness-lint.yaml": "manifest: meta/model.yaml\n", "README.md": PLAIN_README})
    _, report = check(run_cli, root)
    assert [f["path"] for f in of_rule(report, "LVL005")] == ["meta/model.yaml"]


def test_manifest_problems_in_a_configured_file_have_lines(make_repo, run_cli):
    text = mot(["Model card", "Weights"])
    root = make_repo({".openness-lint.yaml": "manifest: meta/model.yaml\n", "meta/model.yaml": text,
                      "README.md": PLAIN_README})
    _, report = check(run_cli, root)
    assert located(report, "LVL005") == {("meta/model.yaml", line_of(text, "Weights"))}
