"""Huge, binary and oddly encoded files: a finding at the right line, never
a read past the limit, never a crash.

Sizes are made with truncate (sparse files): nothing here writes gigabytes.
"""

from __future__ import annotations

import json

import pytest
from openness_lint.repo.reading import MAX_TEXT_BYTES

from tests.security.helpers import (
    assert_bounded,
    assert_clean_run,
    assert_github_output,
    assert_no_commands,
    git,
    run_process,
    sparse,
    track,
    triples,
)

GiB = 1024**3
TOO_LARGE = f"cannot read as text: larger than {MAX_TEXT_BYTES // 1024} KiB; not read"
BINARY = "cannot read as text: binary file (contains NUL bytes)"
CARD = "---\nlicense: not-a-license\n---\n# Model card\n\n## Uses\n\nDemos.\n"


def bytes_read() -> int | None:
    """Bytes this process has read through read() so far (Linux only)."""
    try:
        with open("/proc/self/io", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("rchar:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def messages(report: dict, rule: str) -> dict[tuple, str]:
    return {(f["path"], f["line"]): f["message"] for f in report["findings"] if f["rule"] == rule}


@pytest.mark.parametrize("git_init", [False, True], ids=["plain-folder", "git"])
def test_five_gigabyte_sparse_license_is_refused_unread(make_repo, tmp_path, git_init):
    root = make_repo({"LICENSE": "MIT License\n", "README.md": CARD}, name="repo")
    if git_init:
        track(root)  # staged small, then grown: git never hashes 5 GB
    sparse(root / "LICENSE", 5 * GiB)

    run = run_process("check", "repo", "--format", "github", "--json", "report.json", cwd=tmp_path)
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))

    assert_clean_run(run.code, run.stdout, run.stderr, report)
    assert_bounded(run)
    assert messages(report, "OL001")[("LICENSE", None)] == TOO_LARGE
    assert_github_output(run.stdout)


def test_fifty_megabyte_single_line_readme_is_not_read_past_the_limit(make_repo, run_cli, tmp_path):
    root = make_repo({"LICENSE": "MIT License\n"}, name="repo")
    with open(root / "README.md", "w", encoding="ascii") as handle:
        handle.write("# " + "a" * (50 * 1024 * 1024))  # one line, a real 50 MB file
    run_cli("check", str(root), "--format", "json")  # warm caches: only the second run is measured

    before = bytes_read()
    result = run_cli("check", str(root), "--format", "json")
    after = bytes_read()

    report = json.loads(result.stdout)
    assert_clean_run(result.code, result.stdout, result.stderr, report)
    assert messages(report, "OL001")[("README.md", None)] == TOO_LARGE
    if before is not None and after is not None:
        assert after - before < 8 * 1024 * 1024, f"read {(after - before) // 2**20} MiB for a 50 MB README"


def test_fifty_megabyte_readme_in_a_real_process_stays_small(make_repo, tmp_path):
    root = make_repo({"LICENSE": "MIT License\n"}, name="repo")
    with open(root / "README.md", "w", encoding="ascii") as handle:
        handle.write("# " + "a" * (50 * 1024 * 1024))
    track(root)

    run = run_process("check", "repo", "--format", "text", "--json", "report.json", cwd=tmp_path)
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))

    assert_clean_run(run.code, run.stdout, run.stderr, report)
    assert_bounded(run)
    assert ("OL001", "README.md", None) in triples(report)
    assert len(run.stdout) < 100_000
    assert_no_commands(run.stdout, "text stdout")


def test_gigabyte_source_file_is_not_read_by_the_header_scan(make_repo, tmp_path):
    # In a git work tree one `git grep` finds the SPDX tags of tracked source
    # files; it must not load a whole huge tracked file into memory to do
    # so, and the fallback reads at most 1 MiB of a file.
    root = make_repo({"LICENSE": "MIT License\n", "train.py": "print('train')\n"}, name="repo")
    track(root)
    sparse(root / "train.py", 1 * GiB)

    run = run_process("check", "repo", "--format", "github", "--json", "report.json", cwd=tmp_path)
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))

    assert_clean_run(run.code, run.stdout, run.stderr, report)
    assert not any(f["path"] == "train.py" for f in report["findings"])
    assert_bounded(run)


