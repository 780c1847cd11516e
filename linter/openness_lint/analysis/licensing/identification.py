"""Which license a license file holds; never a license more open than the text.

A file is read as one or more parts: each license it holds starts at a
title line ("Apache License", "Attribution-NonCommercial 4.0
International") or at the first words of an untitled standard text ("Permission
is hereby granted, free of charge"). Each part is then identified on its own:

- by its title, when rules/licenses/texts.yaml knows it (the AI licenses, the
  Creative Commons family and others whose text we do not hold);
- by edit distance against the standard texts that the `identify` package
  ships (about 35 common licenses), within 5 %.

Either way the answer must survive two checks, which keep a lookalike from
taking its template's id. A decisive term in the text (NonCommercial,
NoDerivatives, ShareAlike, research only, nuclear or military use, an
acceptable use policy, "any later version", competing use) that the license
itself does not carry rules the license out. And where we hold the standard
text, a run of words the file adds inside it (a clause of its own), or a
run the file lacks, rules it out too. What is ruled out is unknown, never a
guess. A file with several licenses is compound and lists every part.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from openness_lint.analysis.licensing import files as licensefiles
from openness_lint.analysis.licensing import tables
from openness_lint.catalog import datacache
from openness_lint.text import spdx

# identify ships a few deprecated SPDX ids; the GNU texts alone cannot say
# "or later", so they resolve to -only.
_IDENTIFY_IDS = {"GPL-2.0": "GPL-2.0-only", "GPL-3.0": "GPL-3.0-only", "LGPL-2.1": "LGPL-2.1-only",
                 "LGPL-3.0": "LGPL-3.0-only", "AGPL-3.0": "AGPL-3.0-only"}
# A copyright notice line ("Copyright (c) 2024 Example Lab", "Copyright [yyyy]
# [name of copyright owner]"), not a line of terms that starts with the word.
_COPYRIGHT = datacache.regex(r"^\W*(?:copyright\s*(?:\(c\)|©|\d|\[|<|\{)|\(c\)\s*[\d\[<{]|©\s*[\d\[<{]"
                             r"|all rights reserved).*$", re.IGNORECASE | re.MULTILINE)
_DASHES = datacache.regex(r"[\u2010-\u2015\u2212]")
_MARKUP = datacache.regex(r"^[\s#>*=_`-]+|[\s#*=_`]+$")
_WORD = datacache.regex(r"[a-z0-9]+")
# An untitled file must hold this share of a standard text's word sequences.
MIN_CONFIDENCE = 0.9
# A title line holds the title and at most this many words more ("Public License").
TITLE_SLACK = 4
# Only the first lines of a part can hold its title.
TITLE_LINES = 4
HEAD_CHARACTERS = 700
VERSION_CHARACTERS = 300
# This many words more than the standard text has in one place is a clause
# of the file's own ("notice immediately at the beginning of the file"): a
# filled-in name, or the same clause as another copy of the standard text
# words it, keeps about as many words. A clause the file lacks counts from
# DELETED_WORDS: copies of one standard text differ by up to 25 words there
# (tests/unit/analysis/licensing/test_reference_set.py measures both).
CLAUSE_WORDS = 8
DELETED_WORDS = 26
# An untitled file may lack this share of the standard text's end (an appendix).
LOST_TAIL = 0.03
SHINGLE = 5
# Unidentified text of a compound file that counts as a part of its own.
MIN_PART_WORDS = 12
# Text after a standard text shorter than this is a clause of the file's own
# (X11 is MIT with a paragraph more); longer, it is further text in the file
# (notices, the licenses of bundled code), and decisive terms in it still count.
APPENDED_WORDS = 150


class Identification(NamedTuple):
    kind: str  # "license", "compound", "pointer" or "unknown"
    license: str | None  # SPDX expression or LicenseRef, when known
    confidence: float
    method: str  # "spdx-tag", "title", "full-text", "parts" or ""
    parts: tuple[str, ...] = ()
    line: int | None = None  # where the evidence is, when one line carries it
    near: str = ""  # when unknown: the license the text resembles, and why it is not that


UNKNOWN = Identification("unknown", None, 0.0, "")


def _plain(text: str) -> str:
    text = _DASHES.sub("-", text).replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
    return " ".join(text.lower().split())


def _norm(text: str) -> str:
    """For edit distance: copyright lines out, white space folded, lower case
    (copies of a standard text set its disclaimer in capitals or not)."""
    return " ".join(_COPYRIGHT.sub("", text).split()).lower()


# Apache-2.0's appendix tells how to apply the license; a file that applies it
# drops the instructions and keeps the filled-in notice. Not terms: out of both.
_HOW_TO_APPLY = datacache.regex(r"appendix: how to apply the apache license to your work\..*?third-party archives\.")


def _words(text: str) -> list[str]:
    return _WORD.findall(_HOW_TO_APPLY.sub(" ", _plain(_COPYRIGHT.sub("", text))))


# -- the table -----------------------------------------------------------------

class Entry(NamedTuple):
    license: str
    titles: tuple[str, ...]  # a part starts at a line that begins with one
    phrases: tuple[str, ...]  # all must be in the part's first lines
    absent: tuple[str, ...]  # none may be
    carries: frozenset[str]  # decisive terms the license itself has


@functools.lru_cache(maxsize=1)
def _entries() -> tuple[Entry, ...]:
    return tuple(Entry(str(e["license"]), tuple(e["titles"]), tuple(e.get("phrases") or ()),
                       tuple(e.get("absent") or ()), frozenset(e.get("carries") or ()))
                 for e in tables.texts()["texts"])


@functools.lru_cache(maxsize=1)
def _neutral() -> re.Pattern:
    return datacache.regex("|".join(re.escape(p) for p in tables.texts()["decisive-neutral"]))


def decisive_terms(plain: str) -> frozenset[str]:
    """The decisive terms (rules/licenses/texts.yaml) a plain text holds, not
    counting where it grants both ("commercial or non-commercial")."""
    if "commercial" in plain:
        plain = _neutral().sub(" ", plain)
    found = set()
    for term, phrases in _decisive_phrases():
        for phrase in phrases:  # str.find runs in C: ten times faster than one big alternation
            at = plain.find(phrase)
            while at > 0 and plain[at - 1].isalpha():  # a whole word's start, as (?<![a-z])
                at = plain.find(phrase, at + 1)
            if at >= 0:
                found.add(term)
                break
    return frozenset(found)


@functools.lru_cache(maxsize=1)
def _decisive_phrases() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((str(term), tuple(map(str, phrases))) for term, phrases in sorted(tables.texts()["decisive"].items()))


@functools.lru_cache(maxsize=1)
def _starts() -> re.Pattern:
    """A line that begins a license: a title or an anchor of the table."""
    phrases = sorted({*(t for e in _entries() for t in e.titles), *tables.texts()["anchors"]}, key=lambda p: (-len(p), p))
    return datacache.regex("^(?:" + "|".join(re.escape(p) for p in phrases) + ")")


# -- the standard texts ------------------------------------------------------------

class Standard(NamedTuple):
    license: str
    norm: str  # white space folded, copyright lines out
    words: tuple[str, ...]
    positions: dict[tuple[str, ...], int]  # each shingle -> where it first starts
    carries: frozenset[str]


@functools.lru_cache(maxsize=1)
def _identify_texts() -> dict[str, str]:
    """identify's texts by our id, read only when a license file needs them."""
    try:
        from identify.vendor.licenses import LICENSES  # identify's texts load only when a license file needs them
    except ImportError:  # pragma: no cover - identify is a declared dependency
        return {}
    return {_IDENTIFY_IDS.get(key, key): text for key, text in LICENSES}


