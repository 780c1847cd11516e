"""The data cache: what we derive from our own data is derived once per
machine, comes back equal and fresh, and a bad cache file or folder never
changes a result."""

from __future__ import annotations

import fnmatch
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from openness_lint.catalog import datacache, source
from openness_lint.catalog.source import ruledata
from openness_lint.text import yamlio


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("OPENNESS_LINT_CACHE_DIR", str(folder))
    monkeypatch.delenv("OPENNESS_LINT_NO_CACHE", raising=False)
    datacache.reset()
    yield folder
    datacache.reset()


def counting(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_second_process_reads_the_value_back_without_building(cache_dir):
    build, calls = counting({"a": [1, 2.5, None, True], 3: ("x", b"y"), "s": {1, 2}})
    first = datacache.derived("test", "source", build)
    datacache.reset()  # as a new process would
    again = datacache.derived("test", "source", build)
    assert again == first and len(calls) == 1
    assert [p.name for p in cache_dir.iterdir()] == [datacache._name()]


def test_each_call_returns_new_objects(cache_dir):
    datacache.derived("test", "source", lambda: {"list": [1]})
    got = datacache.derived("test", "source", lambda: {"list": [1]})
    got["list"].append(2)
    assert datacache.derived("test", "source", lambda: {"list": [1]}) == {"list": [1]}


def test_key_is_kind_and_source(cache_dir):
    datacache.derived("test", "one", lambda: 1)
    assert datacache.derived("test", "two", lambda: 2) == 2
    assert datacache.derived("other", "one", lambda: 3) == 3
    datacache.reset()
    assert datacache.derived("test", "one", lambda: 0) == 1


def test_unmarshallable_value_is_returned_and_not_kept(cache_dir):
    import datetime

    day = datetime.date(2026, 11, 23)
    assert datacache.derived("test", "date", lambda: {"when": day}) == {"when": day}
    datacache.reset()
    assert datacache.derived("test", "date", lambda: "built again") == "built again"


@pytest.mark.parametrize("damage", [
    lambda raw: raw[:-7],                       # cut short
    lambda raw: raw[:40] + b"\xff" + raw[41:],  # one byte changed
    lambda raw: b"not ours at all",
    lambda raw: b"",
])
def test_damaged_file_is_ignored_and_rewritten(cache_dir, damage):
    datacache.derived("test", "source", lambda: "value")
    datacache.flush()
    path = cache_dir / datacache._name()
    path.write_bytes(damage(path.read_bytes()))
    datacache.reset()
    build, calls = counting("value")
    assert datacache.derived("test", "source", build) == "value" and calls == [1]
    datacache.reset()
    assert datacache.derived("test", "source", lambda: "stale") == "value"


def test_folder_that_is_a_file_costs_only_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("in the way")
    monkeypatch.setenv("OPENNESS_LINT_CACHE_DIR", str(blocker / "cache"))
    datacache.reset()
    try:
        assert datacache.derived("test", "source", lambda: 7) == 7
        assert blocker.read_text() == "in the way"
    finally:
        datacache.reset()


def test_turned_off_by_environment(cache_dir, monkeypatch):
    monkeypatch.setenv("OPENNESS_LINT_NO_CACHE", "1")
    datacache.reset()
    build, calls = counting(5)
    datacache.derived("test", "source", build)
    datacache.derived("test", "source", build)
    assert len(calls) == 2 and not cache_dir.exists()


def test_default_folder_follows_xdg_then_home(monkeypatch, tmp_path):
    monkeypatch.delenv("OPENNESS_LINT_CACHE_DIR", raising=False)
    monkeypatch.delenv("OPENNESS_LINT_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert datacache.folder() == tmp_path / "xdg" / "openness-lint"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")  # the XDG spec says to ignore it
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert datacache.folder() == tmp_path / "home" / ".cache" / "openness-lint"


def test_full_folder_starts_afresh(cache_dir, monkeypatch):
    monkeypatch.setattr(datacache, "MAX_ENTRIES", 3)
    for n in range(5):
        datacache.derived("test", str(n), lambda n=n: n)
    datacache.reset()
    assert len(datacache._load()) <= 3
    assert datacache.derived("test", "4", lambda: "rebuilt") == 4


def test_every_shipped_yaml_file_comes_back_as_parsed(cache_dir):
    """The cache gives what the loader gives, for all of rules/."""
    root = Path(str(ruledata()))
    names = sorted(path.relative_to(root).as_posix() for path in root.rglob("*.yaml"))
    assert len(names) > 10
    parsed = [yamlio.parse_safe((root / name).read_text("utf-8")) for name in names]
    source.shipped.cache_clear()
    assert [source.shipped(name) for name in names] == parsed  # stored
    datacache.reset()
    source.shipped.cache_clear()
    assert [source.shipped(name) for name in names] == parsed  # read back


SECOND_RUN = """
import sys
from openness_lint.catalog import datacache
from openness_lint.text import yamlio
from openness_lint.cli import main

def refuse(*args):
    raise SystemExit("shipped YAML parsed or a regular expression compiled again")

yamlio.parse_safe = refuse
datacache._program = refuse
sys.exit(main(["check", sys.argv[1], "--format", "json", "--exit-zero"]))
"""


def test_a_later_run_parses_no_shipped_yaml_and_compiles_no_regex(cache_dir, make_repo):
    root = make_repo({"LICENSE": "MIT License\n", "README.md": "---\nlicense: mit\n---\n# demo\n"})
    env = {**os.environ, "OPENNESS_LINT_CACHE_DIR": str(cache_dir)}
    command = [sys.executable, "-c", SECOND_RUN, str(root)]
    cold = subprocess.run(command, env={**env, "OPENNESS_LINT_NO_CACHE": "1"}, capture_output=True, text=True)
    assert cold.returncode != 0 and "again" in cold.stderr  # the check is live
    first = subprocess.run(["openness-lint", "check", str(root), "--format", "json", "--exit-zero"],
                           env={**env, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"},
                           capture_output=True, text=True)
    second = subprocess.run(command, env=env, capture_output=True, text=True)
    assert (first.returncode, second.returncode, second.stderr) == (0, 0, "")
    assert second.stdout == first.stdout


def test_new_entries_are_written_once_at_flush(cache_dir):
    path = cache_dir / datacache._name()
    datacache.derived("test", "one", lambda: 1)
    datacache.derived("test", "two", lambda: 2)
    assert not path.exists()  # nothing written per entry
    datacache.flush()
    written = path.stat().st_mtime_ns
    datacache.flush()  # nothing new: nothing written
    assert path.stat().st_mtime_ns == written


PATTERNS = [
    (r"(?P<year>\d{4})-(?P<month>\d\d)", 0, ["2024-05", "x2024-05", "24-05"]),
    (r"^licen[cs]e(?:[-_.][\w.-]*)?$", re.IGNORECASE | re.MULTILINE, ["LICENSE\nLICENCE.md", "copying"]),
    (r"(?<![a-z])non-?commercial\b", re.I, ["NonCommercial use", "xnoncommercial"]),
    (r"\n(?:readme\.md|model_card\.md)(?=\n)", 0, ["\nreadme.md\n", "\nREADME.md\n"]),
    (rb"([^\0]*)\0([0-9]+)\0([^\n]*)\n", 0, [b"a.py\x0012\x00line\n"]),
]


@pytest.mark.parametrize(("pattern", "flags", "texts"), PATTERNS)
def test_a_cached_regex_is_the_pattern_re_compile_makes(cache_dir, pattern, flags, texts):
    expected = re.compile(pattern, flags)
    for attempt in ("compiled now", "read back"):
        got = datacache.regex(pattern, flags)
        assert (got.pattern, got.flags, got.groups, got.groupindex) == (
            expected.pattern, expected.flags, expected.groups, expected.groupindex), attempt
        for text in texts:
            assert [m.groups() or m.group() for m in got.finditer(text)] == \
                [m.groups() or m.group() for m in expected.finditer(text)], attempt
        datacache.reset()  # as a new process would


def test_a_damaged_regex_entry_is_compiled_again(cache_dir):
    datacache.regex(r"a+b", 0)
    datacache.reset()
    entries = datacache._load()
    (key,) = [k for k in entries if k.startswith("re:")]
    entries[key] = b"\x00not a program"
    datacache._compiled.clear()
    assert datacache.regex(r"a+b", 0).fullmatch("aab")


def test_globs_match_as_fnmatch_does():
    globs = ("LicenseRef-scancode-*", "CC-BY-NC-*", "GPL-[23].0*", "a?c", "[!x]yz")
    for key in ("LicenseRef-scancode-x", "CC-BY-NC-4.0", "GPL-3.0-only", "abc", "ayz", "xyz", "a\nc", "MIT"):
        assert (datacache.globs(globs).match(key) is not None) == any(fnmatch.fnmatchcase(key, g) for g in globs)
    assert datacache.globs(()).match("anything") is None
