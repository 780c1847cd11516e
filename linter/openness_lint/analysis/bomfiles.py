"""The BOMs a repository already carries, read as declarations to check.

`bom.json`, `*.cdx.json` (CycloneDX) and `*.spdx.json` (SPDX 2 JSON or
SPDX 3 JSON-LD) say which license the release's own model, data and code
are under, and which SHA-256 its files have. Both are checked against the
files (LIC008, LVL011), never the other way round: a BOM is a copy of what
the files say and can only be wrong about them. Components that the cards
name as someone else's (a `base_model:`, a Hub dataset in `datasets:`) are
not the release's own and are not checked. A BOM that cannot be read is a
problem with its line (LVL010), never an exception.
"""

from __future__ import annotations

import posixpath
from typing import Any, Iterator, NamedTuple

from openness_lint.analysis import cards
from openness_lint.analysis.evidence import patterns_table
from openness_lint.analysis.licensing import names
from openness_lint.analysis.licensing.attribution import Group, agree, attribution
from openness_lint.analysis.licensing.declarations import Declaration, resolve_written
from openness_lint.context import Context
from openness_lint.repo import globs
from openness_lint.repo.inventory import parent_of
from openness_lint.text import jsonlines, spdx
from openness_lint.text.jsonlines import line_of

BOM_GLOBS = ("bom.json", "*.cdx.json", "*.spdx.json")
ARTIFACT_PROPERTY = "openness-lint:artifact"  # what openness-lint's own BOMs say each component is
LICENSE_REF_PROPERTY = "openness-lint:license-ref"  # and the LicenseRef a license given by name stands for
CDX_ARTIFACTS = {"machine-learning-model": "model", "data": "data"}
SPDX3_ARTIFACTS = {"ai_AIPackage": "model", "dataset_DatasetPackage": "data", "software_Package": "code"}
NO_LICENSE = ("NOASSERTION", "NONE")


class Hash(NamedTuple):
    """A SHA-256 that a BOM gives a file of the repository."""

    path: str  # the BOM
    line: int | None
    target: str  # the file, as the repository names it
    sha256: str


class BomFile(NamedTuple):
    path: str
    kind: str  # "cyclonedx", "spdx-2" or "spdx-3"; "" when it cannot be read
    licenses: tuple[Declaration, ...] = ()  # source "bom"
    hashes: tuple[Hash, ...] = ()
    problem: tuple[str, int | None] | None = None


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _items(value: Any) -> list:
    return value if isinstance(value, list) else []


