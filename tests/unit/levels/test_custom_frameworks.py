"""Custom frameworks from config `frameworks: [ours.yaml]`: valid ones grade
and gate like the built-in ones; invalid ones are configuration errors
(exit 2) that name the file and line."""

from __future__ import annotations

import json

import pytest

from tests.helpers.levels import PLAIN_README, card, check, of_rule, standard

MODEL_CARD = card("license: apache-2.0", "pipeline_tag: text-generation", body="# Model card\n")

# A criteria framework with two components of its own (FRAMEWORKS.md section
# 1: "incorporating additional attributes") and one pattern-only criterion.
CRITERIA = """\
id: ours
name: Our release policy
kind: criteria
levels:
  - {id: "0", name: Nothing}
  - {id: "1", name: Some}
  - {id: "2", name: All}
new-components:
  hardware:
    files: ["HARDWARE*"]
  takedown-policy:
    files: ["TAKEDOWN*"]
criteria:
  hardware: {group: documentation, name: Hardware, component: hardware}
  takedown: {group: distribution, name: Takedown policy, component: takedown-policy}
  versioning: {group: distribution, name: Change log, detect: {files: ["CHANGELOG*"]}}
"""

# A classes framework over built-in components only.
CLASSES = """\
id: ours
name: Our tiers
kind: classes
levels:
  - {id: none, name: No tier}
  - {id: basic, name: Basic tier}
  - {id: full, name: Full tier}
components:
  model-card: {class: basic, type: document}
  model-parameters: {class: basic, type: data}
  training-code: {class: full, type: code}
"""

# A classes framework with a component of its own at each level.
CLASSES_NEW = """\
id: ours
name: Our tiers
kind: classes
levels:
  - {id: none, name: No tier}
  - {id: basic, name: Basic tier}
  - {id: full, name: Full tier}
new-components:
  hardware:
    files: ["HARDWARE*"]
  takedown-policy:
    files: ["TAKEDOWN*"]
components:
  model-card: {class: basic, type: document}
  hardware: {class: basic, type: document}
  takedown-policy: {class: full, type: document}
"""


def config(min_level: str | None = None, extra: str = "") -> str:
    return "frameworks: [ours.yaml]\n" + (f"min-level: {min_level}\n" if min_level else "") + extra


def test_criteria_framework_with_new_components(make_repo, run_cli):
    """hardware and takedown are found by their file patterns. With both found
    the score is at least 2 of 3 points (level floor(2 * 2/3) = 1 or more);
    if they were absent it would be 1 of 3, level 0."""
    root = make_repo({"ours.yaml": CRITERIA, ".openness-lint.yaml": config("ours:1"), "LICENSE": standard("Apache-2.0"),
                      "README.md": PLAIN_README, "HARDWARE.md": "# Hardware\n\n8 GPUs.\n",
                      "TAKEDOWN.md": "# Takedown\n\nWrite to us.\n", "CHANGELOG.md": "# Changes\n"})
    code, report = check(run_cli, root)
    ours = report["level"]["frameworks"]["ours"]
    assert ours["criteria"]["versioning"]["status"] == "open"
    assert ours["criteria"]["hardware"]["status"] != "absent"
    assert "HARDWARE.md" in ours["criteria"]["hardware"]["evidence"]
    assert ours["criteria"]["takedown"]["status"] != "absent"
    assert report["level"]["framework"] == "ours" and report["level"]["passed"] is True
    assert not of_rule(report, "LVL001")


def test_criteria_framework_pattern_criteria_and_gate(make_repo, run_cli):
    # Only the change log: 1 of 3 points, level floor(2 / 3) = 0; ours:1 fails.
    root = make_repo({"ours.yaml": CRITERIA, ".openness-lint.yaml": config("ours:1"), "LICENSE": standard("Apache-2.0"),
                      "README.md": PLAIN_README, "CHANGELOG.md": "# Changes\n"})
    code, report = check(run_cli, root)
    assert code == 1
    ours = report["level"]["frameworks"]["ours"]
    assert {k: c["status"] for k, c in ours["criteria"].items()} == {
        "hardware": "absent", "takedown": "absent", "versioning": "open"}
    assert (ours["score"], ours["max"], ours["achieved"]) == (1, 3, "0")
    message = of_rule(report, "LVL001")[0]["message"]
    assert "hardware" in message and "takedown" in message


