"""LIC004-LIC006: license files that are unrecognised, pointers or compound."""

from __future__ import annotations

from tests.helpers.licenses import ai_text, clean_release, lint, located, standard

PROSE = "Everything here belongs to Example Lab. Ask us before you copy any of it.\n" * 5


def test_lic004_unrecognised_text(make_repo, run_cli):
    report = lint(run_cli, make_repo({"LICENSE": PROSE, "models/a/LICENSE": PROSE}))
    found = located(report)
    assert ("LIC004", "LICENSE", 1) in found
    assert ("LIC004", "models/a/LICENSE", 1) in found


def test_lic004_not_reported_for_known_texts(make_repo, run_cli):
    report = lint(run_cli, make_repo({"LICENSE": standard("MIT"), "LICENSE-MODEL": ai_text("gemma")}))
    assert not [f for f in located(report) if f[0] == "LIC004"]


def test_lic005_pointer(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE": "See https://www.apache.org/licenses/LICENSE-2.0\n",
        "LICENSE-MODEL": "The weights are licensed under the terms at https://example.org/terms\n",
    }))
    found = located(report)
    assert ("LIC005", "LICENSE", 1) in found
    assert ("LIC005", "LICENSE-MODEL", 1) in found
    assert not [f for f in found if f[0] == "LIC004"]


def test_lic005_pointer_still_names_the_code_license(make_repo, run_cli):
    report = lint(run_cli, make_repo({"LICENSE": "See https://www.apache.org/licenses/LICENSE-2.0\n"}))
    finding = next(f for f in report["findings"] if f["rule"] == "LIC005")
    assert "Apache-2.0" in finding["message"]


def test_lic006_two_licenses_in_one_file(make_repo, run_cli):
    report = lint(run_cli, make_repo({"LICENSE": standard("MIT") + "\n\n" + standard("Apache-2.0")}))
    assert ("LIC006", "LICENSE", 1) in located(report)


def test_lic006_standard_text_with_appended_notices(make_repo, run_cli):
    appended = ("\n\nNotices for the model weights\n"
                + "The weights in this folder were trained by Example Lab and are shared for study. " * 12)
    report = lint(run_cli, make_repo({"LICENSE": standard("MIT") + appended}))
    assert ("LIC006", "LICENSE", 1) in located(report)


def test_appended_terms_that_restrict_the_license_leave_it_unknown(make_repo, run_cli):
    """MIT with "research only" terms appended is not MIT: never more open than the text."""
    appended = ("\n\nAdditional terms for the model weights\n"
                + "The weights may only be used for research by members of Example Lab. " * 12)
    report = lint(run_cli, make_repo({"LICENSE": standard("MIT") + appended}))
    (finding,) = [f for f in report["findings"] if f["rule"] == "LIC004"]
    assert finding["path"] == "LICENSE" and "MIT" in finding["message"] and "research" in finding["message"]
    assert ("LIC006", "LICENSE", 1) not in located(report)


def test_text_rules_quiet_on_a_clean_release(make_repo, run_cli):
    report = lint(run_cli, make_repo(clean_release()))
    assert not [f for f in located(report) if f[0] in ("LIC004", "LIC005", "LIC006")]
