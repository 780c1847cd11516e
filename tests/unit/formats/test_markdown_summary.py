"""The job summary: per-level progress, and a findings table cut to fit GitHub's 1 MiB."""

from __future__ import annotations

from openness_lint.finding import Severity
from openness_lint.formats import Options
from openness_lint.formats.markdown import SUMMARY_LIMIT, render
from openness_lint.report import InternalError, Report

from tests.helpers.builders import finding, report
from tests.helpers.reports import mof_level, typical

BLOB = "https://github.com/owner/repo/blob/0123abc"


def test_progress_per_level_marks_reached_and_required():
    text = render(typical(mof_level("III", "II", False)), Options())
    table = text.split("### Level progress\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert table == [
        "| Level | Progress |", "|---|---|",
        "| Class III (reached) | `██████████` 100% |",
        "| Class II (required) | `██████░░░░` 60% |",
        "| Class I | `██░░░░░░░░` 20% |",
    ]
    assert text.index("### Level progress") < text.index("### Components") < text.index("### Findings")


def test_no_progress_section_without_a_level():
    assert "Level progress" not in render(typical(), Options())


def test_small_reports_are_not_cut():
    text = render(report([finding(line=n) for n in range(1, 50)]), Options(blob_url=BLOB))
    assert "Showing" not in text
    assert text.count("| ❌ error |") == 49


def test_huge_reports_stay_under_the_limit_with_a_note():
    message = "x" * 400
    items = [finding(code=f"LIC{n % 1000:03d}", path=f"very/long/path/number/{n:06d}/LICENSE", line=n,
                     message=message, severity=Severity.WARNING) for n in range(1, 5001)]
    big = Report(root=".", findings=items, components={}, rules=[],
                 internal_errors=[InternalError("LIC001", "Traceback\nValueError: boom")])
    text = render(big, Options(blob_url=BLOB))
    assert len(text.encode("utf-8")) < SUMMARY_LIMIT
    rows = text.count("| ⚠️ warning |")
    assert 0 < rows < 5000
    assert f"> Showing {rows} of 5000 findings: the other {5000 - rows} were left out" in text
    assert text.rstrip().endswith("ValueError: boom"), "internal errors are never cut"
    assert rows > 1500, "the budget is used, not thrown away"
