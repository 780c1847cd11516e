"""bom never opens a weight or data file: an audit hook in a fresh
interpreter records every file the whole command opens. Git LFS pointers
are opened, and only their first kilobyte is read; the weights and data
they stand for are not in the work tree at all."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.unit.bom.helpers import llama_release

PROBE = """
import json, sys
opened = []
def record(event, args):
    if event == "open" and isinstance(args[0], (str, bytes)):
        opened.append(args[0] if isinstance(args[0], str) else args[0].decode("utf-8", "replace"))
sys.addaudithook(record)
from openness_lint.cli import main
code = main(["bom", sys.argv[1], *sys.argv[2:]])
print(json.dumps({"code": code, "opened": opened}), file=sys.stderr)
"""
TWO_GB = 2 * 1024**3


def opened_by_bom(root, *options: str) -> list[str]:
    run = subprocess.run([sys.executable, "-c", PROBE, str(root), *options], capture_output=True, text=True,
                         check=False, timeout=300)
    result = json.loads(run.stderr.strip().splitlines()[-1])
    assert result["code"] == 0, run.stderr
    return result["opened"]


def test_bom_opens_no_weights_and_no_data(make_repo):
    files = {**llama_release(), "weights/extra.safetensors": b"", "data/more.parquet": b""}
    root = make_repo(files, git_init=True)
    for name in ("weights/extra.safetensors", "data/more.parquet"):
        with open(root / name, "wb") as handle:  # sparse: 2 GB that take no disk
            handle.truncate(TWO_GB)
    for fmt in ("cyclonedx", "spdx"):
        opened = opened_by_bom(root, "--format", fmt, "--timestamp", "2026-01-31T12:00:00Z")
        assert any(path.endswith("LICENSE-MODEL") for path in opened), "the hook sees what the run opens"
        assert not [p for p in opened if p.endswith(("extra.safetensors", "more.parquet"))]
        # the pointers are read for their oid (a few bytes), which the BOM then carries
        assert any(p.endswith("model.safetensors") for p in opened)
