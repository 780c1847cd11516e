"""Every place a repository declares a license, and what each one says.

Sources (FRAMEWORKS.md section 7): license files in every folder and their
split variants, REUSE's LICENSES/ and SPDX headers, package metadata,
CITATION.cff, and card metadata. Each declaration records the artifact it
covers (code, model, data, or all below its folder), its file and line, and
the license it resolves to.
"""

from __future__ import annotations

import functools
import re
from pathlib import PurePosixPath
from typing import NamedTuple

from openness_lint.analysis import cards
from openness_lint.analysis.licensing import classify, packages, statements, tables
from openness_lint.analysis.licensing import files as licensefiles
from openness_lint.analysis.licensing.identification import Identification, identify
from openness_lint.catalog import datacache
from openness_lint.context import Context
from openness_lint.repo.inventory import parent_of
from openness_lint.text import spdx

_MODEL_NAME = datacache.regex(r"model|weight|param|checkpoint", re.IGNORECASE)
_DATA_NAME = datacache.regex(r"data", re.IGNORECASE)
_CODE_NAME = datacache.regex(r"code|software|source", re.IGNORECASE)
# '"Model" means', '"Llama Materials" shall mean', '"Model Weights" refers to'
_DEFINES_MODEL = datacache.regex(
    r"[\"\u201c](?:the )?(?:[\w.-]+ ){0,2}(?:model|models|model weights|weights|materials)[\"\u201d]\s*"
    r"(?:shall )?(?:means?|refers? to|is defined as)\b", re.IGNORECASE)
_DEFINITIONS_WITHIN = 20_000
_BODY_LICENSE = datacache.regex(r"^\W*licen[cs]e\W*:\W*(?P<value>[^\n]+?)\W*$", re.IGNORECASE | re.MULTILINE)


class Declaration(NamedTuple):
    artifact: str  # "code", "model", "data" or "all"
    # license-file, reuse-text, reuse-toml, header, package, citation, card,
    # card-body, and the statements of prose: statement, table, badge
    source: str
    path: str
    line: int | None
    said: str  # as written, for messages
    license: str | None  # resolved SPDX expression or LicenseRef, when known
    checked: spdx.Checked | None = None  # for written ids: validity and case
    identification: Identification | None = None  # for license texts
    subject: str = ""  # the one model or data set it is for, when it names one
    covers: str | None = None  # the folder it covers, when not its own
    vendored: bool = False  # third-party code's license: covers that code only
    defines_model: bool = False  # an AI license, or a text that defines "the Model"

    @property
    def scope(self) -> str:
        """The folder whose sub-tree this declaration covers."""
        return parent_of(self.path) if self.covers is None else self.covers

    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


def file_artifact(name: str) -> str:
    """code, model, data or all, by the words of a file's name (or, in a
    folder of license files, of the folder's: model_licenses/)."""
    stem = name.upper()
    if _MODEL_NAME.search(stem):
        return "model"
    if _DATA_NAME.search(stem):
        return "data"
    if _CODE_NAME.search(stem):
        return "code"
    return "all"


@functools.lru_cache(maxsize=4096)
def resolve_written(value: str) -> tuple[str | None, spdx.Checked]:
    """A license written as an id (SPDX or Hub): its expression and the
    check. Cached: thousands of headers repeat a handful of ids."""
    checked = spdx.check(value)
    hub = tables.hub_ids().get(value.strip().lower())
    if hub is not None and hub.get("license") and checked.expression is None:
        return hub["license"], checked
    return checked.expression, checked


def _license_files(ctx: Context) -> list[Declaration]:
    found = []
    entries = {e.path: e for e in ctx.repo.find(licensefiles.CANDIDATES) if licensefiles.is_license_name(e.name)}
    entries.update({e.path: e for e in ctx.repo.find(licensefiles.LICENSE_FOLDERS)
                    if licensefiles.in_license_folder(e.path)})
    for path, entry in sorted(entries.items()):
        if entry.parent == "LICENSES":  # REUSE's texts: see _reuse_texts
            continue
        text = ctx.text(path)
        ident = identify(text) if text is not None else Identification("unknown", None, 0.0, "")
        said = ident.license or ("a pointer" if ident.kind == "pointer" else "an unrecognised text")
        ai_license = defines_model(ident, text)
        if licensefiles.in_license_folder(path):
            folder = parent_of(path)
            artifact, subject, covers = file_artifact(folder.rpartition("/")[2]), licensefiles.subject_of(path), \
                parent_of(folder)
        else:
            artifact, subject, covers = file_artifact(entry.name), "", None
        vendored = licensefiles.is_vendored(path) and not (ai_license and entry.parent == "")
        found.append(Declaration(artifact, "license-file", path, ident.line or 1, said, ident.license,
                                 identification=ident, subject=subject, covers=covers, vendored=vendored,
                                 defines_model=ai_license))
    return found


