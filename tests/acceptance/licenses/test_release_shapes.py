"""License answers on the shapes real releases take, each as a small
synthetic repository: where the weights' license is stated (prose, tables,
badges, folders of license files, files with spaces in their names, AI
licenses at the root), what a license file covers (its folder, vendored
code), and answers that must never be more open than the files say."""

from __future__ import annotations

from tests.helpers.licenses import (
    ai_text,
    card,
    citation,
    component,
    lint,
    located,
    of_rule,
    pyproject,
    standard,
    synthetic,
)

WEIGHTS = b"\x00\x01\x02\x03"
LLAMA2 = "LicenseRef-scancode-llama-2-license-2023"
LLAMA32 = "LicenseRef-scancode-llama-3.2-license-2024"
FLUX_NC = "LicenseRef-scancode-flux-1-nc"


def answer(report: dict, name: str) -> tuple[bool, str | None, str | None]:
    found = component(report, name)
    return found["present"], found["license"], found["category"]


def noncommercial_lookalike() -> str:
    """The standard CC-BY-4.0 text under the NonCommercial title: the title
    carries a term the text lacks, so it is not CC-BY-4.0."""
    return standard("CC-BY-4.0").replace("Attribution 4.0 International", "Attribution-NonCommercial 4.0 International")


def test_non_commercial_text_is_never_its_open_sibling(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE": standard("MIT"), "DATA_LICENSE": noncommercial_lookalike(), "data/train.csv": "a,b\n1,2\n"}))
    present, license_id, category = answer(report, "data-license")
    assert present and license_id != "CC-BY-4.0" and category in ("noncommercial", "unknown")


def test_badge_declares_data_license(make_repo, run_cli):
    readme = ("# Example release\n\n"
              "[![Code License](https://img.shields.io/badge/Code%20License-Apache_2.0-green.svg)](LICENSE)\n"
              "[![Data License](https://img.shields.io/badge/Data%20License-CC%20By%20NC%204.0-red.svg)](x)\n")
    report = lint(run_cli, make_repo({"LICENSE": standard("Apache-2.0"), "README.md": readme,
                                      "data/train.jsonl": '{"a": 1}\n'}))
    assert answer(report, "data-license") == (True, "CC-BY-NC-4.0", "noncommercial")
    assert "README.md:4" in component(report, "data-license")["evidence"]
    assert answer(report, "code-license") == (True, "Apache-2.0", "osi-fsf")
    assert not of_rule(report, "LIC008")


def test_folder_of_model_licenses_covers_the_release(make_repo, run_cli):
    # One model non-commercial, one Apache: the model license is never Apache alone.
    report = lint(run_cli, make_repo({
        "LICENSE": standard("Apache-2.0"),
        "model_licenses/LICENSE-EXAMPLE-dev": ai_text("flux-dev"),
        "model_licenses/LICENSE-EXAMPLE-fast": standard("Apache-2.0"),
        "checkpoints/example-dev.safetensors": WEIGHTS,
        "src/example/sample.py": "print('sample')\n",
    }))
    present, license_id, category = answer(report, "model-license")
    assert present and FLUX_NC in license_id and category == "noncommercial"
    assert answer(report, "code-license") == (True, "Apache-2.0", "osi-fsf")
    assert not of_rule(report, "LIC008")  # one file per model: they do not compete


def test_license_file_with_spaces_in_its_name(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE": standard("Apache-2.0"),
        "Example Model LICENSE AGREEMENT": synthetic("Example Model License Agreement") + (
            '\n"Materials" means the model weights and the documentation we release.\n'),
        "README.md": "# Example\n\n## License\n\nOur source code is licensed under Apache 2.0.\n",
    }))
    present, license_id, category = answer(report, "model-license")
    assert present and license_id is None and category == "unknown"  # named, defined, not known: unknown
    assert "Example Model LICENSE AGREEMENT" in component(report, "model-license")["evidence"]
    assert answer(report, "code-license") == (True, "Apache-2.0", "osi-fsf")
    assert not of_rule(report, "LIC008")


def test_prose_states_the_weights_license(make_repo, run_cli):
    readme = ("# Example\n\nAn example speech model.\n\n## License\n\n"
              "Example's code and model weights are released under the MIT License.\n")
    report = lint(run_cli, make_repo({"LICENSE": standard("MIT"), "README.md": readme}))
    assert answer(report, "model-license") == (True, "MIT", "osi-fsf")
    assert component(report, "model-license")["evidence"] == ["README.md:7"]
    assert answer(report, "code-license") == (True, "MIT", "osi-fsf")


