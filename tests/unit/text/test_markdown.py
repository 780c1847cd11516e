"""Headings, visible lines, section matching and links in card markdown."""

from __future__ import annotations

import pytest
from openness_lint.catalog import sections
from openness_lint.text import frontmatter, markdown
from openness_lint.text.markdown import links

BODY = """\
# Title
A paragraph that becomes a heading
==================================

Text <!-- a comment that
runs on --> and text after.

```python
# a comment in code, not a heading
[link](inside-code.md)
```

Second level
------------

- a list item
---

## C# support ##
"""


def test_atx_and_setext_headings_outside_code():
    found = [(h.level, h.title, h.line) for h in markdown.headings(BODY)]
    assert found == [(1, "Title", 1), (1, "A paragraph that becomes a heading", 2),
                     (2, "Second level", 13), (2, "C# support", 19)]


def test_headings_start_after_the_front_matter():
    text = "---\ntitle: x\n---\n# Body title\n"
    assert [h.line for h in markdown.headings(text, frontmatter.parse_front_matter(text).body_line)] == [4]


def test_comments_are_blanked_and_columns_kept():
    lines = {line.number: line for line in markdown.body_lines(BODY)}
    assert lines[5].text.startswith("Text ") and "comment" not in lines[5].text
    assert lines[6].text.strip() == "and text after."
    assert lines[6].text.index("and") == BODY.splitlines()[5].index("and")
    assert lines[9].code and lines[8].code and lines[11].code and not lines[12].code


def test_tildes_fence_and_longer_fences():
    text = "~~~\n# no\n~~~\n````\n```\n# still code\n````\n# yes\n"
    assert [h.title for h in markdown.headings(text)] == ["yes"]


@pytest.mark.parametrize(("heading", "expected"), [
    ("Bias, Risks, and Limitations", "bias risks and limitations"),
    ("3.1 Out-of-Scope Use [optional]", "out of scope use"),
    ("Intended uses & limitations", "intended uses and limitations"),
    ("Model Examination (optional)", "model examination"),
    ("🌍 Environmental impact", "environmental impact"),
])
def test_normalise_heading(heading, expected):
    assert markdown.normalise_heading(heading) == expected


@pytest.mark.parametrize(("heading", "kind", "section"), [
    ("Uses", "model", "intended-use"),
    ("Intended Use", "model", "intended-use"),
    ("Direct Use", "model", "intended-use"),
    ("Intended uses & limitations", "model", "limitations"),
    ("Limitations", "model", "limitations"),
    ("Bias, Risks, and Limitations", "model", "limitations"),
    ("Out-of-Scope Use", "model", "out-of-scope-use"),
    ("Training Data", "model", "training-data"),
    ("Training and evaluation data", "model", "training-data"),
    ("Training Details", "model", "training-procedure"),
    ("Results", "model", "evaluation"),
    ("Compute Infrastructure", "model", "environmental-impact"),
    ("Model Card Contact", "model", "contact"),
    ("Dataset Summary", "data", "summary"),
    ("Dataset Structure", "data", "composition"),
    ("Data Collection and Processing", "data", "collection-process"),
    ("Data Collection and Processing", "data", "preprocessing"),
    ("Annotations [optional]", "data", "preprocessing"),
    ("Licensing Information", "data", "distribution"),
    ("Dataset Card Contact", "data", "maintenance"),
])
def test_headings_match_sections_by_meaning(heading, kind, section):
    matched = {spec.id for spec in sections.section_sets()[kind] if spec.matches(heading)}
    assert section in matched


@pytest.mark.parametrize(("heading", "section"), [
    ("Out-of-Scope Uses", "intended-use"),  # "uses" alone matches only a whole heading
    ("How to use", "intended-use"),
    ("Testing Data", "training-data"),
    ("Installation", "training-procedure"),
    ("Training Data", "training-procedure"),
])
def test_headings_that_do_not_count(heading, section):
    assert not sections.section_specs()[section].matches(heading)


