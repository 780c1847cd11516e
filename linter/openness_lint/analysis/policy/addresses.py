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
# How a sentence introduces an address: "Email maintainers@...", "contact us at", "write to".
_ADDRESS_CUE = datacache.regex(r"(?:\be-?mail|\bmail|\bcontact|\bwrite\s+to)(?:\s+(?:us|me|them))?"
                               r"(?:\s+(?:at|to|via))?\s*:?\s*$", re.IGNORECASE)
# A domain that ends like one (.org, .ai), however broken the rest.
_DOMAIN_END = datacache.regex(r"\.[A-Za-z]{2,63}$")
# A link target that can only be meant as an address: name@host, no scheme
# or path, and a host with a letter in it (pass@1 is a metric).
_EMAIL_SHAPED = datacache.regex(r"^[^\s@:/]+@+[^\s:/]*[A-Za-z][^\s:/]*$")


class Address(NamedTuple):
    kind: str  # "email" or "url"
    value: str  # the address itself: a@b.org, https://b.org/report
    line: int
    column: int


class Problem(NamedTuple):
    line: int
    column: int | None
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


def _written_as_address(line: Line, token: str, column: int, mailto: bool) -> bool:
    """Whether a word with an @ is written as an email address, not as a
    metric (pass@1) or a version pin: after mailto:, inside <...>, after
    "email" or "contact", or ending in a domain."""
    before = line.text[:column - 1]
    if mailto or before.endswith("<") or _ADDRESS_CUE.search(before):
        return True
    local, domain = token.split("@", 1)[0], token.rsplit("@", 1)[1]
    return any(c.isalpha() for c in local) and bool(_DOMAIN_END.search(domain))


def _invalid(problem_line: int, column: int | None, shown: str) -> Problem:
    return Problem(problem_line, column, f"{shown!r} is not a valid email address, so nobody can write to it")


def malformed(lines: Iterable[Line], contact: bool = True) -> list[Problem]:
    """Email addresses that cannot be written to: safety@example, a@@b.org, mailto:a(at)b.org.

    contact: the lines are a contact section or a security policy, where
    every word with an @ means an address. Elsewhere only a word written as
    an address counts, so a results table's pass@1 is left alone."""
    found = []
    for line in lines:
        if line.code:
            continue
        bad = {column: f"mailto:{token}" if mailto else token
               for token, column, mailto in _email_tokens(line)
               if not EMAIL.match(token) and (contact or _written_as_address(line, token, column, mailto))}
        for match in _MAILTO_TARGET.finditer(line.text):
            token = match.group(1).split("?", 1)[0].rstrip(_TRAILING + ")")
            if not EMAIL.match(token):
                bad.setdefault(match.start(1) + 1, f"mailto:{token}")
        found += [_invalid(line.number, column, shown) for column, shown in sorted(bad.items())]
    return found


def is_email_target(target: str) -> bool:
    """A link target that can only be meant as an email address (no mailto:)."""
    return bool(_EMAIL_SHAPED.match(target.strip()))


def email_link_targets(lines: Iterable[Line]) -> list[Problem]:
    """Links to an email address without mailto: (they lead to a missing
    page), and mailto: links whose address is not valid."""
    found = []
    for link in links(list(lines)):
        target = link.target.strip()
        if link.image or link.reference:
            continue  # an image is never an email (logo@2x.png); a [ref] use is checked at its definition
        if target.lower().startswith(_MAILTO):
            address = target[len(_MAILTO):].split("?", 1)[0]
            if not EMAIL.match(address):
                column = link.column + len(_MAILTO) if link.column else None
                found.append(_invalid(link.line, column, f"mailto:{address}"))
        elif is_email_target(target):
            found.append(Problem(link.line, link.column,
                                 f"link target {target!r} is an email address without `mailto:`; "
                                 f"the link leads to a page that does not exist, not to an email"))
    return found


def url_key(url: str) -> str:
    """An address compared loosely: no scheme, www., query, fragment or trailing slash."""
    key = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip().lower())
    key = re.split(r"[?#]", key.removeprefix("www."), maxsplit=1)[0]
    return key.rstrip("/")
