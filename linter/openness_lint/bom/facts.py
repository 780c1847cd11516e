"""The facts of one release that a BOM states, each with its file and line.

collect(ctx) runs inside the release's own check (run.lint's ``collect``),
so it reads only what the run's analyses already found: the components,
the license attribution, the cards, the use policy, the reporting channels
and the components the cards and README link outside git (analysis/links:
the Hub pages, the paper). Paths are the whole repository's, so a monorepo's releases name
files as the repository does. Weights and data are known by name, size
(one stat) and, for Git LFS pointers, the oid the pointer names.
"""

from __future__ import annotations

from typing import NamedTuple

from openness_lint.analysis import cards, evidence, links
from openness_lint.analysis.components import detect_all
from openness_lint.analysis.licensing.attribution import attribution
from openness_lint.analysis.links import Linked
from openness_lint.analysis.policy.channels import Channel
from openness_lint.analysis.policy.forms import Form
from openness_lint.bom import cardfacts
from openness_lint.bom.cardfacts import Result, Stated
from openness_lint.bom.datasets import Dataset, datasets
from openness_lint.bom.files import File, License, file_facts, license_of
from openness_lint.components import ComponentStatus
from openness_lint.context import Context
from openness_lint.text import jsonlines, tomlio


class Model(NamedTuple):
    name: Stated
    card: str | None
    summary: Stated | None
    license: License
    files: tuple[File, ...]
    task: Stated | None  # pipeline_tag
    architecture: Stated | None  # config.json `architectures`
    family: Stated | None  # config.json `model_type`
    base_models: tuple[Stated, ...]
    results: tuple[Result, ...]
    card_path: str
    use_cases: tuple[Stated, ...]
    out_of_scope: tuple[Stated, ...]
    limitations: tuple[Stated, ...]
    ethical: tuple[Stated, ...]
    training: tuple[Stated, ...]
    sensitive: Stated | None
    safety_risk: Stated | None
    papers: tuple[Stated, ...]  # paper files the repository holds


class Code(NamedTuple):
    name: Stated
    version: Stated | None
    kind: str  # "library" with package metadata, else "application"
    license: License
    files: tuple[str, ...]


class Release(NamedTuple):
    """What a BOM says of one release; ``release`` is its folder ("" for the root)."""

    release: str
    repository: str  # the name of the repository's folder
    model: Model | None
    datasets: tuple[Dataset, ...]
    code: Code | None
    use_policy: tuple[Form, ...]
    channels: tuple[Channel, ...]
    links: tuple[Linked, ...]  # components kept outside git that the cards and README link


CODE_COMPONENTS = ("model-architecture", "training-code", "inference-code", "evaluation-code",
                   "data-preprocessing-code", "supporting-libraries")


def _architecture(ctx: Context, status: ComponentStatus) -> tuple[Stated | None, Stated | None]:
    """`architectures` and `model_type` of a config.json the architecture component found."""
    for path in (p for p in status.evidence if p.rpartition("/")[2] == "config.json"):
        try:
            data = jsonlines.load(ctx.text(path) or "")
        except jsonlines.JsonProblem:
            continue
        if not isinstance(data, dict):
            continue
        real = ctx.repo.real_path(path)
        found = data.get("architectures")
        name = found[0] if isinstance(found, list) and found and isinstance(found[0], str) else None
        kind = data.get("model_type") if isinstance(data.get("model_type"), str) else None
        return (Stated(name, real, jsonlines.line_of(data, "architectures")) if name else None,
                Stated(kind, real, jsonlines.line_of(data, "model_type")) if kind else None)
    return None, None


def _papers(ctx: Context, status: ComponentStatus) -> tuple[Stated, ...]:
    """Paper files the repository holds (a link to one is in the release's links)."""
    return tuple(Stated(ctx.repo.real_path(p), ctx.repo.real_path(p), None) for p in status.evidence)


