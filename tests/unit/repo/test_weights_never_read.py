"""A full check never opens model weights, however large; Repo.text refuses them unread."""

from __future__ import annotations

import builtins
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openness_lint import engine
from openness_lint.errors import Unreadable
from openness_lint.repo.repo import Repo
from openness_lint.text import spdx

TWO_GB = 2 * 1024**3
PROC_IO = Path("/proc/self/io")


def sparse(path: Path, size: int = TWO_GB) -> Path:
    with open(path, "wb") as handle:
        handle.seek(size - 1)
        handle.write(b"\0")
    return path


def bytes_read() -> int | None:
    """Bytes this process has read through read() calls so far (Linux)."""
    try:
        lines = PROC_IO.read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        if line.startswith("rchar:"):
            return int(line.split()[1])
    return None


@pytest.fixture
def opened_paths(monkeypatch) -> list[str]:
    """Every path passed to builtins.open, io.open or os.open from now on."""
    seen: list[str] = []

    def recording(real):
        def wrapper(file, *args, **kwargs):
            if isinstance(file, (str, bytes, os.PathLike)):
                seen.append(os.fsdecode(file))
            return real(file, *args, **kwargs)
        return wrapper

    monkeypatch.setattr(builtins, "open", recording(builtins.open))
    monkeypatch.setattr(io, "open", recording(io.open))
    monkeypatch.setattr(os, "open", recording(os.open))
    return seen


@pytest.mark.parametrize("git_init", [False, True])
def test_full_check_never_opens_the_weights(make_repo, run_cli, monkeypatch, opened_paths, git_init):
    root = make_repo({
        "LICENSE": "SPDX-License-Identifier: Apache-2.0\n\nApache License 2.0\n",
        "README.md": "# A model\n",
        ".gitattributes": "*.safetensors filter=lfs diff=lfs merge=lfs -text\n",
    }, git_init=git_init)
    weights = sparse(root / "model.safetensors")

    repos: list[Repo] = []
    real_run = engine.run

    def capturing_run(repo, *args, **kwargs):
        repos.append(repo)
        return real_run(repo, *args, **kwargs)

    monkeypatch.setattr(engine, "run", capturing_run)
    spdx.licensing()  # load the SPDX license index (over 1 MB) before counting bytes read
    opened_paths.clear()  # only what the check opens
    before = bytes_read()
    result = run_cli("check", str(root), "--format", "json")
    after = bytes_read()

    assert result.code in (0, 1), result
    assert repos and repos[0].entries["model.safetensors"].size == TWO_GB
    assert "LICENSE" in repos[0].opened, "the check did read text: the recorder works"
    assert any(Path(p).name == "LICENSE" for p in opened_paths), "the recorder saw the LICENSE opened"
    assert not [p for p in opened_paths if Path(p).name == weights.name]
    assert "model.safetensors" not in repos[0].opened
    if before is not None and after is not None:
        assert after - before < 1024 * 1024


def test_text_refuses_huge_weights_without_reading(make_repo, opened_paths):
    root = make_repo({"README.md": "x"})
    sparse(root / "model.safetensors")
    opened_paths.clear()
    repo = Repo(root)
    assert not [p for p in opened_paths if Path(p).name == "model.safetensors"], "the inventory opened it"
    before = bytes_read()
    with pytest.raises(Unreadable) as caught:
        repo.text("model.safetensors")
    after = bytes_read()
    assert "larger than" in caught.value.reason
    assert "model.safetensors" not in repo.opened
    if before is not None and after is not None:
        assert after - before < 64 * 1024


@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace to see what git opens")
def test_no_process_of_a_check_opens_a_racily_clean_tracked_weight(make_repo, tmp_path):
    # A weight written in the same second as the index is "racily clean":
    # some git commands (diff-files, status) re-read such a file whole to
    # compare it. The listing must use only commands that stat it.
    from tests.conftest import git

    root = make_repo({"README.md": "# model\n", "LICENSE": "MIT License\n", "train.py": "print(1)\n"},
                     git_init=True)
    (root / "model.safetensors").write_bytes(b"\1" * 65536)
    git(root, "add", "-A")
    trace = tmp_path / "trace.txt"
    subprocess.run(["strace", "-f", "-qq", "-e", "trace=open,openat,openat2", "-o", str(trace),
                    sys.executable, "-m", "openness_lint", "check", ".", "--exit-zero", "--format", "json"],
                   cwd=root, check=True, capture_output=True, timeout=120)
    opened = [line for line in trace.read_text().splitlines()
              if "model.safetensors" in line and "ENOENT" not in line]
    assert opened == []
