"""LIC009: an open license that does not suit its artifact."""

from __future__ import annotations

from tests.helpers.levels import line_of, mot
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


# -- severity: MOF asks for type-appropriate licenses in a manifest (LVL006) --------------

def severities(report: dict, code: str) -> set[tuple[str, int | None, str]]:
    return {(f["path"], f["line"], f["severity"]) for f in report["findings"] if f["rule"] == code}


def test_card_mit_over_weights_is_info(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE": standard("Apache-2.0"),
        "README.md": card("license: mit"),
        "model.safetensors": b"\x00",
    }))
    assert severities(report, "LIC009") == {("README.md", 2, "info")}


def test_code_license_above_weights_is_info(make_repo, run_cli):
    # the note that explains an unknown model license is context as well
    report = lint(run_cli, make_repo({"LICENSE": standard("Apache-2.0"), "model.safetensors": b"\x00"}))
    assert severities(report, "LIC009") == {("LICENSE", 1, "info")}


def test_manifest_mit_for_weights_warns_through_lvl006(make_repo, run_cli):
    manifest = mot([("Model parameters (Final)", "MIT", "model.safetensors")])
    report = lint(run_cli, make_repo({
        "mof.yaml": manifest, "LICENSE": standard("Apache-2.0"), "README.md": card("license: mit"),
        "model.safetensors": b"\x00",
    }))
    assert severities(report, "LVL006") == {("mof.yaml", line_of(manifest, "Model parameters (Final)"), "warning")}
    assert severities(report, "LIC009") == {("README.md", 2, "info")}  # LIC009 reads the files, not the manifest
