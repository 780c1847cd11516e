"""text/jsonlines.py: the values json.loads gives, with the line of every key and item."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openness_lint.text import jsonlines
from openness_lint.text.jsonlines import JsonProblem, line_of

DOCUMENT = """{
  "bomFormat": "CycloneDX",
  "components": [
    {"name": "a"},
    {
      "name": "b",
      "licenses": [{"license": {"id": "MIT"}}]
    }
  ],
  "version": 1, "n": -2.5e3, "ok": true, "none": null
}
"""


def test_values_are_those_of_json_loads():
    assert jsonlines.load(DOCUMENT) == json.loads(DOCUMENT)


def test_every_key_and_item_has_its_line():
    data = jsonlines.load(DOCUMENT)
    assert line_of(data) == 1
    assert line_of(data, "bomFormat") == 2
    assert line_of(data, "version") == line_of(data, "ok") == 10
    components = data["components"]
    assert [line_of(components, 0), line_of(components, 1)] == [4, 5]
    license_ = components[1]["licenses"][0]["license"]
    assert line_of(license_, "id") == 7
    assert line_of(components, 5) is None and line_of("text", "key") is None


@pytest.mark.parametrize(("text", "line"), [
    ('{\n  "a": 1,\n}\n', 3),  # trailing comma
    ('{\n  "a": [1, 2\n', 3),  # never closed
    ("[1]\n\nx", 3),  # more after the end
    ('{\n  a: 1}', 2),  # key without quotes
    ('{"a":\n "\\x"}', 2),  # bad escape
    ("", 1),
])
def test_problems_name_their_line(text, line):
    with pytest.raises(JsonProblem) as caught:
        jsonlines.load(text)
    assert caught.value.line == line


def test_deep_nesting_is_a_problem_not_a_recursion_error():
    with pytest.raises(JsonProblem, match="nested more than"):
        jsonlines.load("[" * 10_000 + "]" * 10_000)


def test_a_byte_order_mark_is_allowed():
    assert jsonlines.load('\ufeff{"a": 1}') == {"a": 1}


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4), max_leaves=20)


@given(JSON_VALUES, st.booleans())
def test_any_json_reads_as_json_loads_reads_it(value, indent):
    text = json.dumps(value, indent=2 if indent else None)
    assert jsonlines.load(text) == json.loads(text)


@given(st.text(max_size=40))
def test_any_text_gives_a_value_or_a_problem(text):
    try:
        jsonlines.load(text)
    except JsonProblem as exc:
        assert exc.line >= 1