@functools.lru_cache(maxsize=1)
def _standard_sizes() -> dict[str, int]:
    """Our id -> how many shingles its standard text has (data cache)."""
    texts = _identify_texts()
    return dict(datacache.derived("standard-sizes/2", "\0".join(texts.values()),
                                  lambda: [(key, len(set(_shingles(_words(text))))) for key, text in texts.items()]))


@functools.lru_cache(maxsize=None)
def standard(key: str) -> Standard | None:
    """One standard text, normalised, from the data cache after the first run:
    unmarshalling all of them cost a typical run 15 ms, and a small file
    needs only the few texts of its size."""
    text = _identify_texts().get(key)
    if text is None:
        return None
    # the decisive terms are derived too: a change to texts.yaml's list is a new source;
    # bump the number whenever _norm, _words, _shingles or decisive_terms change
    row = datacache.derived(f"standard-text/7/{key}", text + repr(_decisive_phrases()), lambda: _standard_row(key, text))
    _, norm, words, positions, carries = row
    return Standard(key, norm, words, positions, frozenset(carries))


def _standard_row(key: str, text: str) -> tuple:
    """What the data cache keeps of one standard text (marshal's types only)."""
    norm, words = _norm(text), tuple(_words(text))
    positions: dict[tuple[str, ...], int] = {}
    for index, shingle in enumerate(_shingles(words)):
        positions.setdefault(shingle, index)
    return key, norm, words, positions, tuple(sorted(decisive_terms(_plain(norm))))


