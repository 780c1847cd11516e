"""SPDX 3.0.1 JSON-LD, with the AI and Dataset profiles, from a report's facts.

Each release's model is an `ai_AIPackage` with the fields its card
supports, each data set a `dataset_DatasetPackage` and its code a
`software_Package`; weights and data files are `software_File`s the
packages contain, hashed only by their Git LFS pointers. Relationships:
`trainedOn` and `testedOn` to the data sets, `hasDeclaredLicense` to each
license. Every element's `comment` names the file and line of each fact.
A field the profiles make mandatory that nothing in the repository states
is left out and named in a warning, never invented; where the model needs
a value (an AI package's declared and concluded license, a data set's
type) the value is SPDX's own "no assertion".
"""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import quote, unquote

from openness_lint.analysis.links import hub_url
from openness_lint.bom.datasets import Dataset
from openness_lint.bom.document import (
    Part,
    canonical,
    clean_url,
    dumps,
    level_properties,
    license_name,
    license_page,
    linked,
    parts,
    policy_properties,
    ref,
    url_of,
)
from openness_lint.bom.facts import Model, Release
from openness_lint.bom.files import File, License
from openness_lint.report import Report
from openness_lint.version import __version__

CONTEXT = "https://spdx.org/rdf/3.0.1/spdx-context.jsonld"
CREATION = "_:creationinfo"
NO_ASSERTION = "expandedlicensing_NoAssertionLicense"
CHANNEL_TYPES = {"security-policy": "securityPolicy", "security-txt": "securityPolicy",
                 "issue-template": "issueTracker", "issue-contact-link": "issueTracker"}
LINK_TYPES = {"model-parameters": "altDownloadLocation", "model-parameters-intermediate": "altDownloadLocation",
              "datasets": "altDownloadLocation", "evaluation-data": "altDownloadLocation",
              "research-paper": "documentation", "technical-report": "documentation",
              "evaluation-results": "documentation", "model-metadata": "buildMeta"}
# what the profiles make mandatory (minCount 1) beyond what the writer always fills
MANDATORY = {"ai_AIPackage": ("suppliedBy", "releaseTime", "software_packageVersion", "software_downloadLocation"),
             "dataset_DatasetPackage": ("originatedBy", "builtTime", "releaseTime", "software_downloadLocation")}


class _Graph:
    def __init__(self, namespace: str):
        self.namespace = namespace
        self.elements: dict[str, dict[str, Any]] = {}
        self.warnings: list[str] = []

    def id(self, local: str) -> str:
        return self.namespace + quote(local, safe=":/")

    def add(self, kind: str, local: str, fields: dict[str, Any], sources: list[str]) -> str:
        spdx_id = self.id(local)
        element = {"type": kind, "spdxId": spdx_id, "creationInfo": CREATION}
        element.update((k, v) for k, v in fields.items() if v not in (None, [], ""))
        if sources:
            element["comment"] = "\n".join(sources)
        missing = [name for name in MANDATORY.get(kind, ()) if name not in element]
        if missing:
            self.warnings.append(f"SPDX {kind} {fields.get('name')!r} has no {', '.join(missing)}: "
                                 "nothing in the repository states it")
        self.elements[spdx_id] = element
        return spdx_id

    def relate(self, source: str, kind: str, targets: list[str]) -> None:
        if targets:
            local = f"relationship:{kind}:{unquote(source.removeprefix(self.namespace))}"
            self.add("Relationship", local, {"from": source, "relationshipType": kind, "to": sorted(targets)}, [])

    def license(self, found: License) -> str | None:
        if not found.expression:
            return None
        local = f"license:{found.expression}"
        if self.id(local) not in self.elements:
            keys = sorted({k for k in found.expression.replace("(", " ").replace(")", " ").split()
                           if k.startswith("LicenseRef-")})
            pages = [{"type": "DictionaryEntry", "key": k, "value": license_page(k)} for k in keys if license_page(k)]
            name = license_name(found.expression) if keys == [found.expression] else None
            self.add("simplelicensing_LicenseExpression", local, {
                "name": name, "simplelicensing_licenseExpression": found.expression,
                "simplelicensing_customIdToUri": pages}, [])
        return self.id(local)

    def files(self, package: str, files: tuple[File, ...], purpose: str) -> None:
        contained = []
        for item in files:
            hashes = [{"type": "Hash", "algorithm": "sha256", "hashValue": item.sha256}] if item.sha256 else []
            contained.append(self.add("software_File", f"file:{item.path}", {
                "name": item.path, "software_primaryPurpose": purpose, "verifiedUsing": hashes},
                [f"size: {item.size} bytes"] + ([f"sha256: {item.hash_source} (Git LFS pointer)"] if hashes else [])))
        self.relate(package, "contains", contained)


