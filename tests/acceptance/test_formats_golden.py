"""`check --format F` on each fixture release matches its golden file.

Each run passes a relative path from the releases' parent directory, so the
root shown in the report is the same on every machine.
"""

from __future__ import annotations

import json

import pytest

from tests.acceptance.helpers import EXAMPLES, FORMATS, RICH_NAME, assert_golden, build_rich_release, validate_report

EXPECTED_CODE = {"gappy-release": 1, "complete-release": 0, RICH_NAME: 1}


@pytest.fixture(autouse=True)
def no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.fixture(params=["gappy-release", "complete-release", RICH_NAME])
def release(request: pytest.FixtureRequest, make_repo) -> tuple:
    """(parent directory to run in, release name as passed on the command line)."""
    if request.param == RICH_NAME:
        return build_rich_release(make_repo).parent, RICH_NAME
    return EXAMPLES, request.param


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_check_output_matches_golden(run_cli, release, fmt, update_golden):
    cwd, name = release
    result = run_cli("check", name, "--format", fmt, "--color", "never", cwd=cwd)
    assert result.code == EXPECTED_CODE[name], result
    assert result.stderr == ""
    if fmt == "json":
        assert validate_report(result.stdout)["root"] == name
    if fmt in ("json", "sarif"):
        json.loads(result.stdout)  # golden or not, it must be one JSON document
    assert "\x1b[" not in result.stdout
    assert_golden(f"{name}.{FORMATS[fmt]}", result.stdout, update_golden)

