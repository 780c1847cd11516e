"""The release as the Columbia readout's AI stack: groups of coloured tiles.

The grouping and the names are data (rules/report/stack.yaml); the states
are defined there too: absent, open, restricted. The SVG and HTML reports
draw what this module computes, so both always agree.
"""

from __future__ import annotations

import functools
import re
from typing import Mapping, NamedTuple

from openness_lint import components
from openness_lint.catalog import frameworks
from openness_lint.catalog.source import shipped
from openness_lint.components import ComponentStatus
from openness_lint.levels import criteria
from openness_lint.report import Report

STATES = ("open", "restricted", "absent")


class Tile(NamedTuple):
    key: str  # component id, or Columbia criterion id for guardrails
    name: str
    state: str  # one of STATES
    license: str | None = None
    category: str | None = None
    evidence: tuple[str, ...] = ()


class Group(NamedTuple):
    id: str
    title: str
    tiles: tuple[Tile, ...]
    # Criteria with no release component that the report did not evaluate.
    not_evaluated: tuple[str, ...] = ()


class Stack(NamedTuple):
    open_categories: frozenset[str]
    unlicensed: frozenset[str]
    groups: tuple[dict, ...]
    badge_names: Mapping[str, str]


@functools.lru_cache(maxsize=1)
def load() -> Stack:
    data = shipped("report/stack.yaml")
    return Stack(frozenset(data["open-categories"]), frozenset(data["unlicensed"]),
                 tuple(data["groups"]), dict(data.get("badge-names") or {}))


def state(cid: str, status: ComponentStatus | None, stack: Stack | None = None) -> str:
    """absent, open or restricted, as rules/report/stack.yaml defines them."""
    stack = stack or load()
    if status is None or not status.present:
        return "absent"
    if cid in stack.unlicensed or status.category in stack.open_categories:
        return "open"
    return "restricted"


def _component_tile(cid: str, name: str, status: ComponentStatus | None, stack: Stack) -> Tile:
    if status is None or not status.present:
        return Tile(cid, name, "absent")
    return Tile(cid, name, state(cid, status, stack), status.license, status.category,
                tuple(sorted(set(status.evidence))))


def _criteria(report: Report) -> Mapping[str, criteria.Criterion] | None:
    """The Columbia criteria of the report's level, when it carries them."""
    columbia = report.level.frameworks.get("columbia") if report.level else None
    return columbia.result.criteria if columbia and isinstance(columbia.result, criteria.Result) else None


def _criterion_tile(key: str, name: str, item: criteria.Criterion) -> Tile:
    return Tile(key, name, item.status if item.status in STATES else "absent", item.license, None,
                tuple(item.evidence))


def groups(report: Report) -> list[Group]:
    """Every group of the stack with its tiles, in the order of stack.yaml.

    Components of the report that stack.yaml does not place (a custom
    framework's own) come last, in a group of their own.
    """
    stack = load()
    scored = _criteria(report)
    placed: set[str] = set()
    out = []
    for spec in stack.groups:
        names = spec.get("components") or {}
        placed.update(names)
        tiles = [_component_tile(cid, str(name), report.components.get(cid), stack) for cid, name in names.items()]
        extra = spec.get("columbia-criteria") or {}
        missing: tuple[str, ...] = ()
        if scored is not None:
            tiles += [_criterion_tile(key, str(name), scored[key]) for key, name in extra.items() if key in scored]
        else:
            missing = tuple(str(name) for name in extra.values())
        out.append(Group(str(spec["id"]), str(spec["title"]), tuple(tiles), missing))
    others = sorted(set(report.components) - placed)
    if others:
        out.append(Group("other", "Other components", tuple(
            _component_tile(cid, components.TITLES.get(cid, cid), report.components[cid], stack) for cid in others)))
    return out


def counts(drawn: list[Group]) -> dict[str, int]:
    tally = {name: 0 for name in STATES}
    for group in drawn:
        for tile in group.tiles:
            tally[tile.state] += 1
    return tally


NOT_COMPUTED = "Openness level not computed by this version of openness-lint."


def verdict(report: Report) -> str:
    """The level's one-line verdict, or a line saying there is none."""
    if not report.level:
        return NOT_COMPUTED
    return report.level.verdict or NOT_COMPUTED


def level_label(framework_id: str, level: str) -> str:
    """A level's short name: mof II -> 'Class II' (without '(Open Tooling)')."""
    framework = frameworks.builtin().get(framework_id)
    name = framework.level_name(level) if framework else level
    return re.sub(r"\s*\([^)]*\)\s*$", "", name) or level


def progress(report: Report) -> list[tuple[str, str, int]]:
    """(level id, label, percent) for each level the report gives progress on."""
    given = report.level.progress if report.level else None
    if not given:
        return []
    return [(level_id, level_label(report.level.framework, level_id), max(0, min(100, percent)))
            for level_id, percent in given.items()]


def gate(report: Report) -> str | None:
    """'required mof:II, met' when a minimum level is configured."""
    level = report.level
    if level is None or not level.required:
        return None
    return f"Required {level.framework}:{level.required}: {'met' if level.passed else 'not met'}."


def detail(tile: Tile) -> str:
    """The tile's second line: its state and the license that decides it
    (the license's category is in the tile's hover text)."""
    if tile.state == "absent":
        return "absent"
    if tile.license:
        return f"{tile.state} \u00b7 {tile.license}"
    if tile.state == "open":
        return "open \u00b7 published"
    return "restricted \u00b7 no license identified"