def test_a_license_label_under_the_model_description_covers_the_model(make_repo, run_cli):
    # a lab README's model facts as a list of labels, under a heading about the model
    readme = ("# Example\n\n## Model Description\n\n- **Model type:** language model\n"
              "- **License:** Apache 2.0\n\n## Training code\n\nSee train.py.\n")
    report = lint(run_cli, make_repo({"LICENSE": standard("Apache-2.0"), "README.md": readme, "train.py": "x\n"}))
    assert answer(report, "model-license") == (True, "Apache-2.0", "osi-fsf")
    assert component(report, "model-license")["evidence"] == ["README.md:6"]


def test_the_apache_licenses_own_wording_names_it(make_repo, run_cli):
    readme = ("# Example\n\n### License\n\n"
              "The weights of Example-6B are licensed under version 2.0 of the Apache License.\n")
    report = lint(run_cli, make_repo({"README.md": readme}))
    assert answer(report, "model-license") == (True, "Apache-2.0", "osi-fsf")


def test_prose_alone_states_the_license(make_repo, run_cli):
    # no license file at all: the component takes the statement, with its line
    readme = "# Example\n\n## License Agreement\n\nAll our open-weight models are licensed under Apache 2.0.\n"
    report = lint(run_cli, make_repo({"README.md": readme}))
    assert answer(report, "model-license") == (True, "Apache-2.0", "osi-fsf")
    assert component(report, "model-license")["evidence"] == ["README.md:5"]
    assert component(report, "code-license")["present"] is False


def test_table_states_a_license_per_model(make_repo, run_cli):
    readme = ("# Example models\n\n| Model | Weights | License |\n|---|---|---|\n"
              "| Example-fast | [hub](https://example.org/fast) | Apache 2.0 |\n"
              "| Example-dev | [hub](https://example.org/dev) | [FLUX.1 [dev] Non-Commercial License](LICENSE-dev) |\n")
    report = lint(run_cli, make_repo({"LICENSE": standard("Apache-2.0"), "README.md": readme,
                                      "LICENSE-dev": ai_text("flux-dev")}))
    present, license_id, category = answer(report, "model-license")
    assert present and FLUX_NC in license_id and "Apache-2.0" in license_id and category == "noncommercial"
    assert {"README.md:5", "README.md:6"} <= set(component(report, "model-license")["evidence"])
    assert not of_rule(report, "LIC008")


def test_prose_that_disagrees_with_the_license_file_is_reported_at_both(make_repo, run_cli):
    readme = "# Example\n\nThe dataset is released under CC BY 4.0.\n"
    report = lint(run_cli, make_repo({"LICENSE": standard("Apache-2.0"), "DATA_LICENSE": noncommercial_lookalike(),
                                      "README.md": readme, "data/train.csv": "a\n1\n"}))
    found = {(f["path"], f["line"]) for f in of_rule(report, "LIC008")}
    assert ("README.md", 3) in found and any(path == "DATA_LICENSE" for path, _ in found)


def test_rail_root_license_covers_the_weights(make_repo, run_cli):
    report = lint(run_cli, make_repo({"LICENSE": ai_text("creativeml-openrail-m"),
                                      "scripts/sample.py": "print('sample')\n"}))
    present, license_id, category = answer(report, "model-license")
    assert (present, license_id, category) == (True, "LicenseRef-scancode-stable-diffusion-2022-08-22",
                                                "use-restricted")


def test_llama_root_license_covers_the_weights_and_the_code_it_names(make_repo, run_cli):
    report = lint(run_cli, make_repo({"LICENSE": ai_text("llama2"), "MODEL_CARD.md": "# Model card\n",
                                      "example/model.py": "print('model')\n"}))
    assert answer(report, "model-license") == (True, LLAMA2, "use-restricted")
    assert answer(report, "code-license") == (True, LLAMA2, "use-restricted")


def test_four_part_compound_file_keeps_every_part(make_repo, run_cli):
    apache = standard("Apache-2.0").replace("January 2004", "January 2024")  # a year typo
    text = "\n\n".join([apache, standard("BSD-3-Clause"), standard("Apache-2.0"), standard("MIT")])
    report = lint(run_cli, make_repo({"LICENSE": text, "CITATION.cff": citation("Apache-2.0"),
                                      "pyproject.toml": pyproject('license = "Apache-2.0"')}))
    license_id = component(report, "code-license")["license"]
    assert set(license_id.split(" AND ")) == {"Apache-2.0", "BSD-3-Clause", "MIT"}
    assert not of_rule(report, "LIC008")


