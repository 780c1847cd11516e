"""Where license files are, by name only (FRAMEWORKS.md section 7)."""

from __future__ import annotations

import functools
import re

from openness_lint.catalog import datacache
from openness_lint.repo import globs
from openness_lint.repo.inventory import Entry
from openness_lint.repo.repo import Repo

# LICENSE, LICENCE, COPYING, UNLICENSE; any case; with an extension or a
# -SUFFIX (LICENSE-CODE, LICENSE.md); split files such as MODEL_LICENSE; and
# agreements named with spaces ("Example Model LICENSE AGREEMENT").
_LICENSE_NAME = datacache.regex(
    r"^(?:[\w.]+[-_ ])*(?:un)?(?:licen[cs]es?|copying|agreement)(?:[-_. ][\w. -]*)?$", re.IGNORECASE)
# a contributor license agreement is about contributions, not the release;
# nor is a license header template or checker (license_header.txt, license-check.yml)
_NOT_LICENSE_WORDS = datacache.regex(
    r"contributor|(?:^|[-_ .])(?:cla|icla|ccla)(?:$|[-_ .])|individual|corporate|header|template|check",
    re.IGNORECASE)
# names that may be license files, as a fast first cut for Repo.find
CANDIDATES = globs.names(("*licen[cs]e*", "*copying*", "*agreement*"))
# every file in a folder of license files: model_licenses/LICENSE-<model>
LICENSE_FOLDERS = globs.paths(("*licenses/*", "*licences/*"))
_FOLDER_OF_LICENSES = datacache.regex(r"licen[cs]es$", re.IGNORECASE)
# third-party code, and the license files that come with it
VENDORED_FOLDERS = frozenset({"third_party", "third-party", "thirdparty", "3rdparty", "vendor", "vendored",
                              "external", "externals", "extern", "deps", "dependencies"})
# LICENSE-<suffix>: a license (LICENSE-MIT, LICENSE.APACHE) or an artifact
# (LICENSE-MODEL) is the release's own; any other suffix names a component
_SUFFIX = datacache.regex(r"^(?:licen[cs]e|copying)[-_.](?P<suffix>.+?)(?:\.(?:md|txt|rst|markdown))?$",
                          re.IGNORECASE)
_OWN_SUFFIX = datacache.regex(
    r"^(?:md|txt|rst|markdown|apache|mit|bsd|gpl|lgpl|agpl|mpl|cc|cc0|isc|unlicense|epl|zlib|boost|"
    r"agreement|terms|code|source|software|model|models|weights?|data|datasets?|docs?|documentation|params?|checkpoints?)\b",
    re.IGNORECASE)
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
    if not _LICENSE_NAME.match(name) or _NOT_LICENSE_WORDS.search(name):
        return False
    return _suffix(name) not in _NOT_LICENSE_SUFFIXES


def _suffix(name: str) -> str:
    return name.rsplit(".", 1)[1].lower() if "." in name else ""


def in_license_folder(path: str) -> bool:
    """Whether a file sits in a folder of license files (model_licenses/)."""
    folder = path.rpartition("/")[0].rpartition("/")[2]
    return bool(_FOLDER_OF_LICENSES.search(folder)) and _suffix(path) not in _NOT_LICENSE_SUFFIXES


def is_vendored(path: str) -> bool:
    """A license file for third-party code: under third_party/ or vendor/,
    or named after a component (LICENSE_<component>)."""
    parts = path.lower().split("/")
    if VENDORED_FOLDERS.intersection(parts[:-1]):
        return True
    if in_license_folder(path):
        return False
    match = _SUFFIX.match(parts[-1])
    return bool(match) and not _OWN_SUFFIX.match(match["suffix"])


def subject_of(path: str) -> str:
    """What a file in a folder of license files is for: its name without
    LICENSE- and extension (model_licenses/LICENSE-FLUX1-dev -> FLUX1-dev)."""
    name = path.rpartition("/")[2]
    match = _SUFFIX.match(name)
    return match["suffix"] if match else name.rsplit(".", 1)[0]


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
