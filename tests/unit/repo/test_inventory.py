"""Repo's inventory: which paths are listed, with what size and kind."""

from __future__ import annotations

import os

import pytest
from openness_lint.repo.repo import Repo

POINTER = (b"version https://git-lfs.github.com/spec/v1\n"
           b"oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\n"
           b"size 12345\n")


def paths(repo: Repo) -> set[str]:
    return set(repo.entries)


def test_git_work_tree_hides_ignored_and_lists_untracked(make_repo):
    root = make_repo({
        ".gitignore": "secret.txt\nbuild/\n",
        "secret.txt": "token",
        "build/out.bin": b"\x00",
        "README.md": "# model\n",
        "docs/card.md": "card\n",
    }, git_init=True)
    repo = Repo(root)
    assert repo.is_git
    assert paths(repo) == {".gitignore", "README.md", "docs/card.md"}


def test_walk_outside_git_skips_vcs_dependencies_environments_and_caches(make_repo):
    root = make_repo({
        "README.md": "# model\n",
        ".git/config": "[core]\n",
        "node_modules/pkg/index.js": "x",
        ".venv/lib/site.py": "x",
        "env/pyvenv.cfg": "home = /usr\n",
        "env/lib/module.py": "x",
        "src/__pycache__/mod.cpython-311.pyc": b"\x00",
        "src/mod.py": "x",
    })
    repo = Repo(root)
    assert not repo.is_git
    assert paths(repo) == {"README.md", "src/mod.py"}


@pytest.mark.parametrize("glob", ["vendor/**", "vendor", "vendor/"])
def test_exclude_globs_drop_paths(make_repo, glob):
    root = make_repo({"vendor/lib/a.py": "x", "vendor/b.txt": "x", "vendored.txt": "x", "LICENSE": "MIT"})
    repo = Repo(root, exclude=[glob])
    assert paths(repo) == {"vendored.txt", "LICENSE"}
    assert repo.excluded("vendor/lib/a.py")
    assert not repo.excluded("vendored.txt")


def test_exclude_applies_in_git_work_tree_too(make_repo):
    root = make_repo({"third_party/x/LICENSE": "x", "LICENSE": "MIT"}, git_init=True)
    assert paths(Repo(root, exclude=["third_party/**"])) == {"LICENSE"}


@pytest.mark.parametrize("git_init", [False, True])
def test_sizes_and_kinds(make_repo, git_init):
    root = make_repo({
        ".gitattributes": "*.safetensors filter=lfs diff=lfs merge=lfs -text\n",
        "model.safetensors": POINTER,
        "notes.txt": POINTER,  # pointer-like text without an LFS attribute
        "README.md": "12345",
    }, git_init=git_init)
    os.symlink("README.md", root / "CARD.md")
    repo = Repo(root)
    entries = repo.entries
    assert (entries["README.md"].kind, entries["README.md"].size) == ("file", 5)
    assert (entries["model.safetensors"].kind, entries["model.safetensors"].size) == ("lfs-pointer", len(POINTER))
    assert entries["notes.txt"].kind == "file"
    assert (entries["CARD.md"].kind, entries["CARD.md"].size) == ("symlink", len("README.md"))


def test_lfs_attribute_on_a_file_that_is_not_a_pointer_is_a_plain_file(make_repo):
    root = make_repo({
        ".gitattributes": "*.bin filter=lfs diff=lfs merge=lfs -text\n",
        "small.bin": b"\x01\x02\x03",
    })
    assert Repo(root).entries["small.bin"].kind == "file"


def test_lfs_attribute_with_a_directory_pattern(make_repo):
    root = make_repo({
        ".gitattributes": "models/*.bin filter=lfs\n",
        "models/a.bin": POINTER,
        "other/a.bin": POINTER,
    })
    entries = Repo(root).entries
    assert entries["models/a.bin"].kind == "lfs-pointer"
    assert entries["other/a.bin"].kind == "file"


@pytest.mark.parametrize("git_init", [False, True])
def test_fifo_is_not_listed(make_repo, git_init):
    root = make_repo({"README.md": "x"}, git_init=git_init)
    os.mkfifo(root / "LICENSE")
    assert paths(Repo(root)) == {"README.md"}


def test_gitattributes_symlink_out_of_the_repository_is_not_followed(make_repo, tmp_path):
    outside = tmp_path / "attributes"
    outside.write_text("*.txt filter=lfs\n")
    root = make_repo({"notes.txt": POINTER})
    os.symlink(outside, root / ".gitattributes")
    assert Repo(root).entries["notes.txt"].kind == "file"


