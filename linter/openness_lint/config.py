"""Configuration: .openness-lint.yaml, [tool.openness-lint] or --config.

Parsing checks shapes and types and keeps each key's line; checks that need
the rule registry (unknown rule ids) run in Config.check_rules().
"""

from __future__ import annotations

import os
import re
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from openness_lint import components, frameworks, tomlio, yamlio
from openness_lint.errors import ConfigError
from openness_lint.finding import Severity

CONFIG_NAMES = (".openness-lint.yaml", ".openness-lint.yml")
MAX_CONFIG_BYTES = 256 * 1024


@dataclass(frozen=True)
class IgnoredFinding:
    rule: str
    path: str
    reason: str
    line: int | None  # where it is written in the config


@dataclass
class Config:
    source: str | None = None  # path of the file relative to the repository, for findings
    display: str | None = None  # path of the file as the user should see it in errors
    framework: str | None = None
    min_level: str | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=list)
    ignore_findings: list[IgnoredFinding] = field(default_factory=list)
    packs: list[Path] = field(default_factory=list)
    require: list[str] = field(default_factory=list)  # components every release must have
    custom_frameworks: dict[str, "frameworks.Framework"] = field(default_factory=dict)
    profiles: list[str] = field(default_factory=list)  # built-in profile ids or YAML paths
    release: Any = None  # a `release:` section in MOT's format
    manifest: str | None = None  # repository path of a MOT model file
    releases: list[str] | None = None  # monorepo release folders (globs); None: detect
    # key -> line, so later checks can point into the file
    lines: dict[str, int | None] = field(default_factory=dict)
    min_level_from_cli: bool = False  # --min-level (or the Action's input) overrode the file
    notes: list[str] = field(default_factory=list)  # said in every report (overrides)
    # rule selectors -> line of the item that names them
    selector_lines: dict[tuple[str, str], int | None] = field(default_factory=dict)

    def error(self, message: str, key: str | None = None, line: int | None = None) -> ConfigError:
        return ConfigError(message, self.display, line or (self.lines.get(key) if key else None))

    def check_rules(self, known: Callable[[str], bool]) -> None:
        """Every rule id or prefix the config names must exist."""
        for (key, selector), line in self.selector_lines.items():
            if not known(selector):
                raise self.error(f"{key}: unknown rule code or prefix {selector!r}", line=line)


# -- shape checks ------------------------------------------------------------

