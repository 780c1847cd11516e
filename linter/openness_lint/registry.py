"""Rules: metadata and docs from YAML packs, logic from small functions.

A pack is a YAML file mapping rule codes to metadata. Built-in packs live in
rules/packs/; configuration can add more with ``packs:``. A built-in rule's
logic is a function registered with @rule(CODE) in
openness_lint/rules/<pack>/<rule_name>.py, imported only when a run selects
the rule; a pack rule can instead name a declarative check (``check:
require-file``), which is how users add rules without Python.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Any, Callable, Iterable, NamedTuple

from openness_lint import components
from openness_lint.catalog.source import read_bounded, shipped, shipped_names
from openness_lint.context import Context
from openness_lint.errors import ConfigError
from openness_lint.finding import Severity, Violation
from openness_lint.text import yamlio

Check = Callable[[Context], Iterable[Violation]]
_RULES = "openness_lint.rules"
CODE = re.compile(r"^[A-Z]{2,4}[0-9]{3}$")
# Every rule's doc has these headings. A shipped rule also says why it has
# its severity; users' packs may leave that out, so packs written before the
# heading existed stay valid.
DOC_HEADINGS = ("what-it-does", "why-is-this-bad", "example", "how-to-fix")
SEVERITY_HEADING = "why-this-severity"
DOC_ORDER = ("what-it-does", "why-is-this-bad", SEVERITY_HEADING, "example", "how-to-fix")
DOC_TITLES = {
    "what-it-does": "What it does",
    "why-is-this-bad": "Why is this bad?",
    SEVERITY_HEADING: "Why this severity",
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


class Rule(NamedTuple):
    code: str
    name: str
    summary: str
    severity: Severity
    component: str | None
    fix: str
    doc: dict[str, str]
    pack: str
    check: Check

    def explain(self) -> str:
        lines = [f"{self.code} ({self.name})", "", self.summary, "",
                 f"Default severity: {self.severity.label}",
                 f"Component: {self.component or '-'}", f"Pack: {self.pack}"]
        for key, text in self.doc_sections():
            lines += ["", f"## {DOC_TITLES[key]}", "", text]
        return "\n".join(lines) + "\n"

    def doc_sections(self) -> list[tuple[str, str]]:
        """(heading, text) in the order docs print them, without headings the rule leaves out."""
        return [(key, self.doc[key].rstrip()) for key in DOC_ORDER if key in self.doc]


# -- declarative checks that user packs can name ------------------------------

def _require_file(spec: dict[str, Any], where: tuple[str, int | None]) -> Check:
    patterns = spec.get("files")
    if not isinstance(patterns, list) or not patterns or not all(isinstance(p, str) for p in patterns):
        raise ConfigError("require-file needs `files:`, a list of glob patterns", *where)
    message = str(spec.get("message") or f"no file matches {', '.join(patterns)}")

    def check(ctx: Context) -> Iterable[Violation]:
        if not any(ctx.repo.glob(pattern) for pattern in patterns):
            yield Violation(message)

    return check


def _engine(spec: dict[str, Any], where: tuple[str, int | None]) -> Check:
    """Reported by the engine itself (unreadable files, unused ignores)."""

    def check(ctx: Context) -> Iterable[Violation]:
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


def parse_pack(text: str, source: str) -> list[Rule]:
    """A user's pack, with the line of every problem."""
    try:
        data = yamlio.load(text)
    except yamlio.YamlProblem as exc:
        raise ConfigError(f"invalid YAML: {exc}", source, exc.line) from None
    return rules_of(data, source)


def rules_of(data: Any, source: str, area: str | None = None) -> list[Rule]:
    """The rules of a parsed pack. ``area``: a shipped pack's folder under
    openness_lint/rules/, where each rule's module is named after the rule."""
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
        needed = DOC_ORDER if area is not None else DOC_HEADINGS  # a shipped pack needs every heading
        if not isinstance(doc, dict) or any(not isinstance(doc.get(k), str) for k in needed):
            raise ConfigError(f"rule {code}: `doc` needs {', '.join(needed)}", source, yamlio.line_of(entry, "doc") or where[1])
        if not isinstance(doc.get(SEVERITY_HEADING, ""), str):
            raise ConfigError(f"rule {code}: `doc.{SEVERITY_HEADING}` must be text", source, yamlio.line_of(doc, SEVERITY_HEADING))
        name = _field(entry, "name", where)
        spec = entry.get("check")
        if spec is not None:
            if not isinstance(spec, dict) or spec.get("kind") not in DECLARATIVE:
                raise ConfigError(f"rule {code}: `check.kind` must be one of {', '.join(DECLARATIVE)}", source, yamlio.line_of(entry, "check"))
            check = DECLARATIVE[spec["kind"]](spec, (source, yamlio.line_of(entry, "check")))
        elif area is not None:
            check = _implemented(code, f"{_RULES}.{area}.{name.replace('-', '_')}")
        elif code in _FUNCTIONS:
            check = _implemented(code, None)
        else:
            raise ConfigError(f"rule {code} has no implementation: add `check:` to declare one", *where)
        found.append(Rule(
            code=code, name=name, summary=_field(entry, "summary", where),
            severity=severity, component=component, fix=_field(entry, "fix", where),
            doc={k: str(doc[k]) for k in DOC_ORDER if k in doc}, pack=pack, check=check,
        ))
    return found


def _implemented(code: str, module: str | None) -> Check:
    """The function registered for a code, its module imported when the
    rule first runs: a run imports only the rules it selects."""

    def check(ctx: Context) -> Iterable[Violation]:
        if code not in _FUNCTIONS and module is not None:
            importlib.import_module(module)
        return _FUNCTIONS[code](ctx)

    return check


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
    """The rules of the packs under rules/packs/."""
    found: list[Rule] = []
    for name in shipped_names("packs"):
        area = name.rpartition("/")[2].removesuffix(".yaml")
        found.extend(rules_of(shipped(name), f"rules/{name}", area))
    return found


def load(extra_packs: Iterable[Path] = (), display: Callable[[Path], str] = str) -> Registry:
    rules = builtin_rules()
    for path in extra_packs:
        rules.extend(parse_pack(read_bounded(path, display(path), "pack"), display(path)))
    return Registry(rules)