def test_git_index_modes_give_kinds_and_drop_submodules(make_repo):
    # the index is read in C: every path, then only the records that are not
    # regular files; names with tabs, digits and spaces must survive that
    from tests.conftest import git

    root = make_repo({"README.md": "# m\n", "tab\there.py": "x\n", "100644 odd.md": "y\n",
                      "run.sh": "#!/bin/sh\n"}, git_init=True)
    (root / "run.sh").chmod(0o755)
    os.symlink("README.md", root / "CARD.md")
    git(root, "add", "-A")
    git(root, "update-index", "--add", "--cacheinfo", "160000,1111111111111111111111111111111111111111,vendor/sub")
    repo = Repo(root)
    kinds = {path: entry.kind for path, entry in repo.entries.items()}
    assert kinds == {"README.md": "file", "tab\there.py": "file", "100644 odd.md": "file", "run.sh": "file",
                     "CARD.md": "symlink"}
    assert repo.untracked == set()


def test_a_skipped_folder_anywhere_in_a_listing_is_dropped(make_repo):
    root = make_repo({"a/node_modules/x.js": "x", "node_modules.md": "y", "b/__pycache__/c.pyc": b"\0",
                      "keep/venvs/d.py": "z"}, git_init=True)
    assert paths(Repo(root)) == {"node_modules.md", "keep/venvs/d.py"}


@pytest.mark.skipif(os.name != "posix", reason="the address-space limit is POSIX only")
def test_git_grep_runs_under_the_memory_limit(make_repo, monkeypatch):
    # git grep loads a tracked file whole; under the limit a huge one makes
    # it fail (and the caller falls back to bounded reads) instead of
    # taking the memory. Without the limit the same search succeeds.
    from openness_lint.repo import inventory

    from tests.conftest import git

    root = make_repo({"small.py": "# SPDX-License-Identifier: MIT\n", "huge.py": ""}, git_init=True)
    with open(root / "huge.py", "wb") as handle:
        handle.write(b"# SPDX-License-Identifier: MIT\n")
        handle.truncate(400 * 1024 * 1024)  # sparse: no disk used
    git(root, "add", "-A")

    monkeypatch.setattr(inventory, "GREP_MEMORY", 1024 * 1024 * 1024)
    unlimited = inventory.GrepLines(root, "SPDX-License-Identifier:", ["*.py"]).result()
    monkeypatch.setattr(inventory, "GREP_MEMORY", 128 * 1024 * 1024)
    limited = inventory.GrepLines(root, "SPDX-License-Identifier:", ["*.py"]).result()
    assert unlimited is not None and "small.py" in unlimited
    assert limited is None


def test_prefix_inside_a_work_tree(make_repo):
    root = make_repo({"models/a/README.md": "# a\n", "LICENSE": "MIT\n"}, git_init=True)
    assert Repo(root).git_prefix == ""
    assert Repo(root / "models" / "a").git_prefix == "models/a/"
    assert Repo(root / "models").entries.keys() == {"a/README.md"}


def test_commands_started_early_are_stopped_when_the_run_ends_first(make_repo):
    # check starts git before it reads the configuration; a bad config
    # ends the run, and no git process may outlive it
    from openness_lint.analysis.licensing.files import HEADER_SEARCH
    from openness_lint.repo.repo import Started

    root = make_repo({"LICENSE": "MIT\n", "a.py": "# SPDX-License-Identifier: MIT\n"}, git_init=True)
    started = Started(root, prefetch=(HEADER_SEARCH,))
    procs = [p for p in started.listing._procs] + [g._proc for g in started.greps.values()]
    assert len(procs) == 4 and all(p is not None for p in procs)
    started.close()
    assert all(p.returncode is not None for p in procs)


def test_a_repo_built_from_started_commands_is_the_same(make_repo):
    from openness_lint.analysis.licensing.files import HEADER_SEARCH
    from openness_lint.repo.repo import Started

    root = make_repo({"LICENSE": "MIT\n", "src/a.py": "# SPDX-License-Identifier: MIT\n", "x.md": "y"}, git_init=True)
    early = Repo(root, exclude=["x.md"], started=Started(root, prefetch=(HEADER_SEARCH,)))
    plain = Repo(root, exclude=["x.md"], prefetch=(HEADER_SEARCH,))
    assert early.entries == plain.entries and set(early.entries) == {"LICENSE", "src/a.py"}
    assert early.tag_lines(*HEADER_SEARCH) == plain.tag_lines(*HEADER_SEARCH) != {}
    early.close(), plain.close()


def test_untracked_and_deleted_files_from_one_tagged_listing(make_repo):
    # names that look like ls-files' tags must not confuse the parse
    from tests.conftest import git

    root = make_repo({"a.md": "a", "b.md": "b", "? q.md": "q", "d/c.md": "c", ".gitignore": "ignored.md\n"},
                     git_init=True)
    git(root, "add", "-A")
    (root / "b.md").unlink()
    (root / "? q.md").unlink()
    for name in ("u.md", "d/n.md", "ignored.md", "R a.md"):
        (root / name).write_text("x")
    repo = Repo(root)
    assert paths(repo) == {"a.md", "d/c.md", ".gitignore", "u.md", "d/n.md", "R a.md"}
    assert repo.untracked == {"u.md", "d/n.md", "R a.md"}