def _shingles(words: list[str] | tuple[str, ...]) -> list[tuple[str, ...]]:
    return [tuple(words[i:i + SHINGLE]) for i in range(max(len(words) - SHINGLE + 1, 0))]


class Difference(NamedTuple):
    inserted: int  # the most words the file adds in one place inside the standard text
    deleted: int  # the most words of the standard text the file lacks in one place, before its end
    lead: int  # words before the standard text starts
    tail: int  # words after it ends
    lost_tail: int  # words of the standard text missing at its end (a truncated file)


def _difference(words: list[str], standard: Standard) -> Difference:
    """How the file's words differ from the standard text, found by walking the
    shingles the two share in order: between two shared shingles, more words
    on the file's side than the standard's is an insertion (a clause of its
    own), fewer a deletion; about as many is the same clause reworded, or a
    name filled in."""
    inserted = deleted = 0
    prev_t = prev_r = -1
    lead = None
    for index, shingle in enumerate(_shingles(words)):
        position = standard.positions.get(shingle)
        if position is None or position <= prev_r:
            continue
        if lead is None:
            lead, prev_t, prev_r = index, index, position
            continue
        gap = (index - prev_t) - (position - prev_r)
        inserted, deleted = max(inserted, gap), max(deleted, -gap)
        prev_t, prev_r = index, position
    if lead is None:
        return Difference(len(words), len(standard.words), len(words), 0, len(standard.words))
    tail = max(len(words) - (prev_t + SHINGLE), 0)
    lost_tail = max(len(standard.words) - (prev_r + SHINGLE), 0)
    return Difference(inserted, deleted, lead, tail, lost_tail)


def full_text_match(words: list[str]) -> tuple[Standard, float] | None:
    """The standard text the file covers best, with the share of the
    standard's word sequences (shingles) it holds; None below MIN_CONFIDENCE."""
    mine = set(_shingles(words))
    best: tuple[Standard, float] | None = None
    for key, size in _standard_sizes().items():
        # a text holds at least MIN_CONFIDENCE of a standard's shingles only if
        # it has that many: larger standards need not be loaded
        if not size or len(mine) < MIN_CONFIDENCE * size:
            continue
        found = standard(key)
        if found is None or not found.positions:
            continue
        share = len(mine & found.positions.keys()) / len(found.positions)
        if share >= MIN_CONFIDENCE and (best is None or share > best[1]):
            best = (found, share)
    return best


# -- one part ------------------------------------------------------------------------

_VERSION = datacache.regex(r"(?<![a-z0-9])(?:version|v\.?) ?(\d+(?:\.\d+)*)")


def _versions(plain: str) -> frozenset[str]:
    return frozenset(v.removesuffix(".0") for v in _VERSION.findall(plain[:VERSION_CHARACTERS]))


def _version_clash(plain: str, standard: Standard) -> bool:
    """Whether the file's first lines name a version its standard text does not."""
    mine, theirs = _versions(plain), _versions(standard.norm)
    return bool(mine and theirs and not mine & theirs)


class Part(NamedTuple):
    license: str | None
    method: str  # "title", "full-text" or ""
    confidence: float
    appended: bool  # text after the standard text (notices, a second license without title)
    terms: frozenset[str]  # decisive terms of the part
    near: str = ""  # when unknown: the license it resembles, and why it is not that


def _listed(terms: frozenset[str]) -> str:
    return ", ".join(sorted(terms))


def _title_lines(lines: list[str]) -> list[str]:
    """The first lines of a part, plain, without markup or copyright lines."""
    found = []
    for line in lines:
        plain = _MARKUP.sub("", _plain(line))
        if plain and not _COPYRIGHT.match(plain):
            found.append(plain)
            if len(found) == TITLE_LINES:
                break
    return found


def _titled(lines: list[str], head: str) -> Entry | None:
    """The entry whose title is one of the part's first lines, most specific first."""
    best: tuple[int, Entry] | None = None
    for line in _title_lines(lines):
        for entry in _entries():
            for title in entry.titles:
                rest = line[len(title):].split() if line.startswith(title) else None
                if rest is None or len(rest) > TITLE_SLACK:
                    continue
                if all(p in head for p in entry.phrases) and not any(a in head for a in entry.absent):
                    if best is None or len(title) > best[0]:
                        best = (len(title), entry)
    return best[1] if best else None


