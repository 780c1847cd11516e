"""Where our own declarative inputs come from, and the one way to load them.

- ``shipped(name)``: a YAML file of the top-level rules/ folder (packs,
  frameworks, profiles, license tables, section sets), parsed once per
  process and kept in the data cache between runs. Every shipped file has a
  JSON Schema beside it (NAME.schema.json, or the one schema of its folder)
  that tests/meta validates it against, so a typo fails CI, not a run.
- ``read_bounded(path)``: a file a user pointed us at (configuration,
  packs, frameworks, profiles), read with limits.

Both turn every problem into a ConfigError with file and line.
"""

from __future__ import annotations

import functools
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openness_lint.catalog import datacache
from openness_lint.errors import ConfigError
from openness_lint.text import yamlio

if TYPE_CHECKING:
    from importlib.abc import Traversable

_PACKAGE = Path(__file__).resolve().parents[1]
MAX_INPUT_BYTES = 256 * 1024


@functools.lru_cache(maxsize=None)
def ruledata() -> Traversable:
    """The shipped YAML: packs, frameworks, license tables.

    A wheel carries rules/ as the data package ``openness_lint.ruledata``,
    inside the package. An editable install maps only the import package, so
    there we read the rules/ folder of the checkout the package was
    installed from. Only an install that is not a folder (a zip) needs
    importlib.resources, which costs a few milliseconds to import.
    """
    installed = _PACKAGE / "ruledata"
    if installed.is_dir():
        return installed
    checkout = _PACKAGE.parents[1] / "rules"
    if _PACKAGE.parent.name == "linter" and checkout.is_dir():
        return checkout
    return _resources("openness_lint.ruledata")


def _resources(package: str) -> Traversable:
    from importlib import resources  # a few milliseconds: only for a zipped install

    return resources.files(package)


def schema_text(name: str) -> str:
    """A JSON Schema of our output formats (openness_lint/schema/)."""
    return (_resources("openness_lint") / "schema" / name).read_text("utf-8")


def _file(name: str) -> Traversable:
    found = ruledata()
    for part in name.split("/"):
        found = found / part
    return found


@functools.lru_cache(maxsize=None)
def shipped(name: str) -> Any:
    """rules/NAME parsed, for example shipped("cards/sections.yaml").

    Callers share what it returns and must not change it."""
    shown = f"rules/{name}"
    try:
        text = _file(name).read_text("utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read shipped data: {exc.strerror}", shown) from None
    try:
        return datacache.derived("yaml", text, lambda: yamlio.parse_safe(text))
    except yamlio.YamlProblem as exc:
        raise ConfigError(f"invalid YAML: {exc}", shown, exc.line) from None


def shipped_names(folder: str) -> list[str]:
    """The YAML files of a folder of rules/, as names shipped() takes, sorted."""
    return sorted(f"{folder}/{item.name}" for item in _file(folder).iterdir() if item.name.endswith(".yaml"))


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
        raw = handle.read(MAX_INPUT_BYTES + 1)
    if len(raw) > MAX_INPUT_BYTES:
        raise ConfigError(f"{what} is larger than {MAX_INPUT_BYTES // 1024} KiB", shown)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(f"{what} is not valid UTF-8", shown) from None


def read_yaml(path: Path, shown: str, what: str) -> Any:
    """A user's YAML file (a pack, a framework, a profile), with lines kept."""
    try:
        return yamlio.load(read_bounded(path, shown, what))
    except yamlio.YamlProblem as exc:
        raise ConfigError(f"invalid YAML: {exc}", shown, exc.line) from None
