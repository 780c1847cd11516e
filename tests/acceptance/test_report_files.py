"""One run writes the console output and the SARIF, JSON and summary files."""

from __future__ import annotations

import json

from tests.acceptance.helpers import EXAMPLES, GOLDEN, validate_report


def test_one_run_writes_every_report(run_cli, tmp_path):
    sarif, report, summary = tmp_path / "a.sarif", tmp_path / "a.json", tmp_path / "s.md"
    result = run_cli("check", "gappy-release", "--format", "github", "--sarif", str(sarif),
                     "--json", str(report), "--summary", str(summary), cwd=EXAMPLES)
    assert result.code == 1
    assert result.stdout.startswith("::error ")
    assert "title=LIC001 license-file-missing::" in result.stdout
    # The files hold the same report as each format on standard output would.
    assert sarif.read_text("utf-8") == (GOLDEN / "gappy-release.sarif").read_text("utf-8")
    assert report.read_text("utf-8") == (GOLDEN / "gappy-release.json").read_text("utf-8")
    assert summary.read_text("utf-8") == (GOLDEN / "gappy-release.md").read_text("utf-8")
    assert json.loads(sarif.read_text("utf-8"))["runs"][0]["results"][0]["ruleId"] == "LIC001"
    written = validate_report(report.read_text("utf-8"))
    errors = [f for f in written["findings"] if f["severity"] == "error"]
    assert written["summary"]["error"] == len(errors) == result.stdout.count("::error ")
    assert {f["rule"] for f in errors} >= {"LIC001"}


def test_summary_appends(run_cli, tmp_path):
    summary = tmp_path / "step-summary.md"
    summary.write_text("# Earlier step\n\n", encoding="utf-8")
    for _ in range(2):
        result = run_cli("check", "gappy-release", "--summary", str(summary), cwd=EXAMPLES)
        assert result.code == 1
    one = (GOLDEN / "gappy-release.md").read_text("utf-8")
    assert summary.read_text("utf-8") == "# Earlier step\n\n" + one + one
    assert summary.read_text("utf-8").count("## openness-lint") == 2


def test_sarif_and_json_files_are_overwritten_not_appended(run_cli, tmp_path):
    sarif, report = tmp_path / "a.sarif", tmp_path / "a.json"
    for _ in range(2):
        run_cli("check", "gappy-release", "--sarif", str(sarif), "--json", str(report), cwd=EXAMPLES)
    json.loads(sarif.read_text("utf-8"))
    validate_report(report.read_text("utf-8"))


def test_unwritable_report_file_is_a_usage_error(run_cli, tmp_path):
    result = run_cli("check", "gappy-release", "--json", str(tmp_path / "no-such-dir" / "a.json"), cwd=EXAMPLES)
    assert result.code == 2
    assert "cannot write" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
