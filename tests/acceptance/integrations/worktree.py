"""A committed copy of this checkout, working-tree changes included.

pre-commit try-repo and the Action's real install step both install the
package from a directory, as they would from a fresh clone; they get this
snapshot instead of the live checkout, so they build nothing inside it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
GIT_ENV = {
    "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_SYSTEM": "/dev/null",
    "GIT_AUTHOR_NAME": "tests", "GIT_AUTHOR_EMAIL": "tests@example.invalid",
    "GIT_COMMITTER_NAME": "tests", "GIT_COMMITTER_EMAIL": "tests@example.invalid",
    "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
}


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True,
                          env={**GIT_ENV, "HOME": str(root)})
    return done.stdout


def snapshot(dest: Path) -> Path:
    """Copy every tracked and untracked, not ignored file of ROOT to dest and commit it there."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, check=True, capture_output=True).stdout.decode("utf-8").split("\0")
    dest.mkdir(parents=True)
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    git(dest, "init", "-q")
    git(dest, "add", "-A")
    git(dest, "commit", "-q", "-m", "snapshot of the working tree")
    return dest


def git_repo(source: Path, dest: Path) -> Path:
    """A copy of an example release as a git repository with every file added."""
    shutil.copytree(source, dest)
    git(dest, "init", "-q")
    git(dest, "add", "-A")
    return dest


def index_unreachable() -> str | None:
    """Why a package index cannot be reached, or None when it can."""
    with tempfile.TemporaryDirectory() as tmp:
        try:
            done = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, "click"],
                                  capture_output=True, text=True, timeout=120)
        except subprocess.TimeoutExpired:
            return "pip download timed out"
    if done.returncode != 0:
        return f"pip download --no-deps click failed: {(done.stderr.strip().splitlines() or ['?'])[-1]}"
    return None
