"""The HTML page around the map, and the README badge."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from openness_lint.formats import badge, html, stack

from tests.helpers.builders import finding
from tests.helpers.reports import HOSTILE, VERDICT, level_of, mof_level, release, status, typical


def test_html_page_is_self_contained_and_forbids_loading_anything():
    page = html.render(typical(mof_level()))
    assert page.startswith("<!DOCTYPE html>")
    assert "default-src 'none'" in page
    assert "<script" not in page and "src=" not in page and "<link" not in page
    assert page.count("<svg ") == 1 and "<?xml" not in page


def test_html_shows_verdict_map_components_and_findings():
    page = html.render(typical(mof_level()))
    assert f'<p class="verdict">{VERDICT}</p>' in page
    assert '<td class="restricted">restricted</td>' in page
    assert "<td>Final weights</td>" in page
    assert "<code>LIC001</code>" in page
    assert "open</strong>: OSI/FSF or open-data license" in page


def test_html_without_level_says_so():
    assert stack.NOT_COMPUTED in html.render(typical())


def test_html_escapes_repository_text():
    report = release(None, [finding(path=HOSTILE, message=HOSTILE, fix=HOSTILE)],
                     code_license=status(True, HOSTILE, "unknown", (HOSTILE,)))
    report.root = HOSTILE
    page = html.render(report)
    assert "<script" not in page and "\x00" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def parse_badge(document: str) -> tuple[ET.Element, list[str]]:
    root = ET.fromstring(document)
    return root, ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]


@pytest.mark.parametrize(("level", "shown", "colour"), [
    (mof_level("II", None, True), "MOF Class II", "between"),
    (mof_level("I", None, True), "MOF Class I", "top"),
    (mof_level("unclassified", None, True), "MOF Unclassified", "lowest"),
    (mof_level("III", "II", False), "MOF Class III", "failed"),
    (level_of("osaid", "open"), "OSAID Open Source AI", "top"),
    (level_of("team-x", "gold"), "TEAM-X gold", "between"),
    (None, "not graded", "none"),
])
def test_badge_names_the_level(level, shown, colour):
    document = badge.render(typical(level))
    root, words = parse_badge(document)
    assert words == ["openness", shown]
    assert f'fill="{badge.COLOURS[colour]}"' in document
    assert root.get("aria-label") == f"openness: {shown}"
    assert "href" not in document and "<script" not in document


def test_badge_grows_with_its_text():
    short = int(ET.fromstring(badge.render(typical(mof_level("I", None, True)))).get("width"))
    long = int(ET.fromstring(badge.render(typical(mof_level("unclassified", None, True)))).get("width"))
    assert long > short > badge.text_width("openness MOF")


def test_a_monorepo_badge_shows_its_least_open_release():
    report = typical(mof_level("unclassified", None, True))
    report.releases = {"models/a": typical(mof_level("II", None, True)),
                       "models/b": typical(mof_level("III", None, True))}
    assert badge.value(report) == ("MOF Class III", "between")
    report.releases["models/b"] = typical(mof_level("III", "II", False))
    assert badge.value(report) == ("MOF Class III", "failed")