def _said(fact: str, stated) -> list[str]:
    return [f"{fact}: {s.source}" for s in stated if s is not None and s.path]


def _reference(kind: str, locator: str, comment: str) -> dict[str, Any]:
    return {"type": "ExternalRef", "externalRefType": kind, "locator": [clean_url(locator)], "comment": comment}


def _model(graph: _Graph, part: Part, model: Model) -> str:
    text = "\n\n".join
    # the Hub model page the cards and README link as the release's own is where its weights download from
    page = next((link for link in part.facts.links if link.component == "model-parameters"), None)
    limits = [s.value for s in model.limitations + model.ethical]
    application = [s.value for s in model.use_cases] + [f"Out of scope: {s.value}" for s in model.out_of_scope]
    references = [_reference("documentation", url_of(model.card), "Model card")] if model.card else []
    references += [_reference("documentation", url_of(p.value), f"Research paper ({p.source})") for p in model.papers]
    references += [_reference("other", hub_url(b.value, "") or b.value, f"Base model ({b.source})")
                   for b in model.base_models]
    sources = _said("name", [model.name]) + _said("description", [model.summary])
    sources += [f"license: {s}" for s in model.license.sources] + _said("ai_domain", [model.task])
    sources += _said("ai_typeOfModel", [model.architecture, model.family])
    sources += [f"software_downloadLocation: {page.path}:{page.line}"] if page else []
    sources += _said("ai_informationAboutTraining", model.training)
    sources += _said("ai_informationAboutApplication", model.use_cases + model.out_of_scope)
    sources += _said("ai_limitation", model.limitations + model.ethical)
    sources += _said("ai_safetyRiskAssessment", [model.safety_risk])
    sources += _said("ai_useSensitivePersonalInformation", [model.sensitive])
    sources += [f"ai_metric: {model.card_path}:{r.line}" for r in model.results if r.line]
    metrics = [{"type": "DictionaryEntry", "key": ", ".join(p for p in (r.metric, r.dataset_name or r.dataset,
                                                                        r.split and f"split {r.split}") if p),
                "value": r.value} for r in model.results]
    return graph.add("ai_AIPackage", ref(part.release, "model"), {
        "name": model.name.value, "description": model.summary and model.summary.value,
        "software_primaryPurpose": "model", "software_downloadLocation": page and clean_url(page.url),
        "ai_domain": [model.task.value] if model.task else [],
        "ai_typeOfModel": [s.value for s in (model.architecture, model.family) if s],
        "ai_informationAboutTraining": text(s.value for s in model.training),
        "ai_informationAboutApplication": text(application), "ai_limitation": text(limits),
        "ai_safetyRiskAssessment": model.safety_risk and model.safety_risk.value,
        "ai_useSensitivePersonalInformation": model.sensitive and model.sensitive.value,
        "ai_metric": sorted(metrics, key=lambda m: (m["key"], m["value"])),
        "externalRef": sorted(references, key=lambda r: (r["externalRefType"], r["locator"], r["comment"]))},
        sources)


def _dataset(graph: _Graph, part: Part, item: Dataset) -> str:
    page = hub_url(item.hub_id.value) if item.hub_id else None
    references = [_reference("altWebPage", page, f"Data set on the Hugging Face Hub ({item.hub_id.source})")] \
        if page and item.hub_id else []
    references += [_reference("documentation", url_of(item.card), "Data card")] if item.card else []
    sources = _said("name", [item.name]) + _said("description", [item.summary])
    sources += [f"license: {s}" for s in item.license.sources] + _said("dataset_datasetType", item.types)
    sources += _said("software_downloadLocation", [item.hub_id] if page else [])
    sources += _said("dataset_intendedUse", item.intended_use)
    sources += _said("dataset_dataCollectionProcess", item.collection)
    sources += _said("dataset_dataPreprocessing", item.preprocessing)
    sources += _said("dataset_hasSensitivePersonalInformation", [item.sensitive])
    if not item.types:
        graph.warnings.append(f"SPDX dataset_DatasetPackage {item.name.value!r}: no data type is known from its "
                              "card or its files; dataset_datasetType is noAssertion")
    return graph.add("dataset_DatasetPackage", ref(part.release, f"data:{item.key}"), {
        "name": item.name.value, "description": item.summary and item.summary.value,
        "software_primaryPurpose": "data", "software_downloadLocation": page,
        "dataset_datasetType": [t.value for t in item.types] or ["noAssertion"],
        "dataset_intendedUse": "\n\n".join(s.value for s in item.intended_use),
        "dataset_dataCollectionProcess": "\n\n".join(s.value for s in item.collection),
        "dataset_dataPreprocessing": [s.value for s in item.preprocessing],
        "dataset_hasSensitivePersonalInformation": item.sensitive and item.sensitive.value,
        "externalRef": sorted(references, key=lambda r: (r["externalRefType"], r["locator"]))}, sources)