def _identify_part(lines: list[str]) -> Part:
    text = "\n".join(lines)
    plain = _plain(text)
    terms = decisive_terms(plain)
    head = _plain(_COPYRIGHT.sub("", text))[:HEAD_CHARACTERS]
    entry = _titled(lines, head)
    if entry is not None:
        reference = standard(entry.license)
        extra_terms = terms - entry.carries - (reference.carries if reference else frozenset())
        if extra_terms:
            return Part(None, "", 0.0, False, terms, f"{entry.license} with terms it does not have ({_listed(extra_terms)})")
        if reference is None:
            return Part(entry.license, "title", 0.9, False, terms)
        difference = _difference(_words(text), reference)
        if difference.inserted >= CLAUSE_WORDS or difference.deleted >= DELETED_WORDS \
                or _version_clash(_norm(text), reference):
            return Part(None, "", 0.0, False, terms, f"{entry.license} with changes to its text")
        if MIN_PART_WORDS <= difference.tail < APPENDED_WORDS:
            return Part(None, "", 0.0, False, terms, f"{entry.license} with a clause appended")
        return Part(entry.license, "title", 0.95, difference.tail >= APPENDED_WORDS, terms)
    words = _words(text)
    full = full_text_match(words)
    if full is None:
        return Part(None, "", 0.0, False, terms)
    reference, share = full
    difference = _difference(words, reference)
    if terms - reference.carries:
        return Part(None, "", 0.0, False, terms,
                    f"{reference.license} with terms it does not have ({_listed(terms - reference.carries)})")
    if (_version_clash(_norm(text), reference) or max(difference.inserted, difference.lead) >= CLAUSE_WORDS
            or difference.deleted >= DELETED_WORDS
            or difference.lost_tail > max(CLAUSE_WORDS, LOST_TAIL * len(reference.words))):
        return Part(None, "", 0.0, False, terms, f"{reference.license} with changes to its text")
    if SHINGLE <= difference.tail < APPENDED_WORDS:
        return Part(None, "", 0.0, False, terms, f"{reference.license} with a clause appended")
    return Part(reference.license, "full-text", round(share, 3), difference.tail >= APPENDED_WORDS, terms)


# -- a file ----------------------------------------------------------------------------

def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _start_of(line: str) -> str | None:
    """The title or anchor a line begins with, when it begins a license: a
    title line says little more ("Public License"), and no sentence ends there."""
    plain = _MARKUP.sub("", _plain(line))
    match = _starts().match(plain) if plain else None
    if match is None:
        return None
    rest = plain[match.end():]
    if match.group() in tables.texts()["anchors"]:
        return match.group()
    if len(rest.split()) > TITLE_SLACK or (rest.strip() and rest.rstrip().endswith(".")):
        return None
    return match.group()


def _parts(lines: list[str]) -> list[tuple[int, list[str]]]:
    """(first line, lines) of each part: a title or anchor line starts a new
    one, with the copyright lines and blank lines just above it. A title that
    repeats the current part's own ("GNU GENERAL PUBLIC LICENSE" above its
    terms) starts nothing."""
    starts, current = [0], None
    for number, line in enumerate(lines):
        found = _start_of(line)
        if found is None:
            continue
        if number and found != current:
            begin = number
            while begin > starts[-1] + 1 and (not lines[begin - 1].strip() or _COPYRIGHT.match(lines[begin - 1])):
                begin -= 1
            if begin > starts[-1]:
                starts.append(begin)
        current = found
    ends = starts[1:] + [len(lines)]
    return [(start, lines[start:end]) for start, end in zip(starts, ends, strict=True)]


def _is_pointer(text: str) -> bool:
    config = tables.texts()["pointer"]
    stripped = text.strip()
    if not stripped or len(stripped) > int(config["max-characters"]):
        return False
    markers = "|".join(re.escape(str(m)) for m in config["markers"])
    return re.search(rf"(?<![a-z])(?:{markers})", stripped.lower()) is not None


_ID_TOKEN = datacache.regex(r"[A-Za-z][A-Za-z0-9.+\-]*-[0-9][A-Za-z0-9.+\-]*|\bMIT\b")
# The GNU licenses' own notice for "this version or any later one".
_OR_LATER = datacache.regex(r"either version (2|2\.1|3)(?:\.0)? of the license, or \(at your option\) any later version")
# A tag counts for a long text only in its first lines: further down, a
# license text shows how to apply it to other files.
TAG_LINES = 3


