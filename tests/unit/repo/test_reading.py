"""Repo.text(): bounded, cached reading that refuses what it must not read."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Callable

import pytest
from openness_lint.errors import Unreadable
from openness_lint.repo.inventory import Entry
from openness_lint.repo.reading import MAX_TEXT_BYTES
from openness_lint.repo.repo import Repo


def unreadable(repo: Repo, path: str) -> Unreadable:
    with pytest.raises(Unreadable) as caught:
        repo.text(path)
    assert caught.value.path == path
    return caught.value


def test_file_over_one_mib_is_refused_and_not_read(make_repo):
    root = make_repo({"big.md": b"a" * (MAX_TEXT_BYTES + 1), "edge.md": b"a" * MAX_TEXT_BYTES})
    repo = Repo(root)
    unreadable(repo, "big.md")
    assert "big.md" not in repo.opened
    assert len(repo.text("edge.md").content) == MAX_TEXT_BYTES


def test_binary_file_is_refused_with_the_line_of_the_first_nul(make_repo):
    repo = Repo(make_repo({"LICENSE": b"MIT License\n\nCopyright\x00\x01\x02\n"}))
    assert unreadable(repo, "LICENSE").line == 3


def test_utf16_with_bom_is_decoded(make_repo):
    text = "Licencia MIT\nCopyright © Zoë\n"
    repo = Repo(make_repo({"le.md": b"\xff\xfe" + text.encode("utf-16-le"),
                           "be.md": b"\xfe\xff" + text.encode("utf-16-be")}))
    assert repo.text("le.md").content == text
    assert repo.text("be.md").content == text
    assert repo.text("le.md").fallback_line is None


def test_utf8_bom_is_stripped(make_repo):
    repo = Repo(make_repo({"README.md": b"\xef\xbb\xbf# Model\n"}))
    assert repo.text("README.md").content == "# Model\n"
    assert repo.text("README.md").fallback_line is None


def test_invalid_utf8_is_replaced_and_the_first_bad_line_kept(make_repo):
    repo = Repo(make_repo({"CARD.md": b"# Card\nauthor\nFran\xe7ois\nand \xff again\n"}))
    text = repo.text("CARD.md")
    assert text.fallback_line == 3
    assert text.content == "# Card\nauthor\nFran\ufffdois\nand \ufffd again\n"


def test_invalid_utf8_after_a_bom_keeps_the_right_line_and_drops_the_bom(make_repo):
    repo = Repo(make_repo({"CARD.md": b"\xef\xbb\xbf# Card\nFran\xe7ois\n"}))
    text = repo.text("CARD.md")
    assert text.fallback_line == 2
    assert text.content == "# Card\nFran\ufffdois\n"


def test_valid_utf8_has_no_fallback_line(make_repo):
    repo = Repo(make_repo({"README.md": "Zoë 🤖\n"}))
    assert repo.text("README.md") == repo.text("README.md")
    assert repo.text("README.md").fallback_line is None


@pytest.mark.parametrize("git_init", [False, True])
def test_symlink_out_of_the_repository_is_not_followed(make_repo, tmp_path, git_init):
    secret = tmp_path / "elsewhere" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("TOP-SECRET\n")
    root = make_repo({"README.md": "x"}, git_init=git_init)
    os.symlink(secret, root / "LICENSE")
    repo = Repo(root)
    assert repo.entries["LICENSE"].kind == "symlink"
    unreadable(repo, "LICENSE")
    assert repo.opened == []


def test_relative_symlink_climbing_out_is_not_followed(make_repo, tmp_path):
    (tmp_path / "outside.txt").write_text("TOP-SECRET\n")
    root = make_repo({"docs/README.md": "x"})
    os.symlink("../../outside.txt", root / "docs" / "LICENSE")
    repo = Repo(root)
    unreadable(repo, "docs/LICENSE")
    assert repo.opened == []


def test_symlink_loop_is_unreadable_not_a_crash(make_repo):
    root = make_repo({"README.md": "x"})
    os.symlink("b", root / "a")
    os.symlink("a", root / "b")
    repo = Repo(root)
    assert {repo.entries["a"].kind, repo.entries["b"].kind} == {"symlink"}
    unreadable(repo, "a")
    unreadable(repo, "b")


def test_broken_symlink_is_unreadable(make_repo):
    root = make_repo({"README.md": "x"})
    os.symlink("missing.md", root / "LICENSE")
    unreadable(Repo(root), "LICENSE")


@pytest.mark.parametrize("git_init", [False, True])
def test_symlink_inside_the_repository_is_read(make_repo, git_init):
    root = make_repo({"licenses/MIT.txt": "MIT License\n"}, git_init=git_init)
    os.symlink("licenses/MIT.txt", root / "LICENSE")
    repo = Repo(root)
    assert repo.text("LICENSE").content == "MIT License\n"


def test_symlink_to_a_directory_inside_is_unreadable(make_repo):
    root = make_repo({"docs/a.md": "x"})
    os.symlink("docs", root / "LICENSE")
    unreadable(Repo(root), "LICENSE")


def test_path_not_in_the_inventory_is_unreadable(make_repo):
    root = make_repo({"vendor/LICENSE": "MIT", "README.md": "x"})
    repo = Repo(root, exclude=["vendor/**"])
    unreadable(repo, "vendor/LICENSE")
    unreadable(repo, "nope.md")
    assert repo.opened == []


def test_lfs_pointer_is_unreadable(make_repo):
    root = make_repo({".gitattributes": "*.md filter=lfs\n",
                      "CARD.md": "version https://git-lfs.github.com/spec/v1\noid sha256:00\nsize 9\n"})
    repo = Repo(root)
    unreadable(repo, "CARD.md")


def test_second_read_is_served_from_the_cache(make_repo, monkeypatch):
    root = make_repo({"README.md": "# Model\n", "bin.dat": b"\x00\x00"})
    repo = Repo(root)
    first = repo.text("README.md")
    assert repo.text("README.md") is first
    assert repo.opened.count("README.md") == 1

    calls: list[str] = []
    real_open = os.open

    def counting_open(path, *args, **kwargs):
        calls.append(os.fspath(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", counting_open)
    assert unreadable(repo, "bin.dat") is unreadable(repo, "bin.dat")
    assert len(calls) == 1
    assert repo.opened.count("bin.dat") == 1


# -- FIFOs must never block -----------------------------------------------------

def finishes(fifo: Path, work: Callable[[], object], timeout: float = 5.0) -> object:
    """Run work in a thread; if it blocks on the FIFO, release it and fail."""
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # reported below, in the test's thread
            outcome["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))  # a writer that leaves: EOF
        thread.join(timeout)
        pytest.fail(f"blocked on FIFO {fifo.name}")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome.get("value")


def test_fifo_is_not_read(make_repo):
    root = make_repo({"README.md": "x"})
    os.mkfifo(root / "LICENSE")
    repo = finishes(root / "LICENSE", lambda: Repo(root))
    assert isinstance(repo, Repo)
    finishes(root / "LICENSE", lambda: pytest.raises(Unreadable, repo.text, "LICENSE"))


def test_file_swapped_for_a_fifo_after_the_inventory_does_not_block(make_repo):
    root = make_repo({"LICENSE": "MIT"})
    repo = Repo(root)
    (root / "LICENSE").unlink()
    os.mkfifo(root / "LICENSE")
    assert repo.entries["LICENSE"] == Entry("LICENSE", 3, "file")
    finishes(root / "LICENSE", lambda: pytest.raises(Unreadable, repo.text, "LICENSE"))


def test_gitattributes_fifo_does_not_block_the_inventory(make_repo):
    root = make_repo({"README.md": "x"})
    os.mkfifo(root / ".gitattributes")
    repo = finishes(root / ".gitattributes", lambda: Repo(root))
    assert "README.md" in repo
