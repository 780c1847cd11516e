"""TOML, imported only when a run meets a TOML file (config, pyproject.toml,
REUSE.toml): tomllib, or tomli before Python 3.11."""

from __future__ import annotations

import sys
from types import ModuleType


def module() -> ModuleType:
    """The TOML parser: ``loads`` and ``TOMLDecodeError``."""
    if sys.version_info >= (3, 11):
        import tomllib  # only when a run meets a TOML file: it costs start-up time
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib
    return tomllib