def _release_references(facts: Release) -> list[dict[str, Any]]:
    """What the cards and README link outside git (but the model's download
    location), the use policy and the reporting channels."""
    download = next((link.url for link in facts.links if link.component == "model-parameters"), None) \
        if facts.model else None
    found = [_reference(LINK_TYPES.get(component, "other"), url, comment) for component, url, comment in linked(facts)
             if url != download]
    found += [_reference("other", f.url or url_of(f.path), f"Acceptable use policy ({f.form}, {f.evidence})")
             for f in facts.use_policy]
    for channel in facts.channels:
        locator = f"mailto:{channel.address}" if channel.kind == "email" else \
            channel.address if channel.kind == "url" else url_of(channel.address)
        found.append(_reference(CHANNEL_TYPES.get(channel.source, "support"), locator,
                                f"Reporting channel ({channel.source}, {channel.evidence})"))
    return found


def _release(graph: _Graph, part: Part) -> list[str]:
    """The release's elements and relationships; its packages, the model (or
    else the first data set, or the code) first."""
    facts = part.facts
    data = {d.key: _dataset(graph, part, d) for d in facts.datasets}
    for item in facts.datasets:
        graph.files(data[item.key], item.files, "data")
        graph.relate(data[item.key], "hasDeclaredLicense", [lic] if (lic := graph.license(item.license)) else [])
    packages = []
    if facts.model:
        model = _model(graph, part, facts.model)
        graph.files(model, facts.model.files, "model")
        declared = graph.license(facts.model.license)
        if declared is None:
            graph.warnings.append(f"SPDX ai_AIPackage {facts.model.name.value!r}: no license is declared for the "
                                  "model; hasDeclaredLicense is NoAssertion")
        graph.relate(model, "hasDeclaredLicense", [declared or NO_ASSERTION])
        graph.relate(model, "hasConcludedLicense", [NO_ASSERTION])
        graph.relate(model, "trainedOn", [data[d.key] for d in facts.datasets if d.trained_on])
        graph.relate(model, "testedOn", [data[d.key] for d in facts.datasets if d.tested_on])
        packages.append(model)
    packages += [data[d.key] for d in facts.datasets]
    if facts.code:
        code = facts.code
        sources = _said("name", [code.name]) + _said("software_packageVersion", [code.version])
        sources += [f"license: {s}" for s in code.license.sources]
        package = graph.add("software_Package", ref(part.release, "code"), {
            "name": code.name.value, "software_packageVersion": code.version and code.version.value,
            "software_primaryPurpose": code.kind}, sources)
        graph.relate(package, "hasDeclaredLicense", [lic] if (lic := graph.license(code.license)) else [])
        packages.append(package)
    if not packages:
        return []
    primary = graph.elements[packages[0]]
    said = [f"{name}: {value}" for name, value in level_properties(part.level) + policy_properties(facts)]
    said += [f"openness-lint:release: {part.release}"] if part.release else []
    primary["comment"] = "\n".join(filter(None, [primary.get("comment"), *said]))
    references = primary.get("externalRef", []) + _release_references(facts)
    if references:
        primary["externalRef"] = sorted(references, key=lambda r: (r["externalRefType"], r["locator"], r["comment"]))
    return packages


def build(report: Report, created: str, namespace: str) -> tuple[dict[str, Any], list[str]]:
    graph = _Graph(namespace)
    agent = graph.add("SoftwareAgent", "openness-lint", {"name": "openness-lint"}, [])
    tool = graph.add("Tool", "tool", {"name": f"openness-lint {__version__}"}, [])
    roots = [root for part in parts(report) for root in _release(graph, part)]
    found = parts(report)
    name = found[0].facts.repository if found else "release"
    document = graph.add("SpdxDocument", "document", {
        "name": name, "profileConformance": ["ai", "core", "dataset", "simpleLicensing", "software"],
        "rootElement": sorted(roots), "element": sorted(e for e in graph.elements if e != graph.id("document"))}, [])
    creation = {"type": "CreationInfo", "@id": CREATION, "specVersion": "3.0.1", "created": created,
                "createdBy": [agent], "createdUsing": [tool]}
    graph_items = [creation] + [graph.elements[k] for k in sorted(graph.elements)]
    assert document in graph.elements
    return {"@context": CONTEXT, "@graph": graph_items}, graph.warnings


def render(report: Report, created: str) -> tuple[str, list[str]]:
    """The BOM as SPDX 3.0.1 JSON-LD, and the warnings about mandatory fields
    nothing states. Element ids are derived from the content."""
    draft, _ = build(report, created, "urn:openness-lint:")
    digest = hashlib.sha256(canonical(draft).encode("utf-8")).hexdigest()[:32]
    document, warnings = build(report, created, f"urn:openness-lint:{digest}:")
    return dumps(document), warnings
