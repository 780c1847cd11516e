"""Every YAML file we ship parses on yamlio's fast path (the C parser).

Text the two parsers could read differently goes to the slow pure parser;
a stray "&x" or tab in a comment of a shipped file would cost every run
about 20 ms. This keeps our own files on the fast path."""

from __future__ import annotations

import pytest

from openness_lint import yamlio
from openness_lint.data import ruledata

SHIPPED = sorted(p for p in ruledata().rglob("*.yaml"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.relative_to(ruledata()).as_posix())
def test_shipped_yaml_takes_the_fast_path(path):
    assert yamlio.fast_load(path.read_text("utf-8")) is not yamlio._FAILED
