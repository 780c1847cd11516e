"""Property-based tests of the parsers and the annotation escaper.

Strategies mix arbitrary text with the characters and fragments that matter
to each parser (YAML indicators, anchors, tags, brackets; SPDX operators
and ids; the runner's separators and escapes), so that a few thousand
examples reach the interesting corners. No example database is kept.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, configuration, example, given, settings
from hypothesis import strategies as st
from openness_lint import config
from openness_lint.errors import ConfigError
from openness_lint.finding import Finding, Severity
from openness_lint.formats import github
from openness_lint.text import frontmatter, spdx

from tests.security.helpers import ANNOTATION_COMMANDS, PROPERTY_KEYS, parse_command

# Even without a database Hypothesis caches unicode tables and the constants
# of local modules in .hypothesis/ under the working directory, the latter
# while pytest collects tests; point it at a temporary folder from import on.
_HYPOTHESIS_HOME = Path(tempfile.mkdtemp(prefix="openness-lint-hypothesis-"))
configuration.set_hypothesis_home_dir(_HYPOTHESIS_HOME)
atexit.register(shutil.rmtree, _HYPOTHESIS_HOME, ignore_errors=True)


def profile(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# -- YAML-ish text ---------------------------------------------------------------

YAML_FRAGMENTS = [
    "&a ", "&b ", "*a", "*b", "<<: *a", "!!python/object/apply:os.system [x]", "!!python/name:os.system",
    "!!binary aGk=", "!!set {a}", "!!omap [a: 1]", "!!timestamp 2020-01-01", "!tag ", "%YAML 1.1\n", "---\n",
    "...\n", "[", "]", "{", "}", "[{a: b}]", "? ", ": ", "- ", "  ", "\t", "#", ",", "|", ">", "'", '"', "~",
    "\n", "\r", "\r\n", "\x00", "\x1b", "\x85", "\u2028", "\ufeff", "-_", "0x_", "1e5", ".nan", "\\",
]
KEYS = ["license", "tags", "datasets", "language", "model-index", "select", "ignore", "severity", "exclude",
        "min-level", "framework", "frameworks", "profiles", "require", "release", "manifest", "ignore-findings"]
SCALARS = ["mit", "MIT OR Apache-2.0", "[a, b]", "{a: b}", "", "~", "1", "mof:II", "LIC001", "ALL", "error",
           "[{rule: LIC001, path: '*', reason: r}]", "*a", "&a x", "-_", "[0x_]"]

yaml_key = st.one_of(st.sampled_from(KEYS), st.text(alphabet="abc-_?[]{}&*!:", min_size=1, max_size=5))
yaml_value = st.one_of(st.sampled_from(SCALARS), st.sampled_from(YAML_FRAGMENTS),
                       st.text(alphabet="ab:[]{}-,&*!'\"# \\", max_size=8))
yaml_line = st.one_of(
    st.builds(lambda indent, key, value: " " * indent + f"{key}: {value}", st.integers(0, 4), yaml_key, yaml_value),
    st.builds(lambda indent, value: " " * indent + f"- {value}", st.integers(0, 4), yaml_value),
)
yamlish = st.one_of(
    st.text(max_size=120),
    st.lists(st.one_of(st.sampled_from(YAML_FRAGMENTS), st.sampled_from(KEYS), st.text(max_size=3)),
             max_size=30).map("".join),
    st.lists(yaml_line, max_size=12).map("\n".join),
)
card_text = st.one_of(
    st.text(max_size=200),
    st.builds(lambda before, block, close, body: before + "---\n" + block + close + body,
              st.sampled_from(["", "\n", " \n", "\ufeff", "\r\n"]), yamlish,
              st.sampled_from(["\n---\n", "\n...\n", "\r\n---\r\n", "\n--- \n", ""]),
              st.sampled_from(["", "# Model card\n", "## Uses\n\n---\n"])),
)


def line_count(text: str) -> int:
    """Every kind of line break YAML or an editor might count, plus one."""
    return len(text.splitlines()) + 1


@profile(1500)
@given(card_text)
@example("---\n&0 : &0\n---\n")  # a reused anchor: ruamel.yaml warns, with the card's lines
@example("---\n[{a: b}]: x\n---\n")  # a mapping inside a key: TypeError
@example("---\nlicense: -_\n---\n")  # an empty signed integer: IndexError
def test_front_matter_parser_never_raises_and_points_inside_the_file(text):
    front = frontmatter.parse_front_matter(text)
    if front.problem is not None:
        assert front.data is None
        assert front.problem_line is not None and 1 <= front.problem_line <= line_count(text), \
            (front.problem, front.problem_line)
    else:
        assert front.data is None or isinstance(front.data, dict)
        assert front.body_line >= 1


@pytest.fixture(scope="module")
def config_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("config-property")


@profile(800)
@given(text=yamlish)
@example(text="select: [ALL]\n\x1f\n")  # a control character: no line in the error
def test_config_loader_raises_only_config_errors_with_a_line(config_root, text):
    target = config_root / ".openness-lint.yaml"
    target.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        loaded = config.load(config_root)
    except ConfigError as exc:
        assert exc.path, str(exc)
        if exc.message.startswith("invalid YAML"):
            assert exc.line is not None and 1 <= exc.line <= line_count(text), str(exc)
        assert "\n" not in str(exc) and "\r" not in str(exc), repr(str(exc))
    else:
        assert isinstance(loaded, config.Config)


# -- license expressions ----------------------------------------------------------

IDS = ["MIT", "mit", "Apache-2.0", "apache-2.0", "GPL-2.0-only", "GPL-2.0+", "gpl-2.0-or-later", "LGPL-2.1+",
       "Classpath-exception-2.0", "LicenseRef-x", "LicenseRef-a.b-c", "DocumentRef-d:LicenseRef-x",
       "OpenMDW-1.0", "CC-BY-4.0", "BSD-3-Clause", "0BSD", "X11", "NOASSERTION", "NONE", "other", "unknown",
       "llama2", "openrail++", "Apache 2.0", "BSD-3", "not-a-license"]
OPERATORS = [" AND ", " OR ", " WITH ", " and ", " or ", " with ", " ", "(", ")", "((", "))", "+", ",", "/",
             " AND (", ") OR ", "\n", "\t"]
expressions = st.one_of(
    st.text(max_size=40),
    st.lists(st.one_of(st.sampled_from(IDS), st.sampled_from(OPERATORS)), max_size=12).map("".join),
)


@profile(700)
@given(expressions)
@example("()")  # license-expression raises IndexError
@example("MIT OR (+")
def test_license_check_never_raises_and_its_output_is_a_fixed_point(raw):
    checked = spdx.check(raw)
    assert (checked.expression is None) != (checked.problem is None), checked
    if checked.expression is not None:
        again = spdx.check(checked.expression)
        assert again.expression == checked.expression
        assert again.case_fixes == ()


# -- the annotation escaper -------------------------------------------------------

RUNNER_TEXT = ["\r", "\n", "\r\n", "%", ":", ",", "::", "=", " ", "%0A", "%0D", "%25", "%3A", "%2C",
               "::error::x", "::add-mask::x", "##[error]", "\u2028", "\x85", "\t"]
hostile = st.lists(st.one_of(st.characters(), st.sampled_from(RUNNER_TEXT)), max_size=25).map("".join)


@profile(2000)
@given(message=hostile, fix=hostile, path=st.one_of(st.none(), hostile), rule=hostile, name=hostile,
       line=st.one_of(st.none(), st.integers(1, 10**7)), column=st.one_of(st.none(), st.integers(1, 10**4)),
       severity=st.sampled_from(list(Severity)))
def test_annotation_is_one_command_that_gives_back_the_text(message, fix, path, rule, name, line, column, severity):
    finding = Finding(code=rule, name=name, severity=severity, component=None, path=path, line=line,
                      column=column, message=message, fix=fix)

    out = github.annotation(finding)

    assert "\r" not in out and "\n" not in out, "more than one line"
    assert out.startswith(tuple(f"::{c} " for c in ANNOTATION_COMMANDS))
    properties = out[out.index(" ") + 1:out.index("::", 2)]
    for item in properties.split(","):
        key, eq, value = item.partition("=")
        assert eq and key in PROPERTY_KEYS, item
        assert not set(value) & set(":,\r\n"), item
    parsed = parse_command(out)
    assert parsed is not None and parsed.name == github.COMMAND[severity]
    assert parsed.data == f"{message}\nFix: {fix}"
    if path:
        assert parsed.properties["file"] == path
        if line:
            assert parsed.properties["line"] == str(line)
    # the runner trims the property list, so the title's trailing blanks go
    title = f"{rule} {name}"
    assert parsed.properties.get("title", "").rstrip() == title.rstrip()
