"""ScanCode's license database as a reference set (licensedcode-data, a test
dependency: its texts are read from the installed package, never copied here).

The set: every license text with an SPDX id, and every one whose ScanCode
key our own tables name (the AI model licenses), each also in four
variants a real repository shows: a copyright line filled in, a Markdown
title, CRLF line ends, and the first 60 % only.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path
from typing import Iterator, NamedTuple

from openness_lint.analysis.licensing import tables

_META = re.compile(r"^---\s*$", re.MULTILINE)
VARIANTS = ("as is", "copyright line", "markdown title", "crlf", "first 60%")


class Reference(NamedTuple):
    truth: str  # the SPDX id, or LicenseRef-scancode-<key>
    name: str
    text: str


def folder() -> Path:
    spec = importlib.util.find_spec("licensedcode")
    assert spec is not None and spec.submodule_search_locations, "licensedcode-data is not installed"
    return Path(list(spec.submodule_search_locations)[0]) / "data" / "licenses"


def _parse(path: Path) -> tuple[dict[str, str], str]:
    parts = _META.split(path.read_text("utf-8"), maxsplit=2)
    if len(parts) < 3:
        return {}, ""
    meta = {}
    for line in parts[1].splitlines():
        if ":" in line and not line.startswith((" ", "-")):
            key, value = line.split(":", 1)
            meta[key.strip()] = value.strip()
    return meta, parts[2].strip("\n")


@functools.lru_cache(maxsize=1)
def _all() -> tuple[tuple[dict[str, str], str], ...]:
    return tuple(_parse(path) for path in sorted(folder().glob("*.LICENSE")))


def scancode_keys() -> set[str]:
    return {meta["key"] for meta, _ in _all() if meta.get("key")}


def _ours() -> set[str]:
    """The LicenseRef-scancode- keys our license tables name."""
    found = {str(e["license"]) for e in tables.texts()["texts"]}
    found |= {str(e.get("license")) for e in tables.hub_ids().values()}
    found |= {str(v) for v in tables.texts()["urls"].values()}
    return {key for key in found if key.startswith("LicenseRef-scancode-")}


@functools.lru_cache(maxsize=1)
def references() -> tuple[Reference, ...]:
    ours = _ours()
    found = []
    for meta, text in _all():
        truth = meta.get("spdx_license_key", "")
        if text.strip() and truth and (not truth.startswith("LicenseRef-") or truth in ours):
            found.append(Reference(truth, meta.get("short_name") or truth, text))
    return tuple(found)


def variants(reference: Reference) -> Iterator[tuple[str, str]]:
    text = reference.text
    yield "as is", text
    yield "copyright line", "Copyright (c) 2024 Example Lab\n\n" + text
    yield "markdown title", f"# {reference.name}\n\n" + text
    yield "crlf", text.replace("\n", "\r\n")
    yield "first 60%", text[: int(len(text) * 0.6)]
