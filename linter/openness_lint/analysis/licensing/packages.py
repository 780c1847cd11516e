"""License fields in package metadata and CITATION.cff, read as text.

setup.py is never executed: only a literal ``license="..."`` counts.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from openness_lint.catalog import datacache
from openness_lint.context import Context
from openness_lint.text import tomlio, yamlio


class Declared(NamedTuple):
    source: str  # "package" or "citation"
    path: str
    line: int | None
    kind: str  # "expression" (SPDX), "text" (free text), "file" or "glob"
    value: str


def _line(text: str, pattern: str, section: str | None = None) -> int | None:
    inside = section is None
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if section is not None and stripped.startswith("["):
            inside = stripped == section
            continue
        if inside and re.match(pattern, stripped):
            return number
    return None


def _pyproject(path: str, text: str) -> list[Declared]:
    tomllib = tomlio.module()
    try:
        project = tomllib.loads(text).get("project", {})
    except (tomllib.TOMLDecodeError, RecursionError):
        return []
    found = []
    license_value = project.get("license")
    line = _line(text, r"license\s*=", "[project]")
    if isinstance(license_value, str):
        found.append(Declared("package", path, line, "expression", license_value))
    elif isinstance(license_value, dict):
        if isinstance(license_value.get("file"), str):
            found.append(Declared("package", path, line, "file", license_value["file"]))
        elif isinstance(license_value.get("text"), str):
            found.append(Declared("package", path, line, "text", license_value["text"]))
    globs = project.get("license-files")
    if isinstance(globs, list):
        glob_line = _line(text, r"license-files\s*=", "[project]")
        found += [Declared("package", path, glob_line, "glob", g) for g in globs if isinstance(g, str)]
    return found


def _setup_cfg(path: str, text: str) -> list[Declared]:
    import configparser  # only for a setup.cfg: it costs start-up time

    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text)
        value = parser.get("metadata", "license", fallback=None)
    except configparser.Error:
        return []
    if not value:
        return []
    return [Declared("package", path, _line(text, r"license\s*[=:]", "[metadata]"), "text", value.strip())]


_SETUP_PY = datacache.regex(r"""\blicense\s*=\s*(?P<q>["'])(?P<value>[^"'\n]{1,200})(?P=q)""")


def _setup_py(path: str, text: str) -> list[Declared]:
    match = _SETUP_PY.search(text)
    if not match:
        return []
    return [Declared("package", path, text.count("\n", 0, match.start()) + 1, "text", match["value"])]


def _package_json(path: str, text: str) -> list[Declared]:
    import json  # only for a package.json

    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return []
    value = data.get("license") if isinstance(data, dict) else None
    if not isinstance(value, str):
        return []
    return [Declared("package", path, _line(text, r'"license"\s*:'), "expression", value)]


def _citation(path: str, text: str) -> list[Declared]:
    try:
        data = yamlio.load(text)
    except yamlio.YamlProblem:
        return []  # the documentation rules report malformed CITATION.cff
    if not isinstance(data, dict) or "license" not in data:
        return []
    value = data["license"]
    values = value if isinstance(value, list) else [value]
    line = yamlio.line_of(data, "license")
    return [Declared("citation", path, line, "expression", str(v)) for v in values if v is not None]


def _reuse_toml(path: str, text: str) -> list[Declared]:
    """REUSE.toml: [[annotations]] with SPDX-License-Identifier."""
    tomllib = tomlio.module()
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError):
        return []
    found = []
    starts = [n for n, line in enumerate(text.splitlines(), 1) if line.strip().startswith("[[annotations]]")]
    for index, entry in enumerate(data.get("annotations") or []):
        value = entry.get("SPDX-License-Identifier") if isinstance(entry, dict) else None
        values = value if isinstance(value, list) else [value]
        line = starts[index] if index < len(starts) else None
        found += [Declared("reuse", path, line, "expression", str(v)) for v in values if isinstance(v, str)]
    return found


READERS = {
    "pyproject.toml": _pyproject,
    "setup.cfg": _setup_cfg,
    "setup.py": _setup_py,
    "package.json": _package_json,
    "CITATION.cff": _citation,
}


def declared(ctx: Context) -> list[Declared]:
    """License fields of the root's package metadata and citation file."""
    found: list[Declared] = []
    for name, reader in READERS.items():
        if name in ctx.repo:
            text = ctx.text(name)
            if text is not None:
                found.extend(reader(name, text))
    return found


def reuse_annotations(ctx: Context) -> list[Declared]:
    text = ctx.text("REUSE.toml") if "REUSE.toml" in ctx.repo else None
    return _reuse_toml("REUSE.toml", text) if text is not None else []
