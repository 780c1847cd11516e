"""Front matter parsed as the Hub does, with every problem a line, never a crash."""

from __future__ import annotations

import pytest
from openness_lint.text.frontmatter import parse_front_matter

from tests.helpers.cards import card, found, lint


def test_mapping_with_key_lines():
    front = parse_front_matter("---\nlicense: mit\ntags:\n  - a\n  - b\n---\n# Title\n")
    assert front.problem is None
    assert front.data == {"license": "mit", "tags": ["a", "b"]}
    assert front.line(front.data, "tags") == 3
    assert front.line(front.data["tags"], 1) == 5
    assert front.body_line == 7


def test_leading_blank_lines_are_allowed_and_counted():
    front = parse_front_matter("\n\n---\nlicense: mit\n---\n")
    assert front.data == {"license": "mit"}
    assert front.line(front.data, "license") == 4


def test_byte_order_mark():
    front = parse_front_matter("\ufeff---\nlicense: mit\n---\n")
    assert front.data == {"license": "mit"}
    assert front.line(front.data, "license") == 2


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_crlf_and_cr_line_endings(ending):
    text = ending.join(["---", "license: mit", "language: [en, fr]", "---", "# Title", ""])
    front = parse_front_matter(text)
    assert front.data == {"license": "mit", "language": ["en", "fr"]}
    assert front.line(front.data, "language") == 3
    assert front.body_line == 5


def test_unicode_line_separators_do_not_shift_lines():
    front = parse_front_matter("---\nlicense: mit\u2028still the same line\ntags: [a]\n---\n")
    assert front.line(front.data, "tags") == 3


def test_tab_indentation_is_a_problem_at_its_line():
    front = parse_front_matter("---\nlicense: mit\ntags:\n\t- a\n---\n")
    assert front.data is None
    assert front.problem.startswith("front matter is not valid YAML")
    assert front.problem_line == 4


@pytest.mark.parametrize("block", ["", "# only a comment\n", "\n\n"])
def test_an_empty_block_is_empty_metadata(block):
    front = parse_front_matter(f"---\n{block}---\n# Title\n")
    assert front.problem is None
    assert front.data == {}


@pytest.mark.parametrize(("block", "shape"), [("- a\n- b\n", "list"), ("just a sentence\n", "single value")])
def test_a_block_that_is_not_a_mapping(block, shape):
    front = parse_front_matter(f"---\n{block}---\n")
    assert front.data is None
    assert front.problem.endswith(f"not a {shape}")
    assert front.problem_line == 2


def test_duplicate_keys_point_at_the_second():
    front = parse_front_matter("---\nlicense: mit\ntags: [a]\nlicense: apache-2.0\n---\n")
    assert front.data is None
    assert "duplicate key" in front.problem
    assert front.problem_line == 4


def test_metadata_opened_and_never_closed():
    front = parse_front_matter("---\nlicense: mit\n# My model\n\nIt classifies text.\n")
    assert front.data is None
    assert front.problem_line == 1
    assert front.body_line == 2


def test_a_rule_above_a_heading_is_markdown_not_metadata():
    # a lone `---` followed by a heading is a thematic break, as GitHub and the Hub render it
    front = parse_front_matter("---\n# My model\n\nIt classifies text.\n")
    assert (front.data, front.problem, front.body_line) == (None, None, 1)


def test_very_long_lines():
    long_value = "word " * 60_000
    front = parse_front_matter(f"---\nlicense: mit\ndescription: {long_value}\ntags: [a]\n---\n")
    assert front.line(front.data, "tags") == 4
    assert parse_front_matter("---\nlicense: " + "x" * 300_000).problem_line == 1


@pytest.mark.parametrize("text", ["# Title\n---\nlicense: mit\n---\n", "", "no front matter\n", "----\nx\n----\n"])
def test_no_front_matter(text):
    front = parse_front_matter(text)
    assert (front.data, front.problem, front.body_line) == (None, None, 1)


def test_trailing_spaces_after_the_delimiters_are_tolerated():
    front = parse_front_matter("--- \nlicense: mit\n---  \n")
    assert front.data == {"license": "mit"}


def test_alias_bomb_is_a_problem_not_a_hang():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8))
    front = parse_front_matter(f"---\n{bomb}---\n")
    assert front.data is None and front.problem


# -- CRD001 on whole repositories ------------------------------------------------

@pytest.mark.parametrize(("text", "line"), [
    ("---\nlicense: mit\n\n# Model\n", 1),
    ("\n\n---\nlicense: mit\ntags: [a\n---\n# Model\n", 5),
    ("---\n- mit\n---\n# Model\n", 2),
    ("---\nlicense: mit\nlicense: mit\n---\n", 3),
])
def test_malformed_front_matter_is_an_error_with_its_line(make_repo, text, line):
    root = make_repo({"model_card.md": text})
    assert ("CRD001", "model_card.md", line) in found(root, "CRD001")
    assert found(root, "CRD001") == {("CRD001", "model_card.md", line)}


def test_malformed_front_matter_in_a_data_card_is_reported_for_the_data_card(make_repo):
    root = make_repo({"datasheet.md": "---\nlicense: [odc-by\n---\n"})
    (finding,) = lint(root, "CRD001").findings
    assert (finding.path, finding.line, finding.component) == ("datasheet.md", 2, "data-card")


def test_valid_front_matter_has_no_finding(make_repo):
    root = make_repo({"README.md": card("license: mit\ntags: [demo]")})
    assert found(root, "CRD001") == set()
