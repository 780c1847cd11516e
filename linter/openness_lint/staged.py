"""Staged-files mode: run only the rules that the changed files can affect.

Every rule reads the whole repository, so the findings of the rules that
run are exactly the ones they give in a full run; the saving is the rules
that do not run. The map from files to rule prefixes is data
(rules/staged.yaml). The level gate runs when the level rules do.
"""

from __future__ import annotations

import fnmatch
import functools

from openness_lint import yamlio
from openness_lint.data import ruledata


@functools.lru_cache(maxsize=1)
def table() -> dict:
    return yamlio.shipped((ruledata() / "staged.yaml").read_text("utf-8"))


def affected(paths: list[str]) -> list[str]:
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