def _pointer_target(text: str) -> str | None:
    """The license a pointer names, by a known address or an SPDX id in it."""
    plain = _plain(text)
    for fragment, key in tables.texts()["urls"].items():
        if fragment in plain:
            return str(key)
    for token in _ID_TOKEN.findall(text):
        token = token.rstrip(".")
        if token.lower() in spdx.known_ids():
            return spdx.known_ids()[token.lower()]
    return None


@functools.lru_cache(maxsize=256)
def identify(text: str) -> Identification:
    """What license a license file's text is. Cached by text: the releases of
    a monorepo often carry the same LICENSE."""
    tag = licensefiles.spdx_tag(text)
    plain = _plain(text)
    if tag is not None and spdx.is_valid(tag[0]) and len(plain) < 400:
        return Identification("license", spdx.normalise(tag[0]), 1.0, "spdx-tag", line=tag[1])
    if _is_pointer(text):
        named = _identify_part(_lines(text)).license or _pointer_target(text)
        return Identification("pointer", named, 0.0, "", (named,) if named else ())
    lines = _lines(text)
    whole = _identify_part(lines)
    if whole.license and not whole.appended:
        return Identification("license", _or_later(whole.license, lines), whole.confidence, whole.method)
    found = _parts(lines)
    if len(found) == 1:
        if whole.license is None:
            return _tagged(tag) or UNKNOWN._replace(near=whole.near)
        return Identification("compound", whole.license, 0.8, whole.method, (whole.license, "additional text"))
    parts = [(start, _identify_part(part_lines), part_lines) for start, part_lines in found]
    named = [part for _, part, _ in parts if part.license]
    if not named:
        return _tagged(tag) or UNKNOWN._replace(near=whole.near)
    unnamed = [(part, lines) for _, part, lines in parts if not part.license
               and len(_words("\n".join(lines))) >= MIN_PART_WORDS]
    later = [part._replace(license=_or_later(part.license, lines)) for part in named]
    if later != named:  # the GNU notice is the -or-later's own, no part of its own
        named = later
        unnamed = [(part, part_lines) for part, part_lines in unnamed
                   if not _OR_LATER.search(_plain("\n".join(part_lines)))]
    restricting = frozenset().union(*(part.terms - _carried(named) for part, _ in unnamed))
    if restricting:  # text we cannot name restricts what the licenses we can name allow
        near = " and ".join(sorted({p.license for p in named}))
        return UNKNOWN._replace(near=f"{near} with terms it does not have ({_listed(restricting)})")
    licenses = sorted({part.license for part in named})
    extra = bool(unnamed) or any(part.appended for part in named)
    if len(licenses) == 1 and not extra:
        first = named[0]
        line = next(start + 1 for start, part, _ in parts if part.license)
        return Identification("license", first.license, first.confidence, first.method,
                              line=line if len(parts) > 1 else None)
    shown = tuple(licenses) + (("additional text",) if extra else ())
    return Identification("compound", " AND ".join(licenses), 0.8, "parts", shown)


def _tagged(tag: tuple[str, int] | None) -> Identification | None:
    """A long text's own SPDX tag, in its first lines, when nothing else names it."""
    if tag is not None and spdx.is_valid(tag[0]) and tag[1] <= TAG_LINES:
        return Identification("license", spdx.normalise(tag[0]), 0.9, "spdx-tag", line=tag[1])
    return None


def _or_later(license_: str, lines: list[str]) -> str:
    """A GNU license's text with its own "or any later version" notice above
    its title, or more often than the text itself has it (in its
    how-to-apply appendix), is -or-later."""
    reference = standard(license_)
    entry = next((e for e in _entries() if e.license == license_), None)
    if not license_.endswith("-only") or reference is None or entry is None:
        return license_
    title = next((n for n, line in enumerate(lines) if _start_of(line) in entry.titles), len(lines))
    above = _OR_LATER.search(_plain("\n".join(lines[:title])))
    plain = _plain("\n".join(lines))
    if above or len(_OR_LATER.findall(plain)) > len(_OR_LATER.findall(_plain(reference.norm))):
        return license_.removesuffix("-only") + "-or-later"
    return license_


def _carried(parts: list[Part]) -> frozenset[str]:
    """The decisive terms the named parts' own licenses carry."""
    carried: set[str] = set()
    for part in parts:
        license_ = part.license.replace("-or-later", "-only")
        entry = next((e for e in _entries() if e.license == license_), None)
        carried |= entry.carries if entry else frozenset()
        reference = standard(license_)
        carried |= reference.carries if reference else frozenset()
    return frozenset(carried)
