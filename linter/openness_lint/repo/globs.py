"""Globs over the repository inventory, searched in C.

Repo.find() keeps every path, and every file name, lowercased and joined
one per line, with a line break before the first and after the last. A
glob becomes a few regular expressions over that text, each shaped so
that the engine's literal-prefix search jumps from candidate to candidate
instead of trying a match at every position (re.IGNORECASE would turn
that search off, so both sides are lowercased instead):

- globs that start with a literal (or `?`, `[`) are searched together as
  a line break followed by the glob and then the next line break;
- a glob that starts with `*` is searched unanchored from what follows
  the `*`, which then covers whatever comes before on the line;
- a folder name is searched as "name/", then checked to begin a path
  component.

A match starts inside its line, or on the line break just before it;
Repo.find maps it back to the entry.
"""

from __future__ import annotations

import fnmatch
import functools
import re
from typing import NamedTuple

from openness_lint.catalog import datacache


class Matcher(NamedTuple):
    """What Repo.find takes: searches over file names or over whole paths.
    ``checked`` pairs a literal to search for with the pattern its line must
    then match whole, for globs that start with neither a literal nor `*`."""
    on_names: bool
    searches: tuple[re.Pattern, ...]
    checked: tuple[tuple[re.Pattern, re.Pattern], ...] = ()


def _tokens(glob: str, cross_folders: bool) -> list[tuple[bool, str]]:
    """The glob as (is a literal character, regular expression) pairs."""
    star = "[^\\n]*" if cross_folders else "[^/\\n]*"
    one = "[^\\n]" if cross_folders else "[^/\\n]"
    out, index = [], 0
    while index < len(glob):
        char = glob[index]
        index += 1
        if char == "*":
            out.append((False, star))
        elif char == "?":
            out.append((False, one))
        elif char == "[":
            start = index + 1 if glob[index:index + 1] == "!" else index
            end = glob.find("]", start + 1 if glob[start:start + 1] == "]" else start)  # as fnmatch reads it
            if end == -1:
                out.append((True, "\\["))
                continue
            out.append((False, _bracket(glob[index - 1:end + 1], cross_folders)))
            index = end + 1
        else:
            out.append((True, re.escape(char)))
    return out


_WRAPPED = datacache.regex(r"\(\?s:(.*)\)\\[Zz]", re.DOTALL)  # what fnmatch.translate puts around a pattern


def _bracket(expression: str, cross_folders: bool) -> str:
    """A bracket expression ("[a-c]", "[!]a]") as fnmatch translates it, so
    that reversed ranges, escapes and leading "]" read exactly as fnmatch
    reads them; a negated set never matches a line break (nor, for a file
    name, a folder separator)."""
    pattern = _WRAPPED.fullmatch(fnmatch.translate(expression)).group(1)
    outside = "\\n" if cross_folders else "/\\n"
    if pattern == "(?!)":  # an empty range: matches nothing
        return pattern
    if pattern == ".":  # a negated empty range: any one character
        return f"[^{outside}]"
    if pattern.startswith("[^"):
        return pattern[:-1] + outside + "]"
    return pattern


def _translate(glob: str, cross_folders: bool) -> str:
    return "".join(regex for _, regex in _tokens(glob, cross_folders))


def _longest_literal(glob: str) -> str:
    """The longest run of literal characters in the glob, as a regex."""
    runs = [""]
    for literal, regex in _tokens(glob, True):
        if literal:
            runs[-1] += regex
        else:
            runs.append("")
    return max(runs, key=len)


def _searches(globs: tuple[str, ...], cross_folders: bool) -> tuple[tuple[re.Pattern, ...], tuple]:
    anchored, floating, checked = [], [], []
    for glob in dict.fromkeys(g.lower() for g in globs):
        rest = glob.lstrip("*")
        literal = _longest_literal(rest)
        if rest and rest != glob and rest[0] in "?[" and len(literal) > 2:
            # "*[0-9][0-9].pdf": search for ".pdf", then match the line whole
            checked.append((datacache.regex(literal), datacache.regex(_translate(glob, cross_folders))))
        elif rest and rest != glob:
            floating.append(datacache.regex(_translate(rest, cross_folders) + r"(?=\n)"))
        else:  # a literal start, or "*" alone (every line)
            anchored.append(_translate(glob, cross_folders))
    if anchored:
        floating.insert(0, datacache.regex("\n(?:" + "|".join(anchored) + r")(?=\n)"))
    return tuple(floating), tuple(checked)


@functools.lru_cache(maxsize=512)
def names(globs: tuple[str, ...]) -> Matcher | None:
    """File names matching one of the globs, case-insensitively."""
    return Matcher(True, *_searches(globs, False)) if globs else None


@functools.lru_cache(maxsize=512)
def paths(globs: tuple[str, ...]) -> Matcher | None:
    """Paths matching one of the globs case-insensitively, `*` crossing
    folders (as fnmatch)."""
    return Matcher(False, *_searches(globs, True)) if globs else None


@functools.lru_cache(maxsize=512)
def exact_names(file_names: tuple[str, ...]) -> Matcher | None:
    """File names equal to one of these, case-insensitively (no wildcards)."""
    if not file_names:
        return None
    body = "|".join(re.escape(n) for n in dict.fromkeys(n.lower() for n in file_names))
    return Matcher(True, (datacache.regex(f"\n(?:{body})(?=\n)"),))


@functools.lru_cache(maxsize=512)
def folders(folder_names: tuple[str, ...]) -> Matcher | None:
    """Paths inside a folder with one of these names, at any depth."""
    if not folder_names:
        return None
    searches = []
    for name in dict.fromkeys(f.lower() for f in folder_names):
        literal = re.escape(name)
        searches.append(datacache.regex(f"{literal}/(?<=[\\n/]{literal}/)"))
    return Matcher(False, tuple(searches))
