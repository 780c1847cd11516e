"""Shared fixtures: repositories built in tmp_path, and the CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner
from hypothesis import settings
from openness_lint.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

# Property tests: in CI the same examples on every run (derandomize), so a
# commit that changes nothing cannot turn the build red; locally, new random
# examples each run, to find what nobody thought of. A test's own settings
# (max_examples and the like) apply on top of the profile.
settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True)
settings.register_profile("explore", database=None, deadline=None, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "explore")


@pytest.fixture(scope="session", autouse=True)
def _data_cache(tmp_path_factory: pytest.TempPathFactory):
    """The data cache (openness_lint.datacache) of every run in the tests,
    subprocesses included, lives in a folder of the session's own."""
    from openness_lint.catalog import datacache

    saved = os.environ.get("OPENNESS_LINT_CACHE_DIR")
    os.environ["OPENNESS_LINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("data-cache"))
    datacache.reset()
    yield
    if saved is None:
        os.environ.pop("OPENNESS_LINT_CACHE_DIR", None)
    else:
        os.environ["OPENNESS_LINT_CACHE_DIR"] = saved
    datacache.reset()


def pytest_terminal_summary(terminalreporter) -> None:
    """Counts that tests measured on a reference set, printed after the run."""
    module = sys.modules.get("tests.unit.analysis.licensing.test_reference_set")
    for line in module.summary() if module else ():
        terminalreporter.write_line(line)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Rewrite golden files from current output.")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True,
                   env={"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_SYSTEM": "/dev/null",
                        "HOME": str(root), "PATH": "/usr/bin:/bin:/usr/local/bin"})


@pytest.fixture
def make_repo(tmp_path: Path) -> Callable[..., Path]:
    """make_repo({"LICENSE": "...", "models/a/README.md": "..."}, git=True).

    Values are text (written as UTF-8) or bytes (written as is).
    """
    counter = {"n": 0}

    def build(files: dict[str, str | bytes], git_init: bool = False, name: str | None = None) -> Path:
        counter["n"] += 1
        root = tmp_path / (name or f"repo{counter['n']}")
        root.mkdir(parents=True)
        for rel, content in files.items():
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        if git_init:
            git(root, "init", "-q")
        return root

    return build


class Result:
    def __init__(self, code: int, stdout: str, stderr: str):
        self.code, self.stdout, self.stderr = code, stdout, stderr

    def __repr__(self) -> str:
        return f"Result(code={self.code}, stdout={self.stdout!r}, stderr={self.stderr!r})"


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Run main(argv) in-process through click's runner; return code and output."""
    monkeypatch.delenv("GITHUB_SERVER_URL", raising=False)
    monkeypatch.delenv("GITHUB_REPOSITORY", raising=False)
    monkeypatch.delenv("GITHUB_SHA", raising=False)

    def invoke(*args: str, cwd: Path | None = None, input: str | None = None) -> Result:
        runner = CliRunner()
        if cwd is not None:
            monkeypatch.chdir(cwd)
        with runner.isolation(input=input) as (out, err, *_):
            code = main(list(args))
            stdout = out.getvalue().decode("utf-8")
            stderr = err.getvalue().decode("utf-8") if err is not None else ""
        return Result(code, stdout, stderr)

    return invoke
