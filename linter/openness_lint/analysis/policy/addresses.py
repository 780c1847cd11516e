"""Email addresses and URLs in text, and addresses written so they fail.

An address counts only when someone could use it as written: a valid email
address (plain, `<a@b.org>` or `mailto:`) or an http(s) or www. URL.
Text inside fenced code is not read; text in `code spans` is, since people
copy addresses from them.
"""

from __future__ import annotations

import re
from typing import Iterable, NamedTuple

from openness_lint.catalog import datacache
from openness_lint.text.markdown import Line, links

EMAIL = datacache.regex(
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")
_DELIMITERS = r"\s<>()\[\]{}\"'`,;|"
_AT_TOKEN = datacache.regex(rf"[^{_DELIMITERS}]*@[^{_DELIMITERS}]*")
_URL = datacache.regex(rf"(?<![\w@.:/-])(?:https?://|www\.)[^{_DELIMITERS}]+", re.IGNORECASE)
# An address without a scheme, as license texts write them (example.org/terms).
_BARE_URL = datacache.regex(rf"(?<![\w@./:-])(?:[a-z0-9-]+\.)+[a-z]{{2,}}/[^{_DELIMITERS}]*", re.IGNORECASE)
_TRAILING = ".:!?*_~"
_MAILTO = "mailto:"
_MAILTO_TARGET = datacache.regex(r"mailto:([^\s<>\[\]{}\"'`,;|]*)", re.IGNORECASE)


class Address(NamedTuple):
    kind: str  # "email" or "url"
    value: str  # the address itself: a@b.org, https://b.org/report
    line: int
    column: int


class Problem(NamedTuple):
    line: int
    column: int
    message: str


def _email_tokens(line: Line) -> Iterable[tuple[str, int, bool]]:
    """(candidate, column, written with mailto:) for each token with an @."""
    for match in _AT_TOKEN.finditer(line.text):
        token, start = match.group(), match.start()
        stripped = token.lstrip(_TRAILING)
        start += len(token) - len(stripped)
        token = stripped.rstrip(_TRAILING)
        mailto = token.lower().startswith(_MAILTO)
        if mailto:
            token, start = token[len(_MAILTO):].split("?", 1)[0], start + len(_MAILTO)
        local, _, domain = token.partition("@")
        if "://" in token or (not mailto and (not local or "/" in domain or ":" in domain)):
            continue  # a URL's user part, a mention (@name), an ssh remote
        yield token, start + 1, mailto


def addresses(lines: Iterable[Line], bare: bool = False) -> list[Address]:
    """Valid email addresses and URLs; with bare, also URLs without a scheme."""
    found = []
    for line in lines:
        if line.code:
            continue
        found += [Address("email", token, line.number, column)
                  for token, column, _ in _email_tokens(line) if EMAIL.match(token)]
        urls = list(_URL.finditer(line.text)) + (list(_BARE_URL.finditer(line.text)) if bare else [])
        found += [Address("url", match.group().rstrip(_TRAILING), line.number, match.start() + 1)
                  for match in urls]
    return sorted(set(found), key=lambda a: (a.line, a.column, a.value))


def malformed(lines: Iterable[Line]) -> list[Problem]:
    """Email addresses that cannot be written to: safety@example, a@@b.org, mailto:a(at)b.org."""
    found = []
    for line in lines:
        if line.code:
            continue
        bad = {column: f"mailto:{token}" if mailto else token
               for token, column, mailto in _email_tokens(line) if not EMAIL.match(token)}
        for match in _MAILTO_TARGET.finditer(line.text):
            token = match.group(1).split("?", 1)[0].rstrip(_TRAILING + ")")
            if not EMAIL.match(token):
                bad.setdefault(match.start(1) + 1, f"mailto:{token}")
        found += [Problem(line.number, column, f"{shown!r} is not a valid email address, so nobody can write to it")
                  for column, shown in sorted(bad.items())]
    return found


def email_link_targets(lines: Iterable[Line]) -> list[Problem]:
    """Links whose target is an email address without mailto: they lead to a missing page."""
    found = []
    for link in links(list(lines)):
        target = link.target.strip()
        if "@" in target and ":" not in target.split("@", 1)[0] and "/" not in target:
            found.append(Problem(link.line, link.column,
                                 f"link target {target!r} is an email address without `mailto:`; "
                                 f"the link leads to a page that does not exist, not to an email"))
    return found


def url_key(url: str) -> str:
    """An address compared loosely: no scheme, www., query, fragment or trailing slash."""
    key = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip().lower())
    key = re.split(r"[?#]", key.removeprefix("www."), maxsplit=1)[0]
    return key.rstrip("/")
