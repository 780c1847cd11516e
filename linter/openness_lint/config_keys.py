"""The keys of a configuration file: one checked handler per key.

apply() turns the parsed file into the fields of a Config. Each handler
checks its value's shape and type and raises ValueError, which becomes a
ConfigError at the key's line; a handler that knows a finer line (an item
of a list) raises the ConfigError itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, NamedTuple

from openness_lint import components
from openness_lint.catalog import datacache, frameworks, profiles
from openness_lint.catalog.source import read_bounded
from openness_lint.errors import ConfigError
from openness_lint.finding import Severity
from openness_lint.text import yamlio


class IgnoredFinding(NamedTuple):
    rule: str
    path: str
    reason: str
    line: int | None  # where it is written in the config


def kind_of(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def string(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{what} must be a non-empty string, not {kind_of(value)}")
    return value.strip()


def string_list(value: Any, what: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise ValueError(f"{what} must be a list of strings, not {kind_of(value)}")
    return [string(item, f"each item of {what}") for item in value]


_MIN_LEVEL = datacache.regex(r"^(?P<framework>[a-z][a-z0-9-]*):(?P<level>\S+)$")


def parse_min_level(text: str, custom: dict | None = None) -> tuple[str, str]:
    """'mof:II' -> ('mof', 'II'); raise ValueError naming the choices."""
    match = _MIN_LEVEL.match(text.strip())
    if not match:
        raise ValueError(f"min-level {text!r} must look like FRAMEWORK:LEVEL, for example mof:II")
    name, level = match["framework"], match["level"]
    known = {**frameworks.builtin(), **(custom or {})}
    if name not in known:
        raise ValueError(f"min-level names unknown framework {name!r}; known: {', '.join(sorted(known))}")
    canonical = known[name].canonical_level(level)
    if canonical is None:
        raise ValueError(f"{name} has no level {level!r}; levels: {', '.join(known[name].levels)}")
    return name, canonical


class _Keys:
    """The handlers, writing into ``fields`` (the Config's keyword arguments)."""

    def __init__(self, base: Path, display: str | None, display_path: Callable[[Path], str]):
        self.base, self.display, self.display_path = base, display, display_path
        self.fields: dict[str, Any] = {"select": [], "ignore": [], "severity": {}, "exclude": [],
                                       "ignore_findings": [], "packs": [], "require": [], "custom_frameworks": {},
                                       "profiles": [], "lines": {}, "selector_lines": {}}

    def error(self, message: str, line: int | None) -> ConfigError:
        return ConfigError(message, self.display, line)

    def framework(self, value: Any, line: int | None) -> None:
        name = string(value, "framework")
        known = {**frameworks.builtin(), **self.fields["custom_frameworks"]}
        if name not in known:
            raise ValueError(f"unknown framework {name!r}; known: {', '.join(sorted(known))}")
        self.fields["framework"] = name

    def min_level(self, value: Any, line: int | None) -> None:
        self.fields["min_level"] = parse_min_level(string(value, "min-level"), self.fields["custom_frameworks"])

    def custom_frameworks(self, value: Any, line: int | None) -> None:
        for index, item in enumerate(string_list(value, "frameworks")):
            target = self.base / item
            try:
                read_bounded(target, item, "framework file")  # unreadable: point at this line
            except ConfigError as exc:
                raise self.error(f"frameworks: {item!r}: {exc.message}",
                                 yamlio.line_of(value, index) or line) from None
            loaded = frameworks.load_custom(target, self.display_path(target))
            self.fields["custom_frameworks"][loaded.id] = loaded

    def profiles(self, value: Any, line: int | None) -> None:
        for index, item in enumerate(string_list(value, "profiles")):
            if item not in profiles.builtin() and not (self.base / item).is_file():
                raise self.error(f"profiles: unknown profile {item!r}; built in: "
                                 f"{', '.join(sorted(profiles.builtin()))}, or a path to a YAML file",
                                 yamlio.line_of(value, index) or line)
            name = item if item in profiles.builtin() else str(self.base / item)
            profiles.load(name)  # a bad profile file is a configuration error now, not mid-run
            self.fields["profiles"].append(name)

    def release(self, value: Any, line: int | None) -> None:
        if not isinstance(value, dict):
            raise ValueError(f"release must be a mapping in the Model Openness Tool's format, not {kind_of(value)}")
        self.fields["release"] = value

    def manifest(self, value: Any, line: int | None) -> None:
        self.fields["manifest"] = string(value, "manifest")

    def releases(self, value: Any, line: int | None) -> None:
        self.fields["releases"] = [] if value in ([], None) else string_list(value, "releases")

    def selectors(self, key: str) -> Callable[[Any, int | None], None]:
        def handle(value: Any, line: int | None) -> None:
            items = string_list(value, key)
            for index, item in enumerate(items):
                self.fields["selector_lines"][(key, item)] = yamlio.line_of(value, index) or line
            self.fields[key].extend(items)
        return handle

    def severity(self, value: Any, line: int | None) -> None:
        if not isinstance(value, dict):
            raise ValueError(f"severity must map rule codes to error, warning or info, not {kind_of(value)}")
        for code, level in value.items():
            item_line = yamlio.line_of(value, code) or line
            try:
                self.fields["severity"][string(code, "a severity key")] = Severity.parse(
                    string(level, f"severity of {code}"))
            except ValueError as exc:
                raise self.error(f"severity: {exc}", item_line) from None
            self.fields["selector_lines"][("severity", str(code))] = item_line

    def exclude(self, value: Any, line: int | None) -> None:
        self.fields["exclude"].extend(glob.strip("/") or glob for glob in string_list(value, "exclude"))

    def ignore_findings(self, value: Any, line: int | None) -> None:
        if not isinstance(value, list):
            raise ValueError(f"ignore-findings must be a list of {{rule, path, reason}}, not {kind_of(value)}")
        for index, item in enumerate(value):
            item_line = yamlio.line_of(value, index) or line
            if not isinstance(item, dict):
                raise self.error("ignore-findings: each item must be a mapping with rule, path and reason", item_line)
            unknown = sorted(set(map(str, item)) - {"rule", "path", "reason"})
            if unknown:
                raise self.error(f"ignore-findings: unknown key {unknown[0]!r}; use rule, path and reason", item_line)
            try:
                rule = string(item.get("rule"), "ignore-findings rule")
                path = string(item.get("path", "*"), "ignore-findings path")
                reason = string(item.get("reason"), "ignore-findings reason (it is mandatory)")
            except ValueError as exc:
                raise self.error(f"ignore-findings: {exc}", item_line) from None
            self.fields["ignore_findings"].append(IgnoredFinding(rule, path, reason, item_line))
            self.fields["selector_lines"][("ignore-findings", rule)] = item_line

    def packs(self, value: Any, line: int | None) -> None:
        for index, item in enumerate(string_list(value, "packs")):
            try:
                read_bounded(self.base / item, item, "pack")  # unreadable packs point at this line
            except ConfigError as exc:
                raise self.error(f"packs: {item!r}: {exc.message}", yamlio.line_of(value, index) or line) from None
            self.fields["packs"].append(self.base / item)

    def require(self, value: Any, line: int | None) -> None:
        items = string_list(value, "require")
        unknown = [item for item in items if item not in components.ALL]
        if unknown:
            raise ValueError(f"require: unknown component {unknown[0]!r}; components: {', '.join(components.ALL)}")
        self.fields["require"].extend(items)

    def handlers(self) -> dict[str, Callable[[Any, int | None], None]]:
        return {
            "frameworks": self.custom_frameworks, "profiles": self.profiles, "release": self.release,
            "manifest": self.manifest, "releases": self.releases, "require": self.require,
            "framework": self.framework, "min-level": self.min_level,
            "select": self.selectors("select"), "ignore": self.selectors("ignore"),
            "severity": self.severity, "exclude": self.exclude, "ignore-findings": self.ignore_findings,
            "packs": self.packs,
        }


def apply(data: Any, base: Path, display: str | None, key_lines: dict[str, int] | None = None,
          display_path: Callable[[Path], str] = str) -> dict[str, Any]:
    """The Config fields a parsed file gives; key_lines stands in where the
    parser kept no lines (TOML)."""
    keys = _Keys(base, display, display_path)
    if data is None:
        return keys.fields
    if not isinstance(data, dict):
        raise keys.error(f"the configuration must be a mapping, not {kind_of(data)}", 1)
    handlers = keys.handlers()
    # custom frameworks first: framework and min-level may name them
    for key, value in sorted(data.items(), key=lambda kv: str(kv[0]) != "frameworks"):
        line = yamlio.line_of(data, key) or (key_lines or {}).get(str(key))
        keys.fields["lines"][str(key)] = line
        handler = handlers.get(str(key))
        if handler is None:
            raise keys.error(f"unknown key {key!r}; known keys: {', '.join(sorted(handlers))}", line)
        try:
            handler(value, line)
        except ValueError as exc:
            raise keys.error(str(exc), line) from None
    return keys.fields
