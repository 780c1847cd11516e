"""LIC007: license links and license-file references that lead nowhere."""

from __future__ import annotations

from tests.helpers.licenses import card, clean_release, lint, located, pyproject, standard

OTHER = ("license: other", "license_name: example-research-license")


def test_lic007_card_license_link_to_a_missing_file(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE": standard("Apache-2.0"),
        "README.md": card(*OTHER, "license_link: LICENCE.md"),
    }))
    # card(): line 2 license, 3 license_name, 4 license_link
    assert ("LIC007", "README.md", 4) in located(report)


def test_lic007_link_is_resolved_from_the_card_folder(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE": standard("Apache-2.0"),
        "models/a/README.md": card(*OTHER, "license_link: ../../LICENSE"),
        "models/b/README.md": card(*OTHER, "license_link: https://example.org/terms"),
        "models/c/README.md": card(*OTHER, "license_link: ./TERMS.md"),
        "models/d/README.md": card(*OTHER, "license_link: TERMS.md"),
        "models/d/TERMS.md": "Example research terms.\n",
    }))
    assert {f for f in located(report) if f[0] == "LIC007"} == {("LIC007", "models/c/README.md", 4)}


def test_lic007_pyproject_license_file_missing(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE": standard("MIT"),
        "pyproject.toml": pyproject('license = {file = "LICENCE"}'),
    }))
    assert ("LIC007", "pyproject.toml", 4) in located(report)


def test_lic007_pyproject_license_file_present(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE": standard("MIT"),
        "pyproject.toml": pyproject('license = {file = "LICENSE"}'),
    }))
    assert not [f for f in located(report) if f[0] == "LIC007"]


def test_lic007_license_files_glob_matching_nothing(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE": standard("MIT"),
        "pyproject.toml": pyproject('license = "MIT"', 'license-files = ["LICEN[CS]E*", "LICENSES/*.txt"]'),
    }))
    assert {f for f in located(report) if f[0] == "LIC007"} == {("LIC007", "pyproject.toml", 5)}


def test_lic007_license_files_recursive_glob_matches_the_root(make_repo, run_cli):
    # PEP 639 globs: `**/` matches zero or more folders, so this finds ./LICENSE.
    report = lint(run_cli, make_repo({
        "LICENSE": standard("MIT"),
        "pyproject.toml": pyproject('license = "MIT"', 'license-files = ["**/LICENSE*"]'),
    }))
    assert not [f for f in located(report) if f[0] == "LIC007"]


def test_lic007_quiet_on_a_clean_release(make_repo, run_cli):
    report = lint(run_cli, make_repo(clean_release()))
    assert not [f for f in located(report) if f[0] == "LIC007"]
