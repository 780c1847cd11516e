"""License names in free text: "Apache 2.0", "the MIT License", "CC BY-NC
4.0", "Llama 2 Community License", "BSD-3-Clause".

Three readers, in this order of trust: exact SPDX ids, Creative Commons
names (their elements spell the id), and the names in
rules/licenses/names.yaml. A name next to a word that changes it ("MIT-style",
"BSD 3-Clause No Nuclear", "Apache 2.0 with additional terms") says nothing.
A name without its version ("CC BY-NC", "GPLv3", "Llama license") stands for
its family, LicenseRef-family-..., which agrees with every member.

Callers look only in a license context (after "licensed under", in a
License column, a badge or a `License:` label): "MIT" or "Llama" elsewhere
is a university or a model.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from openness_lint.analysis.licensing import tables
from openness_lint.catalog import datacache
from openness_lint.text import spdx

_DROPPED = {"the", "license", "licenses", "agreement", "version", "v"}
_WORD = datacache.regex(r"[a-z]+|[0-9]+(?:\.[0-9]+)*\+*|\++")
_ID_TOKEN = datacache.regex(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9.+]*(?:-[A-Za-z0-9.+]+)+(?![\w+-])")
_CC = datacache.regex(
    r"\b(?:creative commons|cc)(?: (?:attribution|by))(?P<mods>(?: (?:non ?commercial|nc|no ?derivatives|no ?derivs"
    r"|nd|share ?alike|sa))*)(?: (?:international|unported|generic|public))*(?: (?P<version>[1-4](?:\.5)?))?\b")
_CC_TITLE = datacache.regex(
    r"\battribution(?P<mods>(?: (?:non ?commercial|no ?derivatives|no ?derivs|share ?alike))*)"
    r" (?P<version>[1-4](?:\.5)?) (?:international|unported|generic)\b")
_URL = datacache.regex(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_CLAUSE_END = datacache.regex(r"[.,;:()\[\]|]|\n\n|$")


class Mention(NamedTuple):
    start: int  # offsets in the text searched
    end: int
    license: str
    said: str


class Folded(NamedTuple):
    """Folded words, each with its start and end offset in the original text."""

    words: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]


def fold(text: str) -> Folded:
    words, spans = [], []
    lower = text.lower().replace("licence", "license")
    for match in _WORD.finditer(lower):
        word = match.group()
        if word in _DROPPED:
            continue
        if word[0].isdigit() and word.endswith(".0") and word.count(".") == 1:
            word = word[:-2]
        words.append(word)
        spans.append(match.span())
    return Folded(tuple(words), tuple(spans))


def fold_name(name: str) -> tuple[str, ...]:
    return fold(name).words


@functools.lru_cache(maxsize=1)
def _names() -> dict[tuple[str, ...], str]:
    table: dict[tuple[str, ...], str] = {}
    for license_id, names in tables.names()["names"].items():
        for name in names:
            table.setdefault(fold_name(name), str(license_id))
    return table


@functools.lru_cache(maxsize=1)
def _longest() -> int:
    return max(len(key) for key in _names())


@functools.lru_cache(maxsize=1)
def _changed() -> tuple[frozenset[str], frozenset[str]]:
    data = tables.names()
    return frozenset(map(str, data["changed-after"])), frozenset(map(str, data["changed-before"]))


def _cc_id(mods: str, version: str | None) -> str:
    parts = ["CC", "BY"]
    if re.search(r"non ?commercial|\bnc\b", mods):
        parts.append("NC")
    if re.search(r"no ?deriv|\bnd\b", mods):
        parts.append("ND")
    elif re.search(r"share ?alike|\bsa\b", mods):
        parts.append("SA")
    if version is None:
        return "LicenseRef-family-" + "-".join(parts)
    return "-".join(parts) + "-" + (version if "." in version else version + ".0")


def _changed_nearby(text: str, start: int, end: int) -> bool:
    """Whether a word that changes the license sits right after the name
    (up to two words, within its clause) or right before it."""
    after_words, before_words = _changed()
    stop = _CLAUSE_END.search(text, end)
    after = fold(text[end:stop.start() if stop else len(text)]).words[:2]
    before = fold(text[max(0, start - 40):start]).words[-1:]
    return bool(set(after) & after_words or set(before) & before_words)


def _spdx_ids(text: str) -> list[Mention]:
    found = []
    ids = spdx.plain_ids()
    for match in _ID_TOKEN.finditer(text):
        canonical = ids.get(match.group().lower())
        if canonical:
            found.append(Mention(match.start(), match.end(), canonical, match.group()))
    return found


def _creative_commons(text: str, folded: Folded) -> list[Mention]:
    line = " ".join(folded.words)
    offsets, position = [], 0
    for word in folded.words:  # where each folded word starts in `line`
        offsets.append(position)
        position += len(word) + 1
    found = []
    for pattern in (_CC, _CC_TITLE):
        for match in pattern.finditer(line):
            first = offsets.index(match.start())
            last = max(i for i, at in enumerate(offsets) if at < match.end())
            start, end = folded.spans[first][0], folded.spans[last][1]
            found.append(Mention(start, end, _cc_id(match["mods"], match["version"]), text[start:end]))
    return found


def _table_names(text: str, folded: Folded) -> list[Mention]:
    table, longest, found = _names(), _longest(), []
    words = folded.words
    index = 0
    while index < len(words):
        for size in range(min(longest, len(words) - index), 0, -1):
            license_id = table.get(words[index:index + size])
            if license_id:
                start, end = folded.spans[index][0], folded.spans[index + size - 1][1]
                found.append(Mention(start, end, license_id, text[start:end]))
                index += size - 1
                break
        index += 1
    return found


def find(text: str) -> list[Mention]:
    """Every license named in the text, left to right, none overlapping."""
    text = _URL.sub(lambda m: " " * len(m.group()), text)  # an address names no license
    folded = fold(text)
    candidates = _spdx_ids(text) + _creative_commons(text, folded) + _table_names(text, folded)
    taken: list[Mention] = []
    for mention in candidates:  # earlier readers win an overlap
        if any(m.start < mention.end and mention.start < m.end for m in taken):
            continue
        if _changed_nearby(text, mention.start, mention.end):
            continue
        taken.append(mention)
    # "the Llama 3.1 Community License (a Llama license)": the family adds nothing
    exact = [m.license for m in taken if not m.license.startswith("LicenseRef-family-")]
    return sorted(m for m in taken if not (m.license.startswith("LicenseRef-family-")
                                           and any(agree(m.license, e) for e in exact)))


@functools.lru_cache(maxsize=None)
def family_of(license_id: str) -> str | None:
    for family, patterns in tables.names()["families"].items():
        if tables.matches(license_id, list(patterns)):
            return str(family)
    return None


def agree(first: str, second: str) -> bool:
    """Whether two answers can be the same license: equal, or one is a
    family (a name without its version) that holds the other."""
    if first == second:
        return True
    for family, member in ((first, second), (second, first)):
        if family.startswith("LicenseRef-family-") and family_of(member) == family:
            return True
    return False
