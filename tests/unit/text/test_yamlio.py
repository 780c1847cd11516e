"""yamlio.load's fast path (ruamel.yaml.clib's C parser under the
round-trip constructor) must read every document it accepts exactly as the
pure round-trip parser does: the same types, values, and lines and columns
of every mapping, key and item. Text it would read differently goes to the
pure parser, and so does any text it fails on."""

from __future__ import annotations

import atexit
import math
import shutil
import tempfile
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, configuration, given, settings
from hypothesis import strategies as st
from openness_lint.text import yamlio
from ruamel.yaml.comments import CommentedMap, CommentedSeq

_HOME = Path(tempfile.mkdtemp(prefix="openness-lint-hypothesis-"))
configuration.set_hypothesis_home_dir(_HOME)
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)

FRAGMENTS = [
    "&a ", "& ", " & ", "R&D", "*a", "<<: *a", "!!str ", "!tag ", "%YAML 1.1\n", "---\n", "...\n", "[", "]", "{", "}", "[{a: b}]",
    "? ", ": ", "- ", "  ", "\t", "#", " #", ",", "|", ">", "|-", "'", '"', "~", "\n", "\r", "\r\n", "\x00",
    "\x85", "\u2028", "\ufeff", "1e5", ".nan", "\\", "yes", "on", "2024-01-01", "12:30", "0o17", "1_000",
    "+.inf", "'a''b'", '"\\u263a"', "null", "True", "3.0", "-1", "x y", "é", "😀",
]
KEYS = ["license", "tags", "a", "b", "1", "2024-01-01", "~", "true", "'q'", "[1]", "? c"]

line = st.one_of(
    st.builds(lambda indent, key, parts: " " * indent + f"{key}: " + "".join(parts),
              st.integers(0, 4), st.sampled_from(KEYS), st.lists(st.sampled_from(FRAGMENTS), max_size=3)),
    st.builds(lambda indent, parts: " " * indent + "- " + "".join(parts),
              st.integers(0, 4), st.lists(st.sampled_from(FRAGMENTS), max_size=3)),
)
documents = st.lists(line, min_size=1, max_size=8).map("\n".join)


def same(pure, fast, where: str = "") -> None:
    assert type(pure) is type(fast), where
    if isinstance(pure, (CommentedMap, CommentedSeq)):
        assert (pure.lc.line, pure.lc.col) == (fast.lc.line, fast.lc.col), where
    if isinstance(pure, dict):
        assert list(pure) == list(fast), where
        for key in pure:
            assert pure.lc.key(key) == fast.lc.key(key), f"{where}/{key}"
            same(pure[key], fast[key], f"{where}/{key}")
    elif isinstance(pure, list):
        assert len(pure) == len(fast), where
        for index, item in enumerate(pure):
            if item is not None:  # an empty item's column differs, and nothing reads it
                assert pure.lc.item(index) == fast.lc.item(index), f"{where}[{index}]"
            same(item, fast[index], f"{where}[{index}]")
    elif isinstance(pure, float) and math.isnan(pure):
        assert math.isnan(fast), where
    else:
        assert pure == fast and repr(pure) == repr(fast), where


def pure_load(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return yamlio._yaml().load(text)


@settings(max_examples=1500, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_the_fast_path_reads_what_it_accepts_as_the_pure_parser_does(text):
    fast = yamlio.fast_load(text)
    if fast is yamlio._FAILED:
        return
    same(pure_load(text), fast)


CARD = """license: apache-2.0
language: [en, fr]
tags:
  - text-generation
  - 'quoted'
model-index:
  - name: demo
    results:
      - task: {type: text-generation}
        metrics:
          - {type: accuracy, value: 0.91}
date: 2024-01-01
description: |
  Two lines
  of text.
empty:
"""


def test_a_typical_card_takes_the_fast_path_and_keeps_its_lines():
    fast = yamlio.fast_load(CARD)
    assert fast is not yamlio._FAILED
    same(pure_load(CARD), fast)
    assert yamlio.line_of(fast["model-index"][0]["results"][0]["metrics"], 0) == 11


@pytest.mark.parametrize("text", ["a: !!python/name:os.system x\n", "a: &x 1\nb: *x\n", "a:\t1\n",
                                  "a: |#\n  x\n", "a: 1\n\ufeffb: 2\n", "a: 1\u2028b: 2\n",
                                  "license: ---\n...\n...\n", "%YAML 1.2\n---\na: 1\n"])
def test_text_the_parsers_read_differently_goes_to_the_pure_parser(text):
    assert yamlio.fast_load(text) is yamlio._FAILED


def test_errors_read_as_the_pure_parser_words_them():
    with pytest.raises(yamlio.YamlProblem) as raised:
        yamlio.load("a: 1\na: 2\n")
    assert raised.value.line == 2 and "duplicate key" in raised.value.message


def test_comments_are_kept_when_asked_for():
    data = yamlio.load("# keep me\na: 1  # and me\n", comments=True)
    assert "# keep me" in yamlio.dump(data) and "# and me" in yamlio.dump(data)


@pytest.mark.parametrize("text", ["- !x [1]\n- !!int x\n", "a: !x {b: 1}\nc: !!float zz\n", "- !x 5\n- !x {a: 1}\n"])
def test_an_abandoned_tagged_node_raises_nothing_in_the_garbage_collector(text, monkeypatch):
    # ruamel.yaml's constructor for tagged nodes swallows GeneratorExit; a
    # document abandoned after one was built used to raise "Exception
    # ignored in" when the collector closed it, failing a test at random
    import gc
    import sys

    ignored = []
    monkeypatch.setattr(sys, "unraisablehook", ignored.append)
    try:
        yamlio.load(text)
    except yamlio.YamlProblem:
        pass
    gc.collect()
    assert [str(u.exc_value) for u in ignored] == []


def test_tagged_nodes_are_built_as_before():
    data = yamlio.load("a: !x {b: [1]}\nc: !y 5\nd: !z [2]\n")
    assert data["a"] == {"b": [1]} and isinstance(data["a"], CommentedMap)
    assert data["c"].value == "5" and data["d"] == [2] and isinstance(data["d"], CommentedSeq)
