"""A check of a small, ordinary release loads only what it needs: modules
that cost milliseconds to import wait until a file calls for them."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import json, sys
from openness_lint.cli import main
code = main(["check", sys.argv[1], "--format", "json", "--exit-zero", *sys.argv[2:]])
heavy = ["license_expression", "difflib", "tomllib", "tomli", "configparser", "importlib.resources", "hashlib"]
# the BOM writers belong to the bom command (and check --bom) alone
heavy += sorted(m for m in sys.modules if m == "openness_lint.bom" or m.startswith("openness_lint.bom."))
# and the manifest drafter to the manifest command
heavy += [m for m in ("openness_lint.analysis.draft", "openness_lint.formats.mot") if m in sys.modules]
print(json.dumps(sorted(m for m in heavy if m in sys.modules)), file=sys.stderr)
sys.exit(code)
"""

CARD = "---\nlicense: apache-2.0\n---\n# tiny\n\nA model.\n"


def loaded(root, *options: str) -> list[str]:
    run = subprocess.run([sys.executable, "-c", PROBE, str(root), *options], capture_output=True, text=True,
                         check=False)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stderr.strip().splitlines()[-1])


def test_single_spdx_ids_and_no_toml_load_nothing_heavy(make_repo):
    root = make_repo({"LICENSE": "MIT License\n\nPermission is hereby granted...\n", "README.md": CARD,
                      "train.py": "# SPDX-License-Identifier: MIT\nprint(1)\n"}, git_init=True)
    assert loaded(root) == []


def test_what_a_file_calls_for_is_loaded(make_repo):
    root = make_repo({"LICENSE": "MIT License\n", "README.md": "---\nlicense: apache-2.0 OR mit\n---\n# tiny\n",
                      "pyproject.toml": "[project]\nname = 'x'\nlicense = 'MIT'\n"}, git_init=True)
    found = loaded(root)
    assert "license_expression" in found  # an expression with OR
    assert ("tomllib" if sys.version_info >= (3, 11) else "tomli") in found


def test_a_check_never_loads_the_bom_writers(make_repo):
    root = make_repo({"LICENSE": "MIT License\n", "README.md": CARD, "model.safetensors": b"\0",
                      "bom.json": '{"bomFormat": "CycloneDX", "specVersion": "1.6"}'}, git_init=True)
    assert not [m for m in loaded(root) if "bom" in m]  # reading the repository's own BOM is not writing one


def test_the_probe_sees_the_bom_writers_when_a_bom_is_asked_for(make_repo, tmp_path):
    root = make_repo({"LICENSE": "MIT License\n", "README.md": CARD}, git_init=True)
    found = loaded(root, "--bom", str(tmp_path / "out.cdx.json"))
    assert "openness_lint.bom.cyclonedx" in found and "hashlib" in found


def test_a_check_never_loads_the_manifest_drafter(make_repo):
    readme = CARD + "\nWeights: [tiny](https://huggingface.co/lab/tiny), [tiny-2](https://huggingface.co/lab/tiny-2).\n"
    root = make_repo({"LICENSE": "MIT License\n", "README.md": readme}, git_init=True)
    assert not [m for m in loaded(root) if m.endswith((".draft", ".mot"))]
