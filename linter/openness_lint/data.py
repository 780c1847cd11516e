"""Where the declarative side (the top-level rules/ folder) lives at run time."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.abc import Traversable

_PACKAGE = Path(__file__).resolve().parent


@functools.lru_cache(maxsize=None)
def ruledata() -> Traversable:
    """The shipped YAML: packs, frameworks, license tables.

    A wheel carries rules/ as the data package ``openness_lint.ruledata``,
    beside this module. An editable install maps only the import package, so
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
    from importlib import resources

    return resources.files(package)


def schema_text(name: str) -> str:
    return (_resources("openness_lint") / "schema" / name).read_text("utf-8")
