"""Symbolic links are never followed out of the repository.

A pull request can commit a link named LICENSE that points at
~/.ssh/id_rsa or /proc/self/environ. The linter must report such a file
(OL001, no line) without opening its target, so the target's content can
never reach any output format or report file.
"""

from __future__ import annotations

import builtins
import io
import json
import os
from pathlib import Path

import pytest

from tests.security.helpers import (
    MARKER,
    assert_clean_run,
    assert_github_output,
    assert_no_commands,
    assert_one_line_error,
    run_every_format,
    run_process,
    track,
    triples,
)

OUTSIDE = "symbolic link that points outside the repository; not followed"
LOOPS = "symbolic link that is broken or loops"
SECRET_TEXT = (f"{MARKER}: leaked\nlicense: {MARKER}\nMIT License {MARKER}\n\n## Contact\n\n"
               f"Write to {MARKER}@example.org\n")
# Files that rules read, each a link to the secret: absolute or relative.
LINKED = ("LICENSE", "README.md", "SECURITY.md", "USE_POLICY.md", "CITATION.cff", "mof.yaml")


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file outside every repository, holding the marker."""
    folder = tmp_path / "outside"
    folder.mkdir()
    target = folder / "secret.txt"
    target.write_text(SECRET_TEXT, encoding="utf-8")
    return target


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every path handed to open(), io.open() or os.open() from now on."""
    seen: list[str] = []

    def spy(real):
        def wrapper(file, *args, **kwargs):
            if isinstance(file, (str, bytes, os.PathLike)):
                path = os.fsdecode(file)
                flags = args[0] if real is os_open and args else kwargs.get("flags", 0)
                if real is os_open and flags & getattr(os, "O_NOFOLLOW", 0):
                    # a final link is not followed: only its folders resolve
                    seen.append(os.path.join(os.path.realpath(os.path.dirname(path)), os.path.basename(path)))
                else:
                    seen.append(os.path.realpath(path))
            return real(file, *args, **kwargs)
        return wrapper

    os_open = os.open

    monkeypatch.setattr(builtins, "open", spy(builtins.open))
    monkeypatch.setattr(io, "open", spy(io.open))
    monkeypatch.setattr(os, "open", spy(os.open))
    return seen


def link_everything(root: Path, secret: Path) -> None:
    relative = os.path.relpath(secret, root)
    for index, name in enumerate(LINKED):
        os.symlink(secret if index % 2 else relative, root / name)
    # a chain that starts inside and ends outside
    (root / "docs").mkdir()
    os.symlink(os.path.relpath(secret, root / "docs"), root / "docs" / "hop")
    os.symlink("docs/hop", root / "LICENCE.md")


def assert_secret_absent(text: str, where: str) -> None:
    assert MARKER not in text, f"{where} leaks the content of a file outside the repository"
    assert "leaked" not in text, where


@pytest.mark.parametrize("git_init", [False, True], ids=["plain-folder", "git"])
def test_links_out_of_the_repository_are_reported_and_never_opened(
        make_repo, run_cli, tmp_path, secret, opened, git_init):
    root = make_repo({"model.py": "print('hi')\n"}, name="repo")
    link_everything(root, secret)
    if git_init:
        track(root)

    results = run_every_format(run_cli, root, tmp_path / "reports")

    for fmt, (result, files) in results.items():
        assert_secret_absent(result.stdout, f"--format {fmt} stdout")
        assert_secret_absent(result.stderr, f"--format {fmt} stderr")
        for name, text in files.items():
            assert_secret_absent(text, f"{name} written with --format {fmt}")
    result, files = results["json"]
    report = json.loads(files["report.json"])
    assert_clean_run(result.code, result.stdout, result.stderr, report)
    unreadable = {(f["path"], f["line"], f["message"]) for f in report["findings"] if f["rule"] == "OL001"}
    for name in ("LICENSE", "LICENCE.md", "README.md", "SECURITY.md"):
        assert (name, None, f"cannot read as text: {OUTSIDE}") in unreadable, name
    assert secret.resolve().as_posix() not in opened
    assert not any(path.startswith(str(secret.parent.resolve())) for path in opened)


@pytest.mark.parametrize("fmt", ["github", "text"])
def test_links_out_of_the_repository_in_a_real_process(make_repo, tmp_path, secret, fmt):
    root = make_repo({}, name="repo")
    link_everything(root, secret)
    track(root)

    run = run_process("check", "repo", "--format", fmt, "--json", "report.json", cwd=tmp_path)
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))

    assert_clean_run(run.code, run.stdout, run.stderr, report)
    assert_secret_absent(run.stdout + run.stderr + (tmp_path / "report.json").read_text("utf-8"), fmt)
    assert {("OL001", name, None) for name in ("LICENSE", "README.md", "SECURITY.md")} <= triples(report)
    if fmt == "github":
        assert_github_output(run.stdout)
    else:
        assert_no_commands(run.stdout, "text stdout")
    assert run.stderr == ""


def test_symlink_loops_are_reported_not_followed(make_repo, run_cli, tmp_path):
    root = make_repo({}, name="repo")
    os.symlink("LICENSE", root / "LICENSE")  # itself
    os.symlink("LICENSE-B", root / "LICENSE-A")  # each other
    os.symlink("LICENSE-A", root / "LICENSE-B")
    os.symlink("README.md", root / "README.md")
    os.symlink("SECURITY.md", root / "SECURITY.md")

    result = run_cli("check", str(root), "--json", str(tmp_path / "report.json"))
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))

    assert_clean_run(result.code, result.stdout, result.stderr, report)
    unreadable = {(f["path"], f["line"], f["message"]) for f in report["findings"] if f["rule"] == "OL001"}
    for name in ("LICENSE", "LICENSE-A", "LICENSE-B", "README.md", "SECURITY.md"):
        assert (name, None, f"cannot read as text: {LOOPS}") in unreadable, name


@pytest.mark.parametrize("git_init", [False, True], ids=["plain-folder", "git"])
def test_symlinks_to_directories_are_reported_not_walked(make_repo, run_cli, tmp_path, secret, git_init):
    root = make_repo({"docs/guide.md": "# Guide\n"}, name="repo")
    os.symlink(secret.parent, root / "LICENSE")  # a folder outside
    os.symlink("docs", root / "README.md")  # a folder inside
    os.symlink(secret.parent, root / "vendored")  # must not be walked into
    if git_init:
        track(root)

    result = run_cli("check", str(root), "--json", str(tmp_path / "report.json"))
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))

    assert_clean_run(result.code, result.stdout, result.stderr, report)
    assert MARKER not in result.stdout
    assert ("OL001", "LICENSE", None) in triples(report)
    assert ("OL001", "README.md", None) in triples(report)
    assert not any((f["path"] or "").startswith("vendored/") for f in report["findings"])


@pytest.mark.parametrize("name", [".openness-lint.yaml", "pyproject.toml"])
def test_configuration_linked_out_of_the_repository_is_refused_unread(make_repo, run_cli, secret, opened, name):
    # The configuration is as hostile as any file in a pull request: a link
    # to a secret must not be read, and its keys must not be echoed.
    root = make_repo({"LICENSE": "MIT License\n"}, name="repo")
    os.symlink(secret, root / name)

    result = run_cli("check", str(root))

    assert MARKER not in result.stdout + result.stderr
    assert not any(path.startswith(str(secret.parent.resolve())) for path in opened), \
        f"{name} was followed to {secret}"
    assert result.code == 2
    assert_one_line_error(result.stderr, where=name)
