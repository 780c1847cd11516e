"""openness-lint report and badge: write only where told, never over a file without --force."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from tests.acceptance.helpers import EXAMPLES


@pytest.mark.parametrize("fmt", ["svg", "html"])
def test_report_writes_the_map(run_cli, tmp_path, fmt):
    target = tmp_path / f"map.{fmt}"
    result = run_cli("report", "--format", fmt, str(EXAMPLES / "gappy-release"), "-o", str(target))
    assert result.code == 0, result
    text = target.read_text("utf-8")
    if fmt == "svg":
        root = ET.fromstring(text.encode("utf-8"))
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
    else:
        assert text.startswith("<!DOCTYPE html>") and "<svg " in text
    assert "Model weights" in text and "Guardrails" in text
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name], "writes nothing else"


def test_default_format_is_svg_and_path_defaults_to_cwd(run_cli, tmp_path):
    result = run_cli("report", "-o", str(tmp_path / "map.svg"), cwd=EXAMPLES / "complete-release")
    assert result.code == 0, result
    assert (tmp_path / "map.svg").read_text("utf-8").startswith("<?xml")


def test_badge_writes_a_small_svg(run_cli, tmp_path):
    target = tmp_path / "badge.svg"
    assert run_cli("badge", str(EXAMPLES / "complete-release"), "-o", str(target)).code == 0
    root = ET.fromstring(target.read_text("utf-8"))
    words = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert words[0] == "openness"
    assert words[1] == "not graded" or words[1].startswith(("MOF ", "OSAID ", "Columbia "))
    assert int(root.get("height")) == 20


@pytest.mark.parametrize("command", ["report", "badge"])
def test_refuses_to_overwrite_without_force(run_cli, tmp_path, command):
    target = tmp_path / "out.svg"
    target.write_text("keep me", encoding="utf-8")
    result = run_cli(command, str(EXAMPLES / "complete-release"), "-o", str(target))
    assert result.code == 2
    assert "exists; use --force" in result.stderr
    assert target.read_text("utf-8") == "keep me"
    assert run_cli(command, str(EXAMPLES / "complete-release"), "-o", str(target), "--force").code == 0
    assert target.read_text("utf-8").lstrip().startswith(("<?xml", "<svg"))


@pytest.mark.parametrize("command", ["report", "badge"])
def test_output_is_required_and_a_directory_is_refused(run_cli, tmp_path, command):
    assert run_cli(command, str(EXAMPLES / "complete-release")).code == 2
    result = run_cli(command, str(EXAMPLES / "complete-release"), "-o", str(tmp_path))
    assert result.code == 2 and "is a directory" in result.stderr


def test_missing_path_is_a_usage_error(run_cli, tmp_path):
    result = run_cli("report", str(tmp_path / "nowhere"), "-o", str(tmp_path / "map.svg"))
    assert result.code == 2 and "path does not exist" in result.stderr
    assert not (tmp_path / "map.svg").exists()


def test_commands_are_listed_in_help(run_cli):
    shown = run_cli("--help").stdout
    assert "report" in shown and "badge" in shown
