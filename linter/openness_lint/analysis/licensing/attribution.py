"""Which declarations cover which artifact, and the license each resolves to.

- code: root license files that are not split out for models or data,
  package metadata, CITATION.cff and REUSE texts; SPDX headers add evidence.
- model: model license files (LICENSE-MODEL, MODEL_LICENSE ...) and model
  card `license`, plus license files in the folders of model cards and
  weights; otherwise the nearest license file above the weights covers them.
- data: data license files, data card `license` (or a "License:" line in a
  datasheet), license files in data folders; otherwise, inherited likewise.
Declarations are grouped by the folder they cover, so each model of a
monorepo is judged on its own; inside a group they must agree.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Iterable, NamedTuple

from openness_lint.analysis import cards, evidence
from openness_lint.analysis.licensing import classify, declarations, names, statements
from openness_lint.analysis.licensing.declarations import Declaration
from openness_lint.context import Context
from openness_lint.repo.inventory import parent_of
from openness_lint.text import spdx

# Within a group, what decides the license when declarations disagree: the
# license text itself, then metadata written next to it.
PRIORITY = {"license-file": 0, "package": 1, "citation": 2, "card": 3, "card-body": 4, "statement": 5, "table": 5,
            "badge": 6}
STATEMENTS = statements.SOURCES
GENERIC_FOLDERS = frozenset({"data", "dataset", "datasets", "model", "models", "weights", "checkpoints"})
# REUSE's texts, REUSE.toml entries and SPDX headers list the licenses in use
# file by file; together they make the code license, and they never compete.
PER_FILE = ("reuse-text", "reuse-toml", "header")


def deciding_first(declarations: Iterable[Declaration]) -> list[Declaration]:
    """Declarations in the order that decides between them: the license text,
    then metadata written next to it, then prose; by place within a rank."""
    return sorted(declarations, key=lambda d: (PRIORITY.get(d.source, len(PRIORITY)), d.path, d.line or 0))


class Group:
    """The declarations that speak for one artifact below one folder."""

    __slots__ = ("artifact", "scope", "declarations", "inherited")

    def __init__(self, artifact: str, scope: str, declarations: list[Declaration] | None = None,
                 inherited: bool = False):
        self.artifact = artifact
        self.scope = scope  # folder the group covers; "" is the repository
        self.declarations = declarations if declarations is not None else []
        self.inherited = inherited

    @property
    def license(self) -> str | None:
        ranked = sorted((d for d in self.declarations if d.source in PRIORITY), key=lambda d: PRIORITY[d.source])
        if any(d.subject for d in ranked):
            # one declaration per model or data set (model_licenses/, a table
            # row per model): all of them hold, and one unknown makes it unknown
            top: dict[str, Declaration] = {}
            for item in ranked:
                if item.license or item.subject:
                    top.setdefault(item.subject, item)
            if any(item.license is None for item in top.values()):
                return None
            return spdx.conjoin(item.license for item in top.values())
        known = [d for d in ranked if d.license]
        found = known[0].license if known else spdx.conjoin(d.license for d in self.declarations if d.license)
        if self.inherited and found and self.artifact != "code" and not classify.fits_type(found, self.artifact):
            # a code license in a folder above weights or data says nothing
            # about them: unknown, not the code's license
            return None
        return found

    @property
    def inherited_license(self) -> str | None:
        """For an inherited group, what the license file above says."""
        return spdx.conjoin(d.license for d in self.declarations if d.license) if self.inherited else None

    def distinct(self) -> dict[str, list[Declaration]]:
        """What each competing declaration says. Per-file ones never compete,
        nor do those for one named model each, nor names we do not know; a
        name without its version agrees with every member of its family."""
        said: dict[str, list[Declaration]] = {}
        for item in self.declarations:
            if not item.license or item.source in PER_FILE or item.subject \
                    or item.license.startswith("LicenseRef-stated-"):
                continue
            same = next((known for known in said if agree(known, item.license)), None)
            said.setdefault(same or item.license, []).append(item)
        return said


def _parts(expression: str) -> frozenset[str]:
    return frozenset(part.strip("() ") for part in expression.split(" AND "))


def agree(first: str, second: str) -> bool:
    """Same license, a family and its member, or one names some of the parts
    the other holds (metadata saying Apache-2.0 of a LICENSE that holds
    Apache-2.0 and the MIT text of vendored code)."""
    if names.agree(first, second):
        return True
    if " OR " in first or " OR " in second:
        return False
    a, b = _parts(first), _parts(second)
    return a <= b or b <= a


class Attribution(NamedTuple):
    groups: dict[str, list[Group]]  # artifact -> groups
    needs: dict[str, list[str]]  # artifact -> evidence that the artifact exists


def _ancestors(path: str) -> list[str]:
    parts = PurePosixPath(path).parts[:-1]
    return ["/".join(parts[:i]) for i in range(len(parts), -1, -1)]


def _nearest_generic(decls: list[Declaration], path: str) -> list[Declaration]:
    by_scope: dict[str, list[Declaration]] = {}
    for item in decls:
        if item.source == "license-file" and item.artifact == "all":
            by_scope.setdefault(item.scope, []).append(item)
    for folder in _ancestors(path):
        if folder in by_scope:
            return by_scope[folder]
    return []


def _artifact_groups(kind: str, decls: list[Declaration], homes: set[str], evidence: list[str],
                     in_release: bool = False, ctx_repo=None, card_folders: frozenset[str] = frozenset()) -> list[Group]:
    """in_release: the repository is one release of a monorepo, whose own root
    is the model's folder, so a plain LICENSE there speaks for the model."""
    specific = [d for d in decls if d.artifact == kind and d.source not in PER_FILE]
    # a generic license file (or statement) in a model's or data set's own folder covers it
    specific += [d for d in decls if d.artifact == "all" and d.source in ("license-file", *STATEMENTS)
                 and d.scope in homes and (d.scope or (in_release and not ctx_repo.is_shared(d.path)))]
    if kind == "model":  # an AI model license covers the model wherever it is
        specific += [d for d in decls if d.artifact == "all" and d.source == "license-file" and d.defines_model
                     and d not in specific]
    # a file made for this artifact (DATA_LICENSE, LICENSE-MODEL) speaks for
    # the whole sub-tree below it, so declarations there must agree with it
    typed = {d.scope for d in decls if d.artifact == kind and d.source == "license-file" and not d.subject}
    groups: dict[str, Group] = {}
    for item in specific:
        key = next((folder for folder in reversed(_ancestors(item.path)) if folder in typed), item.scope)
        if item.scope in (card_folders | homes) and item.source != "license-file" \
                and item.scope.rpartition("/")[2].lower() not in GENERIC_FOLDERS:
            # a card in a folder named for it (not data/ or models/) describes a
            # model or data set of its own, which a root DATA_LICENSE does not speak for
            key = item.scope
        groups.setdefault(key, Group(kind, key)).declarations.append(item)
    if not groups and evidence:
        inherited = _nearest_generic(decls, evidence[0])
        if inherited:
            groups[inherited[0].scope] = Group(kind, inherited[0].scope, list(inherited), inherited=True)
    return [groups[k] for k in sorted(groups)]


