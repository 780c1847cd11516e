"""The engine: selection, severity overrides, accepted findings, crashing rules."""

from __future__ import annotations

import json

import pytest
from openness_lint import config, engine, registry
from openness_lint.config import Config, IgnoredFinding
from openness_lint.finding import Severity, Violation
from openness_lint.registry import Registry
from openness_lint.run import lint

from tests.helpers.builders import locations, rule

NO_LICENSE = {"README.md": "# A model\n"}


def quiet(ctx):
    return iter(())


def codes(chosen) -> set[str]:
    return {item.code for item in chosen}


def toy_registry() -> Registry:
    return Registry([rule(code, quiet) for code in ("LIC001", "LIC002", "LIC010", "OL001", "OL002")])


@pytest.mark.parametrize(("select", "ignore", "expected"), [
    ([], [], {"LIC001", "LIC002", "LIC010", "OL001", "OL002"}),
    (["LIC001"], ["LIC"], {"LIC001"}),
    (["ALL", "LIC001"], ["LIC"], {"LIC001", "OL001", "OL002"}),
    (["LIC"], ["LIC001"], {"LIC002", "LIC010"}),
    (["LIC00"], ["LIC0"], {"LIC001", "LIC002"}),
    (["LIC001"], ["LIC001"], set()),  # a tie: ignore wins
    (["ALL"], ["ALL"], set()),
    ([], ["OL"], {"LIC001", "LIC002", "LIC010"}),
    (["lic"], ["ol001"], {"LIC001", "LIC002", "LIC010"}),
])
def test_most_specific_selector_wins_and_ignore_wins_ties(select, ignore, expected):
    assert codes(engine.selected_rules(toy_registry(), Config(select=select, ignore=ignore))) == expected


def lic001_found(make_repo, **settings) -> set:
    report = lint(make_repo(NO_LICENSE), Config(**settings))
    return {f.code for f in report.findings}


def test_ignore_prefix_with_select_code_keeps_the_code(make_repo):
    assert "LIC001" in lic001_found(make_repo, select=["LIC001"], ignore=["LIC"])


def test_select_prefix_with_ignore_code_drops_the_code(make_repo):
    assert "LIC001" not in lic001_found(make_repo, select=["LIC"], ignore=["LIC001"])


@pytest.mark.parametrize(("overrides", "expected"), [
    ({}, Severity.ERROR),
    ({"LIC001": Severity.WARNING}, Severity.WARNING),
    ({"LIC": Severity.INFO}, Severity.INFO),
    ({"LIC": Severity.INFO, "LIC001": Severity.WARNING}, Severity.WARNING),
    ({"LIC001": Severity.WARNING, "LIC": Severity.INFO}, Severity.WARNING),
    ({"ALL": Severity.INFO, "LIC0": Severity.WARNING}, Severity.WARNING),
    ({"ALL": Severity.INFO}, Severity.INFO),
    ({"OL": Severity.INFO}, Severity.ERROR),
])
def test_severity_override_by_code_and_prefix(make_repo, overrides, expected):
    report = lint(make_repo(NO_LICENSE), Config(select=["LIC001"], severity=overrides))
    (lic001,) = [f for f in report.findings if f.code == "LIC001"]
    assert lic001.severity == expected
    assert report.passed is (expected != Severity.ERROR)


def run_with_config(make_repo, files: dict[str, str | bytes], text: str):
    """Run LIC001 and the engine's own rules with this configuration."""
    root = make_repo({".openness-lint.yaml": "select: [LIC001, OL]\n" + text, **files})
    loaded = config.load(root)
    return lint(root, loaded)


def test_ignore_findings_suppresses_a_matching_finding(make_repo):
    report = run_with_config(make_repo, NO_LICENSE,
                             "ignore-findings:\n  - {rule: LIC001, path: '*', reason: legal review}\n")
    assert locations(report.findings) == set()
    assert report.passed


def test_unmatched_ignore_findings_entry_is_reported_at_its_line(make_repo):
    text = ("ignore-findings:\n"
            "  - {rule: LIC001, path: '*', reason: legal review}\n"
            "  - {rule: OL001, path: 'docs/*', reason: generated}\n")
    report = run_with_config(make_repo, NO_LICENSE, text)
    assert locations(report.findings) == {("OL003", ".openness-lint.yaml", 4)}


def test_ignore_findings_matches_on_path(make_repo):
    text = "ignore-findings:\n  - {rule: OL001, path: 'docs/*', reason: generated}\n"
    report = run_with_config(make_repo, {"LICENSE": b"\x00binary"}, text)
    # an unreadable LICENSE licenses nothing (LIC001) and says why (OL001)
    assert locations(report.findings) == {("LIC001", "LICENSE", None), ("OL001", "LICENSE", 1),
                                          ("OL003", ".openness-lint.yaml", 3)}


