"""Where license files are, by name only (FRAMEWORKS.md section 7)."""

from __future__ import annotations

import functools
import re

from openness_lint.catalog import datacache
from openness_lint.repo import globs
from openness_lint.repo.inventory import Entry
from openness_lint.repo.repo import Repo

# LICENSE, LICENCE, COPYING, UNLICENSE; any case; with an extension or a
# -SUFFIX (LICENSE-CODE, LICENSE.md); and split files such as MODEL_LICENSE.
_LICENSE_NAME = datacache.regex(
    r"^(?:[a-z0-9]+[-_])*(?:un)?(?:licen[cs]es?|copying)(?:[-_.][\w.-]*)?$", re.IGNORECASE)
# names that may be license files, as a fast first cut for Repo.find
CANDIDATES = globs.names(("*licen[cs]e*", "*copying*"))
_NOT_CODE = datacache.regex(r"model|weight|data|param|checkpoint", re.IGNORECASE)
# A license file may be LICENSE.md or LICENSE.MIT, but license.py and
# licenses.yaml are code and data that happen to share the word.
_NOT_LICENSE_SUFFIXES = {
    "py", "pyc", "js", "ts", "go", "rs", "c", "h", "cc", "cpp", "java", "rb", "sh", "json",
    "yaml", "yml", "toml", "cfg", "ini", "lock", "csv", "tsv", "jsonl", "parquet", "png",
    "jpg", "svg", "pdf", "ipynb", "safetensors", "bin", "pt", "ckpt", "gguf", "onnx",
}
_SPDX_TAG = datacache.regex(
    r"^(?P<lead>.*?)SPDX-License-Identifier:[ \t]*(?P<expr>[^\n\\\"'*#]+?)[ \t]*(?:\*/|-->)?[ \t]*\r?$",
    re.MULTILINE)
SPDX_TAG_TEXT = "SPDX-License-Identifier:"
# Source files searched for SPDX headers: Repo.tag_lines(*HEADER_SEARCH)
HEADER_SUFFIXES = (".py", ".sh", ".js", ".ts", ".c", ".h", ".cc", ".cpp", ".hpp", ".cu", ".go",
                   ".rs", ".java", ".kt", ".scala", ".rb", ".pl", ".r", ".jl", ".lua", ".swift")
HEADER_SEARCH = (HEADER_SUFFIXES, SPDX_TAG_TEXT)
_COMMENT_LEAD = datacache.regex(r"^\s*(#|//|/\*|\*|--|;|<!--|%|@rem|rem\b|\.\.|\(\*)?\s*$", re.IGNORECASE)


def header_tag(lines: list[tuple[int, str]]) -> tuple[str, int] | None:
    """Among (line number, line) pairs, the first SPDX-License-Identifier
    that opens its line or follows a comment marker, as a source file's
    header carries it, with its line number."""
    for number, line in lines:
        found = _line_tag(line)
        if found:
            return found, number
    return None


@functools.lru_cache(maxsize=4096)
def _line_tag(line: str) -> str | None:
    # a large tree repeats a few header lines thousands of times
    found = spdx_tag(line, comment_only=True)
    return found[0] if found else None


def is_license_name(name: str) -> bool:
    if not _LICENSE_NAME.match(name):
        return False
    suffix = name.rsplit(".", 1)[1].lower() if "." in name else ""
    return suffix not in _NOT_LICENSE_SUFFIXES


def license_files(repo: Repo, directory: str = "") -> list[Entry]:
    """License files directly in a directory, plus REUSE's LICENSES/ texts at the root."""
    found = [e for e in repo.files_in(directory) if is_license_name(e.name)]
    if directory == "":
        found += [e for e in repo.files_in("LICENSES") if e.name.endswith((".txt", ".md"))]
    return sorted(found, key=lambda e: e.path)


def code_license_files(repo: Repo) -> list[Entry]:
    """Root license files that are not split out for models or data."""
    return [e for e in license_files(repo) if not _NOT_CODE.search(e.name)]


def spdx_tag(text: str, comment_only: bool = False) -> tuple[str, int] | None:
    """The first SPDX-License-Identifier in the text, with its 1-based line.

    With comment_only, the tag counts only at the start of a line or after a
    comment marker, as a source file's header carries it; a tag inside a
    string literal is not a declaration.
    """
    for match in _SPDX_TAG.finditer(text[:8192]):
        if comment_only and not _COMMENT_LEAD.match(match["lead"]):
            continue
        return match["expr"].strip(), text.count("\n", 0, match.start()) + 1
    return None
