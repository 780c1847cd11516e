"""A release manifest drafted from the evidence, for `openness-lint manifest`.

Every component the files show, the manifest already declares, or a card or
README links to becomes an entry in the Model Openness Tool's own format,
with the license the evidence gives it and the place it came from. Nothing
is guessed: a license no file states is `unlicensed`, a field no file fills
is left empty for the maintainer.
"""

from __future__ import annotations

import posixpath
from typing import NamedTuple

from openness_lint import components
from openness_lint.analysis import documents, links
from openness_lint.analysis import manifest as manifest_mod
from openness_lint.analysis.components import detect_all
from openness_lint.analysis.licensing.component_licenses import FROM_ARTIFACT
from openness_lint.catalog import frameworks
from openness_lint.components import ComponentStatus
from openness_lint.context import Context

# the Hub's pipeline_tag, by its first word, as MOT's release `type`
TYPES = {"text": "language", "fill": "language", "token": "language", "question": "language",
         "summarization": "language", "translation": "language", "sentence": "language",
         "feature": "language", "table": "language", "image": "vision", "object": "vision",
         "depth": "vision", "mask": "vision", "video": "vision", "keypoint": "vision",
         "automatic": "audio", "audio": "audio", "voice": "audio"}
MULTIMODAL_TAGS = {"image-text-to-text", "image-to-text", "visual-question-answering", "text-to-image",
                   "any-to-any", "video-text-to-text", "document-question-answering"}
LICENSE_OF_TYPE = {"code": "code-license", "data": "data-license"}


class Field(NamedTuple):
    key: str
    value: str
    source: str  # where the value came from, or what to fill in


class Entry(NamedTuple):
    component: str
    name: str  # MOT's component name
    description: str
    license: str  # an SPDX expression, a LicenseRef, or "unlicensed"
    license_path: str
    component_path: str
    found: str  # "repository", "linked" or "manifest"
    source: str  # file and line, and why


class Draft(NamedTuple):
    release: list[Field]
    licenses: dict[str, tuple[str, str]]  # content type -> (license, path)
    entries: list[Entry]
    missing: list[str]  # MOT names of components nothing shows


def draft(ctx: Context) -> Draft:
    found = detect_all(ctx)
    declared = manifest_mod.load(ctx)
    declared_components = declared.components if declared and not declared.problems else {}
    linked = {item.component: item for item in links.linked(ctx)}
    mof = frameworks.builtin()["mof"].raw["components"]
    entries, missing = [], []
    for cid, spec in mof.items():
        status = found.get(cid)
        if cid in declared_components:
            entries.append(_declared(declared_components[cid], spec, declared.path if declared else ""))
        elif status is not None and status.present:
            entries.append(_in_repository(cid, spec, status, found))
        elif cid in linked:
            entries.append(_linked(ctx, cid, spec, linked[cid], found))
        else:
            missing.append(spec["name"])
    return Draft(_release(ctx, found, linked), _licenses(found), entries, missing)


def _license_file(found: dict[str, ComponentStatus], cid: str) -> str:
    status = found.get(cid)
    if status is None or not status.present or not status.evidence:
        return ""
    return components.evidence_path(status.evidence[0])


def _licenses(found: dict[str, ComponentStatus]) -> dict[str, tuple[str, str]]:
    out = {}
    for kind, cid in LICENSE_OF_TYPE.items():
        status = found.get(cid)
        if status is not None and status.present and status.license:
            out[kind] = (status.license, _license_file(found, cid))
    return out


def _license_path(cid: str, license_: str | None, found: dict[str, ComponentStatus]) -> str:
    """The file that gives the component its license: its license
    component's evidence, when that says the same license."""
    candidates = [FROM_ARTIFACT[cid]] if cid in FROM_ARTIFACT else ["code-license", "model-license", "data-license"]
    for source in candidates:
        status = found.get(source)
        if license_ and status is not None and status.license == license_:
            return _license_file(found, source)
    return ""


def _component_path(evidence: list[str]) -> str:
    """One path for the evidence: the file, or the folder all its files share."""
    paths = [components.evidence_path(e) for e in evidence]
    files = [p for p in paths if not p.lower().endswith((".md", ".markdown"))]
    paths = files or paths  # the data files, rather than the cards that describe them
    if len(set(paths)) == 1:
        return paths[0]
    folder = posixpath.commonpath(paths) if paths else ""
    return folder if folder and folder not in paths else paths[0]


