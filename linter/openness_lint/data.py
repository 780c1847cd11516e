"""Where the declarative side (the top-level rules/ folder) lives at run time."""

from __future__ import annotations

import functools
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path


@functools.lru_cache(maxsize=None)
def ruledata() -> Traversable:
    """The shipped YAML: packs, frameworks, license tables.

    A wheel carries rules/ as the data package ``openness_lint.ruledata``.
    An editable install maps only the import package, so there we read the
    rules/ folder of the checkout the package was installed from.
    """
    try:
        return resources.files("openness_lint.ruledata")
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[2] / "rules"


def schema_text(name: str) -> str:
    return (resources.files("openness_lint") / "schema" / name).read_text("utf-8")
