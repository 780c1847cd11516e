"""The linter never runs repository code and never touches the network.

setup.py is read as text, never executed; conftest.py, __init__.py,
sitecustomize.py and modules named like our own dependencies are never
imported; a build backend in the tree is never loaded. A full check of a
rich release completes with every socket refused.
"""

from __future__ import annotations

import json
import shutil
import socket
import sys
from pathlib import Path

import pytest

from tests.security.helpers import FORMATS, assert_clean_run, run_process, track

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SCRIPT = Path(sys.executable).parent / "openness-lint"
# Module names a checked repository might plant to be imported instead of ours.
PLANTED = ["conftest.py", "__init__.py", "pkg/__init__.py", "sitecustomize.py", "usercustomize.py",
           "click.py", "yaml.py", "ruamel/__init__.py", "ruamel/yaml/__init__.py", "license_expression.py",
           "tomli.py", "evil_backend.py", "noxfile.py", "openness_lint/__init__.py",
           "openness_lint/__main__.py", "openness_lint/cli/__init__.py"]


def planting(sentinels: Path) -> dict[str, str]:
    """Each file, if executed or imported, writes a sentinel file named after itself."""
    def code(name: str) -> str:
        target = sentinels / name.replace("/", "__")
        return (f"import pathlib\npathlib.Path({str(target)!r}).write_text('ran')\n"
                f"import os\nos.system({f'touch {target}.system'!r})\n")

    files = {name: code(name) for name in PLANTED}
    files["setup.py"] = code("setup.py") + (
        "from setuptools import setup\n\nsetup(name='tiny', version='1.0', license='not-a-license')\n")
    files["setup.cfg"] = "[metadata]\nname = tiny\nlicense = MIT\n"
    files["pyproject.toml"] = ('[build-system]\nrequires = []\nbuild-backend = "evil_backend"\nbackend-path = ["."]\n\n'
                               '[project]\nname = "tiny"\nversion = "1.0"\nlicense = "MIT"\n')
    files["evil.pth"] = f"import pathlib; pathlib.Path({str(sentinels / 'pth')!r}).write_text('ran')\n"
    files["LICENSE"] = "MIT License\n"
    return files


@pytest.fixture
def planted_repo(tmp_path: Path) -> tuple[Path, Path]:
    sentinels = tmp_path / "sentinels"
    sentinels.mkdir()
    root = tmp_path / "repo"
    for rel, text in planting(sentinels).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    track(root)
    return root, sentinels


def assert_nothing_ran(sentinels: Path, root: Path) -> None:
    assert sorted(p.name for p in sentinels.iterdir()) == []
    assert not list(root.rglob("__pycache__")), "something in the repository was imported"


def test_in_process_check_runs_nothing(run_cli, planted_repo, tmp_path):
    root, sentinels = planted_repo
    result = run_cli("check", ".", "--json", str(tmp_path / "report.json"), cwd=root)
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert_clean_run(result.code, result.stdout, result.stderr, report)
    assert_nothing_ran(sentinels, root)


@pytest.mark.parametrize("how", ["console-script-inside", "isolated-module-inside", "module-outside"])
def test_real_process_runs_nothing(planted_repo, tmp_path, how):
    # The console script (pre-commit) and `python -I -m` (the Action) may run
    # with the checked repository as the working directory. Plain
    # `python -m` puts the working directory on sys.path by Python's own
    # rules, so it runs here from outside the repository.
    root, sentinels = planted_repo
    if how == "console-script-inside":
        run = run_process("check", ".", "--json", str(tmp_path / "report.json"), cwd=root, command=[str(SCRIPT)])
    elif how == "isolated-module-inside":
        run = run_process("check", ".", "--json", str(tmp_path / "report.json"), cwd=root,
                          command=[sys.executable, "-I", "-m", "openness_lint"])
    else:
        run = run_process("check", "repo", "--json", "report.json", cwd=tmp_path)
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert_clean_run(run.code, run.stdout, run.stderr, report)
    assert_nothing_ran(sentinels, root)


# -- no network ------------------------------------------------------------------

MANIFEST = """\
framework: {name: Model Openness Framework, version: '1.0', date: '2024-12-15'}
release:
  name: tiny-sentiment
  version: '1.0'
  producer: Example Lab
  contact: safety@example.org
  license:
    distribution: {name: MIT, path: LICENSE}
    data: {name: CC-BY-4.0, path: null}
  components:
    - {name: Model architecture, license: MIT, component_path: model.py}
    - {name: Model parameters (Final), license: CC-BY-4.0, component_path: model.safetensors}
    - {name: Training code, component_path: 'https://github.com/example-lab/tiny-sentiment'}
    - {name: Model card, component_path: README.md}
    - {name: Data card, component_path: data/README.md}
    - {name: Research paper, component_path: 'https://arxiv.org/abs/0000.00000'}
"""
CITATION = """\
cff-version: 1.2.0
message: Cite it as below.
title: tiny-sentiment
license: MIT
url: https://example.org/tiny-sentiment
repository-code: https://github.com/example-lab/tiny-sentiment
authors:
  - family-names: Lab
    given-names: Example
"""


@pytest.fixture
def rich_release(tmp_path: Path) -> Path:
    root = tmp_path / "release"
    shutil.copytree(EXAMPLES / "complete-release", root)
    (root / "mof.yaml").write_text(MANIFEST, encoding="utf-8")
    (root / "CITATION.cff").write_text(CITATION, encoding="utf-8")
    (root / ".openness-lint.yaml").write_text(
        "min-level: mof:III\nprofiles: [reproducibility]\nrequire: [model-card, data-card]\n", encoding="utf-8")
    (root / "pyproject.toml").write_text('[project]\nname = "tiny"\nversion = "1"\nlicense = "MIT"\n', encoding="utf-8")
    readme = (root / "README.md").read_text("utf-8")
    (root / "README.md").write_text(
        readme.replace("license: cc-by-4.0\n", "license: other\nlicense_name: tiny-license\n"
                       "license_link: https://example.org/LICENSE\n")
        + "\nSee https://example.org/docs and [the paper](https://arxiv.org/abs/0000.00000).\n", encoding="utf-8")
    track(root)
    return root


def test_full_check_with_every_socket_refused(run_cli, rich_release, tmp_path, monkeypatch):
    attempts: list[str] = []

    class NoSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            attempts.append(f"socket{args}")
            raise OSError("network access in a test")

    def refuse(name):
        def blocked(*args, **kwargs):
            attempts.append(f"{name}{args}")
            raise OSError("network access in a test")
        return blocked

    monkeypatch.setattr(socket, "socket", NoSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "socketpair"):
        monkeypatch.setattr(socket, name, refuse(name))

    for fmt in FORMATS:
        report_file = tmp_path / f"{fmt}.json"
        result = run_cli("check", str(rich_release), "--format", fmt, "--json", str(report_file),
                         "--sarif", str(tmp_path / f"{fmt}.sarif"), "--summary", str(tmp_path / "summary.md"),
                         cwd=tmp_path)
        report = json.loads(report_file.read_text("utf-8"))
        assert_clean_run(result.code, result.stdout, result.stderr, report)
        assert report["level"], "levels were computed"
    for command in (["rules"], ["explain", "LIC001"], ["level", str(rich_release)]):
        result = run_cli(*command, cwd=tmp_path)
        assert result.code in (0, 1), (command, result)
        assert "Traceback" not in result.stderr
    assert attempts == []