def _model(ctx: Context, found: dict[str, ComponentStatus], name: str) -> Model | None:
    model_cards = sorted((c for c in cards.cards(ctx) if c.kind == "model"),
                         key=lambda c: (c.path.count("/"), c.path))
    weights = [e.path for e in evidence.weight_files(ctx)]
    if not model_cards and not weights:
        return None
    card = model_cards[0] if model_cards else None
    path = ctx.repo.real_path(card.path) if card else ""
    named = (cardfacts.index_name(card, path) or cardfacts.title(card, path)) if card else None
    architecture, family = _architecture(ctx, found["model-architecture"])

    def sections(section: str, keep=None) -> tuple[Stated, ...]:
        return tuple(cardfacts.section_texts(card, path, section, keep)) if card else ()

    return Model(
        name=named or Stated(name, "", None), card=path or None,
        summary=cardfacts.summary(card, path) if card else None,
        license=license_of(ctx, attribution(ctx).groups["model"], found["model-license"].license), files=file_facts(ctx, weights),
        task=cardfacts.meta(card, path, "pipeline_tag") if card else None,
        architecture=architecture, family=family,
        base_models=tuple(Stated(v, path, line) for v, line in cards.listed(card, "base_model")) if card else (),
        results=tuple(cardfacts.results(card)) if card else (), card_path=path,
        use_cases=sections("intended-use"), out_of_scope=sections("out-of-scope-use"),
        limitations=sections("limitations", lambda words: not cardfacts.ethical_only(words)),
        ethical=sections("limitations", cardfacts.ethical_only),
        training=sections("training-data") + sections("training-procedure"),
        sensitive=cardfacts.statement(card, path, "sensitive") if card else None,
        safety_risk=cardfacts.statement(card, path, "safety-risk") if card else None,
        papers=_papers(ctx, found["research-paper"]))


def _toml_line(text: str, table: str, key: str) -> int | None:
    """The line of ``key = ...`` in a TOML table, written as its own header."""
    inside = False
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("["):
            inside = stripped.split("#", 1)[0].strip() == table
        elif inside and stripped.split("=", 1)[0].strip() == key and "=" in stripped:
            return number
    return None


def _package(ctx: Context) -> tuple[Stated | None, Stated | None]:
    """The name and version pyproject.toml or package.json gives the code."""
    text = ctx.text("pyproject.toml") if "pyproject.toml" in ctx.repo else None
    if text:
        try:
            project = tomlio.module().loads(text).get("project", {})
        except Exception:  # noqa: BLE001 - tomllib's TOMLDecodeError, or a tree nested too deep
            project = {}
        found = []
        for key in ("name", "version"):
            value = project.get(key) if isinstance(project, dict) else None
            line = _toml_line(text, "[project]", key)
            found.append(Stated(value, ctx.repo.real_path("pyproject.toml"), line) if isinstance(value, str) else None)
        if found[0]:
            return found[0], found[1]
    text = ctx.text("package.json") if "package.json" in ctx.repo else None
    try:
        data = jsonlines.load(text) if text else None
    except jsonlines.JsonProblem:
        data = None
    if isinstance(data, dict) and isinstance(data.get("name"), str):
        path = ctx.repo.real_path("package.json")
        version = data.get("version")
        return (Stated(data["name"], path, jsonlines.line_of(data, "name")),
                Stated(version, path, jsonlines.line_of(data, "version")) if isinstance(version, str) else None)
    return None, None


def collect(ctx: Context) -> Release:
    """The release's facts, from the run that checked it."""
    found = detect_all(ctx)
    release = ctx.repo.prefix
    name = (release or ctx.repo.whole.root.name).rpartition("/")[2]
    model = _model(ctx, found, name)
    code_files = tuple(sorted({ctx.repo.real_path(p) for c in CODE_COMPONENTS for p in found[c].evidence}))
    code = None
    if code_files or found["code-license"].present:
        package, version = _package(ctx)
        code = Code(package or Stated(name, "", None), version, "library" if package else "application",
                    license_of(ctx, attribution(ctx).groups["code"], found["code-license"].license), code_files)
    real = ctx.repo.real_path
    return Release(release, ctx.repo.whole.root.name, model, tuple(datasets(ctx, model, found)), code,
                   tuple(f._replace(path=real(f.path)) for f in found["acceptable-use-policy"].forms or ()),
                   tuple(c._replace(path=real(c.path)) for c in found["reporting-channel"].channels or ()),
                   tuple(link._replace(path=real(link.path)) for link in links.linked(ctx)))
