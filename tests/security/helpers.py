"""Tools for the adversarial suite: hostile inputs, a bounded subprocess, and
checks that nothing the linter prints is a command to the GitHub runner.

How the runner reads a step's output (actions/runner,
ActionCommandManager.TryProcessCommand and ActionCommand): stdout and stderr
are split into lines on CR, LF and CRLF. A line whose text, after leading
white space, starts with `::` is parsed as `::name key=value,...::data`;
only when that parse fails does the runner look for the legacy form
`##[name key=value;...]data` anywhere in the line. Data is unescaped with
%0D, %0A, %25 (in that order); property values also with %3A and %2C.
"""

from __future__ import annotations

import json
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import pytest

TIMEOUT = 60  # seconds; generous, never an assertion about speed
# RLIMIT_AS of a subprocess: a blow-up fails the test, not the machine.
MEMORY_LIMIT = 1536 * 1024 * 1024
# Peak resident memory a run may reach, counting the git processes it starts.
PEAK_RSS_LIMIT = 512 * 1024 * 1024
FORMATS = ("text", "github", "json", "sarif", "markdown")
ANNOTATION_COMMANDS = ("error", "warning", "notice")
PROPERTY_KEYS = ("file", "line", "col", "title")
# A secret that lives outside every repository under test.
MARKER = "OLSECRET-7f3c2a-MARKER"

# Workflow commands hidden in repository text; the upper-case tail of each
# is what a test looks for to prove the payload reached the output.
PAYLOADS = {
    "add-mask": "::add-mask::SECRET-MASK",
    "stop-commands": "::stop-commands::STOP-TOKEN",
    "error": "::error::FORGED-ERROR",
    "encoded-newline": "%0A::warning::FORGED-WARNING",
    "legacy": "##[error]FORGED-LEGACY",
    "newline": "\n::error::FORGED-NEWLINE",
    "carriage-return": "\r::error::FORGED-CR",
    "leading-space": " ::notice::FORGED-SPACE",
}
# The rules that echo the hostile text of hostile_files(); selecting only
# these keeps every finding under GitHub's ten-annotation cap.
HOSTILE_RULES = "LIC012,CRD002,DOC002,OL001,OL003"


def token(payload: str) -> str:
    return re.search(r"[A-Z][A-Z-]+$", payload).group()


def hostile_files(payload: str) -> dict[str, str | bytes]:
    """A repository that carries ``payload`` in its license text, card
    metadata and body, a link, a config value that a finding echoes, and the
    name of a folder holding a card and a binary LICENSE."""
    quoted = json.dumps(payload)  # a valid YAML double-quoted scalar
    return {
        "LICENSE": f"{payload}\nMIT License\n{payload}\n",
        "README.md": (f"---\nlicense: {quoted}\ndatasets: [{quoted}]\n---\n# Model card\n\n{payload}\n\n"
                      f"## Uses\n\n[the payload](<{payload}.md>)\n"),
        ".openness-lint.yaml": f"ignore-findings:\n  - {{rule: LIC001, path: {quoted}, reason: {quoted}}}\n",
        f"{payload}/README.md": "---\nlicense: not-a-license\n---\n# Model card\n",
        f"{payload}/LICENSE": b"\0",
    }


def hostile_expected(payload: str) -> set[tuple[str, str, int]]:
    """The findings hostile_files(payload) must give under HOSTILE_RULES."""
    expected = {
        ("LIC012", "README.md", 2),  # the card's license value
        ("CRD002", "README.md", 3),  # the card's datasets item
        ("OL003", ".openness-lint.yaml", 2),  # the unused ignore echoes its path
        ("LIC012", f"{payload}/README.md", 2),
        ("OL001", f"{payload}/LICENSE", 1),
    }
    if not set(payload) & set("#\r\n"):  # otherwise no relative link at all
        readme = hostile_files(payload)["README.md"]
        lines = readme.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        expected.add(("DOC002", "README.md", next(i for i, ln in enumerate(lines, 1) if "[the payload]" in ln)))
    return expected