def test_every_set_names_defined_sections_with_titles():
    sets = sections.section_sets()
    assert [s.id for s in sets["model"]] == [
        "intended-use", "out-of-scope-use", "limitations", "training-data", "training-procedure",
        "evaluation", "environmental-impact", "contact"]
    assert len(sets["data"]) == 7
    assert all(spec.title and (spec.contains or spec.exact) for spec in sections.section_specs().values())


def test_links_inline_reference_html_and_images():
    text = (
        "See [the card](docs/card.md \"title\") and ![logo](<img/a logo.png>).\n"
        "\n"  # a definition cannot interrupt a paragraph (CommonMark 4.7)
        "[ref]: ./LICENSE\n"
        '<a href="NOTICE">notice</a> <img src=\'x.png\'>\n'
        "`[not a link](code.md)` and [wiki](Page_(disambiguation).md)\n"
        "<!-- [hidden](hidden.md) -->\n"
    )
    found = [(link.label, link.target, link.line, link.column) for link in links(markdown.body_lines(text))]
    assert found == [
        ("the card", "docs/card.md", 1, 16),
        ("logo", "img/a logo.png", 1, 51),
        ("ref", "./LICENSE", 3, 8),
        ("", "NOTICE", 4, 10),
        ("", "x.png", 4, 39),
        ("wiki", "Page_(disambiguation).md", 5, 36),
    ]


def test_reference_links_take_their_target_from_the_definition():
    text = "Read the [Technical Report][report] and [notes][].\n\n[Report]: docs/report.md\n[notes]: NOTES.md\n"
    refs = [(link.label, link.target, link.line, link.reference) for link in links(markdown.body_lines(text))
            if link.reference]
    assert refs == [("Technical Report", "docs/report.md", 1, True), ("notes", "NOTES.md", 1, True)]


def test_indented_and_nested_code_hide_headings_and_links():
    text = ("Intro paragraph.\n\n    # indented code, not a heading\n    [x](indented.md)\n\n"
            "- item\n\n  ```\n  # fenced in a list\n  [y](nested.md)\n  ```\n\n# Real\n")
    assert [h.title for h in markdown.headings(text)] == ["Real"]
    assert [link.target for link in links(markdown.body_lines(text))] == []


def test_a_link_may_span_lines_and_is_reported_where_its_target_is():
    text = "See [the model\ncard](docs/card.md) for details.\n"
    assert [(link.label, link.target, link.line, link.column) for link in links(markdown.body_lines(text))] == [
        ("the model card", "docs/card.md", 2, 7)]


def test_a_bold_line_alone_is_a_label_and_a_bold_word_in_prose_is_not():
    text = "**License**\n\nApache-2.0.\n\nThe **license** is below.\n\n**Data:** see the datasheet.\n"
    found = [(h.level, h.title, h.line) for h in markdown.headings(text)]
    assert (markdown.LABEL_LEVEL, "License", 1) in found
    assert all(h[2] != 5 for h in found)


def test_tables_give_header_and_rows_with_their_lines():
    text = "Intro\n\n| Artifact | License |\n|---|---|\n| Code | MIT |\n| Weights | CC-BY-NC-4.0 |\n"
    [table] = markdown.tables(markdown.body_lines(text))
    assert table.line == 3 and table.header == ("Artifact", "License")
    assert table.rows == ((5, ("Code", "MIT")), (6, ("Weights", "CC-BY-NC-4.0")))


def test_an_image_inside_a_link_is_found_at_its_own_place():
    text = "[![Code License](https://img.example/badge.svg)](LICENSE) and [![b](b.svg)](B.md)\n"
    found = [(link.target, link.line, link.column, link.image) for link in links(markdown.body_lines(text))]
    assert found == [("https://img.example/badge.svg", 1, 18, True), ("LICENSE", 1, 50, False),
                     ("b.svg", 1, 69, True), ("B.md", 1, 77, False)]