def test_monorepo_of_llama_models_and_mit_code_folders(make_repo, run_cli):
    readme = "# Example models\n\nThe code in this repository is released under the MIT License.\n"
    report = lint(run_cli, make_repo({
        "LICENSE": ai_text("llama3.2"),
        "README.md": readme,
        "models/example-1b/MODEL_CARD.md": "# Model card\n",
        "models/example-1b/LICENSE": ai_text("llama3.2"),
        "src/example_tools/LICENSE": standard("MIT"),
        "src/example_tools/run.py": "print('run')\n",
        "scripts/LICENSE": standard("MIT"),
        "scripts/convert.py": "print('convert')\n",
    }))
    assert answer(report, "code-license") == (True, "MIT", "osi-fsf")
    present, license_id, category = answer(report, "model-license")
    assert (present, license_id, category) == (True, LLAMA32, "use-restricted")
    assert not of_rule(report, "LIC008")


def test_code_folders_with_their_own_license_under_a_root_ai_license(make_repo, run_cli):
    # no README statement: the code folders' own licenses are the code license
    report = lint(run_cli, make_repo({
        "LICENSE": ai_text("llama3.2"),
        "src/example_tools/LICENSE": standard("MIT"),
        "src/example_tools/run.py": "print('run')\n",
    }))
    assert answer(report, "code-license") == (True, "MIT", "osi-fsf")
    assert answer(report, "model-license") == (True, LLAMA32, "use-restricted")


def test_vendored_license_never_disagrees(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE": standard("Apache-2.0"), "pyproject.toml": pyproject('license = "Apache-2.0"'),
        "third_party/tokenizer/LICENSE": standard("BSD-3-Clause"), "third_party/tokenizer/tok.py": "x = 1\n",
        "LICENSE_sentencepiece": standard("BSD-3-Clause"),
    }))
    assert answer(report, "code-license") == (True, "Apache-2.0", "osi-fsf")
    assert not of_rule(report, "LIC008")


def test_dataset_card_in_its_own_folder_is_its_own_data_set(make_repo, run_cli):
    extension = card("license: cc-by-sa-3.0", "task_categories: [text-generation]", body="# Extra data\n")
    report = lint(run_cli, make_repo({
        "LICENSE": standard("Apache-2.0"), "DATA_LICENSE": noncommercial_lookalike(),
        "data/train.json": "[]\n",
        "extensions/extra-data/README.md": extension, "extensions/extra-data/train.json": "[]\n",
    }))
    assert not of_rule(report, "LIC008")
    assert "CC-BY-SA-3.0" in component(report, "data-license")["license"]


def test_code_license_above_weights_is_not_their_license(make_repo, run_cli):
    report = lint(run_cli, make_repo({"LICENSE": standard("Apache-2.0"), "model.safetensors": WEIGHTS}))
    assert answer(report, "model-license") == (True, None, "unknown")
    [note] = of_rule(report, "LIC009")  # context for the unknown answer, not a problem to fix
    assert (note["path"], note["severity"]) == ("LICENSE", "info")
    assert "no license of its own" in note["message"]
    assert not [f for f in located(report) if f[0] in ("LIC002", "LIC003")]


def test_sentences_about_other_models_state_nothing(make_repo, run_cli):
    readme = ("# Example\n\nExample is fine-tuned from a base model derived from one licensed under the "
              "Llama 2 Community License.\nThe next weights will be released under Apache 2.0.\n")
    report = lint(run_cli, make_repo({"LICENSE": standard("MIT"), "README.md": readme}))
    assert component(report, "model-license")["present"] is False


def test_following_license_notice_covers_code_and_models(make_repo, run_cli):
    readme = ("# Example suite\n\n## License\n"
              "The following license applies to all code in this repository, as well as the Example models.\n\n"
              "```\n   Licensed under the Apache License, Version 2.0 (the \"License\");\n```\n")
    report = lint(run_cli, make_repo({"LICENSE": standard("Apache-2.0"), "README.md": readme}))
    assert answer(report, "model-license") == (True, "Apache-2.0", "osi-fsf")
    assert component(report, "model-license")["evidence"] == ["README.md:7"]
