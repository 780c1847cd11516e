"""Configuration: .openness-lint.yaml, [tool.openness-lint] or --config.

Parsing checks shapes and types and keeps each key's line (config_keys.py);
checks that need the rule registry (unknown rule ids) run in
Config.check_rules(). A Config never changes once loaded: options given on
the command line make a new one with with_overrides().
"""

from __future__ import annotations

import re
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable, Mapping, NamedTuple, Sequence

from openness_lint import config_keys
from openness_lint.catalog.frameworks import Framework
from openness_lint.catalog.source import read_bounded
from openness_lint.config_keys import IgnoredFinding, parse_min_level
from openness_lint.errors import ConfigError, OptionError
from openness_lint.finding import Severity
from openness_lint.text import tomlio, yamlio

CONFIG_NAMES = (".openness-lint.yaml", ".openness-lint.yml")

__all__ = ["CONFIG_NAMES", "Config", "IgnoredFinding", "Overrides", "load", "parse_min_level"]


class Overrides(NamedTuple):
    """What the command line says over the file: --select and --ignore
    replace its lists, --exclude adds to it, --min-level replaces it."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    min_level: str | None = None


_NONE: Mapping = MappingProxyType({})


class Config(NamedTuple):
    """A loaded configuration; it never changes (with_overrides makes a new one)."""

    source: str | None = None  # path of the file relative to the repository, for findings
    display: str | None = None  # path of the file as the user should see it in errors
    framework: str | None = None
    min_level: tuple[str, str] | None = None  # (framework id, level id)
    select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    severity: Mapping[str, Severity] = _NONE
    exclude: Sequence[str] = ()
    ignore_findings: Sequence[IgnoredFinding] = ()
    packs: Sequence[Path] = ()
    require: Sequence[str] = ()  # components every release must have
    custom_frameworks: Mapping[str, Framework] = _NONE
    profiles: Sequence[str] = ()  # built-in profile ids or YAML paths
    release: Any = None  # a `release:` section in MOT's format
    manifest: str | None = None  # repository path of a MOT model file
    releases: Sequence[str] | None = None  # monorepo release folders (globs); None: detect
    # key -> line, so later checks can point into the file
    lines: Mapping[str, int | None] = _NONE
    min_level_from_cli: bool = False  # --min-level (or the Action's input) overrode the file
    notes: tuple[str, ...] = ()  # said in every report (overrides)
    # rule selectors -> line of the item that names them
    selector_lines: Mapping[tuple[str, str], int | None] = _NONE

    def error(self, message: str, key: str | None = None, line: int | None = None) -> ConfigError:
        return ConfigError(message, self.display, line or (self.lines.get(key) if key else None))

    def check_rules(self, known: Callable[[str], bool]) -> None:
        """Every rule id or prefix the config names must exist."""
        for (key, selector), line in self.selector_lines.items():
            if not known(selector):
                message = f"{key}: unknown rule code or prefix {selector!r}"
                if key.startswith("--"):
                    raise OptionError(message)
                raise self.error(message, line=line)

    def with_overrides(self, overrides: Overrides) -> Config:
        """This configuration with the command line's options applied; a
        --min-level that names no level raises OptionError."""
        changes: dict[str, Any] = {}
        lines = dict(self.selector_lines)
        for key, values in (("select", overrides.select), ("ignore", overrides.ignore)):
            if values:
                changes[key] = list(values)
                lines.update({(f"--{key}", value): None for value in values})
        if overrides.exclude:
            changes["exclude"] = [*self.exclude, *overrides.exclude]
        if overrides.min_level:
            try:
                wanted = parse_min_level(overrides.min_level, dict(self.custom_frameworks))
            except ValueError as exc:
                raise OptionError(str(exc), "--min-level") from None
            if self.min_level and self.min_level != wanted:
                changes["notes"] = (*self.notes, f"--min-level {wanted[0]}:{wanted[1]} overrode min-level "
                                                 f"{self.min_level[0]}:{self.min_level[1]} from {self.display or self.source}")
            changes.update(min_level=wanted, min_level_from_cli=True)
        return self._replace(selector_lines=lines, **changes) if changes else self


# -- loading -----------------------------------------------------------------

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
    shown = display(path)
    if path.suffix == ".toml":
        loaded = _load_toml(path, shown)
        if loaded is None:
            if explicit is not None:
                raise ConfigError("no [tool.openness-lint] table in this file", shown)
            return Config()
        data, toml_lines = loaded
        return Config(source=source, display=shown,
                      **config_keys.apply(data, path.parent, shown, toml_lines, display))
    try:
        data = yamlio.load(read_bounded(path, shown))
    except yamlio.YamlProblem as exc:
        raise ConfigError(f"invalid YAML: {exc}", shown, exc.line) from None
    return Config(source=source, display=shown, **config_keys.apply(data, path.parent, shown, display_path=display))
