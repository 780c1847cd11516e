"""The release manifest: what lives outside git, in MOT's own format.

Read from mof.yaml or .mof.yaml at the root, a path in config
(`manifest:`), or a `release:` section in .openness-lint.yaml. The format
is the Model Openness Tool's model file, unchanged (FRAMEWORKS.md section
2). Problems are collected with their lines, never raised.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from openness_lint.analysis.licensing.declarations import resolve_written
from openness_lint.catalog import frameworks
from openness_lint.context import Context
from openness_lint.text import yamlio

NAMES = ("mof.yaml", ".mof.yaml")
GLOBAL_TYPES = ("code", "data", "document")


class Declared(NamedTuple):
    component: str
    line: int | None
    license: str | None  # resolved as MOT resolves it
    license_said: str | None  # as written
    license_origin: str  # "component", "code", "data", "document", "distribution" or "none"
    unlicensed: bool
    path: str | None  # component_path
    is_url: bool


class Manifest:
    """A release manifest: the components it declares, and its problems."""

    __slots__ = ("path", "components", "release", "problems")

    def __init__(self, path: str):
        self.path = path
        self.components: dict[str, Declared] = {}
        self.release: dict = {}
        self.problems: list[tuple[str, int | None]] = []


def _license_name(value: Any) -> tuple[str | None, str | None]:
    """(as written, resolved) from a MOT license entry: a string or {name, path}."""
    if isinstance(value, dict):
        value = value.get("name")
    if value is None or str(value).strip() == "":
        return None, None
    said = str(value).strip()
    if said.lower() == "unlicensed":
        return said, None
    resolved, _ = resolve_written(said)
    return said, resolved or said


def parse(data: Any, path: str, offset: int = 0) -> Manifest:
    manifest = Manifest(path)

    def line(container: Any, key: Any = None) -> int | None:
        found = yamlio.line_of(container, key)
        return found + offset if found is not None else None

    release = data.get("release") if isinstance(data, dict) else None
    if not isinstance(release, dict):
        manifest.problems.append(("a manifest needs a `release:` mapping (MOT model file format)", line(data) or 1))
        return manifest
    manifest.release = {k: release[k] for k in release if k not in ("license", "components")}
    licenses = release.get("license") or {}
    if not isinstance(licenses, dict):
        manifest.problems.append(("`release.license` must be a mapping of distribution/code/data/document", line(release, "license")))
        licenses = {}
    by_name = {spec["name"].lower(): cid for cid, spec in frameworks.builtin()["mof"].raw["components"].items()}
    types = {cid: spec["type"] for cid, spec in frameworks.builtin()["mof"].raw["components"].items()}
    items = release.get("components") or []
    if not isinstance(items, list):
        manifest.problems.append(("`release.components` must be a list", line(release, "components")))
        items = []
    for index, item in enumerate(items):
        where = line(items, index)
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            manifest.problems.append(("each component needs a `name`", where))
            continue
        cid = by_name.get(item["name"].strip().lower())
        if cid is None:
            manifest.problems.append((f"unknown component {item['name']!r}; use the Model Openness Tool's names", where))
            continue
        said, resolved = _license_name(item.get("license"))
        origin = "component" if said else "none"
        if said is None:
            for scope in (types[cid], "distribution"):
                said, resolved = _license_name(licenses.get(scope))
                if said:
                    origin = scope
                    break
        component_path = item.get("component_path")
        component_path = str(component_path) if component_path else None
        manifest.components[cid] = Declared(
            component=cid, line=where, license=resolved, license_said=said, license_origin=origin,
            unlicensed=resolved is None, path=component_path,
            is_url=bool(component_path and "://" in component_path))
    return manifest


def load(ctx: Context) -> Manifest | None:
    return ctx.memo(_load)


def _load(ctx: Context) -> Manifest | None:
    config = ctx.config
    if config.release is not None:
        return parse({"release": config.release}, config.source or ".openness-lint.yaml")
    candidates = [config.manifest] if config.manifest else [n for n in NAMES if n in ctx.repo]
    for name in candidates:
        text = ctx.text(name) if name in ctx.repo else None
        if text is None:
            manifest = Manifest(name)
            manifest.problems.append(("manifest not found or not readable", None))
            return manifest
        try:
            data = yamlio.load(text)
        except yamlio.YamlProblem as exc:
            manifest = Manifest(name)
            manifest.problems.append((f"invalid YAML: {exc}", exc.line))
            return manifest
        return parse(data, name)
    return None
