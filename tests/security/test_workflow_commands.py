"""Workflow commands hidden in license text, card text, config values and
file names never reach the GitHub runner as commands.

With --format github every stdout line is one of our annotations (its
properties escaped) or the closing summary; with any other format no line
starts a `::` command and none holds a legacy `##[` command. A payload is
only proved harmless once it is shown to reach the output.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.security.helpers import (
    FORMATS,
    HOSTILE_RULES,
    PAYLOADS,
    assert_clean_run,
    assert_github_output,
    assert_no_commands,
    assert_one_line_error,
    command_lines,
    hostile_expected,
    hostile_files,
    legacy_lines,
    runner_lines,
    token,
    track,
    triples,
    write_tree,
)


@pytest.fixture(params=sorted(PAYLOADS))
def payload(request) -> str:
    return PAYLOADS[request.param]


def hostile_repo(tmp_path: Path, payload: str, git_init: bool) -> Path:
    root = write_tree(tmp_path / "repo", hostile_files(payload))
    if git_init:
        track(root)
    return root


def check(run_cli, tmp_path: Path, root: Path, fmt: str, *extra: str):
    report_file = tmp_path / f"report-{fmt}.json"
    result = run_cli("check", str(root), "--format", fmt, "--json", str(report_file), *extra, cwd=tmp_path)
    report = json.loads(report_file.read_text("utf-8"))
    assert_clean_run(result.code, result.stdout, result.stderr, report)
    assert result.stderr == ""
    return result, report


@pytest.mark.parametrize("git_init", [False, True], ids=["plain-folder", "git"])
def test_github_format_annotates_hostile_text_and_nothing_else(run_cli, tmp_path, payload, git_init):
    root = hostile_repo(tmp_path, payload, git_init)

    result, report = check(run_cli, tmp_path, root, "github", "--select", HOSTILE_RULES)

    assert triples(report) == hostile_expected(payload)
    annotations = assert_github_output(result.stdout)
    # every finding became exactly one annotation, its file intact
    assert sorted((a.properties.get("file"), int(a.properties["line"])) for a in annotations) == \
        sorted((path, line) for _, path, line in hostile_expected(payload))
    # the payload did reach the output, inside an annotation's data
    assert any(token(payload) in a.data for a in annotations)
    if payload.isprintable():  # messages show control characters escaped
        assert any(payload in a.data for a in annotations)


@pytest.mark.parametrize("git_init", [False, True], ids=["plain-folder", "git"])
def test_text_format_never_starts_a_command(run_cli, tmp_path, payload, git_init):
    root = hostile_repo(tmp_path, payload, git_init)

    result, report = check(run_cli, tmp_path, root, "text", "--select", HOSTILE_RULES)

    assert triples(report) == hostile_expected(payload)
    assert token(payload) in result.stdout
    assert_no_commands(result.stdout, "text stdout")


@pytest.mark.parametrize("fmt", ["github", "text"])
def test_every_rule_on_a_hostile_repository(run_cli, tmp_path, payload, fmt):
    root = hostile_repo(tmp_path, payload, git_init=True)

    result, report = check(run_cli, tmp_path, root, fmt)

    assert hostile_expected(payload) <= triples(report)
    if fmt == "github":
        assert_github_output(result.stdout)
    else:
        assert_no_commands(result.stdout, "text stdout")


@pytest.mark.parametrize("fmt", ["markdown", "json", "sarif"])
def test_machine_formats_on_the_console_start_no_command(run_cli, tmp_path, payload, fmt):
    # The Action's `format` input prints these on the console too.
    root = hostile_repo(tmp_path, payload, git_init=False)

    result, _ = check(run_cli, tmp_path, root, fmt, "--select", HOSTILE_RULES)

    assert token(payload) in result.stdout
    assert command_lines(result.stdout) == []


@pytest.mark.parametrize("fmt", ["markdown", "json", "sarif"])
def test_machine_formats_on_the_console_carry_no_legacy_command(run_cli, tmp_path, fmt):
    # `##[add-mask]...`, `##[error]...` and `##[set-output name=...]...` are
    # parsed anywhere in a line that is not a `::` command: a JSON string
    # or a markdown table cell holding `##[` is such a line. JSON can write
    # "[" as "\u005b" and markdown as "&#91;" without changing the text.
    root = hostile_repo(tmp_path, PAYLOADS["legacy"], git_init=False)

    result, _ = check(run_cli, tmp_path, root, fmt, "--select", HOSTILE_RULES)

    assert token(PAYLOADS["legacy"]) in result.stdout
    assert legacy_lines(result.stdout) == []


def test_every_console_format_and_report_file_together(run_cli, tmp_path):
    # All payloads in one repository, every format, reports written outside.
    root = tmp_path / "repo"
    for name, value in PAYLOADS.items():
        write_tree(root / name, hostile_files(value))
    track(root)
    for fmt in FORMATS:
        result = run_cli("check", str(root), "--format", fmt, "--summary", str(tmp_path / "summary.md"), cwd=tmp_path)
        assert result.code == 1, result
        assert "Traceback" not in result.stdout + result.stderr
        if fmt == "github":
            assert_github_output(result.stdout)
        else:
            assert command_lines(result.stdout) == []
        assert command_lines(result.stderr) == []


# -- configuration values echoed in errors, on stderr -------------------------

CONFIG_ECHOES = {
    # id: (.openness-lint.yaml, line the one-line error names)
    "unknown-key-legacy": ('"##[add-mask]SECRET-MASK": 1\n', 1),
    "unknown-key-command": ('"::error::FORGED-ERROR": 1\n', 1),
    "unknown-key-newline": ('"\\n::error::FORGED-NEWLINE": 1\n', 1),
    "min-level-newline": ('min-level: "\\n::warning::FORGED-WARNING"\n', 1),
    "framework-command": ('framework: "::add-mask::SECRET-MASK"\n', 1),
    "select-legacy": ('select: ["##[error]FORGED-LEGACY"]\n', 1),
    "pack-path-newline": ('select: [ALL]\npacks: ["ci/rules.yaml\\n::error::FORGED-PACK"]\n', 2),
}


@pytest.mark.parametrize("case", sorted(CONFIG_ECHOES))
def test_configuration_errors_echo_no_command_to_stderr(run_cli, tmp_path, case):
    # The runner reads commands from stderr as well as stdout.
    text, line = CONFIG_ECHOES[case]
    root = tmp_path / "repo"
    root.mkdir()
    (root / "LICENSE").write_text("MIT License\n", encoding="utf-8")
    (root / ".openness-lint.yaml").write_text(text, encoding="utf-8")

    result = run_cli("check", str(root), "--format", "github", cwd=tmp_path)

    assert result.code == 2, result
    assert result.stdout == ""
    assert len(runner_lines(result.stderr)) == 2, f"not one line: {result.stderr!r}"
    assert_no_commands(result.stderr, "stderr")
    assert_one_line_error(result.stderr, where=".openness-lint.yaml" + (f":{line}" if "path" not in case else ""))