def _mapping(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _property(holder: dict, name: str) -> str | None:
    """A CycloneDX property's value."""
    return next((_text(p.get("value")) for p in _items(holder.get("properties"))
                 if isinstance(p, dict) and p.get("name") == name), None)


class _Reader:
    """One BOM's declarations, made relative to the repository."""

    def __init__(self, ctx: Context, path: str, external: frozenset[str]):
        self.ctx, self.path, self.external = ctx, path, external
        self.licenses: list[Declaration] = []
        self.hashes: list[Hash] = []

    def license(self, artifact: str, name: str, said: list[tuple[str, str, int | None]]) -> None:
        """said: (kind, value, line) with kind id, expression or name; together they are one license."""
        resolved = []
        for kind, value, _ in said:
            if kind == "name":
                found = names.find(value)
                resolved.append(found[0].license if len(found) == 1 else None)
            else:
                resolved.append(resolve_written(value)[0])
        if not said or None in resolved:
            return  # a license we cannot read says nothing to check
        line = said[0][2]
        text = " AND ".join(value for _, value, _ in said)
        self.licenses.append(Declaration(artifact, "bom", self.path, line, text, spdx.conjoin(resolved),
                                         subject=name))

    def hash(self, target: Any, algorithm: Any, value: Any, line: int | None) -> None:
        where, digest = _text(target), _text(value)
        if not where or not digest or str(algorithm).upper().replace("-", "") != "SHA256":
            return
        where = where.removeprefix("./")
        beside = posixpath.normpath(posixpath.join(parent_of(self.path), where))
        for candidate in (beside, posixpath.normpath(where)):
            if candidate in self.ctx.repo:
                self.hashes.append(Hash(self.path, line, candidate, digest.lower()))
                return

    def own(self, name: str | None) -> bool:
        return not name or name.lower() not in self.external

    # -- CycloneDX ---------------------------------------------------------------
    def cyclonedx(self, data: dict) -> None:
        subject = _mapping(_mapping(data.get("metadata")).get("component"))
        for component, is_subject in [(subject, True), *((c, False) for c in self._nested(data))]:
            if component:
                self._cdx_component(component, is_subject)

    def _nested(self, holder: dict) -> Iterator[dict]:
        for component in _items(holder.get("components")):
            if isinstance(component, dict):
                yield component
                yield from self._nested(component)

    def _cdx_component(self, component: dict, is_subject: bool) -> None:
        name = _text(component.get("name"))
        for item in _items(component.get("hashes")):
            if isinstance(item, dict):
                self.hash(name, item.get("alg"), item.get("content"), line_of(item, "content"))
        marked = _property(component, ARTIFACT_PROPERTY)
        artifact = marked or CDX_ARTIFACTS.get(str(component.get("type")), "code" if is_subject else None)
        if artifact not in ("code", "model", "data") or not (is_subject or self.own(name)):
            return
        said = []
        for item in _items(component.get("licenses")):
            choice = _mapping(item)
            license_ = _mapping(choice.get("license"))
            key = _property(license_, LICENSE_REF_PROPERTY)
            if key:
                said.append(("id", key, line_of(license_, "name")))
                continue
            for kind, holder in (("expression", choice), ("id", license_), ("name", license_)):
                value = _text(holder.get(kind))
                if value:
                    said.append((kind, value, line_of(holder, kind)))
                    break
        self.license(artifact, name or "", said)

    # -- SPDX 2 ------------------------------------------------------------------
    def spdx2(self, data: dict) -> None:
        described = {str(d) for d in _items(data.get("documentDescribes"))}
        described |= {str(r.get("relatedSpdxElement")) for r in map(_mapping, _items(data.get("relationships")))
                      if r.get("relationshipType") == "DESCRIBES" and r.get("spdxElementId") == "SPDXRef-DOCUMENT"}
        for package in map(_mapping, _items(data.get("packages"))):
            self._checksums(package, package.get("packageFileName"))
            declared = _text(package.get("licenseDeclared"))
            if package.get("SPDXID") in described and declared and declared not in NO_LICENSE:
                self.license("code", str(package.get("name") or ""),
                             [("expression", declared, line_of(package, "licenseDeclared"))])
        for file in map(_mapping, _items(data.get("files"))):
            self._checksums(file, file.get("fileName"))

    def _checksums(self, holder: dict, target: Any) -> None:
        for item in map(_mapping, _items(holder.get("checksums"))):
            self.hash(target, item.get("algorithm"), item.get("checksumValue"), line_of(item, "checksumValue"))

    # -- SPDX 3 ------------------------------------------------------------------
    def spdx3(self, graph: list) -> None:
        elements = {str(e.get("spdxId") or e.get("@id")): e for e in map(_mapping, graph) if e}
        roots = {str(r) for e in elements.values() if e.get("type") == "SpdxDocument"
                 for r in _items(e.get("rootElement"))}
        declared: dict[str, list] = {}
        for relation in elements.values():
            if relation.get("type") == "Relationship" and relation.get("relationshipType") == "hasDeclaredLicense":
                declared.setdefault(str(relation.get("from")), []).extend(_items(relation.get("to")))
        for spdx_id, element in elements.items():
            if element.get("type") == "software_File":
                for item in map(_mapping, _items(element.get("verifiedUsing"))):
                    self.hash(element.get("name"), item.get("algorithm"), item.get("hashValue"),
                              line_of(item, "hashValue"))
            artifact = SPDX3_ARTIFACTS.get(str(element.get("type")))
            name = _text(element.get("name"))
            if artifact is None or (artifact == "code" and spdx_id not in roots) or not self.own(name):
                continue
            said = []
            for target in declared.get(spdx_id, ()):
                license_ = elements.get(str(target), {})
                value = _text(license_.get("simplelicensing_licenseExpression"))
                if value and value not in NO_LICENSE:
                    said.append(("expression", value, line_of(license_, "simplelicensing_licenseExpression")))
            self.license(artifact, name or "", said)


def _external(ctx: Context) -> frozenset[str]:
    """Names the cards give to other people's models and data sets."""
    local = {str(c.meta.get("pretty_name") or "").lower() for c in cards.cards(ctx) if c.kind == "data"}
    named = {value.lower() for card in cards.cards(ctx) if card.kind == "model"
             for key in ("base_model", "datasets") for value, _ in cards.listed(card, key)}
    return frozenset(n for n in named if n.rpartition("/")[2] not in local)


def _read(ctx: Context, path: str, external: frozenset[str]) -> BomFile | None:
    text = ctx.text(path)
    if text is None:
        return None  # unreadable: the engine reports why (OL001)
    try:
        data = jsonlines.load(text)
    except jsonlines.JsonProblem as exc:
        return BomFile(path, "", problem=(f"{path} is not valid JSON: {exc.message}", exc.line))
    reader = _Reader(ctx, path, external)
    if isinstance(data, dict) and data.get("bomFormat") == "CycloneDX":
        kind = "cyclonedx"
        reader.cyclonedx(data)
    elif isinstance(data, dict) and str(data.get("spdxVersion", "")).startswith("SPDX-2"):
        kind = "spdx-2"
        reader.spdx2(data)
    elif isinstance(data, dict) and "spdx" in str(data.get("@context", "")).lower() and isinstance(data.get("@graph"), list):
        kind = "spdx-3"
        reader.spdx3(data["@graph"])
    else:
        return BomFile(path, "", problem=(f"{path} is neither a CycloneDX BOM (`bomFormat`) nor an SPDX document "
                                          "(`spdxVersion`, or `@context` and `@graph`)", line_of(data) or 1))
    return BomFile(path, kind, tuple(reader.licenses), tuple(reader.hashes))


def bom_files(ctx: Context) -> list[BomFile]:
    """Every BOM of the release, read once per run, in path order."""
    return ctx.memo(_bom_files)


def _bom_files(ctx: Context) -> list[BomFile]:
    skipped = {str(f).lower() for f in patterns_table().get("exclude-folders", [])}
    entries = [e for e in ctx.repo.find(globs.names(BOM_GLOBS)) if e.kind != "lfs-pointer"
               and not set(e.path.lower().split("/")[:-1]) & skipped]
    if not entries:
        return []
    external = _external(ctx)
    return [found for entry in sorted(entries, key=lambda e: e.path)
            if (found := _read(ctx, entry.path, external)) is not None]


def license_disagreements(ctx: Context) -> list[tuple[Declaration, list[Group]]]:
    """Licenses a BOM gives that no license the files give agrees with,
    each with the groups of declarations (the files) it contradicts."""
    groups = attribution(ctx).groups
    found = []
    for bom in bom_files(ctx):
        folder = parent_of(bom.path)
        for item in bom.licenses:
            covering = [g for g in groups[item.artifact] if g.license and (
                not folder or not g.scope or folder == g.scope
                or folder.startswith(g.scope + "/") or g.scope.startswith(folder + "/"))]
            if covering and not any(agree(item.license or "", g.license or "") for g in covering):
                found.append((item, covering))
    return found
