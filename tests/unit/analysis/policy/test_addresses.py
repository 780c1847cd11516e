"""Email addresses and URLs: which count, and which are written so they fail."""

from __future__ import annotations

import pytest
from openness_lint.analysis.policy import addresses
from openness_lint.text.markdown import body_lines


def found(text: str, bare: bool = False) -> list[tuple[str, str, int, int]]:
    return [(a.kind, a.value, a.line, a.column) for a in addresses.addresses(body_lines(text), bare)]


@pytest.mark.parametrize("text, value", [
    ("Write to safety@example.org.", "safety@example.org"),
    ("Write to <safety@example.org>.", "safety@example.org"),
    ("Write to <mailto:safety@example.org>.", "safety@example.org"),
    ("Write to [us](mailto:safety@example.org?subject=report).", "safety@example.org"),
    ("Write to `safety@example.org` please", "safety@example.org"),
    ("Write to **first.last+ai@lab.example.co.uk**!", "first.last+ai@lab.example.co.uk"),
])
def test_email_addresses_in_their_usual_spellings(text, value):
    assert [item[1] for item in found(text) if item[0] == "email"] == [value]


@pytest.mark.parametrize("text", [
    "Thanks to @alice for the review.",
    "Clone git@github.com:example/tiny.git to build.",
    "Open https://user@example.org/x to see it.",
    "Mail safety@example without a domain.",
])
def test_mentions_remotes_and_broken_addresses_are_not_addresses(text):
    assert not [item for item in found(text) if item[0] == "email"]


def test_urls_with_scheme_or_www_and_their_columns():
    assert found("Report at https://example.org/issues. Or www.example.org/report") == [
        ("url", "https://example.org/issues", 1, 11), ("url", "www.example.org/report", 1, 42)]


def test_markdown_link_target_is_a_url():
    assert found("[tracker](https://example.org/tiny/issues)") == [("url", "https://example.org/tiny/issues", 1, 11)]


def test_bare_addresses_only_when_asked():
    text = "policy lives at policies.example.org/terms/use and binds you"
    assert found(text) == []
    assert found(text, bare=True) == [("url", "policies.example.org/terms/use", 1, 17)]


def test_file_paths_are_not_bare_addresses():
    assert found("models/alpha/USE_POLICY.md", bare=True) == []


def test_fenced_code_is_not_read():
    assert found("```\nsafety@example.org\n```\n") == []


@pytest.mark.parametrize("text, column", [
    ("Mail safety@example for help.", 6),
    ("Mail safety@@example.org for help.", 6),
    ("Mail [us](mailto:safety(at)example.org).", 18),
    ("Mail .safety..team@example.org now", 7),
])
def test_malformed_addresses_and_their_columns(text, column):
    problems = addresses.malformed(body_lines(text))
    assert [(p.line, p.column) for p in problems] == [(1, column)]
    assert "not a valid email address" in problems[0].message


def test_valid_addresses_are_not_malformed():
    assert addresses.malformed(body_lines("Mail <mailto:safety@example.org> or a@b.io, or ping @bob.")) == []


def test_email_as_link_target_without_mailto():
    problems = addresses.email_link_targets(body_lines("Write [to us](safety@example.org) or [here](mailto:a@b.org)."))
    assert [(p.line, p.column) for p in problems] == [(1, 15)]
    assert "without `mailto:`" in problems[0].message


def test_email_as_html_href_without_mailto():
    problems = addresses.email_link_targets(body_lines('<a href="safety@example.org">us</a>'))
    assert len(problems) == 1


@pytest.mark.parametrize("url", [
    "https://policies.example.org/use/", "http://www.policies.example.org/use",
    "policies.example.org/use#top", "HTTPS://Policies.Example.org/use?lang=en",
])
def test_url_key_ignores_scheme_www_case_query_and_slash(url):
    assert addresses.url_key(url) == "policies.example.org/use"
