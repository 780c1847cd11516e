"""Repo.find with globs.* matchers must agree with fnmatch on every entry.

The matchers are regular expressions shaped for speed over the joined,
lowercased inventory (see globs.py); the reference here is the plain,
per-entry definition each one promises, checked on a real tree that holds
mixed case, a letter whose lower case is longer (İ), spaces, brackets and
look-alike folder names.
"""

from __future__ import annotations

import atexit
import fnmatch
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, configuration, given, settings
from hypothesis import strategies as st
from openness_lint.repo import globs
from openness_lint.repo.repo import Repo

_HOME = Path(tempfile.mkdtemp(prefix="openness-lint-hypothesis-"))
configuration.set_hypothesis_home_dir(_HOME)
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)

PATHS = [
    "README.md", "readme.markdown", "Model_Card.md", "docs/Model_Card.md", "model_cards/llama.md",
    "models/llama/USE_POLICY.md", "models/llama/README.md", "data/train.JSONL", "Data/eval/test.csv",
    "deep/data/more/file.parquet", "dataset/x.txt", "datasets2/y.txt", "my-data/z.txt", "mydata/w.txt",
    "src/a/b/c/train_v2.py", "src/Trainer.PY", "ckpt/step100/model.safetensors", "x/checkpoint-12/opt.pt",
    "step7/weights.bin", "İstanbul/Notes.TXT", "İ.md", "weird name with spaces.md", "a.b.c", "LICENSE",
    ".github/ISSUE_TEMPLATE/bug.yml", "a[1]/b.md", "eval_results.json", "evaluation/report.md",
    "tests/data/fixture.csv", "technical-report.pdf", "papers/2401.12345.pdf", "step]a/x.md", "a]b.md",
]
SEGMENTS = ["a", "d", "t", "e", "s", "m", "i", "İ", ".", "_", "-", "/", " ", "data", "train", "md", "step",
            "eval", "readme", ".md", "*", "*", "*", "?", "[0-9]", "[!a]", "[a-d]", "[A-Z]", "[]a]", "[!]", "[z-a]", "[&&b]"]
FOLDERS = ["data", "Data", "datasets", "eval", "step100", "İstanbul", "models", "llama", "x", "a[1]",
           "checkpoint-12", "github", ".github", "docs", "d"]


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Repo:
    root = tmp_path_factory.mktemp("globs")
    for path in PATHS:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text("x\n", encoding="utf-8")
    found = Repo(root)
    assert set(found.entries) == set(PATHS)
    return found


def matched(repo: Repo, matcher: globs.Matcher | None) -> list[str]:
    return [entry.path for entry in repo.find(matcher)]


def in_order(paths) -> list[str]:
    return sorted(paths)


glob_text = st.lists(st.sampled_from(SEGMENTS), min_size=1, max_size=5).map("".join)
profile = settings(max_examples=200, deadline=None, database=None,
                   suppress_health_check=[HealthCheck.function_scoped_fixture])


@profile
@given(st.lists(glob_text, min_size=1, max_size=4))
def test_name_globs_match_as_fnmatch_on_lowercased_names(repo, patterns):
    expected = [p for p in PATHS if any(fnmatch.fnmatchcase(p.rpartition("/")[2].lower(), g.lower())
                                        for g in patterns)]
    assert matched(repo, globs.names(tuple(patterns))) == in_order(expected)


@profile
@given(st.lists(glob_text, min_size=1, max_size=4))
def test_path_globs_match_as_fnmatch_on_lowercased_paths(repo, patterns):
    expected = [p for p in PATHS if any(fnmatch.fnmatchcase(p.lower(), g.lower()) for g in patterns)]
    assert matched(repo, globs.paths(tuple(patterns))) == in_order(expected)


@profile
@given(st.lists(st.sampled_from(FOLDERS), min_size=1, max_size=4))
def test_folder_names_match_any_folder_of_a_path(repo, names):
    wanted = {n.lower() for n in names}
    expected = [p for p in PATHS if {part.lower() for part in p.split("/")[:-1]} & wanted]
    assert matched(repo, globs.folders(tuple(names))) == in_order(expected)


@profile
@given(st.lists(st.sampled_from([p.rpartition("/")[2] for p in PATHS] + ["LICENSE.md", "a.b", "[1]"]),
                min_size=1, max_size=4))
def test_exact_names_match_whole_names_only(repo, names):
    wanted = {n.lower() for n in names}
    expected = [p for p in PATHS if p.rpartition("/")[2].lower() in wanted]
    assert matched(repo, globs.exact_names(tuple(names))) == in_order(expected)


@pytest.mark.parametrize("pattern", ["*[!][z-a]", "[z-a]*", "*[!z-a]", "*[b-a-c]*", "*[]a]*", "[!]*", "*[a-]",
                                     "*[\\]*", "a[!/]b.md"])
def test_bracket_expressions_read_as_fnmatch_reads_them(repo, pattern):
    """Reversed ranges, a negated set that starts with "]", escapes: once
    found by hypothesis (`*[!][z-a]`), now fixed examples."""
    for matcher, subject in ((globs.names((pattern,)), lambda p: p.rpartition("/")[2]), (globs.paths((pattern,)), str)):
        expected = [p for p in PATHS if fnmatch.fnmatchcase(subject(p).lower(), pattern.lower())]
        assert matched(repo, matcher) == in_order(expected), pattern


def test_a_star_glob_and_a_literal_glob_together_keep_inventory_order(repo):
    assert matched(repo, globs.names(("*.md", "LICENSE"))) == in_order(
        [p for p in PATHS if p.lower().endswith(".md") or p.rpartition("/")[2] == "LICENSE"])


def test_a_glob_led_by_a_class_is_searched_by_its_longest_literal(repo):
    matcher = globs.paths(("*[0-9][0-9][0-9][0-9].[0-9][0-9][0-9][0-9][0-9].pdf",))
    assert matcher.checked and not matcher.searches
    assert matched(repo, matcher) == ["papers/2401.12345.pdf"]


def test_empty_matchers_find_nothing(repo):
    assert globs.names(()) is None and globs.paths(()) is None and globs.folders(()) is None
    assert repo.find(None) == []


def test_a_line_break_in_a_file_name_does_not_split_its_line(make_repo):
    root = make_repo({"odd\nREADME.md": "x\n", "README.md": "y\n"})
    repo = Repo(root)
    assert matched(repo, globs.exact_names(("README.md",))) == ["README.md"]
    assert matched(repo, globs.names(("odd*",))) == ["odd\nREADME.md"]
