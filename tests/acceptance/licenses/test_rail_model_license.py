"""A RAIL-licensed model beside Apache-2.0 code, run through the CLI.

Apache-2.0 code, a CreativeML OpenRAIL-M LICENSE-MODEL and a model card
that says `license: mit`: the code license is Apache-2.0, the model license
is the RAIL LicenseRef classified "open with use restrictions", and the
disagreement is reported at the card's `license:` line and at the file.
"""

from __future__ import annotations

import json

import pytest

from tests.helpers.licenses import ai_text, card, standard

RAIL = "LicenseRef-scancode-stable-diffusion-2022-08-22"


@pytest.fixture
def release(make_repo):
    return make_repo({
        "LICENSE": standard("Apache-2.0"),
        "LICENSE-MODEL": ai_text("creativeml-openrail-m"),
        "README.md": card("license: mit", body="# Example diffusion model\n"),
        "unet/diffusion_pytorch_model.safetensors": b"\x00\x01\x02\x03",
        "train.py": "print('training')\n",
    })


def test_code_and_model_licenses_and_their_disagreement(release, run_cli):
    result = run_cli("check", str(release), "--format", "json")
    assert result.code == 1, result
    report = json.loads(result.stdout)
    code, model = report["components"]["code-license"], report["components"]["model-license"]
    assert (code["present"], code["license"], code["category"]) == (True, "Apache-2.0", "osi-fsf")
    assert code["evidence"] == ["LICENSE"]
    assert (model["present"], model["license"], model["category"]) == (True, RAIL, "use-restricted")
    assert model["evidence"] == ["LICENSE-MODEL", "README.md"]
    disagreements = [f for f in report["findings"] if f["rule"] == "LIC008"]
    assert {(f["path"], f["line"], f["severity"], f["component"]) for f in disagreements} == {
        ("README.md", 2, "error", "model-license"), ("LICENSE-MODEL", 1, "error", "model-license")}
    for finding in disagreements:
        assert "README.md:2" in finding["message"] and "MIT" in finding["message"]
        assert "LICENSE-MODEL:1" in finding["message"] and RAIL in finding["message"]


def test_the_disagreement_in_the_console_output(release, run_cli):
    result = run_cli("check", str(release))
    assert result.code == 1
    lic008 = [line for line in result.stdout.splitlines() if "LIC008" in line]
    assert any("README.md:2" in line for line in lic008), result.stdout
    assert any("LICENSE-MODEL:1" in line for line in lic008), result.stdout


def test_a_card_that_names_the_model_license_is_clean(make_repo, run_cli):
    root = make_repo({
        "LICENSE": standard("Apache-2.0"),
        "LICENSE-MODEL": ai_text("creativeml-openrail-m"),
        "README.md": card("license: creativeml-openrail-m", body="# Example diffusion model\n"),
        "unet/diffusion_pytorch_model.safetensors": b"\x00\x01\x02\x03",
    })
    report = json.loads(run_cli("check", str(root), "--format", "json").stdout)
    assert not [f for f in report["findings"] if f["rule"] == "LIC008"]
    assert report["components"]["model-license"]["license"] == RAIL