def _string(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{what} must be a non-empty string, not {_kind(value)}")
    return value.strip()


def _string_list(value: Any, what: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise ValueError(f"{what} must be a list of strings, not {_kind(value)}")
    return [_string(item, f"each item of {what}") for item in value]


def _kind(value: Any) -> str:
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


_MIN_LEVEL = re.compile(r"^(?P<framework>[a-z][a-z0-9-]*):(?P<level>\S+)$")


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
        raise ValueError(
            f"{name} has no level {level!r}; levels: {', '.join(known[name].levels)}"
        )
    return name, canonical


def _apply(config: Config, data: Any, base: Path, key_lines: dict[str, int] | None = None,
           display_path: Callable[[Path], str] = str) -> None:
    """Check and copy each key; key_lines stands in where the parser kept no lines (TOML)."""
    if data is None:
        return
    if not isinstance(data, dict):
        raise config.error(f"the configuration must be a mapping, not {_kind(data)}", line=1)
    handlers: dict[str, Callable[[Any, int | None], None]] = {}

    def framework(value: Any, line: int | None) -> None:
        name = _string(value, "framework")
        known = {**frameworks.builtin(), **config.custom_frameworks}
        if name not in known:
            raise ValueError(f"unknown framework {name!r}; known: {', '.join(sorted(known))}")
        config.framework = name

    def min_level(value: Any, line: int | None) -> None:
        name, level = parse_min_level(_string(value, "min-level"), config.custom_frameworks)
        config.min_level = f"{name}:{level}"

    def custom_frameworks(value: Any, line: int | None) -> None:
        for index, item in enumerate(_string_list(value, "frameworks")):
            target = base / item
            try:
                read_bounded(target, item, "framework file")  # unreadable: point at this line
            except ConfigError as exc:
                raise config.error(f"frameworks: {item!r}: {exc.message}",
                                   line=yamlio.line_of(value, index) or line) from None
            loaded = frameworks.load_custom(target, display_path(target))
            config.custom_frameworks[loaded.id] = loaded

    def profiles(value: Any, line: int | None) -> None:
        from openness_lint.levels import profiles as profile_mod

        for index, item in enumerate(_string_list(value, "profiles")):
            if item not in profile_mod.builtin() and not (base / item).is_file():
                raise config.error(f"profiles: unknown profile {item!r}; built in: "
                                   f"{', '.join(sorted(profile_mod.builtin()))}, or a path to a YAML file",
                                   line=yamlio.line_of(value, index) or line)
            name = item if item in profile_mod.builtin() else str(base / item)
            profile_mod.load(name)  # a bad profile file is a configuration error now, not mid-run
            config.profiles.append(name)

    def release(value: Any, line: int | None) -> None:
        if not isinstance(value, dict):
            raise ValueError(f"release must be a mapping in the Model Openness Tool's format, not {_kind(value)}")
        config.release = value

    def manifest(value: Any, line: int | None) -> None:
        config.manifest = _string(value, "manifest")

    def releases(value: Any, line: int | None) -> None:
        config.releases = [] if value in ([], None) else _string_list(value, "releases")

    def selectors(key: str, target: list[str]) -> Callable[[Any, int | None], None]:
        def handle(value: Any, line: int | None) -> None:
            items = _string_list(value, key)
            for index, item in enumerate(items):
                config.selector_lines[(key, item)] = yamlio.line_of(value, index) or line
            target.extend(items)
        return handle

    def severity(value: Any, line: int | None) -> None:
        if not isinstance(value, dict):
            raise ValueError(f"severity must map rule codes to error, warning or info, not {_kind(value)}")
        for code, level in value.items():
            item_line = yamlio.line_of(value, code) or line
            try:
                config.severity[_string(code, "a severity key")] = Severity.parse(_string(level, f"severity of {code}"))
            except ValueError as exc:
                raise config.error(f"severity: {exc}", line=item_line) from None
            config.selector_lines[("severity", str(code))] = item_line

    def exclude(value: Any, line: int | None) -> None:
        config.exclude.extend(glob.strip("/") or glob for glob in _string_list(value, "exclude"))

    def ignore_findings(value: Any, line: int | None) -> None:
        if not isinstance(value, list):
            raise ValueError(f"ignore-findings must be a list of {{rule, path, reason}}, not {_kind(value)}")
        for index, item in enumerate(value):
            item_line = yamlio.line_of(value, index) or line
            if not isinstance(item, dict):
                raise config.error("ignore-findings: each item must be a mapping with rule, path and reason", line=item_line)
            unknown = sorted(set(map(str, item)) - {"rule", "path", "reason"})
            if unknown:
                raise config.error(f"ignore-findings: unknown key {unknown[0]!r}; use rule, path and reason", line=item_line)
            try:
                rule = _string(item.get("rule"), "ignore-findings rule")
                path = _string(item.get("path", "*"), "ignore-findings path")
                reason = _string(item.get("reason"), "ignore-findings reason (it is mandatory)")
            except ValueError as exc:
                raise config.error(f"ignore-findings: {exc}", line=item_line) from None
            config.ignore_findings.append(IgnoredFinding(rule, path, reason, item_line))
            config.selector_lines[("ignore-findings", rule)] = item_line

    def packs(value: Any, line: int | None) -> None:
        for index, item in enumerate(_string_list(value, "packs")):
            try:
                read_bounded(base / item, item, "pack")  # unreadable packs point at this line
            except ConfigError as exc:
                raise config.error(f"packs: {item!r}: {exc.message}", line=yamlio.line_of(value, index) or line) from None
            config.packs.append(base / item)

    def require(value: Any, line: int | None) -> None:
        items = _string_list(value, "require")
        unknown = [item for item in items if item not in components.ALL]
        if unknown:
            raise ValueError(f"require: unknown component {unknown[0]!r}; components: {', '.join(components.ALL)}")
        config.require.extend(items)

    handlers.update({
        "frameworks": custom_frameworks,
        "profiles": profiles,
        "release": release,
        "manifest": manifest,
        "releases": releases,
        "require": require,
        "framework": framework,
        "min-level": min_level,
        "select": selectors("select", config.select),
        "ignore": selectors("ignore", config.ignore),
        "severity": severity,
        "exclude": exclude,
        "ignore-findings": ignore_findings,
        "packs": packs,
    })
    # custom frameworks first: framework and min-level may name them
    for key, value in sorted(data.items(), key=lambda kv: str(kv[0]) != "frameworks"):
        line = yamlio.line_of(data, key) or (key_lines or {}).get(str(key))
        config.lines[str(key)] = line
        handler = handlers.get(str(key))
        if handler is None:
            raise config.error(f"unknown key {key!r}; known keys: {', '.join(sorted(handlers))}", line=line)
        try:
            handler(value, line)
        except ValueError as exc:
            raise config.error(str(exc), line=line) from None


# -- loading -----------------------------------------------------------------

def read_bounded(path: Path, shown: str, what: str = "configuration file") -> str:
    """A small regular UTF-8 file that we were told to read (config, packs,
    frameworks, profiles): never a device, a FIFO, or more than 256 KiB."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise ConfigError(f"cannot read {what}: {exc.strerror}", shown) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise ConfigError(f"{what} is not a regular file", shown)
        raw = handle.read(MAX_CONFIG_BYTES + 1)
    if len(raw) > MAX_CONFIG_BYTES:
        raise ConfigError(f"{what} is larger than {MAX_CONFIG_BYTES // 1024} KiB", shown)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(f"{what} is not valid UTF-8", shown) from None


def _inside(root: Path, path: Path, shown: str) -> None:
    """A configuration found in the repository must not lead out of it: a
    pull request could link .openness-lint.yaml to any file on the runner."""
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError):
        raise ConfigError("configuration file is a broken or looping link", shown) from None
    if not resolved.is_relative_to(root.resolve()):
        raise ConfigError("configuration file is a symbolic link that leaves the repository; not read", shown)


def _toml_lines(text: str) -> dict[str, int]:
    """Lines of keys inside [tool.openness-lint]; tomllib keeps none."""
    lines: dict[str, int] = {}
    inside = False
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("["):
            header = stripped.split("#", 1)[0].strip().strip("[]").strip()
            inside = header == "tool.openness-lint" or header.startswith("tool.openness-lint.")
            if inside and header != "tool.openness-lint":
                lines.setdefault(header.split(".", 2)[-1].strip(), number)
            continue
        if inside and "=" in stripped:
            key = stripped.split("=", 1)[0].strip().strip('"')
            lines.setdefault(key, number)
    return lines


def _load_toml(path: Path, shown: str) -> tuple[Any, dict[str, int]] | None:
    text = read_bounded(path, shown)
    tomllib = tomlio.module()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise ConfigError(f"invalid TOML: {exc}", shown, int(match.group(1)) if match else None) from None
    section = data.get("tool", {}).get("openness-lint")
    if section is None:
        return None
    return section, _toml_lines(text)


def load(root: Path, explicit: Path | None = None,
         display: Callable[[Path], str] = str) -> Config:
    """Find and parse the configuration for a repository root.

    ``display`` turns a path into what error messages show (relative to the
    working directory, as the user typed it).
    """
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError("configuration file not found", display(explicit))
        path = explicit
    else:
        found = [root / name for name in CONFIG_NAMES if (root / name).is_file()]
        if not found and (root / "pyproject.toml").is_file():
            found = [root / "pyproject.toml"]
        if not found:
            return Config()
        path = found[0]
        _inside(root, path, display(path))
    try:
        source = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        source = display(path)
    config = Config(source=source, display=display(path))
    if path.suffix == ".toml":
        loaded = _load_toml(path, config.display)
        if loaded is None:
            if explicit is not None:
                raise ConfigError("no [tool.openness-lint] table in this file", config.display)
            return Config()
        data, toml_lines = loaded
        _apply(config, data, path.parent, toml_lines, display)
        return config
    try:
        data = yamlio.load(read_bounded(path, config.display))
    except yamlio.YamlProblem as exc:
        raise ConfigError(f"invalid YAML: {exc}", config.display, exc.line) from None
    _apply(config, data, path.parent, display_path=display)
    return config
