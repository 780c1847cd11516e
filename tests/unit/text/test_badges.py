"""Static shields.io badges: label and message, with shields.io's escapes."""

from __future__ import annotations

import pytest
from openness_lint.text.badges import badge


@pytest.mark.parametrize("url, expected", [
    ("https://img.shields.io/badge/Code%20License-Apache_2.0-green.svg", ("Code License", "Apache 2.0")),
    ("https://img.shields.io/badge/Data%20License-CC%20By%20NC%204.0-red.svg", ("Data License", "CC By NC 4.0")),
    ("https://img.shields.io/badge/Code_License-MIT-f5de53?&color=f5de53", ("Code License", "MIT")),
    ("https://img.shields.io/badge/License-CC--BY--NC--4.0-lightgrey", ("License", "CC-BY-NC-4.0")),
    ("https://img.shields.io/badge/snake__case-yes-blue", ("snake_case", "yes")),
    ("https://img.shields.io/badge/MIT-blue", ("", "MIT")),
    ("https://img.shields.io/static/v1?label=Model%20License&message=OpenRAIL&color=blue",
     ("Model License", "OpenRAIL")),
])
def test_static_badges(url, expected):
    assert badge(url) == expected


@pytest.mark.parametrize("url", [
    "https://img.shields.io/github/license/example/model",  # looked up, not written
    "https://example.org/badge/License-MIT-blue.svg",
    "LICENSE",
    "http://[::1",
])
def test_anything_else_is_no_badge(url):
    assert badge(url) is None
