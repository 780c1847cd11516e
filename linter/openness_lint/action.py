"""The GitHub Action's logic: inputs in, one check, outputs out.

action.yml passes every input through `env:` as INPUT_* variables and runs
`python -m openness_lint.action`, so no input is ever read by a shell. This
module turns the inputs into one `openness-lint check` command line, runs
it in-process (annotations on standard output, SARIF, the job summary and
the BOM written by the same run), reads the JSON report it wrote to a
temporary file, and writes the step outputs to $GITHUB_OUTPUT. The exit
code is the linter's.

`bom-file` is SPDX 3 when its name ends in `.spdx.json`, else CycloneDX
1.6. SPDX requires a creation time: without SOURCE_DATE_EPOCH, the Action
gives the time of the commit it checks, so a rerun writes the same bytes.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path
from typing import Mapping, Sequence

EXIT_ERROR = 2
TRUE, FALSE = ("true", "yes", "on", "1"), ("false", "no", "off", "0", "")


class InputError(ValueError):
    """An input the Action cannot use; reported on one line, exit 2."""


def flag(value: str, name: str) -> bool:
    text = value.strip().lower()
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise InputError(f"input {name} must be true or false, not {value!r}")


def check_argv(env: Mapping[str, str], json_file: str, bom_time: str | None = None) -> list[str]:
    """The `openness-lint check` arguments for the INPUT_* variables;
    ``bom_time``: the BOM's creation time, when the Action supplies one.

    `args` is split like a shell would split words, but nothing is ever
    evaluated: quotes group words and that is all. The JSON report comes
    last so that `args` cannot move it away from where the outputs are read.
    """
    def given(name: str) -> str:
        return env.get(f"INPUT_{name}", "").strip()

    argv = ["check", given("PATH") or ".", "--format", given("FORMAT") or "github"]
    for name, option in (("CONFIG", "--config"), ("MIN_LEVEL", "--min-level"), ("SARIF_FILE", "--sarif"),
                         ("BOM_FILE", "--bom")):
        if given(name):
            argv += [option, given(name)]
    if given("BOM_FILE") and bom_time:
        argv += ["--bom-timestamp", bom_time]
    summary_file = env.get("GITHUB_STEP_SUMMARY", "")
    if flag(env.get("INPUT_SUMMARY", "true"), "summary") and summary_file:
        argv += ["--summary", summary_file]
    try:
        argv += shlex.split(env.get("INPUT_ARGS", ""), comments=False, posix=True)
    except ValueError as exc:
        raise InputError(f"input args cannot be split into arguments: {exc}") from None
    return argv + ["--json", json_file]


def outputs(report: Mapping | None, exit_code: int) -> dict[str, str]:
    """The step outputs; counts are empty when the check could not run."""
    values = {"level": "", "passed": "false", "errors": "", "warnings": "", "exit-code": str(exit_code)}
    if report is None:
        return values
    level = report.get("level") or {}
    if level.get("framework") and level.get("achieved"):
        values["level"] = f"{level['framework']}:{level['achieved']}"
    summary = report.get("summary", {})
    # as Report.passed: no errors, the level met, no rule crashed (--exit-zero does not pass a release)
    passed = not summary.get("error") and level.get("passed", True) and not report.get("internal_errors")
    values.update(errors=str(summary.get("error", 0)), warnings=str(summary.get("warning", 0)),
                  passed="true" if passed and exit_code != EXIT_ERROR else "false")
    return values


def output_lines(values: Mapping[str, str]) -> str:
    """$GITHUB_OUTPUT text; the delimiter form keeps any value on its own."""
    lines = []
    for name, value in values.items():
        delimiter = f"ghadelimiter_{uuid.uuid4()}"
        lines += [f"{name}<<{delimiter}", value, delimiter]
    return "\n".join(lines) + "\n"


def make_parent(path: str) -> None:
    """sarif-file: reports/openness.sarif (or bom-file) should not need a step of its own;
    when the folder cannot be made, the check says why it cannot write."""
    if path:
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass


def commit_time(path: str) -> str | None:
    """Seconds since 1970 of the commit checked out at path, or None outside git."""
    try:
        found = subprocess.run(["git", "-C", path, "log", "-1", "--format=%ct"], capture_output=True, text=True,
                               timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    value = found.stdout.strip()
    return value if found.returncode == 0 and value.isdigit() else None


def bom_time(env: Mapping[str, str]) -> str | None:
    """The creation time an SPDX bom-file needs, when SOURCE_DATE_EPOCH gives none."""
    bom_file = env.get("INPUT_BOM_FILE", "").strip()
    if not bom_file or env.get("SOURCE_DATE_EPOCH", "").strip():
        return None
    # the BOM writers load only when the Action writes a BOM
    from openness_lint.bom.write import format_of, needs_time

    if not needs_time(format_of(bom_file)):
        return None
    return commit_time(env.get("INPUT_PATH", "").strip() or ".")


def run(env: Mapping[str, str]) -> int:
    # the CLI loads only when the Action runs, not when its helpers are tested
    from openness_lint.cli import main as cli_main

    with tempfile.TemporaryDirectory(prefix="openness-lint-", dir=env.get("RUNNER_TEMP") or None) as tmp:
        json_file = Path(tmp) / "report.json"
        try:
            argv = check_argv(env, str(json_file), bom_time(env))
        except InputError as exc:
            print(f"openness-lint action: error: {exc}", file=sys.stderr)
            code, report = EXIT_ERROR, None
        else:
            make_parent(env.get("INPUT_SARIF_FILE", "").strip())
            make_parent(env.get("INPUT_BOM_FILE", "").strip())
            code = cli_main(argv)
            report = json.loads(json_file.read_text("utf-8")) if json_file.is_file() else None
    output_file = env.get("GITHUB_OUTPUT")
    if output_file:
        with open(output_file, "a", encoding="utf-8") as handle:
            handle.write(output_lines(outputs(report, code)))
    return code


def main(argv: Sequence[str] | None = None) -> int:
    if sys.argv[1:] if argv is None else argv:
        print("usage: python -m openness_lint.action (reads INPUT_* variables; see action.yml)",
              file=sys.stderr)
        return EXIT_ERROR
    return run(os.environ)


if __name__ == "__main__":
    sys.exit(main())
