"""LIC009: an open license that does not suit its artifact."""

from __future__ import annotations

from tests.helpers.licenses import card, clean_release, lint, located, standard


def lic009(report: dict) -> set:
    return {f for f in located(report) if f[0] == "LIC009"}


def test_mit_license_file_on_weights(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE": standard("Apache-2.0"),
        "LICENSE-MODEL": standard("MIT"),
        "model.safetensors": b"\x00",
    }))
    assert lic009(report) == {("LIC009", "LICENSE-MODEL", 1)}


def test_mit_in_the_model_card_on_weights(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE": standard("Apache-2.0"),
        "README.md": card("license: mit"),
        "model.safetensors": b"\x00",
    }))
    assert lic009(report) == {("LIC009", "README.md", 2)}


def test_cc_by_root_license_on_code(make_repo, run_cli):
    report = lint(run_cli, make_repo({"LICENSE": standard("CC-BY-4.0"), "train.py": "print(1)\n"}))
    assert lic009(report) == {("LIC009", "LICENSE", 1)}


def test_software_license_on_data(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE": standard("Apache-2.0"),
        "DATA_LICENSE": standard("MIT"),
        "data/train.csv": "text\nhello\n",
    }))
    assert lic009(report) == {("LIC009", "DATA_LICENSE", 1)}


def test_not_open_licenses_are_not_a_type_mismatch(make_repo, run_cli):
    # A RAIL license is not open at all; LIC009 is only about open licenses.
    report = lint(run_cli, make_repo({
        "LICENSE": standard("Apache-2.0"),
        "README.md": card("license: creativeml-openrail-m"),
        "model.safetensors": b"\x00",
    }))
    assert lic009(report) == set()


def test_openmdw_fits_every_artifact(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE": standard("Apache-2.0"),
        "README.md": card("license: openmdw-1.0"),
        "model.safetensors": b"\x00",
    }))
    assert lic009(report) == set()


def test_lic009_quiet_on_a_clean_release(make_repo, run_cli):
    assert lic009(lint(run_cli, make_repo(clean_release()))) == set()