CASES = {
    # name: (files, findings that must be reported exactly)
    "binary-readme": ({"README.md": bytes(range(256)) * 64}, {("OL001", "README.md", 1)}),
    "png-named-readme": ({"README.md": b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(200)}, {("OL001", "README.md", 3)}),
    "nul-in-readme": ({"README.md": b"# Title\n\nhello\nworld\0 and more\n"}, {("OL001", "README.md", 4)}),
    "nul-in-license": ({"LICENSE": b"MIT License\n\0\n"}, {("OL001", "LICENSE", 2)}),
    "utf16-le-card": ({"README.md": "\ufeff" + CARD}, {("LIC012", "README.md", 2)}),
    "utf16-be-card": ({"README.md": "\ufeff" + CARD}, {("LIC012", "README.md", 2)}),
    "utf16-odd-length": ({"README.md": b"\xff\xfe#\x00 \x00x"}, {("OL001", "README.md", None)}),
    "invalid-utf8-card": ({"README.md": CARD.encode() + b"\nbad \xff\xfe byte\n"},
                          {("LIC012", "README.md", 2), ("OL002", "README.md", 10)}),
    "invalid-utf8-security": ({"SECURITY.md": b"# Security\n\nWrite to sec\xc3@example.org\n"},
                              {("OL002", "SECURITY.md", 3)}),
    "utf8-bom-card": ({"README.md": "\ufeff" + CARD}, {("LIC012", "README.md", 2)}),
    "empty-readme": ({"README.md": b""}, set()),
}
ENCODINGS = {"utf16-le-card": "utf-16-le", "utf16-be-card": "utf-16-be", "utf8-bom-card": "utf-8"}


@pytest.mark.parametrize("case", sorted(CASES))
def test_binary_and_odd_encodings_give_a_finding_at_the_right_line(make_repo, run_cli, tmp_path, case):
    files, expected = CASES[case]
    files = {name: content.encode(ENCODINGS[case]) if isinstance(content, str) else content
             for name, content in files.items()}
    root = make_repo({"LICENSE": "MIT License\n", **files}, name="repo")

    result = run_cli("check", str(root), "--format", "github", "--json", str(tmp_path / "report.json"))
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))

    assert_clean_run(result.code, result.stdout, result.stderr, report)
    assert expected <= triples(report), triples(report)
    assert_github_output(result.stdout)
    if case == "binary-readme":
        assert messages(report, "OL001")[("README.md", 1)] == BINARY


def test_a_file_that_grows_past_the_limit_after_listing_is_still_refused(make_repo, run_cli, tmp_path):
    # The size check happens on the open descriptor, not on the inventory.
    root = make_repo({"LICENSE": "MIT License\n", "README.md": CARD}, name="repo")
    git(root, "init", "-q")
    git(root, "add", "-A")
    sparse(root / "README.md", MAX_TEXT_BYTES + 1)

    result = run_cli("check", str(root), "--json", str(tmp_path / "report.json"))
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))

    assert_clean_run(result.code, result.stdout, result.stderr, report)
    assert messages(report, "OL001")[("README.md", None)] == TOO_LARGE


def test_exactly_the_limit_is_read(make_repo, run_cli, tmp_path):
    padding = "x" * 70 + "\n"
    body = CARD + padding * ((MAX_TEXT_BYTES - len(CARD)) // len(padding))
    body += "y" * (MAX_TEXT_BYTES - len(body))
    root = make_repo({"LICENSE": "MIT License\n", "README.md": body}, name="repo")
    assert (root / "README.md").stat().st_size == MAX_TEXT_BYTES

    result = run_cli("check", str(root), "--json", str(tmp_path / "report.json"))
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))

    assert_clean_run(result.code, result.stdout, result.stderr, report)
    assert ("LIC012", "README.md", 2) in triples(report)
    assert ("OL001", "README.md", None) not in triples(report)