def defines_model(ident: Identification, text: str | None) -> bool:
    """An AI model license: use-restricted by its terms (RAIL, Llama, Gemma),
    or a text that defines "the Model" or "Materials" it licenses."""
    if ident.license and classify.of_expression(ident.license).id == "use-restricted":
        return True
    return bool(text) and _DEFINES_MODEL.search(text[:_DEFINITIONS_WITHIN]) is not None


def _reuse_texts(ctx: Context) -> list[Declaration]:
    return [Declaration("code", "reuse-text", e.path, None, PurePosixPath(e.name).stem,
                        spdx.check(PurePosixPath(e.name).stem).expression)
            for e in ctx.repo.files_in("LICENSES")]


def _headers(ctx: Context) -> list[Declaration]:
    found = []
    for path, lines in ctx.repo.tag_lines(*licensefiles.HEADER_SEARCH).items():
        tag = licensefiles.header_tag(lines)
        if tag:
            expression, checked = resolve_written(tag[0])
            found.append(Declaration("code", "header", path, tag[1], tag[0], expression, checked))
    return found


def _reuse_toml(ctx: Context) -> list[Declaration]:
    found = []
    for item in packages.reuse_annotations(ctx):
        expression, checked = resolve_written(item.value)
        found.append(Declaration("code", "reuse-toml", item.path, item.line, item.value, expression, checked))
    return found


def _cards(ctx: Context) -> list[Declaration]:
    found = []
    own = ctx.memo(_shared_folders)
    for card in cards.cards(ctx):
        artifact = "model" if card.kind == "model" else "data"
        value = card.meta.get("license")
        values = value if isinstance(value, list) else [value] if value is not None else []
        for index, item in enumerate(values):
            line = (card.front.line(value, index) if isinstance(value, list) else None) \
                or card.front.line(card.meta, "license")
            text = str(item)
            if text.strip().lower() == "other":
                name = card.meta.get("license_name")
                found.append(Declaration(artifact, "card", card.path, line, f"other ({name or 'unnamed'})",
                                         f"LicenseRef-{re.sub(r'[^A-Za-z0-9.-]+', '-', str(name))}" if name else None))
                continue
            expression, checked = resolve_written(text)
            found.append(Declaration(artifact, "card", card.path, line, text, expression, checked,
                                     subject=own.get(card.path, "")))
        if card.kind == "data" and not values:
            match = _BODY_LICENSE.search(card.text)
            if match:
                expression, checked = resolve_written(match["value"])
                if expression:
                    line = card.text.count("\n", 0, match.start("value")) + 1
                    found.append(Declaration("data", "card-body", card.path, line, match["value"], expression, checked))
    return found


def _packages(ctx: Context) -> list[Declaration]:
    found = []
    for item in packages.declared(ctx):
        if item.kind == "expression":
            expression, checked = resolve_written(item.value)
        elif item.kind == "text":
            # free text (setup.py, setup.cfg, {text = ...}): counts when it is an id
            expression, checked = spdx.check(item.value).expression, None
        else:
            continue
        found.append(Declaration("code", item.source, item.path, item.line, item.value, expression, checked))
    return found


def _shared_folders(ctx: Context) -> dict[str, str]:
    """Card path -> itself, for cards named after their model that share a
    folder (model_cards/a.md, model_cards/b.md): each speaks for its own
    model, so what they say never competes. README.md and datasheet.md side
    by side describe one data set, and do compete."""
    by_folder: dict[tuple[str, str], list[str]] = {}
    standard = cards.MODEL_CARD_NAMES | cards.DATA_CARD_NAMES | cards.README_NAMES
    for card in cards.cards(ctx):
        if card.path.rpartition("/")[2].lower() not in standard:  # model_cards/<model>.md
            by_folder.setdefault((card.directory, card.kind), []).append(card.path)
    return {path: path for paths in by_folder.values() if len(paths) > 1 for path in paths}


def _statements(ctx: Context) -> list[Declaration]:
    found = []
    own = ctx.memo(_shared_folders)
    for item in statements.find(ctx):
        checked = spdx.check(item.license) if item.license else None
        found.append(Declaration(item.artifact, item.source, item.path, item.line, item.said,
                                 checked.expression if checked and checked.expression else item.license,
                                 subject=item.subject or own.get(item.path, ""),
                                 defines_model=bool(item.license) and classify.of_expression(item.license).id
                                 == "use-restricted"))
    return found


def find(ctx: Context) -> list[Declaration]:
    return ctx.memo(_find)


def _find(ctx: Context) -> list[Declaration]:
    found = (_license_files(ctx) + _reuse_texts(ctx) + _packages(ctx) + _cards(ctx)
             + _headers(ctx) + _reuse_toml(ctx) + _statements(ctx))
    return sorted(found, key=lambda d: (d.path, d.line or 0, d.source))


def license_texts(ctx: Context, kind: str) -> list[tuple[Declaration, Identification]]:
    """Readable license files whose text was identified as ``kind``."""
    return [(item, item.identification) for item in find(ctx)
            if item.source == "license-file" and item.identification is not None
            and item.identification.kind == kind and ctx.text(item.path) is not None]
