"""LIC001-LIC003: a license for the code, the model and the data."""

from __future__ import annotations

from tests.helpers.licenses import card, clean_release, lint, located, pyproject, standard

WEIGHTS = b"\x00\x01\x02"  # a few bytes: weights are recognised by name, never read


def test_lic001_no_license_file(make_repo, run_cli):
    report = lint(run_cli, make_repo({"train.py": "print('training')\n", "README.md": "# Example\n"}))
    assert ("LIC001", None, None) in located(report)


def test_lic001_split_model_and_data_files_do_not_license_the_code(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE-MODEL": standard("CC-BY-4.0"),
        "DATA_LICENSE": standard("CC-BY-4.0"),
        "pyproject.toml": pyproject('license = "MIT"'),
        "train.py": "print('training')\n",
    }))
    assert ("LIC001", None, None) in located(report)


def test_lic001_not_reported_for_a_root_license_file(make_repo, run_cli):
    for name in ("LICENSE", "LICENCE.md", "COPYING", "LICENSE-CODE", "LICENSES/MIT.txt"):
        report = lint(run_cli, make_repo({name: standard("MIT"), "train.py": "print(1)\n"}))
        assert not [f for f in located(report) if f[0] == "LIC001"], name


def test_lic002_weights_without_a_model_license(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE-CODE": standard("Apache-2.0"),
        "model.safetensors": WEIGHTS,
    }))
    assert ("LIC002", "model.safetensors", None) in located(report)


def test_lic002_model_card_without_a_license(make_repo, run_cli):
    report = lint(run_cli, make_repo({"README.md": card("library_name: transformers")}))
    assert ("LIC002", "README.md", None) in located(report)


def test_lic002_not_reported_when_the_model_is_licensed(make_repo, run_cli):
    for extra in ({"LICENSE-MODEL": standard("CC-BY-4.0")},
                  {"README.md": card("license: cc-by-4.0")},
                  {"LICENSE": standard("Apache-2.0")}):  # inherited by the weights
        report = lint(run_cli, make_repo({"model.safetensors": WEIGHTS, **extra}))
        assert not [f for f in located(report) if f[0] == "LIC002"], extra


def test_lic002_no_weights_no_model_card_no_finding(make_repo, run_cli):
    report = lint(run_cli, make_repo({"LICENSE-CODE": standard("MIT"), "train.py": "print(1)\n"}))
    assert not [f for f in located(report) if f[0] == "LIC002"]


def test_lic002_each_model_of_a_monorepo_needs_a_license(make_repo, run_cli):
    # models/a is licensed by its card; models/b has weights and nothing at all.
    report = lint(run_cli, make_repo({
        "LICENSE-CODE": standard("Apache-2.0"),
        "models/a/README.md": card("license: cc-by-4.0"),
        "models/a/model.safetensors": WEIGHTS,
        "models/b/model.safetensors": WEIGHTS,
    }))
    # reported once, at the unlicensed model's own file
    assert [f for f in located(report) if f[0] == "LIC002"] == [("LIC002", "models/b/model.safetensors", None)]


def test_lic003_data_without_a_data_license(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE-CODE": standard("Apache-2.0"),
        "data/train.csv": "text,label\nhello,1\n",
    }))
    assert ("LIC003", "data/train.csv", None) in located(report)


def test_lic003_data_card_without_a_license(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE-CODE": standard("Apache-2.0"),
        "README.md": card("task_categories: [text-classification]", body="# Dataset card\n"),
    }))
    assert ("LIC003", "README.md", None) in located(report)


def test_lic003_not_reported_when_the_data_is_licensed(make_repo, run_cli):
    for extra in ({"DATA_LICENSE": standard("CC-BY-4.0")},
                  {"data/LICENSE": standard("CC-BY-4.0")},
                  {"LICENSE": standard("Apache-2.0")}):  # inherited by the data
        report = lint(run_cli, make_repo({"data/train.csv": "text\nhello\n", **extra}))
        assert not [f for f in located(report) if f[0] == "LIC003"], extra


def test_presence_rules_quiet_on_a_clean_release(make_repo, run_cli):
    report = lint(run_cli, make_repo(clean_release()))
    assert not [f for f in located(report) if f[0] in ("LIC001", "LIC002", "LIC003")]
