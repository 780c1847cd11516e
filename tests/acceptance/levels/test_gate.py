"""The min-level gate, per framework, as a shell user runs it.

The fixtures hold a LICENSE (Apache-2.0), a README that is no card, a
mof.yaml and the configuration, so only warnings and the gate decide the
exit code. Levels are computed by hand from FRAMEWORKS.md:
- MOF: Class III is 6 components, II 10, I 14;
- OSAID: open when data information, code and parameters are all open;
- Columbia: every MOF component open through the manifest gives 13 of the
  35 criteria, the LICENSE file one more (the code license): 14 / 35 points,
  level floor(5 * 14 / 35) = 2, under a cap of 5 (Apache-2.0 only).
"""

from __future__ import annotations

import json

import pytest

from tests.helpers.levels import (
    ALL_MOF,
    CLASS_I,
    CLASS_II,
    CLASS_III,
    PLAIN_README,
    mot,
    of_rule,
    replace_license,
    standard,
)

TYPED = {"code": "MIT", "data": "CDLA-Permissive-2.0", "document": "CC-BY-4.0"}
OSAID_PARTS = ["Data card", "Data preprocessing code", "Training code", "Evaluation code", "Inference code",
               "Model architecture", "Model parameters (Final)"]


@pytest.fixture
def release(make_repo):
    def build(components, min_level: str | None = None, config: str = "", **licenses):
        files = {"LICENSE": standard("Apache-2.0"), "README.md": PLAIN_README,
                 "mof.yaml": mot(components, **(licenses or TYPED))}
        if min_level or config:
            files[".openness-lint.yaml"] = (f"min-level: {min_level}\n" if min_level else "") + config
        return make_repo(files)
    return build


def run(run_cli, root, *args):
    result = run_cli("check", str(root), "--format", "json", *args)
    assert result.code in (0, 1), result
    return result.code, json.loads(result.stdout)


def gate_finding(report):
    findings = of_rule(report, "LVL001")
    assert len(findings) == 1, report["findings"]
    assert findings[0]["severity"] == "error"
    return findings[0]


# -- MOF -----------------------------------------------------------------------

@pytest.mark.parametrize("components, min_level", [
    (CLASS_III, "mof:III"),
    (CLASS_III + CLASS_II, "mof:II"),
    (CLASS_III + CLASS_II, "mof:III"),
    (CLASS_III + CLASS_II + CLASS_I, "mof:I"),
    (CLASS_III + CLASS_II, "mof:class-ii"),  # an alias of II
])
def test_mof_gate_passes(components, min_level, release, run_cli):
    code, report = run(run_cli, release(components, min_level))
    assert code == 0, report["findings"]
    assert not of_rule(report, "LVL001")
    assert report["level"]["passed"] is True
    assert report["level"]["framework"] == "mof"
    assert run_cli("level", str(release(components, min_level))).code == 0


def test_mof_ii_fails_on_class_iii(release, run_cli):
    root = release(CLASS_III, "mof:II")
    code, report = run(run_cli, root)
    assert code == 1
    assert (report["level"]["achieved"], report["level"]["required"], report["level"]["passed"]) == ("III", "II", False)
    finding = gate_finding(report)
    assert (finding["path"], finding["line"]) == (".openness-lint.yaml", 1)
    for missing in ("training code", "inference code", "evaluation code", "evaluation data"):
        assert missing in finding["message"]
    assert "datasets" not in finding["message"]  # a Class I component, not needed for II
    assert run_cli("level", str(root)).code == 1


def test_mof_i_fails_on_class_ii(release, run_cli):
    code, report = run(run_cli, release(CLASS_III + CLASS_II + ["Datasets"], "mof:I"))
    assert code == 1
    message = gate_finding(report)["message"]
    for missing in ("data preprocessing code", "model parameters (intermediate)", "research paper"):
        assert missing in message
    assert "training code" not in message and "datasets" not in message


def test_mof_iii_fails_on_unclassified(release, run_cli):
    components = replace_license(CLASS_III, "Model parameters (Final)", "CC-BY-NC-4.0") + CLASS_II + CLASS_I
    code, report = run(run_cli, release(components, "mof:III"))
    assert code == 1
    assert report["level"]["achieved"] == "unclassified"
    message = gate_finding(report)["message"]
    assert "model parameters (final)" in message and "CC-BY-NC-4.0" in message


def test_mof_gate_names_unlicensed_components(release, run_cli):
    components = replace_license(CLASS_III, "Model card", "unlicensed")
    code, report = run(run_cli, release(components, "mof:III"))
    assert code == 1
    message = gate_finding(report)["message"]
    assert "model card" in message and "unlicensed" in message


def test_verdict_leads_the_text_output(release, run_cli):
    result = run_cli("check", str(release(CLASS_III)))
    assert result.stdout.splitlines()[0] == (
        "MOF Class III (Open Model). Class II 60%: missing training code, inference code, evaluation code, "
        "evaluation data.")


# -- OSAID ---------------------------------------------------------------------

def test_osaid_gate_passes(release, run_cli):
    code, report = run(run_cli, release(OSAID_PARTS, "osaid:open"))
    assert code == 0, report["findings"]
    assert report["level"]["framework"] == "osaid"
    assert (report["level"]["achieved"], report["level"]["passed"]) == ("open", True)


def test_osaid_gate_fails_on_non_commercial_code(release, run_cli):
    root = release(replace_license(OSAID_PARTS, "Training code", "CC-BY-NC-4.0"), "osaid:open")
    code, report = run(run_cli, root)
    assert code == 1
    assert report["level"]["achieved"] == "not-open"
    requirements = report["level"]["frameworks"]["osaid"]["requirements"]
    assert {rid: req["met"] for rid, req in requirements.items()} == {
        "data-information": True, "code": False, "parameters": True}
    message = gate_finding(report)["message"]
    assert "training code" in message and "CC-BY-NC-4.0" in message
    assert run_cli("level", str(root)).code == 1