# -- building repositories ---------------------------------------------------

def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write {relative path: text or bytes} under root (text as UTF-8, no
    newline translation) and return root."""
    for rel, content in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return root


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=root,
                   check=True, capture_output=True, timeout=TIMEOUT,
                   env={"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_SYSTEM": "/dev/null",
                        "HOME": str(root), "PATH": os.environ.get("PATH", "/usr/bin:/bin")})


def track(root: Path) -> None:
    """git init (if needed) and stage everything, so the index lists it."""
    if not (root / ".git").exists():
        git(root, "init", "-q")
    git(root, "add", "-A")


def sparse(path: Path, size: int) -> Path:
    """A file of ``size`` bytes that takes no disk space."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.truncate(size)
    return path


def snapshot(root: Path) -> dict[str, tuple]:
    """Every path under root (links not followed) with its type, size and mtime."""
    found = {}
    for directory, dirs, files in os.walk(root, followlinks=False):
        for name in dirs + files:
            path = Path(directory, name)
            info = os.lstat(path)
            found[path.relative_to(root).as_posix()] = (info.st_mode, info.st_size, info.st_mtime_ns)
    return found


# -- reading results ---------------------------------------------------------

def triples(report: dict) -> set[tuple[str, str | None, int | None]]:
    return {(f["rule"], f["path"], f["line"]) for f in report["findings"]}


def expected_exit(report: dict) -> int:
    failed = report["summary"]["error"] > 0 or (report.get("level") or {}).get("passed") is False
    return 1 if failed else 0


def assert_clean_run(code: int, stdout: str, stderr: str, report: dict) -> None:
    """Findings only: no traceback, no internal error, the exit code they imply."""
    assert "Traceback" not in stdout and "Traceback" not in stderr, stderr
    assert report["internal_errors"] == [], report["internal_errors"]
    assert code == expected_exit(report), (code, report["summary"], stderr)


# -- what the runner would see -----------------------------------------------

def runner_lines(text: str) -> list[str]:
    """Lines as the runner splits them (.NET ReadLine: CR, LF, CRLF)."""
    return re.split(r"\r\n|\r|\n", text)


def command_lines(text: str) -> list[str]:
    """Lines that the runner would try to parse as `::` commands."""
    return [line for line in runner_lines(text) if line.lstrip().startswith("::")]


def legacy_lines(text: str) -> list[str]:
    return [line for line in runner_lines(text) if "##[" in line]


def unescape_data(value: str) -> str:
    return value.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_property(value: str) -> str:
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(escaped, raw)
    return value


@dataclass(frozen=True)
class Command:
    name: str
    properties: dict[str, str] = field(default_factory=dict)
    data: str = ""


def parse_command(line: str) -> Command | None:
    """The runner's ActionCommand.TryParseV2, without its list of known names."""
    message = line.lstrip()
    if not message.startswith("::"):
        return None
    end = message.find("::", 2)
    if end < 0:
        return None
    name, space, props = message[2:end].partition(" ")
    properties = {}
    if space:
        for item in props.strip().split(","):
            key, _, value = item.partition("=")
            if key and value:
                properties[key] = unescape_property(value)
    return Command(name, properties, unescape_data(message[end + 2:]))


def assert_annotation(line: str) -> Command:
    """One of our annotations: `::error|warning|notice key=value,...::data`
    with known keys, no raw ':' ',' CR or LF in any value, title last."""
    assert line.startswith(tuple(f"::{c} " for c in ANNOTATION_COMMANDS)), f"not our annotation: {line!r}"
    head, sep, _ = line[2:].partition("::")
    assert sep, f"no data separator: {line!r}"
    _, _, props = head.partition(" ")
    keys = []
    for item in props.split(","):
        key, eq, value = item.partition("=")
        assert eq and key in PROPERTY_KEYS, f"malformed property {item!r} in {line!r}"
        assert not set(value) & set(":,\r\n"), f"raw separator in property {item!r} of {line!r}"
        if key in ("line", "col"):
            assert value.isdigit(), line
        keys.append(key)
    assert len(keys) == len(set(keys)) and keys[-1] == "title", line
    parsed = parse_command(line)
    assert parsed is not None and parsed.name in ANNOTATION_COMMANDS, line
    return parsed


