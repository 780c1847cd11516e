"""A release that gets its licenses right draws no license finding at all."""

from __future__ import annotations

from tests.helpers.licenses import clean_release, component, lint, located


def test_clean_release_has_no_license_findings(make_repo, run_cli):
    report = lint(run_cli, make_repo(clean_release()))
    assert located(report, "LIC") == set()


def test_clean_release_components(make_repo, run_cli):
    report = lint(run_cli, make_repo(clean_release()))
    code = component(report, "code-license")
    assert (code["present"], code["license"], code["category"]) == (True, "Apache-2.0", "osi-fsf")
    assert code["evidence"] == ["CITATION.cff", "LICENSE", "package.json", "pyproject.toml", "setup.py", "train.py"]
    model = component(report, "model-license")
    assert (model["license"], model["category"], model["evidence"]) == (
        "CC-BY-4.0", "open-data", ["LICENSE-MODEL", "README.md"])
    data = component(report, "data-license")
    assert (data["license"], data["category"], data["evidence"]) == ("CC-BY-4.0", "open-data", ["DATA_LICENSE"])
