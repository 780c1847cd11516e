"""`check` never writes to the repository it checks.

Every path under the repository (.git included, links not followed) keeps
its type, size and modification time through runs in every console format,
with the SARIF, JSON and summary files written outside it, in process and
as a real process, from inside the repository and from outside.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.security.helpers import FORMATS, git, run_every_format, run_process, snapshot

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def release(tmp_path: Path) -> Path:
    root = tmp_path / "release"
    shutil.copytree(EXAMPLES / "complete-release", root)
    (root / "mof.yaml").write_text("release:\n  name: tiny\n  components:\n    - {name: Model card}\n",
                                   encoding="utf-8")
    (root / ".openness-lint.yaml").write_text("min-level: mof:III\n", encoding="utf-8")
    (root / "bad").mkdir()
    (root / "bad" / "README.md").write_bytes(b"---\nlicense: [\n---\n\xff\0")
    os.symlink("../README.md", root / "bad" / "LICENSE")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "release")
    (root / "untracked.md").write_text("# Notes\n", encoding="utf-8")
    return root


def test_check_in_every_format_in_process_writes_nothing(run_cli, release, tmp_path):
    before = snapshot(release)
    run_every_format(run_cli, release, tmp_path / "from-outside")
    run_every_format(lambda *args: run_cli(*args, cwd=release), Path("."), tmp_path / "from-inside")
    for command in (["level", "."], ["rules"], ["explain", "CRD001"], ["check", "README.md", "LICENSE"]):
        result = run_cli(*command, cwd=release)
        assert "Traceback" not in result.stderr, (command, result)
    assert snapshot(release) == before


@pytest.mark.parametrize("fmt", FORMATS)
def test_check_as_a_real_process_writes_nothing(release, tmp_path, fmt):
    before = snapshot(release)
    out = tmp_path / "out"
    out.mkdir()
    run = run_process("check", ".", "--format", fmt, "--sarif", str(out / "r.sarif"), "--json", str(out / "r.json"),
                      "--summary", str(out / "summary.md"), cwd=release)
    assert run.code in (0, 1), run
    assert snapshot(release) == before
    assert sorted(p.name for p in out.iterdir()) == ["r.json", "r.sarif", "summary.md"]
