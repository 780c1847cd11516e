"""The openness map as a person sees it: rendered by headless Chromium.

Debian's `chromium` package draws the SVG to a PNG (decoded here without a
new dependency) and serialises the DOM of the HTML report, where the verdict
must be text a reader can see. Without chromium the tests skip, except in
CI (CI set), where they fail: .ci/run installs it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from openness_lint.formats import html, stack, svg

from tests.acceptance.helpers import EXAMPLES
from tests.acceptance.integrations.png import colours
from tests.helpers.builders import finding
from tests.helpers.reports import HOSTILE, VERDICT, mof_level, release, status, typical

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
         "--force-device-scale-factor=1"]
OPEN_FILL, ABSENT_FILL, RESTRICTED_FILL = (0xDA, 0xFB, 0xE1), (0xF6, 0xF8, 0xFA), (0xFF, 0xF1, 0xC2)


@pytest.fixture
def chromium(tmp_path: Path):
    binary = shutil.which("chromium")
    if binary is None:
        reason = "chromium is not on PATH (apt-get install -y chromium)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI must render the openness map")
        pytest.skip(reason)
    profile = tmp_path / "chromium-profile"

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([binary, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True,
                              text=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)})
    return run


def screenshot(chromium, svg_file: Path, png: Path) -> dict[tuple[int, ...], int]:
    root = ET.fromstring(svg_file.read_bytes())
    size = f"{root.get('width')},{root.get('height')}"
    done = chromium(f"--screenshot={png}", f"--window-size={size}", svg_file.as_uri())
    assert png.is_file() and png.stat().st_size > 1000, done.stderr[-2000:]
    return colours(png)


def dump_dom(chromium, page: Path) -> str:
    done = chromium("--dump-dom", page.as_uri())
    assert done.returncode == 0 and "<body" in done.stdout, done.stderr[-2000:]
    return done.stdout


def test_map_of_the_example_renders_with_its_colours(chromium, run_cli, tmp_path):
    svg_file = tmp_path / "map.svg"
    assert run_cli("report", str(EXAMPLES / "complete-release"), "-o", str(svg_file)).code == 0
    seen = screenshot(chromium, svg_file, tmp_path / "map.png")
    assert len(seen) > 100, "text and tiles, not a blank page"
    assert max(seen.values()) < 0.9 * sum(seen.values()), "no single colour fills the picture"
    assert seen.get(OPEN_FILL, 0) > 5000, "open tiles are drawn"
    assert seen.get(ABSENT_FILL, 0) > 5000, "absent tiles are drawn"


def test_restricted_tiles_render_too(chromium, tmp_path):
    svg_file = tmp_path / "map.svg"
    svg_file.write_text(svg.render(typical(mof_level())), encoding="utf-8")
    seen = screenshot(chromium, svg_file, tmp_path / "map.png")
    assert seen.get(RESTRICTED_FILL, 0) > 5000


def test_badge_renders(chromium, run_cli, tmp_path):
    badge = tmp_path / "badge.svg"
    assert run_cli("badge", str(EXAMPLES / "complete-release"), "-o", str(badge)).code == 0
    seen = screenshot(chromium, badge, tmp_path / "badge.png")
    assert len(seen) > 10


def test_verdict_and_labels_are_text_in_the_rendered_page(chromium, tmp_path):
    report = release(mof_level(), [finding(path=HOSTILE, message=HOSTILE)],
                     code_license=status(True, "MIT", "osi-fsf", ("LICENSE",)),
                     model_license=status(True, HOSTILE, "unknown", ("README.md",)))
    page = tmp_path / "report.html"
    page.write_text(html.render(report), encoding="utf-8")
    dom = dump_dom(chromium, page)
    assert dom.count(VERDICT) >= 3, "the heading, the map's title and the map's text"
    assert "Code license" in dom and "open · MIT" in dom
    assert "<script" not in dom, "hostile text stays text"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom


def test_the_example_verdict_is_shown_inline(chromium, run_cli, tmp_path):
    data = json.loads(run_cli("check", str(EXAMPLES / "complete-release"), "--format", "json").stdout)
    expected = (data["level"] or {}).get("verdict") or stack.NOT_COMPUTED
    svg_file = tmp_path / "map.svg"
    assert run_cli("report", str(EXAMPLES / "complete-release"), "-o", str(svg_file)).code == 0
    page = tmp_path / "inline.html"
    inline = svg_file.read_text("utf-8").split("\n", 1)[1]
    page.write_text(f'<!DOCTYPE html><html lang="en"><meta charset="utf-8"><body>{inline}</body></html>',
                    encoding="utf-8")
    dom = dump_dom(chromium, page)
    words = " ".join(expected.split()[:6])
    assert words in dom


def test_without_a_level_the_map_says_so(chromium, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(html.render(typical()), encoding="utf-8")
    assert stack.NOT_COMPUTED in dump_dom(chromium, page)
