"""SPDX headers: where in a source file a tag counts, the same with and
without git.

In a git work tree one `git grep` finds the tags of tracked files; untracked
files, and every file outside git, are read in Python. Both must give the
same declarations, each at its line. LIC011 (a header license with no text
in LICENSES/) makes every header declaration visible at its line.
"""

from __future__ import annotations

import pytest

from tests.conftest import git
from tests.helpers.licenses import lint, located, standard

FILES = {
    "LICENSES/MIT.txt": standard("MIT"),
    # a tag far below the top (past 4 KiB) still declares the file's license
    "late.py": "x = 1\n" * 1000 + "# SPDX-License-Identifier: Apache-2.0\n",
    # a tag inside a string is not a header; the comment below it is
    "quoted.py": 'TAG = "SPDX-License-Identifier: GPL-2.0-only"\n# SPDX-License-Identifier: BSD-3-Clause\n',
    "src/UPPER.PY": "// SPDX-License-Identifier: ISC\n",
    "crlf.c": "/* SPDX-License-Identifier: MPL-2.0 */\r\nint x;\r\n",
    "binary.py": b"\0\0\n# SPDX-License-Identifier: 0BSD\n",
    "notes.txt": "SPDX-License-Identifier: Zlib\n",  # not a source file
    "plain.py": "print('no tag')\n",
}
EXPECTED = {("LIC011", "late.py", 1001), ("LIC011", "quoted.py", 2), ("LIC011", "src/UPPER.PY", 1),
            ("LIC011", "crlf.c", 1)}


@pytest.mark.parametrize("layout", ["no git", "git, tracked", "git, untracked"])
def test_header_tags_are_found_alike_with_and_without_git(layout, make_repo, run_cli):
    root = make_repo(FILES, git_init=layout != "no git")
    if layout == "git, tracked":
        git(root, "add", "-A")
    report = lint(run_cli, root)
    assert {f for f in located(report) if f[0] == "LIC011"} == EXPECTED


def test_tracked_and_untracked_files_are_both_searched(make_repo, run_cli):
    root = make_repo({"LICENSES/MIT.txt": standard("MIT"), "a.py": "# SPDX-License-Identifier: ISC\n"},
                     git_init=True)
    git(root, "add", "-A")
    (root / "b.py").write_text("# SPDX-License-Identifier: Zlib\n", encoding="utf-8")
    report = lint(run_cli, root)
    assert {f for f in located(report) if f[0] == "LIC011"} == {("LIC011", "a.py", 1), ("LIC011", "b.py", 1)}
