"""Rules: metadata and docs from YAML packs, logic from small functions.

A pack is a YAML file mapping rule codes to metadata. Built-in packs live in
rules/packs/; configuration can add more with ``packs:``. A built-in rule's
logic is a function registered with @rule(CODE); a pack rule can instead
name a declarative check (``check: require-file``), which is how users add
rules without Python.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from openness_lint import components, yamlio
from openness_lint.data import ruledata
from openness_lint.errors import ConfigError
from openness_lint.finding import Severity, Violation

if TYPE_CHECKING:
    from openness_lint.engine import Context

Check = Callable[["Context"], Iterable[Violation]]
CODE = re.compile(r"^[A-Z]{2,4}[0-9]{3}$")
DOC_HEADINGS = ("what-it-does", "why-is-this-bad", "example", "how-to-fix")
DOC_TITLES = {
    "what-it-does": "What it does",
    "why-is-this-bad": "Why is this bad?",
    "example": "Example",
    "how-to-fix": "How to fix",
}
_FUNCTIONS: dict[str, Check] = {}


def rule(code: str) -> Callable[[Check], Check]:
    """Register the function that implements a rule code."""

    def register(function: Check) -> Check:
        if code in _FUNCTIONS:
            raise RuntimeError(f"rule {code} is registered twice")
        _FUNCTIONS[code] = function
        return function

    return register


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    summary: str
    severity: Severity
    component: str | None
    fix: str
    doc: dict[str, str]
    pack: str
    check: Check = field(compare=False, repr=False)

    def explain(self) -> str:
        lines = [f"{self.code} ({self.name})", "", self.summary, "",
                 f"Default severity: {self.severity.label}",
                 f"Component: {self.component or '-'}", f"Pack: {self.pack}"]
        for key in DOC_HEADINGS:
            lines += ["", f"## {DOC_TITLES[key]}", "", self.doc[key].rstrip()]
        return "\n".join(lines) + "\n"


# -- declarative checks that user packs can name ------------------------------

def _require_file(spec: dict[str, Any], where: tuple[str, int | None]) -> Check:
    patterns = spec.get("files")
    if not isinstance(patterns, list) or not patterns or not all(isinstance(p, str) for p in patterns):
        raise ConfigError("require-file needs `files:`, a list of glob patterns", *where)
    message = str(spec.get("message") or f"no file matches {', '.join(patterns)}")

    def check(ctx: "Context") -> Iterable[Violation]:
        if not any(ctx.repo.glob(pattern) for pattern in patterns):
            yield Violation(message)

    return check


def _engine(spec: dict[str, Any], where: tuple[str, int | None]) -> Check:
    """Reported by the engine itself (unreadable files, unused ignores)."""

    def check(ctx: "Context") -> Iterable[Violation]:
        return ()

    return check


DECLARATIVE: dict[str, Callable[[dict[str, Any], tuple[str, int | None]], Check]] = {
    "require-file": _require_file,
    "engine": _engine,
}


# -- loading packs -------------------------------------------------------------

def _field(entry: dict, key: str, where: tuple[str, int | None]) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"rule needs `{key}` as a non-empty string", *where)
    return value.strip()


def parse_pack(text: str, source: str, shipped: bool = False) -> list[Rule]:
    try:
        data = yamlio.shipped(text) if shipped else yamlio.load(text)
    except yamlio.YamlProblem as exc:
        raise ConfigError(f"invalid YAML: {exc}", source, exc.line) from None
    if not isinstance(data, dict) or not isinstance(data.get("rules"), dict):
        raise ConfigError("a pack is a mapping with `pack:` and `rules:` (code -> rule)", source, 1)
    pack = str(data.get("pack") or Path(source).stem)
    found = []
    for code, entry in data["rules"].items():
        where = (source, yamlio.line_of(data["rules"], code))
        if not isinstance(code, str) or not CODE.match(code):
            raise ConfigError(f"rule code {code!r} must be 2-4 capital letters and 3 digits, like LIC001", *where)
        if not isinstance(entry, dict):
            raise ConfigError(f"rule {code} must be a mapping", *where)
        unknown = sorted(set(map(str, entry)) - {"name", "summary", "severity", "component", "fix", "doc", "check"})
        if unknown:
            raise ConfigError(f"rule {code}: unknown key {unknown[0]!r}", source, yamlio.line_of(entry, unknown[0]))
        try:
            severity = Severity.parse(_field(entry, "severity", where))
        except ValueError as exc:
            raise ConfigError(f"rule {code}: {exc}", source, yamlio.line_of(entry, "severity")) from None
        component = entry.get("component")
        if component is not None and component not in components.ALL:
            raise ConfigError(f"rule {code}: unknown component {component!r}", source, yamlio.line_of(entry, "component"))
        doc = entry.get("doc")
        if not isinstance(doc, dict) or any(not isinstance(doc.get(k), str) for k in DOC_HEADINGS):
            raise ConfigError(f"rule {code}: `doc` needs {', '.join(DOC_HEADINGS)}", source, yamlio.line_of(entry, "doc") or where[1])
        spec = entry.get("check")
        if spec is not None:
            if not isinstance(spec, dict) or spec.get("kind") not in DECLARATIVE:
                raise ConfigError(f"rule {code}: `check.kind` must be one of {', '.join(DECLARATIVE)}", source, yamlio.line_of(entry, "check"))
            check = DECLARATIVE[spec["kind"]](spec, (source, yamlio.line_of(entry, "check")))
        elif code in _FUNCTIONS:
            check = _FUNCTIONS[code]
        else:
            raise ConfigError(f"rule {code} has no implementation: add `check:` to declare one", *where)
        found.append(Rule(
            code=code, name=_field(entry, "name", where), summary=_field(entry, "summary", where),
            severity=severity, component=component, fix=_field(entry, "fix", where),
            doc={k: str(doc[k]) for k in DOC_HEADINGS}, pack=pack, check=check,
        ))
    return found


@functools.lru_cache(maxsize=None)
def _import_rule_modules() -> None:
    import openness_lint.detectors as detectors_pkg
    import openness_lint.rules as rules_pkg

    for package in (rules_pkg, detectors_pkg):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            importlib.import_module(info.name)


class Registry:
    def __init__(self, rules: Iterable[Rule]):
        self.rules: dict[str, Rule] = {}
        for item in rules:
            if item.code in self.rules:
                raise ConfigError(f"rule code {item.code} is defined twice (packs {self.rules[item.code].pack} and {item.pack})")
            self.rules[item.code] = item

    def __iter__(self):
        return iter(sorted(self.rules.values(), key=lambda r: r.code))

    def get(self, code: str) -> Rule | None:
        return self.rules.get(code.upper())

    def known(self, selector: str) -> bool:
        """A full code or a prefix of one (ruff-style: LIC, LIC0, LIC001)."""
        selector = selector.upper()
        return selector == "ALL" or any(code.startswith(selector) for code in self.rules)


def builtin_rules() -> list[Rule]:
    _import_rule_modules()
    found: list[Rule] = []
    folder = ruledata() / "packs"
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".yaml"):
            found.extend(parse_pack(item.read_text("utf-8"), f"rules/packs/{item.name}", shipped=True))
    return found


def load(extra_packs: Iterable[Path] = (), display: Callable[[Path], str] = str) -> Registry:
    rules = builtin_rules()
    from openness_lint.config import read_bounded

    for path in extra_packs:
        rules.extend(parse_pack(read_bounded(path, display(path), "pack"), display(path)))
    return Registry(rules)
