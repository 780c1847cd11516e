"""Staged-files mode: run only the rules that the changed files can affect.

Every rule reads the whole repository, so the findings of the rules that
run are exactly the ones they give in a full run; the saving is the rules
that do not run. The map from files to rule prefixes is data
(rules/staged.yaml). The level gate runs when the level rules do.
"""

from __future__ import annotations

import fnmatch
from typing import Sequence

from openness_lint.catalog.source import shipped
from openness_lint.config import Config


def table() -> dict:
    return shipped("staged.yaml")


def affected(paths: Sequence[str]) -> list[str]:
    """Rule prefixes the changed paths can affect; ["ALL"] when any can affect all."""
    data = table()
    found: set[str] = set()
    for path in paths:
        lower = path.lower().removeprefix("./")
        entry = next((e for e in data["affects"]
                      if any(fnmatch.fnmatchcase(lower, str(g).lower()) for g in e["files"])), None)
        prefixes = entry["rules"] if entry else data["other"]
        if "ALL" in prefixes:
            return ["ALL"]
        found.update(map(str, prefixes))
    return sorted(found)


def narrow(select: list[str], prefixes: list[str]) -> list[str]:
    """The configured selection, cut down to the affected prefixes."""
    if prefixes == ["ALL"]:
        return select
    chosen = []
    for prefix in prefixes:
        if not select or "ALL" in (s.upper() for s in select):
            chosen.append(prefix)
        else:
            chosen += [s for s in select if s.upper().startswith(prefix) or prefix.startswith(s.upper())]
    # the longest of two overlapping selectors decides, as in a full run
    return sorted(set(chosen)) or ["NONE"]


def narrowed(config: Config, changed: Sequence[str]) -> tuple[Config, bool]:
    """The configuration for a check of the changed files only, and whether
    it grades the levels (only when the level rules run)."""
    prefixes = affected(changed)
    narrow_config = config._replace(
        select=narrow(config.select, prefixes),
        selector_lines={k: v for k, v in config.selector_lines.items() if k[0] != "select"},
        ignore_findings=[],  # whether an entry is used needs every rule to run
    )
    return narrow_config, prefixes == ["ALL"] or "LVL" in prefixes
