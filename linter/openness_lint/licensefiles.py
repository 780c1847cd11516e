"""Where license files are, by name only (FRAMEWORKS.md section 7)."""

from __future__ import annotations

import re

from openness_lint.repo import Entry, Repo

# LICENSE, LICENCE, COPYING, UNLICENSE; any case; with an extension or a
# -SUFFIX (LICENSE-CODE, LICENSE.md); and split files such as MODEL_LICENSE.
_LICENSE_NAME = re.compile(
    r"^(?:[a-z0-9]+[-_])?(?:un)?(?:licen[cs]es?|copying)(?:[-_.][\w.-]*)?$", re.IGNORECASE)
_NOT_CODE = re.compile(r"model|weight|data|param|checkpoint", re.IGNORECASE)
_SPDX_TAG = re.compile(r"SPDX-License-Identifier:\s*(?P<expr>[^\n*#]+?)\s*(?:\*/|-->)?\s*$", re.MULTILINE)


def is_license_name(name: str) -> bool:
    return bool(_LICENSE_NAME.match(name))


def license_files(repo: Repo, directory: str = "") -> list[Entry]:
    """License files directly in a directory, plus REUSE's LICENSES/ texts at the root."""
    found = [e for e in repo.files_in(directory) if is_license_name(e.name)]
    if directory == "":
        found += [e for e in repo.files_in("LICENSES") if e.name.endswith((".txt", ".md"))]
    return sorted(found, key=lambda e: e.path)


def code_license_files(repo: Repo) -> list[Entry]:
    """Root license files that are not split out for models or data."""
    return [e for e in license_files(repo) if not _NOT_CODE.search(e.name)]


def spdx_tag(text: str) -> tuple[str, int] | None:
    """The first SPDX-License-Identifier in the text, with its 1-based line."""
    match = _SPDX_TAG.search(text[:8192])
    if not match:
        return None
    return match["expr"].strip(), text.count("\n", 0, match.start()) + 1
