"""Run a composite action.yml the way the GitHub runner does, without Docker.

The harness reads action.yml, fills in the inputs' defaults, and runs each
`run` step with `bash --noprofile --norc -eo pipefail` in the workspace. It
sets what a runner sets: GITHUB_ACTION_PATH, RUNNER_TEMP, GITHUB_WORKSPACE,
and a fresh GITHUB_OUTPUT, GITHUB_ENV and GITHUB_STEP_SUMMARY file per step,
whose commands it applies as the runner does. Expressions (`${{ inputs.x }}`,
`${{ steps.id.outputs.y }}`, `${{ github.action_path }}`, `${{ runner.temp }}`)
are substituted only where the runner would substitute them for a safe
action: in `env:` values and in the action's `outputs`. A `run:` script that
contains `${{` is a HarnessError, because there the runner would paste
workflow-controlled text into the shell.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from ruamel.yaml import YAML

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
STEP_KEYS = {"id", "name", "shell", "env", "run", "working-directory"}
BASH = ["bash", "--noprofile", "--norc", "-eo", "pipefail"]
# What a hosted runner passes on from its own environment, plus pip's
# settings so the one real install test finds the same package index.
PASSED_ON = ("PATH", "HOME", "LANG", "LC_ALL", "PYENV_ROOT", "SSL_CERT_FILE")


class HarnessError(Exception):
    """action.yml uses something the runner would reject or that is unsafe."""


@dataclass
class ActionRun:
    exit_code: int
    stdout: str
    stderr: str
    outputs: dict[str, str]  # the action's outputs
    steps: dict[str, dict[str, str]]  # step id -> its outputs
    summary: str
    env_file: str  # what the steps wrote to GITHUB_ENV
    workspace: Path
    ran: list[str] = field(default_factory=list)  # ids of the steps that ran


def load(action_dir: Path) -> dict:
    action = YAML(typ="safe").load((action_dir / "action.yml").read_text("utf-8"))
    if action.get("runs", {}).get("using") != "composite":
        raise HarnessError("the harness runs composite actions only")
    for index, step in enumerate(action["runs"]["steps"]):
        unknown = set(step) - STEP_KEYS
        if unknown:
            raise HarnessError(f"step {index}: the harness does not support {sorted(unknown)}")
        if "run" not in step or step.get("shell") != "bash":
            raise HarnessError(f"step {index}: every step must be a `run` with `shell: bash`")
        if "${{" in step["run"]:
            raise HarnessError(f"step {step.get('id', index)}: an expression inside run: is shell injection; "
                               "pass the value through env:")
    return action


def parse_file_commands(text: str) -> dict[str, str]:
    """GITHUB_OUTPUT / GITHUB_ENV: `name=value` or `name<<DELIM` ... `DELIM`."""
    values: dict[str, str] = {}
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line.strip():
            continue
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            body = []
            while index < len(lines) and lines[index] != delimiter:
                body.append(lines[index])
                index += 1
            if index == len(lines):
                raise HarnessError(f"no closing delimiter {delimiter!r} for {name!r}")
            index += 1
            values[name] = "\n".join(body)
        elif "=" in line:
            name, value = line.split("=", 1)
            values[name] = value
        else:
            raise HarnessError(f"invalid file command line {line!r}")
    return values


def substitute(value: object, contexts: Mapping[str, object]) -> str:
    """Replace each ${{ a.b.c }} with its value, as the runner would."""
    def lookup(match: re.Match) -> str:
        current: object = contexts
        for part in match.group(1).split("."):
            if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", part):
                raise HarnessError(f"unsupported expression {match.group(0)!r}")
            if current is None:
                break  # a step that never ran has no outputs: the runner gives ''
            if not isinstance(current, Mapping):
                raise HarnessError(f"unsupported expression {match.group(0)!r}")
            current = current.get(part)
        if isinstance(current, Mapping):
            raise HarnessError(f"expression {match.group(0)!r} names an object, not a value")
        return "" if current is None else str(current)

    return EXPRESSION.sub(lookup, "" if value is None else str(value))


def run_action(action_dir: Path, workspace: Path, runner_temp: Path, inputs: Mapping[str, str] | None = None,
               env: Mapping[str, str] | None = None, timeout: float = 600) -> ActionRun:
    """Run every step of action_dir/action.yml in workspace; stop at the first failure."""
    action = load(action_dir)
    declared = action.get("inputs") or {}
    unexpected = set(inputs or {}) - set(declared)
    if unexpected:
        raise HarnessError(f"unexpected inputs {sorted(unexpected)}")
    given = {name: str(spec.get("default", "")) if isinstance(spec, dict) else "" for name, spec in declared.items()}
    given.update(inputs or {})
    for name, spec in declared.items():
        if isinstance(spec, dict) and spec.get("required") and not given[name]:
            raise HarnessError(f"input {name} is required")

    commands = runner_temp / "_runner_file_commands"
    commands.mkdir(parents=True, exist_ok=True)
    base = {key: os.environ[key] for key in PASSED_ON if key in os.environ}
    base.update({key: value for key, value in os.environ.items() if key.startswith("PIP_")})
    base.update({
        "CI": "true", "GITHUB_ACTIONS": "true", "RUNNER_OS": "Linux",
        "GITHUB_ACTION_PATH": str(action_dir), "GITHUB_WORKSPACE": str(workspace),
        "RUNNER_TEMP": str(runner_temp),
    })
    base.update(env or {})
    contexts: dict[str, object] = {
        "inputs": given, "steps": {},
        "github": {"action_path": str(action_dir), "workspace": str(workspace)},
        "runner": {"temp": str(runner_temp), "os": "Linux"},
    }
    stdout, stderr, summaries, env_written, ran = [], [], [], [], []
    exit_code = 0
    for index, step in enumerate(action["runs"]["steps"]):
        step_id = step.get("id", f"__step{index}")
        files = {name: commands / f"{name.lower()}_{index}" for name in
                 ("GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_STEP_SUMMARY")}
        for path in files.values():
            path.write_text("", encoding="utf-8")
        step_env = dict(base)
        step_env.update({name: str(path) for name, path in files.items()})
        step_env.update({name: substitute(value, contexts) for name, value in (step.get("env") or {}).items()})
        script = runner_temp / f"_step_{index}.sh"
        script.write_text(step["run"], encoding="utf-8")
        cwd = workspace / step["working-directory"] if "working-directory" in step else workspace
        done = subprocess.run([*BASH, str(script)], cwd=cwd, env=step_env, capture_output=True,
                              text=True, timeout=timeout)
        ran.append(step_id)
        stdout.append(done.stdout)
        stderr.append(done.stderr)
        contexts["steps"][step_id] = {"outputs": parse_file_commands(files["GITHUB_OUTPUT"].read_text("utf-8"))}
        written = files["GITHUB_ENV"].read_text("utf-8")
        env_written.append(written)
        base.update(parse_file_commands(written))
        summaries.append(files["GITHUB_STEP_SUMMARY"].read_text("utf-8"))
        if done.returncode != 0:
            exit_code = done.returncode
            break
    outputs = {name: substitute(spec.get("value"), contexts)
               for name, spec in (action.get("outputs") or {}).items()}
    return ActionRun(
        exit_code=exit_code, stdout="".join(stdout), stderr="".join(stderr), outputs=outputs,
        steps={sid: dict(ctx["outputs"]) for sid, ctx in contexts["steps"].items()},
        summary="".join(summaries), env_file="".join(env_written), workspace=workspace, ran=ran,
    )
