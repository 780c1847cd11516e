"""The openness map SVG: well-formed, self-contained, labelled, and escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from openness_lint.formats import stack, svg

from tests.helpers.builders import finding
from tests.helpers.reports import HOSTILE, VERDICT, mof_level, release, status, typical

NS = "{http://www.w3.org/2000/svg}"
ALLOWED = {"svg", "title", "desc", "rect", "g", "text", "path"}


def parse(document: str) -> ET.Element:
    root = ET.fromstring(document.encode("utf-8"))
    assert root.tag == f"{NS}svg"
    return root


def texts(root: ET.Element, tag: str = "text") -> list[str]:
    return ["".join(node.itertext()) for node in root.iter(f"{NS}{tag}")]


def test_well_formed_with_only_drawing_elements_and_nothing_external():
    document = svg.render(typical(mof_level()))
    root = parse(document)
    assert {node.tag.removeprefix(NS) for node in root.iter()} <= ALLOWED
    for needle in ("href", "url(", "@import", "<script", "<image", "<foreignObject", "http://", "https://"):
        assert needle not in document.replace('xmlns="http://www.w3.org/2000/svg"', ""), needle


def test_verdict_on_top_then_groups_and_labels():
    root = parse(svg.render(typical(mof_level())))
    shown = texts(root)
    assert shown[:2] == ["Openness map", "models/tiny"]
    assert " ".join(shown[2:4]).startswith(VERDICT[:40])
    assert any(line.startswith("Required mof:II: not met.") for line in shown)
    assert "Progress: Class III 100% \u00b7 Class II 60% \u00b7 Class I 20%" in shown
    for title in ("Code", "Datasets", "Model weights", "Documentation", "Distribution", "Guardrails"):
        assert title in shown
    assert "Training code" in shown and "open \u00b7 MIT" in shown
    assert "restricted \u00b7 CC-BY-NC-4.0" in shown
    assert texts(root, "title")[0].endswith(VERDICT)


def test_a_line_says_when_the_level_is_not_computed():
    shown = texts(parse(svg.render(typical())))
    assert stack.NOT_COMPUTED in shown


def test_tiles_carry_license_and_evidence_on_hover():
    hovers = texts(parse(svg.render(typical())), "title")
    assert "Final weights: restricted. License: CC-BY-NC-4.0 (noncommercial). Evidence: model.safetensors" in hovers


def test_each_state_has_its_colour():
    document = svg.render(typical())
    for name, (fill, stroke, _) in svg.COLOURS.items():
        assert f'fill="{fill}" stroke="{stroke}"' in document, name


@pytest.mark.parametrize("where", ["license", "evidence", "root", "verdict", "component"])
def test_hostile_repository_text_is_escaped(where):
    item = status(True, HOSTILE if where == "license" else "MIT", "proprietary",
                  (HOSTILE if where == "evidence" else "LICENSE",))
    level = mof_level(verdict=HOSTILE) if where == "verdict" else None
    report = release(level, [finding(path=HOSTILE, message=HOSTILE)], code_license=item)
    if where == "root":
        report.root = HOSTILE
    if where == "component":
        report.components[HOSTILE] = status(True, "MIT", "osi-fsf")
    document = svg.render(report)
    root = parse(document)
    assert {node.tag.removeprefix(NS) for node in root.iter()} <= ALLOWED
    assert "<script" not in document and "]]>" not in document
    assert "\x00" not in document and "\x1b" not in document and "\u202e" not in document
    everything = " ".join(texts(root) + texts(root, "title"))
    assert "<script>alert(1)</script> ]]> & \"quotes\"" in everything


def test_long_names_are_cut_on_the_tile_and_whole_in_the_title():
    long = "LicenseRef-" + "very-long-license-name-" * 6
    root = parse(svg.render(release(code_license=status(True, long, "unknown"))))
    assert any(t.endswith("\u2026") and t.startswith("restricted \u00b7 LicenseRef-") for t in texts(root))
    assert any(long in t for t in texts(root, "title"))


def test_deterministic():
    assert svg.render(typical(mof_level())) == svg.render(typical(mof_level()))
