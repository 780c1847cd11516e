"""File names with newlines, commas, colons and non-ASCII characters, in a
git work tree and outside one: each finding keeps its exact path, and no
format lets the name break a line or an annotation's properties.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from tests.security.helpers import (
    assert_clean_run,
    assert_github_output,
    assert_no_commands,
    track,
    triples,
    write_tree,
)

NAMES = {
    "newline": "new\nline",
    "carriage-return": "carriage\rreturn",
    "crlf": "crlf\r\n::error::x",
    "comma": "a,b",
    "colon": "a:b",
    "double-colon": "::a::b",
    "property-like": "x,line=1,title=forged",
    "non-ascii": "ünïcødé ∞ 日本語 🤖",
    "space": "with space",
    "leading-space": " lead",
    "percent-escapes": "%0A%25%3A",
    "equals": "k=v",
    "tab": "tab\there",
    "quotes": "q\"uote's",
    "backslash": "back\\slash",
    "legacy-command": "##[error]x",
    "line-separator": "line\u2028sep",
    "c1-control": "next\x85line",
}
CARD = "---\nlicense: not-a-license\n---\n# Model card\n"
HEADER = "# SPDX-License-Identifier: not-a-license\nprint('hi')\n"


def named_repo(tmp_path: Path, name: str, git_init: bool) -> Path:
    """The name as a folder (holding a card and a binary LICENSE) and as a
    source file with an SPDX header, beside ordinary files whose findings
    must not move to it."""
    files = {
        f"{name}/README.md": CARD.encode(),
        f"{name}/LICENSE": b"\0",
        f"src/{name}.py": HEADER.encode(),
        "src/fine.py": b"# SPDX-License-Identifier: MIT\nprint('fine')\n",
        "src/zz-notes.md": b"# SPDX-License-Identifier: not-a-license\n",  # not a source file: no header
        "model.safetensors": b"# SPDX-License-Identifier: not-a-license\n" + bytes(64),
        "LICENSE": b"MIT License\n",
    }
    root = write_tree(tmp_path / "repo", files)
    if git_init:
        track(root)
    return root


def expected(name: str) -> set[tuple[str, str, int]]:
    return {("LIC012", f"{name}/README.md", 2), ("OL001", f"{name}/LICENSE", 1),
            ("LIC012", f"src/{name}.py", 1)}


@pytest.mark.parametrize("git_init", [False, True], ids=["plain-folder", "git"])
@pytest.mark.parametrize("case", sorted(NAMES))
def test_odd_file_names_keep_their_path_and_their_line(run_cli, tmp_path, case, git_init):
    name = NAMES[case]
    root = named_repo(tmp_path, name, git_init)

    result = run_cli("check", str(root), "--format", "github", "--select", "LIC012,OL001",
                     "--json", str(tmp_path / "report.json"), cwd=tmp_path)
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))

    assert_clean_run(result.code, result.stdout, result.stderr, report)
    assert triples(report) == expected(name)
    annotations = assert_github_output(result.stdout)
    assert sorted(a.properties["file"] for a in annotations) == sorted(path for _, path, _ in expected(name))


@pytest.mark.parametrize("case", sorted(NAMES))
def test_odd_file_names_in_text_and_markdown_stay_on_their_line(run_cli, tmp_path, case):
    name = NAMES[case]
    root = named_repo(tmp_path, name, git_init=True)

    text = run_cli("check", str(root), "--format", "text", "--select", "OL001", cwd=tmp_path)
    markdown = run_cli("check", str(root), "--format", "markdown", "--select", "OL001", cwd=tmp_path)

    assert text.code == markdown.code == 0
    assert_no_commands(text.stdout, "text stdout")
    # the finding stays on one line, under a heading that is one line too
    locations = [line for line in text.stdout.split("\n") if line.startswith("  ") and " OL001 " in line]
    assert len(locations) == 1, text.stdout
    assert len([line for line in text.stdout.split("\n") if line.endswith("/LICENSE")]) == 1, text.stdout
    rows = [line for line in markdown.stdout.split("\n") if line.startswith("| ") and "OL001" in line]
    assert len(rows) == 1, markdown.stdout


def test_sarif_uris_are_uri_references_that_decode_to_the_path(run_cli, tmp_path):
    # SARIF 2.1.0 says artifactLocation.uri is a valid URI reference, so a
    # path with a space, a control character or a literal "%0A" must be
    # percent-encoded; otherwise "%0A" reads back as a newline.
    root = tmp_path / "repo"
    for name in NAMES.values():
        (root / name).mkdir(parents=True)
        (root / name / "LICENSE").write_bytes(b"\0")
    track(root)

    run_cli("check", str(root), "--select", "OL001", "--sarif", str(tmp_path / "report.sarif"),
            "--json", str(tmp_path / "report.json"), cwd=tmp_path)
    sarif = json.loads((tmp_path / "report.sarif").read_text("utf-8"))
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))

    uris = [result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for result in sarif["runs"][0]["results"]]
    assert sorted(f["path"] for f in report["findings"]) == sorted(f"{name}/LICENSE" for name in NAMES.values())
    assert sorted(unquote(uri) for uri in uris) == sorted(f["path"] for f in report["findings"])
    malformed = [uri for uri in uris if not uri.isprintable() or " " in uri or re.search(r"%(?![0-9A-Fa-f]{2})", uri)
                 or unquote(uri) == uri and "%" in uri]
    assert malformed == [], "not percent-encoded"