def _code_groups(decls: list[Declaration], homes: set[str]) -> list[Group]:
    root = [d for d in decls if d.scope == "" and d.artifact in ("code", "all")
            and d.source in ("license-file", "package", "citation", *STATEMENTS)]
    per_file = [d for d in decls if d.source in PER_FILE]
    # a root AI model license is not the code license where the README says
    # what the code is under, or where code folders carry their own license
    folders = [d for d in decls if d.source == "license-file" and d.scope and d.artifact in ("code", "all")
               and d.scope not in homes and not d.defines_model]
    stated = [d for d in root if d.artifact == "code" and d.source in STATEMENTS]
    ai_root = [d for d in root if d.source == "license-file" and d.defines_model]
    groups = []
    if ai_root and (stated or folders):
        root = [d for d in root if d not in ai_root]
        if not stated and not [d for d in root if d.source == "license-file"]:
            groups = [Group("code", d.scope, [d]) for d in folders]
    if root or per_file:
        groups.insert(0, Group("code", "", root + per_file))
    return groups


def uncovered(ctx: Context, artifact: str) -> list[str]:
    """Evidence paths (one per folder) that no declaration covers."""
    found = attribution(ctx)
    decls = declarations.find(ctx)
    scopes = [g.scope for g in found.groups[artifact]]
    reported: dict[str, str] = {}
    for path in found.needs[artifact]:
        folder = parent_of(path)
        covered = any(s == "" or folder == s or folder.startswith(s + "/") for s in scopes)
        if not covered and not _nearest_generic(decls, path):
            reported.setdefault(folder, path)
    return sorted(reported.values())


def build(ctx: Context) -> Attribution:
    decls = [d for d in declarations.find(ctx) if not d.vendored]
    found = cards.cards(ctx)
    weights = [e.path for e in evidence.weight_files(ctx)]
    data = [e.path for e in evidence.data_files(ctx)]
    model_cards = [c.path for c in found if c.kind == "model"]
    data_cards = [c.path for c in found if c.kind == "data"]
    model_homes = {parent_of(p) for p in weights + model_cards}
    data_homes = {parent_of(p) for p in data + data_cards}
    needs = {"model": sorted(model_cards + weights), "data": sorted(data_cards + data)}
    in_release = bool(ctx.repo.prefix)
    # a card's folder is one model's or data set's, whichever kind the card is
    card_folders = frozenset(parent_of(c.path) for c in found) - {""}
    has_model = bool(needs["model"]) or any(d.artifact == "model" or d.defines_model for d in decls)
    has_data = bool(needs["data"]) or any(d.artifact == "data" for d in decls)
    return Attribution(
        groups={
            "code": _code_groups(decls, model_homes | data_homes),
            "model": _artifact_groups("model", decls, model_homes, needs["model"], in_release, ctx.repo,
                                      card_folders)
            if has_model else [],
            "data": _artifact_groups("data", decls, data_homes, needs["data"], in_release, ctx.repo,
                                     card_folders)
            if has_data else [],
        },
        needs=needs,
    )


def attribution(ctx: Context) -> Attribution:
    return ctx.memo(build)
