"""The markdown summary: repository text escaped in table cells, links to lines."""

from __future__ import annotations

from openness_lint.finding import Severity
from openness_lint.formats import Options
from openness_lint.formats.markdown import cell, render

from tests.helpers.builders import finding, report

BLOB = "https://github.com/owner/repo/blob/0123abc"


def rows(output: str) -> list[str]:
    """Table rows of the findings table (after its header and separator)."""
    lines = output.split("\n")
    start = lines.index("| Severity | Rule | Location | Message |") + 2
    end = lines.index("", start)
    return lines[start:end]


def test_cell_escapes_pipes_newlines_and_html():
    assert cell("a | b\nc\r\nd <b>x</b> & 'q'") == "a &#124; b c d &lt;b&gt;x&lt;/b&gt; &amp; &#x27;q&#x27;"


def test_hostile_message_path_name_and_fix_stay_in_their_cells():
    hostile = "x | y\n| injected | row |\n<img src=x onerror=alert(1)>"
    items = [finding(path=f"docs/{hostile}.md", message=hostile, fix=hostile, name=hostile),
             finding(code="OL001", severity=Severity.WARNING, path="README.md", message="ok")]
    table = rows(render(report(items), Options()))
    assert len(table) == 2
    for row in table:
        assert row.startswith("| ") and row.endswith(" |")
        assert row.count("|") == 5, row
        assert "<img" not in row
    assert "&lt;img src=x onerror=alert(1)&gt;" in table[1]


def test_location_without_blob_url_is_code():
    table = rows(render(report([finding(path="LICENSE", line=3)]), Options()))
    assert "| <code>LICENSE:3</code> |" in table[0]


def test_links_with_line_anchor_when_blob_url_given():
    items = [finding(path="LICENSE", line=3), finding(code="OL002", severity=Severity.INFO, path="docs/card.md",
                                                      line=None)]
    table = rows(render(report(items), Options(blob_url=BLOB + "/", root_prefix="release/")))
    assert f"[<code>LICENSE:3</code>]({BLOB}/release/LICENSE#L3)" in table[0]
    assert f"[<code>docs/card.md</code>]({BLOB}/release/docs/card.md)" in table[1]


def test_repository_findings_have_no_link():
    table = rows(render(report([finding(path=None, line=None)]), Options(blob_url=BLOB)))
    assert "| repository |" in table[0]


def test_link_target_escapes_spaces_pipes_and_parentheses():
    table = rows(render(report([finding(path="my dir/a|b (1).md", line=2)]), Options(blob_url=BLOB)))
    assert f"({BLOB}/my%20dir/a%7Cb%20(1%29.md#L2)" in table[0]
    assert table[0].count("|") == 5


def test_link_target_for_a_path_with_newline_and_hash_keeps_the_row_and_the_anchor():
    table = rows(render(report([finding(path="docs/a\n|b#c.md", line=4)]), Options(blob_url=BLOB)))
    assert len(table) == 1
    assert table[0].count("|") == 5
    assert "#c.md" not in table[0].split("](", 1)[1], "a '#' in the path must not start the fragment"
    assert table[0].split("](", 1)[1].split(")", 1)[0].endswith("#L4")
