"""Every YAML file we ship parses on yamlio's fast path (the C parser).

Text the two parsers could read differently goes to the slow pure parser;
a stray "&x" or tab in a comment of a shipped file would cost every run
about 20 ms. This keeps our own files on the fast path."""

from __future__ import annotations

import pytest
from openness_lint.catalog.source import ruledata
from openness_lint.text import yamlio


def shipped_yaml(folder=None, prefix: str = "") -> list[tuple[str, str]]:
    """(relative path, text) of every YAML file in the installed rule data
    (a Traversable: a folder in a checkout, a package resource in a wheel)."""
    found = []
    for item in sorted((folder or ruledata()).iterdir(), key=lambda i: i.name):
        if item.is_dir() and item.name != "__pycache__":
            found += shipped_yaml(item, f"{prefix}{item.name}/")
        elif item.name.endswith(".yaml"):
            found.append((prefix + item.name, item.read_text("utf-8")))
    return found


SHIPPED = shipped_yaml()


def test_the_rule_data_holds_yaml_files():
    assert len(SHIPPED) > 15


@pytest.mark.parametrize(("name", "text"), SHIPPED, ids=[name for name, _ in SHIPPED])
def test_shipped_yaml_takes_the_fast_path(name, text):
    assert yamlio.fast_load(text) is not yamlio._FAILED
