"""Globs as regular expressions over the newline-joined inventory.

Repo.find() scans every path at once in C; these turn the glob tables of
rules/ into the anchored, multi-line patterns it takes.
"""

from __future__ import annotations

import functools
import re


def _translate(glob: str, cross_folders: bool) -> str:
    star = "[^\\n]*" if cross_folders else "[^/\\n]*"
    one = "[^\\n]" if cross_folders else "[^/\\n]"
    out, index = [], 0
    while index < len(glob):
        char = glob[index]
        index += 1
        if char == "*":
            out.append(star)
        elif char == "?":
            out.append(one)
        elif char == "[":
            end = glob.find("]", index + 1 if glob[index:index + 1] in ("!", "]") else index)
            if end == -1:
                out.append("\\[")
                continue
            body = glob[index:end].replace("\\", "\\\\")
            if body.startswith("!"):
                body = "^" + body[1:]
            out.append(f"[{body}]")
            index = end + 1
        else:
            out.append(re.escape(char))
    return "".join(out)


@functools.lru_cache(maxsize=512)
def names(globs: tuple[str, ...]) -> re.Pattern | None:
    """File names matching one of the globs; use with Repo.find(on_names=True)."""
    if not globs:
        return None
    body = "|".join(_translate(g, False) for g in globs)
    return re.compile(f"^(?:{body})$", re.MULTILINE | re.IGNORECASE)


@functools.lru_cache(maxsize=512)
def paths(globs: tuple[str, ...]) -> re.Pattern | None:
    """Paths matching one of the globs, `*` crossing folders (as fnmatch).

    A glob that starts with `*` matches any line that ends as the rest of it
    does, so it is searched for unanchored: the engine then jumps between
    occurrences of the rest's first literal instead of trying every line."""
    if not globs:
        return None
    anchored = [_translate(g, True) for g in globs if not g.startswith("*")]
    floating = [_translate(g.lstrip("*"), True) for g in globs if g.startswith("*")]
    parts = []
    if anchored:
        parts.append(f"^(?:{'|'.join(anchored)})$")
    if floating:
        parts.append(f"(?:{'|'.join(floating)})$")
    return re.compile("|".join(parts), re.MULTILINE | re.IGNORECASE)


@functools.lru_cache(maxsize=512)
def folders(folder_names: tuple[str, ...]) -> re.Pattern | None:
    """Paths inside a folder with one of these names, at any depth."""
    if not folder_names:
        return None
    body = "|".join(re.escape(f) for f in folder_names)
    return re.compile(f"(?:^|/)(?:{body})/", re.MULTILINE | re.IGNORECASE)