@pytest.mark.parametrize("files, min_level, achieved, progress, code", [
    # basic needs 2 (card, weights), full 3: nothing, then 2/2, then 3/3.
    ({}, "ours:basic", "none", {"basic": 0, "full": 0}, 1),
    ({"README.md": MODEL_CARD, "model.safetensors": b"\x00"}, "ours:basic", "basic", {"basic": 100, "full": 67}, 0),
    ({"README.md": MODEL_CARD, "model.safetensors": b"\x00"}, "ours:full", "basic", {"basic": 100, "full": 67}, 1),
    ({"README.md": MODEL_CARD, "model.safetensors": b"\x00", "train.py": "print('t')\n"}, "ours:full", "full",
     {"basic": 100, "full": 100}, 0),
    # a higher tier complete does not count while the lower one is not (the
    # weights need a license of their own: the root code license says nothing of them)
    ({"model.safetensors": b"\x00", "MODEL_LICENSE": standard("Apache-2.0"), "train.py": "print('t')\n"},
     "ours:basic", "none", {"basic": 50, "full": 0}, 1),
])
def test_classes_framework(files, min_level, achieved, progress, code, make_repo, run_cli):
    root = make_repo({"ours.yaml": CLASSES, ".openness-lint.yaml": config(min_level), "LICENSE": standard("Apache-2.0"),
                      "README.md": PLAIN_README, **files})
    result = run_cli("level", str(root), "--format", "json")
    assert result.code == code, result
    level = json.loads(result.stdout)
    assert level["framework"] == "ours"
    assert (level["achieved"], level["progress"]) == (achieved, progress)


def test_classes_framework_with_new_components(make_repo, run_cli):
    """basic needs the model card and hardware; full adds the takedown policy."""
    root = make_repo({"ours.yaml": CLASSES_NEW, ".openness-lint.yaml": config("ours:basic"),
                      "LICENSE": standard("Apache-2.0"), "README.md": MODEL_CARD, "HARDWARE.md": "# Hardware\n"})
    result = run_cli("check", str(root), "--format", "json")
    assert result.code in (0, 1), result
    level = json.loads(result.stdout)["level"]
    assert (level["achieved"], level["progress"], level["passed"]) == ("basic", {"basic": 100, "full": 67}, True)
    assert level["frameworks"]["ours"]["blocking"]["full"] == [{"component": "takedown-policy", "reason": "missing"}]


def test_framework_key_leads_with_a_custom_framework(make_repo, run_cli):
    root = make_repo({"ours.yaml": CLASSES, ".openness-lint.yaml": config(extra="framework: ours\n"),
                      "README.md": PLAIN_README})
    level = json.loads(run_cli("level", str(root), "--format", "json").stdout)
    assert level["framework"] == "ours"
    assert set(level["frameworks"]) == {"mof", "osaid", "columbia", "ours"}


def test_min_level_may_come_before_frameworks(make_repo, run_cli):
    root = make_repo({"ours.yaml": CLASSES, ".openness-lint.yaml": "min-level: ours:none\nframeworks: [ours.yaml]\n",
                      "README.md": PLAIN_README})
    assert run_cli("level", str(root)).code == 0


# -- invalid framework files -----------------------------------------------------

INVALID = [
    ("unknown-kind", CLASSES.replace("kind: classes", "kind: gradient"), 3),
    ("unknown-component", CLASSES.replace("training-code:", "trainig-code:"), 11),
    ("unknown-component-in-criteria", CRITERIA.replace("component: takedown-policy", "component: takedown"), 15),
    ("class-not-a-level", CLASSES.replace("{class: full", "{class: gold"), 11),
    ("missing-levels", "\n".join(line for line in CLASSES.splitlines()
                                  if "- {id" not in line and line != "levels:"), 1),
    ("bad-yaml", CLASSES.replace("  model-card: {class: basic, type: document}", "  model-card: {class: basic"), 10),
    ("builtin-id", CLASSES.replace("id: ours", "id: mof"), 1),
    ("new-components-not-a-mapping", CRITERIA.replace('  hardware:\n    files: ["HARDWARE*"]\n  takedown-policy:\n'
                                                      '    files: ["TAKEDOWN*"]\n', "  - hardware\n"), 8),
    ("classes-without-components", CLASSES.split("components:")[0], 3),
]


@pytest.mark.parametrize("text, line", [(t, n) for _, t, n in INVALID], ids=[i for i, _, _ in INVALID])
def test_invalid_framework_file(text, line, make_repo, run_cli):
    root = make_repo({"ours.yaml": text, ".openness-lint.yaml": config(), "README.md": PLAIN_README})
    for command in ("check", "level"):
        result = run_cli(command, str(root))
        assert result.code == 2, result
        assert f"ours.yaml:{line}:" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr


def test_invalid_framework_lines_are_where_we_think():
    # Guard the line numbers above against edits of the fixtures.
    assert CLASSES.splitlines()[10].strip().startswith("training-code")
    assert CRITERIA.splitlines()[14].strip().startswith("takedown:")
    assert CLASSES.splitlines()[2] == "kind: classes"


def test_framework_file_that_does_not_exist(make_repo, run_cli):
    root = make_repo({".openness-lint.yaml": config(), "README.md": PLAIN_README})
    result = run_cli("check", str(root))
    assert result.code == 2
    assert "ours.yaml" in result.stderr


def test_unknown_level_of_a_custom_framework(make_repo, run_cli):
    root = make_repo({"ours.yaml": CLASSES, ".openness-lint.yaml": config("ours:gold"), "README.md": PLAIN_README})
    result = run_cli("check", str(root))
    assert result.code == 2
    assert ".openness-lint.yaml:2:" in result.stderr
