"""GitHub workflow commands: escaping, one line per annotation, and the runner's caps."""

from __future__ import annotations

import re

import pytest
from openness_lint.finding import Severity
from openness_lint.formats import Options
from openness_lint.formats.github import CAP, annotation, escape_data, escape_property, render
from openness_lint.report import InternalError

from tests.helpers.builders import finding, many, report

COMMANDS = ("::error ", "::warning ", "::notice ")
HOSTILE = [
    "\n::error::forged",
    "%0A::warning::x",
    "::add-mask::secret",
    "::stop-commands::tok",
    "\r\n::notice file=x::cr",
    "a,b:c%d",
]


@pytest.mark.parametrize(("raw", "data", "prop"), [
    ("50%", "50%25", "50%25"),
    ("a\rb", "a%0Db", "a%0Db"),
    ("a\nb", "a%0Ab", "a%0Ab"),
    ("a:b", "a:b", "a%3Ab"),
    ("a,b", "a,b", "a%2Cb"),
    ("%0A", "%250A", "%250A"),
    ("x\r\n::e:,%", "x%0D%0A::e:,%25", "x%0D%0A%3A%3Ae%3A%2C%25"),
])
def test_escape_data_and_property(raw, data, prop):
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


def check_lines(output: str) -> list[str]:
    """Each line is one of our commands or the final summary line."""
    lines = output.split("\n")
    assert lines[-1] == "", "output ends with a newline"
    lines = lines[:-1]
    assert all("\r" not in line for line in lines)
    for line in lines[:-1]:
        assert line.startswith(COMMANDS), line
    assert lines[-1].startswith("openness-lint:")
    assert not any(line.lstrip().startswith("::") and not line.startswith(COMMANDS) for line in lines)
    return lines


@pytest.mark.parametrize("hostile", HOSTILE)
def test_annotation_is_one_line_however_hostile_the_text(hostile):
    item = finding(path=f"docs/{hostile}.md", message=f"bad {hostile} text", fix=f"fix {hostile}",
                   name=f"name{hostile}")
    line = annotation(item)
    assert "\n" not in line and "\r" not in line
    assert line.startswith("::error ")
    properties, _, _ = line[len("::error "):].partition("::")
    assert properties.startswith("file=docs/")
    assert ",line=1," in properties
    lines = check_lines(render(report([item]), Options()))
    assert lines == [line, lines[-1]]


def test_annotation_properties_are_well_formed():
    item = finding(path="a,b:c.md", line=7, message="m")
    assert annotation(item) == (
        "::error file=a%2Cb%3Ac.md,line=7,title=LIC001 license-file-missing::m%0AFix: add a license")


def test_annotation_without_path_has_only_a_title():
    assert annotation(finding(path=None, line=None, severity=Severity.INFO, message="m")).startswith(
        "::notice title=LIC001 license-file-missing::m")


def test_every_hostile_finding_together_keeps_one_line_each():
    items = [finding(code=f"LIC{i:03d}", path=h, message=h, severity=s)
             for i, (h, s) in enumerate((h, s) for h in HOSTILE for s in Severity)]
    lines = check_lines(render(report(items), Options()))
    assert len(lines) == len(items) + 1


def counts(lines: list[str]) -> dict[str, int]:
    return {name: sum(line.startswith(f"::{name} ") for line in lines) for name in ("error", "warning", "notice")}


def test_caps_errors_first_and_a_final_count():
    items = many(15, Severity.ERROR, "ERR") + many(12, Severity.WARNING, "WRN") + many(11, Severity.INFO, "INF")
    lines = check_lines(render(report(items), Options()))
    assert counts(lines) == {"error": CAP, "warning": CAP, "notice": CAP}
    kinds = [line.split(" ", 1)[0] for line in lines[:-1]]
    assert kinds == ["::error"] * 10 + ["::warning"] * 10 + ["::notice"] * 10
    shown = CAP + CAP + (CAP - 1)
    final = lines[-2]
    assert "title=openness-lint::" in final
    assert re.search(rf"::{len(items) - shown} more finding", final)
    assert "15 errors, 12 warnings, 11 infos" in final


def test_no_overflow_shows_every_notice_and_no_count():
    items = many(3, Severity.ERROR, "ERR") + many(10, Severity.INFO, "INF")
    lines = check_lines(render(report(items), Options()))
    assert counts(lines) == {"error": 3, "warning": 0, "notice": 10}
    assert not any("more finding" in line for line in lines)


def test_internal_errors_stay_within_the_error_cap():
    items = many(15, Severity.ERROR, "ERR")
    lines = check_lines(render(report(items, [InternalError("TST001", "RuntimeError: boom")]), Options()))
    assert counts(lines)["error"] <= CAP
    assert any("TST001" in line for line in lines[:-1] if line.startswith("::error ")), \
        "the internal error must be among the annotations the runner shows"


def test_summary_line_reports_failure():
    lines = check_lines(render(report(many(1, Severity.ERROR, "ERR")), Options()))
    assert lines[-1].endswith("failed")
    assert check_lines(render(report([]), Options())) == ["openness-lint: 0 error(s), 0 warning(s), 0 info; passed"]
