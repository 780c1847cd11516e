"""CycloneDX 1.6 JSON from a report's facts.

Each release gives a `machine-learning-model` component with its model card
(parameters with its data sets as references, the model-index's metrics,
and the considerations its card's sections state), a `data` component per
data set, and a library or application for its code. Weights and data
files are `file` components inside them, hashed only by their Git LFS
pointers. Levels, the use policy and the reporting channels are
`openness-lint:` properties of the release's first component; every fact's
file and line is an `openness-lint:source:` property. Components, references
and properties are sorted, and the serial number is derived from the rest.
"""

from __future__ import annotations

import uuid
from typing import Any

from openness_lint.analysis.licensing import classify
from openness_lint.analysis.links import hub_url
from openness_lint.bom.datasets import Dataset
from openness_lint.bom.document import (
    NAMESPACE,
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
from openness_lint.bom.facts import Code, Model, Release
from openness_lint.bom.files import File, License
from openness_lint.report import Report
from openness_lint.version import __version__

SERIAL_NAMESPACE = uuid.UUID("5f0c5a39-2b8e-5d3f-9d1a-6f70656e6e65")  # openness-lint's own namespace
CHANNEL_TYPES = {"security-policy": "security-contact", "security-txt": "rfc-9116", "issue-template": "issue-tracker",
                 "issue-contact-link": "issue-tracker"}
# what a link to a component kept outside git is, as an external reference
LINK_TYPES = {"model-parameters": "distribution", "model-parameters-intermediate": "distribution",
              "datasets": "distribution", "evaluation-data": "distribution", "research-paper": "documentation",
              "technical-report": "documentation", "evaluation-results": "documentation",
              "model-metadata": "build-meta"}


def _properties(pairs: list[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"name": name, "value": value} for name, value in sorted(set(pairs))]


def _source(fact: str, *sources: str | None) -> list[tuple[str, str]]:
    return [(f"{NAMESPACE}:source:{fact}", s) for s in sources if s]


def _licenses(found: License) -> tuple[list[dict], list[tuple[str, str]]]:
    """CycloneDX licenses of an expression, and properties naming its LicenseRefs and sources."""
    if not found.expression:
        return [], []
    keys = classify.keys(found.expression)
    names = [(f"{NAMESPACE}:license-name:{k}", license_name(k)) for k in keys if k.startswith("LicenseRef-")]
    sources = _source("license", *found.sources)
    if keys != [found.expression]:
        return [{"expression": found.expression, "acknowledgement": "declared"}], names + sources
    key = keys[0]
    if not key.startswith("LicenseRef-"):
        return [{"license": {"id": key, "acknowledgement": "declared"}}], sources
    entry: dict[str, Any] = {"name": license_name(key), "acknowledgement": "declared"}
    if license_page(key):
        entry["url"] = license_page(key)
    entry["properties"] = _properties([(f"{NAMESPACE}:license-ref", key)])
    return [{"license": entry}], names + sources


def _reference(kind: str, url: str, comment: str) -> dict[str, str]:
    return {"type": kind, "url": clean_url(url), "comment": comment}


def _files(files: tuple[File, ...]) -> list[dict]:
    found = []
    for item in files:
        component: dict[str, Any] = {"type": "file", "bom-ref": f"file:{item.path}", "name": item.path}
        if item.sha256:
            component["hashes"] = [{"alg": "SHA-256", "content": item.sha256}]
        component["properties"] = _properties([(f"{NAMESPACE}:size", str(item.size)),
                                               *_source("hash", item.hash_source)])
        found.append(component)
    return found


def _component(kind: str, bom_ref: str, name: str, license_: License, properties: list[tuple[str, str]],
               references: list[dict], files: tuple[File, ...] = (), description: str | None = None) -> dict[str, Any]:
    licenses, license_properties = _licenses(license_)
    component: dict[str, Any] = {"type": kind, "bom-ref": bom_ref, "name": name}
    if description:
        component["description"] = description
    if licenses:
        component["licenses"] = licenses
    if references:
        component["externalReferences"] = sorted(references, key=lambda r: (r["type"], r["url"], r["comment"]))
    if files:
        component["components"] = _files(files)
    component["properties"] = _properties(properties + license_properties)
    return component


def _model_card(model: Model, data_refs: list[str]) -> dict[str, Any]:
    parameters: dict[str, Any] = {}
    for key, fact in (("task", model.task), ("architectureFamily", model.family),
                      ("modelArchitecture", model.architecture)):
        if fact:
            parameters[key] = fact.value
    if data_refs:
        parameters["datasets"] = [{"ref": r} for r in sorted(data_refs)]
    card: dict[str, Any] = {"modelParameters": parameters} if parameters else {}
    metrics = [{"type": r.metric, "value": r.value,
                "slice": ", ".join(p for p in (r.dataset_name or r.dataset, r.split and f"split {r.split}",
                                               r.task and f"task {r.task}") if p)}
               for r in model.results]
    if metrics:
        card["quantitativeAnalysis"] = {"performanceMetrics": metrics}
    considerations: dict[str, Any] = {}
    if model.use_cases:
        considerations["useCases"] = [s.value for s in model.use_cases]
    limits = [f"Out of scope: {s.value}" for s in model.out_of_scope] + [s.value for s in model.limitations]
    if limits:
        considerations["technicalLimitations"] = limits
    if model.ethical:
        considerations["ethicalConsiderations"] = [{"name": s.value} for s in model.ethical]
    if considerations:
        card["considerations"] = considerations
    return card


def _model(part: Part, data_refs: list[str], trained: list[str], tested: list[str]) -> dict[str, Any]:
    model = part.facts.model
    assert model is not None
    properties = [(f"{NAMESPACE}:artifact", "model"), *_source("name", model.name.source if model.name.path else None)]
    properties += [(f"{NAMESPACE}:trained-on", r) for r in trained] + [(f"{NAMESPACE}:tested-on", r) for r in tested]
    for fact, stated in (("description", model.summary), ("task", model.task), ("modelArchitecture", model.architecture),
                         ("architectureFamily", model.family), ("sensitive-personal-information", model.sensitive),
                         ("safety-risk-assessment", model.safety_risk)):
        properties += _source(fact, stated.source if stated else None)
    for fact, said in (("useCases", model.use_cases), ("outOfScopeUses", model.out_of_scope),
                       ("technicalLimitations", model.limitations), ("ethicalConsiderations", model.ethical)):
        properties += _source(f"considerations.{fact}", *(s.source for s in said))
    properties += _source("performanceMetrics", *(f"{model.card_path}:{r.line}" for r in model.results if r.line))
    for stated in (model.sensitive, model.safety_risk):
        if stated:
            name = "sensitive-personal-information" if stated is model.sensitive else "safety-risk-assessment"
            properties.append((f"{NAMESPACE}:{name}", stated.value))
    references = [_reference("model-card", url_of(model.card), "Model card")] if model.card else []
    references += [_reference("documentation", url_of(p.value), f"Research paper ({p.source})") for p in model.papers]
    component = _component("machine-learning-model", ref(part.release, "model"), model.name.value, model.license,
                           properties, references, model.files, model.summary and model.summary.value)
    if model.base_models:
        component["pedigree"] = {"ancestors": [
            {"type": "machine-learning-model", "bom-ref": ref(part.release, f"base:{b.value}"), "name": b.value,
             "externalReferences": [_reference("website", hub_url(b.value, "") or url_of(b.value),
                                               f"Base model, on the Hugging Face Hub ({b.source})")]}
            for b in sorted(model.base_models, key=lambda b: b.value)]}
    card = _model_card(model, data_refs)
    if card:
        component["modelCard"] = card
    return component


def _dataset(part: Part, item: Dataset) -> dict[str, Any]:
    properties = [(f"{NAMESPACE}:artifact", "data"), *_source("name", item.name.source if item.name.path else None)]
    properties += [(f"{NAMESPACE}:data-type", t.value) for t in item.types] + _source("data-type", *(t.source for t in item.types))
    for fact, said in (("intendedUse", item.intended_use), ("collectionProcess", item.collection),
                       ("preprocessing", item.preprocessing)):
        properties += [(f"{NAMESPACE}:{fact}", s.value) for s in said] + _source(fact, *(s.source for s in said))
    if item.sensitive:
        properties += [(f"{NAMESPACE}:sensitive-personal-information", item.sensitive.value),
                       *_source("sensitive-personal-information", item.sensitive.source)]
    references = []
    page = hub_url(item.hub_id.value) if item.hub_id else None
    if item.hub_id and page:
        references.append(_reference("website", page, f"Data set on the Hugging Face Hub ({item.hub_id.source})"))
    if item.card:
        references.append(_reference("documentation", url_of(item.card), "Data card"))
    component = _component("data", ref(part.release, f"data:{item.key}"), item.name.value, item.license, properties,
                           references, item.files, item.summary and item.summary.value)
    component["data"] = [{"type": "dataset", "name": item.name.value}]
    return component


def _code(part: Part, code: Code) -> dict[str, Any]:
    properties = [(f"{NAMESPACE}:artifact", "code"), *_source("name", code.name.source if code.name.path else None),
                  *_source("version", code.version.source if code.version else None)]
    properties += [(f"{NAMESPACE}:file", path) for path in code.files]
    component = _component(code.kind, ref(part.release, "code"), code.name.value, code.license, properties, [])
    if code.version:
        component["version"] = code.version.value
    return component


def _release_references(facts: Release) -> list[dict]:
    """What the cards and README link outside git, the use policy and the reporting channels."""
    found = [_reference(LINK_TYPES.get(component, "other"), url, comment) for component, url, comment in linked(facts)]
    found += [_reference("documentation", f.url or url_of(f.path), f"Acceptable use policy ({f.form}, {f.evidence})")
             for f in facts.use_policy]
    for channel in facts.channels:
        address = f"mailto:{channel.address}" if channel.kind == "email" else \
            channel.address if channel.kind == "url" else url_of(channel.address)
        found.append(_reference(CHANNEL_TYPES.get(channel.source, "support"), address,
                                f"Reporting channel ({channel.source}, {channel.evidence})"))
    return found


def _components(part: Part) -> tuple[list[dict], dict | None]:
    """The release's components, and the one its levels and policies go on."""
    facts = part.facts
    datasets = [_dataset(part, d) for d in facts.datasets]
    refs = {d.key: ref(part.release, f"data:{d.key}") for d in facts.datasets}
    trained = [refs[d.key] for d in facts.datasets if d.trained_on]
    tested = [refs[d.key] for d in facts.datasets if d.tested_on]
    model = _model(part, sorted(set(trained + tested)), trained, tested) if facts.model else None
    code = _code(part, facts.code) if facts.code else None
    found = [c for c in (model, *datasets, code) if c is not None]
    primary = found[0] if found else None
    if primary is not None:
        primary.setdefault("externalReferences", []).extend(_release_references(facts))
        primary["externalReferences"].sort(key=lambda r: (r["type"], r["url"], r["comment"]))
        if not primary["externalReferences"]:
            del primary["externalReferences"]
        pairs = [(p["name"], p["value"]) for p in primary["properties"]]
        primary["properties"] = _properties(pairs + level_properties(part.level) + policy_properties(facts)
                                            + ([(f"{NAMESPACE}:release", part.release)] if part.release else []))
    return found, primary


def build(report: Report, timestamp: str | None, serial: str | None) -> dict[str, Any]:
    document: dict[str, Any] = {"bomFormat": "CycloneDX", "specVersion": "1.6"}
    if serial:
        document["serialNumber"] = serial
    document["version"] = 1
    metadata: dict[str, Any] = {"timestamp": timestamp} if timestamp else {}
    metadata["tools"] = {"components": [{"type": "application", "name": "openness-lint", "version": __version__}]}
    components, loose = [], []
    for part in parts(report):
        found, primary = _components(part)
        components += found
        if primary is None:  # a release with nothing to list: its levels go on the BOM itself
            loose += level_properties(part.level) + policy_properties(part.facts)
    if loose:
        metadata["properties"] = _properties(loose)
    document["metadata"] = metadata
    document["components"] = sorted(components, key=lambda c: c["bom-ref"])
    return document


def render(report: Report, timestamp: str | None = None) -> str:
    """The BOM as CycloneDX 1.6 JSON; the same report gives the same bytes."""
    serial = f"urn:uuid:{uuid.uuid5(SERIAL_NAMESPACE, canonical(build(report, timestamp, None)))}"
    return dumps(build(report, timestamp, serial))
