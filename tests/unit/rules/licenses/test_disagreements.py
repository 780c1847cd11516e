"""LIC008: declarations for one artifact that disagree, at every place.

The issue asks that the finding name every place and what each says, so
these tests read the message for paths and license ids (not its wording).
"""

from __future__ import annotations

from tests.helpers.licenses import (
    ai_text,
    card,
    citation,
    clean_release,
    lint,
    located,
    of_rule,
    package_json,
    pyproject,
    standard,
)

LLAMA2 = "LicenseRef-scancode-llama-2-license-2023"


def assert_disagreement(report: dict, places: dict[tuple[str, int], str]) -> None:
    """LIC008 at each place, and every message names every place and its license."""
    assert {f for f in located(report) if f[0] == "LIC008"} == {("LIC008", p, line) for p, line in places}
    for finding in of_rule(report, "LIC008"):
        for (path, line), said in places.items():
            assert f"{path}:{line}" in finding["message"], (path, finding["message"])
            assert said in finding["message"], (said, finding["message"])


def test_model_card_vs_license_model(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE": standard("Apache-2.0"),
        "LICENSE-MODEL": ai_text("llama2"),
        "README.md": card("license: cc-by-4.0"),
        "model.safetensors": b"\x00",
    }))
    assert_disagreement(report, {("LICENSE-MODEL", 1): LLAMA2, ("README.md", 2): "CC-BY-4.0"})
    assert all(f["component"] == "model-license" for f in of_rule(report, "LIC008"))


def test_pyproject_vs_root_license(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE": standard("MIT"),
        "pyproject.toml": pyproject('license = "Apache-2.0"'),
    }))
    assert_disagreement(report, {("LICENSE", 1): "MIT", ("pyproject.toml", 4): "Apache-2.0"})
    assert all(f["component"] == "code-license" for f in of_rule(report, "LIC008"))


def test_citation_vs_license(make_repo, run_cli):
    report = lint(run_cli, make_repo({"LICENSE": standard("MIT"), "CITATION.cff": citation("Apache-2.0")}))
    assert_disagreement(report, {("LICENSE", 1): "MIT", ("CITATION.cff", 5): "Apache-2.0"})


def test_package_json_vs_license(make_repo, run_cli):
    report = lint(run_cli, make_repo({"LICENSE": standard("MIT"), "package.json": package_json("ISC")}))
    assert_disagreement(report, {("LICENSE", 1): "MIT", ("package.json", 3): "ISC"})


def test_three_way_code_disagreement_names_all_three(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE": standard("MIT"),
        "pyproject.toml": pyproject('license = "Apache-2.0"'),
        "CITATION.cff": citation("BSD-3-Clause"),
    }))
    assert_disagreement(report, {("LICENSE", 1): "MIT", ("pyproject.toml", 4): "Apache-2.0",
                                 ("CITATION.cff", 5): "BSD-3-Clause"})


def test_data_license_vs_dataset_card(make_repo, run_cli):
    # A dataset repository: the dataset card is the root README.
    report = lint(run_cli, make_repo({
        "LICENSE": standard("MIT"),
        "DATA_LICENSE": standard("CC-BY-4.0"),
        "README.md": card("license: cc-by-nc-4.0", "task_categories: [text-classification]",
                          body="# Dataset card\n"),
        "data/train.csv": "text\nhello\n",
    }))
    assert_disagreement(report, {("DATA_LICENSE", 1): "CC-BY-4.0", ("README.md", 2): "CC-BY-NC-4.0"})
    assert all(f["component"] == "data-license" for f in of_rule(report, "LIC008"))


def test_root_data_license_vs_data_card_in_the_data_folder(make_repo, run_cli):
    # DATA_LICENSE at the root licenses the repository's data; a card for that
    # same data under data/ that says otherwise is a disagreement, not a
    # silent "CC-BY-4.0 AND CC-BY-NC-4.0".
    report = lint(run_cli, make_repo({
        "LICENSE": standard("MIT"),
        "DATA_LICENSE": standard("CC-BY-4.0"),
        "data/README.md": card("license: cc-by-nc-4.0", "task_categories: [text-classification]",
                               body="# Dataset card\n"),
        "data/train.csv": "text\nhello\n",
    }))
    assert_disagreement(report, {("DATA_LICENSE", 1): "CC-BY-4.0", ("data/README.md", 2): "CC-BY-NC-4.0"})


def test_agreeing_declarations_do_not_disagree(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE": standard("Apache-2.0"),
        "pyproject.toml": pyproject('license = "Apache-2.0"'),
        "CITATION.cff": citation("Apache-2.0"),
        "LICENSE-MODEL": ai_text("creativeml-openrail-m"),
        "README.md": card("license: creativeml-openrail-m"),
        "model.safetensors": b"\x00",
    }))
    assert not of_rule(report, "LIC008")


def test_code_and_model_licenses_are_not_compared(make_repo, run_cli):
    # Different artifacts may carry different licenses: that is the point of splitting them.
    report = lint(run_cli, make_repo({
        "LICENSE": standard("Apache-2.0"),
        "LICENSE-MODEL": ai_text("gemma"),
        "README.md": card("license: gemma"),
        "model.safetensors": b"\x00",
    }))
    assert not of_rule(report, "LIC008")


def test_reuse_texts_for_different_files_do_not_disagree(make_repo, run_cli):
    # REUSE: each file says its own license; LICENSES/ holds one text per
    # license used. Two licenses for two sets of files is not a conflict.
    report = lint(run_cli, make_repo({
        "LICENSES/MIT.txt": standard("MIT"),
        "LICENSES/Apache-2.0.txt": standard("Apache-2.0"),
        "train.py": "# SPDX-License-Identifier: MIT\nprint(1)\n",
        "serve.py": "# SPDX-License-Identifier: Apache-2.0\nprint(2)\n",
    }))
    assert not of_rule(report, "LIC008")


def test_lic008_quiet_on_a_clean_release(make_repo, run_cli):
    assert not of_rule(lint(run_cli, make_repo(clean_release())), "LIC008")
