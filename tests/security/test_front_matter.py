"""Hostile card front matter: a CRD001 finding at its line, never a crash,
never an object built from a tag, never a blow-up.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.security.helpers import (
    assert_bounded,
    assert_clean_run,
    assert_github_output,
    assert_no_commands,
    run_process,
    triples,
)

SECTIONS = "\n# Model card\n\n## Uses\n\nDemos.\n"


def billion_laughs(levels: int = 9, width: int = 9) -> str:
    """width ** levels nodes once aliases are expanded (9 ** 9 = 387 million)."""
    lines = ["a0: &a0 [" + ", ".join(['"lol"'] * width) + "]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]" for i in range(1, levels)]
    return "\n".join(lines)


def card(front: str) -> str:
    return f"---\n{front}\n---\n{SECTIONS}"


def closing_line(text: str) -> int:
    return text.split("\n").index("---", 1) + 1


def check_card(run_cli, tmp_path: Path, text: str, *extra: str) -> tuple[dict, object]:
    root = tmp_path / "repo"
    root.mkdir()
    (root / "LICENSE").write_text("MIT License\n", encoding="utf-8")
    (root / "README.md").write_text(text, encoding="utf-8")
    result = run_cli("check", str(root), "--format", "github", "--json", str(tmp_path / "report.json"), *extra,
                     cwd=tmp_path)
    assert (tmp_path / "report.json").exists(), f"no report: exit {result.code}, stderr {result.stderr!r}"
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert_clean_run(result.code, result.stdout, result.stderr, report)
    assert_github_output(result.stdout)
    return report, result


def crd001(report: dict) -> list[tuple[int, str]]:
    return [(f["line"], f["message"]) for f in report["findings"] if f["rule"] == "CRD001" and f["path"] == "README.md"]


def test_billion_laughs_is_a_finding_inside_the_front_matter(run_cli, tmp_path):
    text = card(billion_laughs())
    report, _ = check_card(run_cli, tmp_path, text)
    [(line, message)] = crd001(report)
    assert 2 <= line < closing_line(text)
    assert "alias" in message


def test_billion_laughs_in_a_real_process_stays_within_memory(tmp_path):
    root = tmp_path / "repo"
    root.mkdir()
    text = card(billion_laughs(levels=12))
    (root / "README.md").write_text(text, encoding="utf-8")
    run = run_process("check", "repo", "--format", "github", "--json", "report.json", cwd=tmp_path)
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert_clean_run(run.code, run.stdout, run.stderr, report)
    assert_bounded(run)
    assert [f["rule"] for f in report["findings"] if f["path"] == "README.md" and f["rule"] == "CRD001"] == ["CRD001"]
    assert_github_output(run.stdout)


@pytest.mark.parametrize("front", [
    "license: " + "[" * 10_000,
    "license: " + "[" * 10_000 + "]" * 10_000,
    "license: " + "{" * 10_000,
    "license: " + "{a: " * 10_000 + "}" * 10_000,
    "license: " + "[{" * 5_000,
], ids=["open-brackets", "balanced-brackets", "open-braces", "balanced-mappings", "mixed"])
def test_ten_thousand_nested_brackets_are_a_finding_on_their_line(run_cli, tmp_path, front):
    report, _ = check_card(run_cli, tmp_path, card(front))
    [(line, message)] = crd001(report)
    assert line == 2
    assert "nest" in message


def test_deep_block_nesting_is_a_finding_inside_the_front_matter(run_cli, tmp_path):
    # 1,200 levels of indentation: deep enough for the parser's recursion,
    # small enough (720 KB) to be read
    text = card("".join(" " * depth + f"k{depth}:\n" for depth in range(1200)).rstrip("\n"))
    report, _ = check_card(run_cli, tmp_path, text)
    [(line, _message)] = crd001(report)
    assert 2 <= line < closing_line(text)


PYTHON_TAGS = [
    '!!python/object/apply:os.system ["touch pwned"]',
    '!!python/object/new:os.system ["touch pwned"]',
    "!!python/object/apply:subprocess.check_call [[touch, pwned]]",
    "!!python/name:os.system",
    "!!python/module:os",
    '!!python/object:__main__.Pwned {name: pwned}',
    "!!python/tuple [touch, pwned]",
    '!custom/pwn ["touch pwned"]',
]


def no_pwned_file(folder: Path) -> None:
    """`touch pwned` would run in the working directory, which is folder."""
    assert list(folder.rglob("pwned*")) == []


@pytest.mark.parametrize("tag", PYTHON_TAGS)
def test_python_tags_never_construct_objects(run_cli, tmp_path, tag):
    report, _ = check_card(run_cli, tmp_path, card(f"license: {tag}\ntags:\n  - {tag}"))
    no_pwned_file(tmp_path)
    assert not crd001(report)  # well-formed YAML: the tag is kept as a plain value


@pytest.mark.parametrize("tag", PYTHON_TAGS[:2])
def test_python_tag_as_the_whole_front_matter_is_a_finding(run_cli, tmp_path, tag):
    report, _ = check_card(run_cli, tmp_path, card(tag))
    no_pwned_file(tmp_path)
    assert crd001(report) == [(2, "front matter must be a mapping of keys to values, not a list")]


def test_python_tag_license_value_is_reported_on_its_line(run_cli, tmp_path):
    report, _ = check_card(run_cli, tmp_path, card('license: !!python/object/apply:os.system ["touch pwned"]'))
    no_pwned_file(tmp_path)
    assert ("LIC012", "README.md", 2) in triples(report)


def test_python_tags_in_a_real_process_run_nothing(tmp_path):
    root = tmp_path / "repo"
    root.mkdir()
    front = "\n".join(f"k{i}: {tag}" for i, tag in enumerate(PYTHON_TAGS))
    (root / "README.md").write_text(card("license: mit\n" + front), encoding="utf-8")
    (root / "CITATION.cff").write_text("cff-version: 1.2.0\n" + front + "\n", encoding="utf-8")
    indented = "\n".join("  " + line for line in front.split("\n"))
    (root / "mof.yaml").write_text(f"release:\n  name: x\n{indented}\n", encoding="utf-8")
    run = run_process("check", "repo", "--json", "report.json", cwd=root.parent)
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert_clean_run(run.code, run.stdout, run.stderr, report)
    no_pwned_file(tmp_path)
    assert_no_commands(run.stdout, "text stdout")


def test_duplicate_keys_are_a_finding_on_the_second_key(run_cli, tmp_path):
    report, _ = check_card(run_cli, tmp_path, card("license: mit\ntags: [a]\nlicense: apache-2.0"))
    [(line, message)] = crd001(report)
    assert line == 4
    assert "duplicate key" in message


def test_one_megabyte_scalar_is_checked_and_bounded(tmp_path):
    root = tmp_path / "repo"
    root.mkdir()
    (root / "README.md").write_text(card("license: " + "a" * 1_000_000), encoding="utf-8")
    run = run_process("check", "repo", "--format", "github", "--json", "report.json", cwd=tmp_path)
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert_clean_run(run.code, run.stdout, run.stderr, report)
    assert_bounded(run)
    assert ("LIC012", "README.md", 2) in triples(report)
    assert_github_output(run.stdout)


def test_reused_anchor_is_not_echoed_to_stderr(tmp_path):
    # YAML lets an anchor be defined again. ruamel.yaml warns about it and
    # Python prints the warning, with the offending lines of the card, on
    # stderr, where the runner reads commands too: this card would forge an
    # error annotation.
    root = tmp_path / "repo"
    root.mkdir()
    (root / "README.md").write_text(card("::error::FORGED-ANCHOR: &x 1\nlicense: &x mit"), encoding="utf-8")
    run = run_process("check", "repo", "--format", "github", "--json", "report.json", cwd=tmp_path)
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert_clean_run(run.code, run.stdout, run.stderr, report)
    assert_github_output(run.stdout)
    assert_no_commands(run.stderr, "stderr")
    assert run.stderr == ""


@pytest.mark.parametrize("front, line", [
    ("tags: [a]\n[{a: b}]: x", 3),  # a mapping inside a key: ruamel.yaml raises TypeError
    ("license: -_", 2),  # an empty signed integer: ruamel.yaml raises IndexError
], ids=["mapping-in-key", "empty-signed-int"])
def test_yaml_that_crashes_the_parser_is_a_finding(run_cli, tmp_path, front, line):
    report, _ = check_card(run_cli, tmp_path, card(front))
    assert [found for found, _ in crd001(report)] == [line]