def test_osaid_gate_fails_without_weights(release, run_cli):
    code, report = run(run_cli, release([n for n in OSAID_PARTS if n != "Model parameters (Final)"], "osaid:open"))
    assert code == 1
    assert "model parameters (final)" in gate_finding(report)["message"]


# -- Columbia ------------------------------------------------------------------

@pytest.mark.parametrize("min_level", ["columbia:0", "columbia:1", "columbia:2"])
def test_columbia_gate_passes(min_level, release, run_cli):
    code, report = run(run_cli, release(ALL_MOF, min_level))
    assert code == 0, report["findings"]
    columbia = report["level"]["frameworks"]["columbia"]
    # 14 points from the files and the manifest, and 1 for the manifest's contact (a reporting channel)
    assert (columbia["score"], columbia["max"], columbia["cap"], columbia["achieved"]) == (15, 35, 5, "2")


@pytest.mark.parametrize("min_level", ["columbia:3", "columbia:5"])
def test_columbia_gate_fails(min_level, release, run_cli):
    code, report = run(run_cli, release(ALL_MOF, min_level))
    assert code == 1
    assert (report["level"]["achieved"], report["level"]["passed"]) == ("2", False)
    message = gate_finding(report)["message"]
    # what keeps the level down: the criteria the repository does not evidence
    assert "code-finetuning" in message or "fine-tuning code" in message
    assert "code-preprocessing" not in message and "data preprocessing code" not in message


# -- the gate cannot be switched off by rule selection -------------------------

@pytest.mark.parametrize("config", [
    "ignore: [LVL001]\n",
    "ignore: [LVL]\n",
    "severity: {LVL001: info}\n",
    "severity: {LVL001: warning}\n",
    "ignore-findings:\n  - {rule: LVL001, path: '*', reason: we know}\n",
])
def test_failing_gate_still_fails(config, release, run_cli):
    code, report = run(run_cli, release(CLASS_III, "mof:II", config))
    assert code == 1
    assert report["level"]["passed"] is False
    assert not [f for f in report["findings"] if f["rule"] == "LVL001" and f["severity"] == "error"]


def test_exit_zero_is_the_only_way_out(release, run_cli):
    assert run_cli("check", str(release(CLASS_III, "mof:II")), "--exit-zero").code == 0


# -- --min-level overrides the file --------------------------------------------

def test_cli_min_level_loosens_the_file(release, run_cli):
    root = release(CLASS_III, "mof:I")
    code, report = run(run_cli, root, "--min-level", "mof:III")
    assert code == 0
    assert (report["level"]["required"], report["level"]["passed"]) == ("III", True)
    markdown = run_cli("check", str(root), "--format", "markdown", "--min-level", "mof:III")
    assert markdown.code == 0
    note = [line for line in markdown.stdout.splitlines() if "overrode" in line]
    assert len(note) == 1
    assert "--min-level mof:III overrode min-level mof:I from " in note[0]
    assert ".openness-lint.yaml" in note[0]


def test_cli_min_level_tightens_the_file(release, run_cli):
    root = release(CLASS_III, "mof:III")
    code, report = run(run_cli, root, "--min-level", "osaid:open")
    assert code == 1
    assert (report["level"]["framework"], report["level"]["required"]) == ("osaid", "open")
    finding = gate_finding(report)
    assert (finding["path"], finding["line"]) == (None, None)  # the CLI said it, not the file
    markdown = run_cli("check", str(root), "--format", "markdown", "--min-level", "osaid:open").stdout
    assert "--min-level osaid:open overrode min-level mof:III" in markdown


def test_cli_min_level_without_a_config_file(release, run_cli):
    code, report = run(run_cli, release(CLASS_III), "--min-level", "mof:II")
    assert code == 1
    assert gate_finding(report)["path"] is None


def test_no_min_level_no_gate(release, run_cli):
    code, report = run(run_cli, release([]))
    assert code == 0
    assert (report["level"]["required"], report["level"]["passed"]) == (None, True)
    assert not of_rule(report, "LVL001")


@pytest.mark.parametrize("min_level", ["mof:IV", "osaid:maybe", "columbia:9", "nope:1", "mof"])
def test_unknown_min_level_is_a_usage_error(min_level, release, run_cli):
    result = run_cli("check", str(release(CLASS_III)), "--min-level", min_level)
    assert result.code == 2
    assert "min-level" in result.stderr


def test_unknown_min_level_in_the_file_names_its_line(release, run_cli):
    result = run_cli("check", str(release(CLASS_III, config="framework: mof\nmin-level: mof:IV\n")))
    assert result.code == 2
    assert ".openness-lint.yaml:2:" in result.stderr


def test_level_command_prints_every_framework(release, run_cli):
    result = run_cli("level", str(release(CLASS_III, "mof:III")), "--format", "json")
    assert result.code == 0
    level = json.loads(result.stdout)
    assert set(level["frameworks"]) == {"mof", "osaid", "columbia"}
    assert (level["framework"], level["achieved"], level["required"], level["passed"]) == ("mof", "III", "III", True)
    assert level["progress"] == {"III": 100, "II": 60, "I": 0}
    text = run_cli("level", str(release(CLASS_III, "mof:III"))).stdout
    assert {line.split(":", 1)[0] for line in text.splitlines() if not line.startswith(("  ", "gate"))} == {
        "columbia", "mof", "osaid"}
    assert "gate mof:III: passed" in text
