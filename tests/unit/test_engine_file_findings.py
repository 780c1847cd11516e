"""OL001 and OL002: files a rule needed but could not read cleanly.

The code-license detector reads the root license files, so a LICENSE is
enough to exercise the engine's file findings.
"""

from __future__ import annotations

import json
import os

from openness_lint.config import Config
from openness_lint.run import lint

from tests.helpers.builders import locations


def check(root) -> set:
    """(code, path, line) of the engine's own findings (OL...)."""
    return locations(lint(root, Config(select=["OL"])).findings)


def test_binary_license_gives_ol001_at_the_nul_line(make_repo):
    root = make_repo({"LICENSE": b"MIT License\n\x00\x01\x02", "README.md": "x"})
    assert check(root) == {("OL001", "LICENSE", 2)}


def test_latin1_license_gives_ol002_at_the_first_bad_line(make_repo):
    text = "SPDX-License-Identifier: MIT\n\nCopyright (c) 2024 Fran\xe7ois M\xfcller\n"
    root = make_repo({"LICENSE.md": text.encode("latin-1"), "README.md": "x"})
    assert check(root) == {("OL002", "LICENSE.md", 3)}


def test_latin1_license_is_still_used(make_repo):
    text = "SPDX-License-Identifier: MIT\nCopyright Fran\xe7ois\n"
    root = make_repo({"LICENSE": text.encode("latin-1")})
    report = lint(root, Config())
    assert report.components["code-license"].license == "MIT"


def test_oversized_license_gives_ol001(make_repo):
    root = make_repo({"COPYING": b"a" * (1024 * 1024 + 1)})
    assert check(root) == {("OL001", "COPYING", None)}


def test_license_symlink_out_of_the_repository_gives_ol001_and_never_shows_its_target(make_repo, tmp_path,
                                                                                        run_cli):
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("SPDX-License-Identifier: MIT\nTOP-SECRET-7f3a\n")
    root = make_repo({"README.md": "# model\n"})
    os.symlink(secret, root / "LICENSE")
    assert check(root) == {("OL001", "LICENSE", None)}
    for fmt in ("text", "json", "sarif", "github", "markdown"):
        result = run_cli("check", str(root), "--format", fmt, "--select", "OL,LIC001")
        # a license that cannot be read licenses nothing: LIC001 fails the run
        assert result.code == 1, result
        assert "TOP-SECRET" not in result.stdout + result.stderr
        if fmt == "json":
            assert json.loads(result.stdout)["components"]["code-license"]["license"] is None


def test_license_symlink_to_a_directory_gives_ol001_not_an_internal_error(make_repo, run_cli):
    root = make_repo({"LICENSES/MIT.txt": "MIT License\n", "README.md": "x"})
    os.symlink("LICENSES", root / "LICENSE")
    assert check(root) == {("OL001", "LICENSE", None)}
    result = run_cli("check", str(root), "--format", "json", "--select", "OL,LIC001")
    assert result.code == 0, result
    assert [(f["rule"], f["path"]) for f in json.loads(result.stdout)["findings"]] == [("OL001", "LICENSE")]


def test_file_findings_follow_selection(make_repo):
    root = make_repo({"LICENSE": b"\x00"})
    report = lint(root, Config(select=["OL"], ignore=["OL001"]))
    assert locations(report.findings) == set()


def test_lfs_pointer_license_gives_ol001(make_repo):
    root = make_repo({
        ".gitattributes": "LICENSE filter=lfs\n",
        "LICENSE": "version https://git-lfs.github.com/spec/v1\noid sha256:00\nsize 1\n",
    })
    assert check(root) == {("OL001", "LICENSE", None)}