def _in_repository(cid: str, spec: dict, status: ComponentStatus, found: dict[str, ComponentStatus]) -> Entry:
    path = _component_path(status.evidence)
    shown = ", ".join(status.evidence[:3]) + (f" and {len(status.evidence) - 3} more" if len(status.evidence) > 3 else "")
    why = (status.reasons or {}).get(status.evidence[0], "") if status.evidence else ""
    return Entry(cid, spec["name"], f"In the repository: {shown}", status.license or "unlicensed",
                 _license_path(cid, status.license, found), path, "repository",
                 shown + (f" ({why})" if why else ""))


def _linked(ctx: Context, cid: str, spec: dict, item: links.Linked, found: dict[str, ComponentStatus]) -> Entry:
    license_ = links.license_of(ctx, item)
    carrier = f", on the {item.via.replace('-', ' ')} page" if item.via else ""
    note = "" if license_ else "; no file states its license: fill it in"
    return Entry(cid, spec["name"], f"Linked: {item.what}{carrier}", license_ or "unlicensed",
                 _license_path(item.via or cid, license_, found), item.url, "linked",
                 f"{item.path}:{item.line} ({item.what}){note}")


def _declared(entry: manifest_mod.Declared, spec: dict, path: str) -> Entry:
    where = f"{path}:{entry.line}" if entry.line else path
    return Entry(entry.component, spec["name"], f"Declared in {path}",
                 entry.license_said or "unlicensed", "", entry.path or "", "manifest",
                 where + (", a URL: not verified" if entry.is_url else ""))


def _release(ctx: Context, found: dict[str, ComponentStatus], linked: dict[str, links.Linked]) -> list[Field]:
    docs = documents.documents(ctx)
    card = next((d for d in docs if d.kind == "model"), None)
    root = next((d for d in docs if d.root_readme), None)
    meta = card.meta if card else {}
    name, name_source = _name(card, root, ctx)
    tag = str(meta.get("pipeline_tag") or "")
    kind = "multimodal" if tag in MULTIMODAL_TAGS else TYPES.get(tag.split("-", 1)[0], "") if tag else ""
    base = meta.get("base_model")
    base = base[0] if isinstance(base, list) and base else base
    contact, contact_source = _contact(found)
    hub = next((item for cid, item in sorted(linked.items()) if item.what.startswith("Hub model")), None)
    card_source = f"{card.path} front matter" if card else ""
    return [
        Field("name", name, name_source),
        Field("version", "", "fill in: the release's version"),
        Field("date", "", "fill in: the release date, YYYY-MM-DD"),
        Field("type", kind, f"{card_source}: pipeline_tag {tag}" if kind else "fill in: language, vision, audio, "
              "multimodal or another modality"),
        Field("architecture", "", "fill in: for example transformer decoder"),
        Field("origin", str(base) if isinstance(base, str) else name,
              f"{card_source}: base_model" if isinstance(base, str) else "this release is its own origin; "
              "name the base model if it was fine-tuned"),
        Field("producer", "", "fill in: who publishes the release"),
        Field("contact", contact, contact_source),
        Field("repository", "", "fill in: the URL of this repository"),
        Field("huggingface", hub.url if hub else "", f"{hub.path}:{hub.line}" if hub else "fill in, or leave empty"),
    ]


def _name(card: documents.Document | None, root: documents.Document | None, ctx: Context) -> tuple[str, str]:
    if card is not None and isinstance(card.meta.get("model_name"), str):
        return card.meta["model_name"], f"{card.path} front matter: model_name"
    for doc in (card, root):
        top = next((h for h in doc.headings if h.level == 1), None) if doc else None
        if doc is not None and top is not None:
            return top.title, f"{doc.path}:{top.line}, first heading"
    folder = posixpath.basename(str(ctx.repo.root).rstrip("/"))
    return folder, "the folder's name"


def _contact(found: dict[str, ComponentStatus]) -> tuple[str, str]:
    status = found.get("reporting-channel")
    for record in (status.channels or []) if status else []:
        data = record.to_dict()
        if data.get("kind") == "email" and data.get("address"):
            return str(data["address"]), f"{data.get('path')}:{data.get('line')}, reporting channel"
    return "", "fill in: where to report problems (no e-mail address found)"