def test_min_level_not_met_is_lvl001_at_its_line(make_repo):
    root = make_repo({"LICENSE": "MIT", ".openness-lint.yaml": "select: [LVL]\nframework: mof\nmin-level: mof:II\n"})
    report = lint(root, config.load(root))
    assert locations(report.findings) == {("LVL001", ".openness-lint.yaml", 3)}
    assert report.level.passed is False and report.level.required == "II"
    assert not report.passed


def test_the_gate_fails_even_when_lvl001_is_ignored(make_repo):
    report = run_with_config(make_repo, {"LICENSE": "MIT"}, "min-level: mof:III\n")
    assert "LVL001" not in {f.code for f in report.findings}
    assert not report.passed  # ignoring the explanation does not lower the gate


def test_min_level_from_the_command_line_fails_the_gate(make_repo, run_cli):
    root = make_repo({"LICENSE": "MIT"})
    result = run_cli("check", str(root), "--min-level", "mof:class-iii", "--format", "json", "--select", "LVL")
    assert result.code == 1, result
    assert [(f["rule"], f["severity"], f["path"]) for f in json.loads(result.stdout)["findings"]] == [
        ("LVL001", "error", None)]


def boom(ctx):
    raise RuntimeError("boom")
    yield  # a generator, like real rules


def test_crashing_rule_is_an_internal_error_and_others_still_report(make_repo):
    rules = Registry([rule("TST001", boom), *registry.load()])
    report = lint(make_repo(NO_LICENSE), Config(select=["TST001", "LIC001"]), rules)
    assert [(e.rule, e.message) for e in report.internal_errors] == [("TST001", "RuntimeError: boom")]
    assert locations(report.findings) == {("LIC001", None, None)}
    assert not report.passed


def test_crashing_rule_alone_never_passes(make_repo):
    rules = Registry([rule("TST001", boom, severity=Severity.INFO)])
    report = lint(make_repo({"LICENSE": "MIT"}), Config(), rules)
    assert report.findings == []
    assert not report.passed


def test_crashing_detector_is_an_internal_error(make_repo, monkeypatch):
    from openness_lint.analysis import components

    def broken(ctx):
        raise ValueError("detector broke")

    monkeypatch.setitem(components.DETECTORS, "code-license", broken)
    report = lint(make_repo(NO_LICENSE), Config())
    assert report.internal_errors
    assert not report.passed


CRASH_PACK = """\
pack: crash
rules:
  TST001:
    name: always-crashes
    summary: A rule that raises.
    severity: error
    component: null
    fix: None.
    doc: {what-it-does: x, why-is-this-bad: x, example: x, how-to-fix: x}
"""


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_cli_exits_2_with_one_line_on_stderr_for_a_crashing_rule(make_repo, run_cli, monkeypatch, fmt):
    monkeypatch.setitem(registry._FUNCTIONS, "TST001", boom)
    root = make_repo({**NO_LICENSE, ".openness-lint.yaml": "packs: [crash.yaml]\n", "crash.yaml": CRASH_PACK})
    result = run_cli("check", str(root), "--format", fmt)
    assert result.code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.endswith("\n")
    assert "TST001" in result.stderr and "boom" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "LIC001" in result.stdout


def test_cli_debug_shows_the_traceback_of_a_crashing_rule(make_repo, run_cli, monkeypatch):
    monkeypatch.setitem(registry._FUNCTIONS, "TST001", boom)
    root = make_repo({**NO_LICENSE, ".openness-lint.yaml": "packs: [crash.yaml]\n", "crash.yaml": CRASH_PACK})
    result = run_cli("check", str(root), "--debug")
    assert result.code == 2
    assert "TST001" in result.stderr
    assert "Traceback (most recent call last)" in result.stderr


def test_exit_zero_does_not_hide_an_internal_error(make_repo, run_cli, monkeypatch):
    monkeypatch.setitem(registry._FUNCTIONS, "TST001", boom)
    root = make_repo({**NO_LICENSE, ".openness-lint.yaml": "packs: [crash.yaml]\n", "crash.yaml": CRASH_PACK})
    assert run_cli("check", str(root), "--exit-zero").code == 2


def test_accepted_ignore_is_recorded_once_for_several_findings(make_repo):
    rules = Registry([rule("TST001", lambda ctx: iter([Violation("a", "x.md", 1), Violation("b", "y.md", 2)])),
                      *registry.load()])
    loaded = Config(source="cfg.yaml", select=["TST001", "OL"],
                    ignore_findings=[IgnoredFinding("TST001", "*.md", "ok", 3)])
    report = lint(make_repo({"LICENSE": "MIT"}), loaded, rules)
    assert locations(report.findings) == set()
