"""setup.py is read as text for a literal license=, never run."""

from __future__ import annotations

import json

from tests.helpers.licenses import standard

SETUP_PY = '''\
from pathlib import Path

from setuptools import setup

open("pwned", "w").write("setup.py ran")
Path(__file__).with_name("pwned-beside-setup").write_text("setup.py ran")

setup(
    name="example-model",
    license="MIT",
)
'''


def test_setup_py_license_is_read_without_running_it(make_repo, run_cli):
    root = make_repo({"LICENSE": standard("MIT"), "setup.py": SETUP_PY})
    before = sorted(p.name for p in root.iterdir())
    result = run_cli("check", str(root), "--format", "json", cwd=root)
    report = json.loads(result.stdout)
    code = report["components"]["code-license"]
    assert "setup.py" in code["evidence"]
    assert code["license"] == "MIT"
    assert sorted(p.name for p in root.iterdir()) == before
    assert not (root / "pwned").exists()
    assert not (root / "pwned-beside-setup").exists()


def test_setup_py_alone_is_evidence_but_ships_no_license_text(make_repo, run_cli):
    root = make_repo({"setup.py": SETUP_PY})
    result = run_cli("check", str(root), "--format", "json", cwd=root)
    report = json.loads(result.stdout)
    assert report["components"]["code-license"]["evidence"] == ["setup.py"]
    assert ("LIC001", None, None) in {(f["rule"], f["path"], f["line"]) for f in report["findings"]}
    assert not (root / "pwned").exists()
    assert not (root / "pwned-beside-setup").exists()
