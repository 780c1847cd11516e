"""Which license a license file holds, with a confidence; never a guess.

Three passes, cheapest first: an SPDX-License-Identifier tag; our phrase
table (titles and distinctive clauses, rules/licenses/texts.yaml); and,
only when those leave doubt, edit distance against the standard texts that
the `identify` package ships (about 35 common licenses). A file that only
points elsewhere is a pointer; several licenses, or a standard text with
more appended, are compound.
"""

from __future__ import annotations

import functools
import math
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
_COPYRIGHT = datacache.regex(r"^\s*copyright.*$", re.IGNORECASE | re.MULTILINE)
_DASHES = datacache.regex(r"[\u2010-\u2015\u2212]")
MIN_CONFIDENCE = 0.95


class Identification(NamedTuple):
    kind: str  # "license", "compound", "pointer" or "unknown"
    license: str | None  # SPDX expression or LicenseRef, when known
    confidence: float
    method: str  # "spdx-tag", "phrases", "full-text" or ""
    parts: tuple[str, ...] = ()
    line: int | None = None  # where the evidence is, when one line carries it


def _plain(text: str) -> str:
    text = _DASHES.sub("-", text).replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
    return " ".join(text.lower().split())


def _norm(text: str) -> str:
    return " ".join(_COPYRIGHT.sub("", text).split())


def phrase_matches(plain: str) -> list[str]:
    found = []
    for entry in tables.texts()["texts"]:
        if all(p in plain for p in entry["phrases"]) and not any(a in plain for a in entry.get("absent", ())):
            found.append(str(entry["license"]))
    return found


@functools.lru_cache(maxsize=1)
def _standard_texts() -> list[tuple[str, str]]:
    """identify's texts, normalised (in the data cache after the first run)."""
    try:
        from identify.vendor.licenses import LICENSES  # identify's texts load only when a license file needs them
    except ImportError:  # pragma: no cover - identify is a declared dependency
        return []
    source = "\0".join(f"{key}\1{text}" for key, text in LICENSES)
    # the key names the texts; bump its number whenever _norm changes
    return [tuple(pair) for pair in datacache.derived(
        "standard-texts/1", source, lambda: [(_IDENTIFY_IDS.get(key, key), _norm(text)) for key, text in LICENSES])]


def full_text_match(text: str) -> tuple[str, float] | None:
    """Closest standard text within 5% edits, as identify's detector does."""
    import ukkonen  # the edit-distance module loads only for a full-text comparison

    norm = _norm(text)
    if not norm:
        return None
    cutoff = math.ceil(0.05 * len(norm))
    best: tuple[str, int] | None = None
    for key, standard in _standard_texts():
        if abs(len(norm) - len(standard)) / len(norm) > 0.05:
            continue
        distance = ukkonen.distance(norm, standard, cutoff)
        if distance < cutoff and (best is None or distance < best[1]):
            best = (key, distance)
    if best is None:
        return None
    return best[0], 1 - best[1] / len(norm)


def _standard_length(key: str) -> int | None:
    return next((len(t) for k, t in _standard_texts() if k == key), None)


def _is_pointer(text: str) -> bool:
    config = tables.texts()["pointer"]
    stripped = text.strip()
    if not stripped or len(stripped) > int(config["max-characters"]):
        return False
    markers = "|".join(re.escape(str(m)) for m in config["markers"])
    return re.search(rf"(?<![a-z])(?:{markers})", stripped.lower()) is not None


_ID_TOKEN = datacache.regex(r"[A-Za-z][A-Za-z0-9.+\-]*-[0-9][A-Za-z0-9.+\-]*|\bMIT\b")


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
    phrases = phrase_matches(plain)
    if len(set(phrases)) > 1:
        parts = tuple(sorted(set(phrases)))
        return Identification("compound", " AND ".join(parts), 0.9, "phrases", parts)
    if _is_pointer(text):
        named = phrases[0] if phrases else _pointer_target(text)
        return Identification("pointer", named, 0.0, "", (named,) if named else ())
    full = full_text_match(text)
    if full and full[1] >= MIN_CONFIDENCE:
        return Identification("license", full[0], round(full[1], 3), "full-text")
    if phrases:
        key = phrases[0]
        standard = _standard_length(key)
        if standard and len(_norm(text)) > 1.1 * standard:
            # the standard text plus something appended: notices, exceptions
            return Identification("compound", key, 0.8, "phrases", (key, "additional text"))
        return Identification("license", key, 0.9, "phrases")
    if tag is not None and spdx.is_valid(tag[0]):
        return Identification("license", spdx.normalise(tag[0]), 0.9, "spdx-tag", line=tag[1])
    return Identification("unknown", None, 0.0, "")