def assert_github_output(stdout: str) -> list[Command]:
    """Every line is one of our annotations, then the plain summary line."""
    lines = runner_lines(stdout)
    assert lines[-1] == "", f"output does not end with a newline: {stdout[-200:]!r}"
    *annotations, summary = lines[:-1]
    assert summary.startswith("openness-lint: "), summary
    assert "::" not in summary and "##[" not in summary, summary
    return [assert_annotation(line) for line in annotations]


def assert_no_commands(text: str, where: str) -> None:
    """Nothing the runner would parse as a command, in either form."""
    assert command_lines(text) == [], f"{where}: a line starts a workflow command"
    assert legacy_lines(text) == [], f"{where}: a line holds a legacy ##[ command"


def assert_one_line_error(stderr: str, where: str | None = None) -> str:
    """Exit-2 style error: one line, ours, naming ``where`` (file:line)."""
    lines = runner_lines(stderr)
    assert len(lines) == 2 and lines[-1] == "", f"expected one line on stderr, got {stderr!r}"
    line = lines[0]
    assert line.startswith("openness-lint"), line
    assert "Traceback" not in line and "internal error" not in line, line
    if where is not None:
        assert where in line, f"{where!r} not named in {line!r}"
    assert_no_commands(stderr, "stderr")
    return line


# -- running the real process ------------------------------------------------

@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    peak_rss: int  # bytes: the process or any child it waited for (git)


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_process(*args: str, cwd: Path, timeout: float = TIMEOUT, command: list[str] | None = None,
                env: dict[str, str] | None = None) -> Run:
    """`python -m openness_lint ARGS` in its own session, under RLIMIT_AS and
    a timeout; the whole process group is killed if it overruns."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    environ.update({"NO_COLOR": "1", "PYTHONDONTWRITEBYTECODE": "1"}, **(env or {}))
    argv = [*(command or [sys.executable, "-m", "openness_lint"]), *args]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, cwd=cwd, env=environ, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                preexec_fn=_limit_memory, start_new_session=True)
        deadline = time.monotonic() + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                os.killpg(proc.pid, signal.SIGKILL)
                os.wait4(proc.pid, 0)
                proc.returncode = -signal.SIGKILL
                pytest.fail(f"{' '.join(args)!r} did not finish within {timeout} s")
            time.sleep(0.02)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(proc.returncode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                   usage.ru_maxrss * 1024)


def assert_bounded(run: Run) -> None:
    assert run.peak_rss < PEAK_RSS_LIMIT, f"peak memory {run.peak_rss // 2**20} MiB (limit {PEAK_RSS_LIMIT // 2**20})"
    assert "MemoryError" not in run.stderr, run.stderr


def run_every_format(invoke: Callable[..., Any], root: Path, out_dir: Path, *extra: str) -> dict[str, tuple[Any, dict]]:
    """check ROOT once per console format, each run also writing SARIF, JSON
    and a summary under out_dir; format -> (result, {file name: text})."""
    results = {}
    for fmt in FORMATS:
        target = out_dir / fmt
        target.mkdir(parents=True)
        result = invoke("check", str(root), "--format", fmt, "--sarif", str(target / "report.sarif"),
                        "--json", str(target / "report.json"), "--summary", str(target / "summary.md"), *extra)
        results[fmt] = result, {p.name: p.read_text("utf-8") for p in sorted(target.iterdir())}
    return results
