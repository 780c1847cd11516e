"""--color: auto follows the terminal and NO_COLOR; always and never force it."""

from __future__ import annotations

from tests.acceptance.helpers import EXAMPLES


def test_color_never_has_no_escape_codes(run_cli):
    result = run_cli("check", "gappy-release", "--color", "never", cwd=EXAMPLES)
    assert "LIC001" in result.stdout
    assert "\x1b[" not in result.stdout


def test_auto_with_no_color_has_no_escape_codes(run_cli, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    result = run_cli("check", "gappy-release", cwd=EXAMPLES)
    assert "\x1b[" not in result.stdout


def test_color_always_styles_text_even_when_piped(run_cli):
    # Standard output is not a terminal here, exactly as in `... | less -R`:
    # the one case where "always" differs from "auto".
    result = run_cli("check", "gappy-release", "--color", "always", cwd=EXAMPLES)
    assert result.code == 1
    assert "\x1b[" in result.stdout
    assert "\x1b[31m" in result.stdout or "\x1b[91m" in result.stdout  # the error label is red
