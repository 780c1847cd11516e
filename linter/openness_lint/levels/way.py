"""The way forward from the level a release has: the components its cards
and README link to but nothing declares, and what the lead framework would
grade once they are declared with the licenses the files give them.

Linked components never count toward the level itself: a link is a lead
that a maintainer confirms by declaring it (`openness-lint manifest`).
"""

from __future__ import annotations

from typing import NamedTuple

from openness_lint.analysis import links
from openness_lint.catalog.frameworks import Framework
from openness_lint.context import Context
from openness_lint.levels import inputs
from openness_lint.levels.inputs import ComponentGrade


class LinkedComponent(NamedTuple):
    """A component linked but not declared, with the license a declaration
    would give it today (None: no license the files show)."""

    component: str
    url: str
    path: str
    line: int
    what: str
    license: str | None


def linked_not_declared(ctx: Context) -> list[LinkedComponent]:
    """Linked components that neither the files nor a manifest have, found once per run."""
    return ctx.memo(_linked_not_declared)


def _linked_not_declared(ctx: Context) -> list[LinkedComponent]:
    graded = inputs.build(ctx)
    return [LinkedComponent(item.component, item.url, item.path, item.line, item.what,
                            links.license_of(ctx, item))
            for item in links.linked(ctx)
            if item.component in graded and not graded[item.component].present]


ASSUMED_OPEN = "LicenseRef-openness-lint-if-open"  # only ever graded, never shown


def declared(graded: dict[str, ComponentGrade], found: list[LinkedComponent],
             assume_open: bool = False) -> dict[str, ComponentGrade]:
    """The components as they would be with the linked ones declared: with
    the licenses the files give them, or (assume_open) with an open license
    where the files give none."""
    out = dict(graded)
    for item in found:
        grade = inputs.grade_of(item.component, True, item.license, "linked", (item.url,))
        if assume_open and not item.license:
            grade = grade._replace(license=ASSUMED_OPEN, category="osi-fsf")
        out[item.component] = grade
    return out


def sentence(framework: Framework, achieved: str, found: list[LinkedComponent], reach: str,
             reach_if_open: str) -> str:
    """'4 components are linked but not declared (...): declared with their
    current licenses, this release would be Class II. Run ...'"""
    if not found:
        return ""
    names = ", ".join(f"{inputs.title(item.component)} ({item.what})" for item in found)
    count = f"{len(found)} component{'s are' if len(found) != 1 else ' is'}"
    level = framework.level_name(reach)
    if reach == achieved:
        outcome = f"declared with their current licenses, this release would still be {level}"
    else:
        outcome = f"declared with their current licenses, this release would be {level}"
    unknown = [inputs.title(item.component) for item in found if not item.license]
    caveat = f"; no license is known for {', '.join(unknown)}" if unknown else ""
    if unknown and framework.rank(reach_if_open) > framework.rank(reach):
        caveat += f", and with open licenses stated it would be {framework.level_name(reach_if_open)}"
    return (f"{count} linked but not declared: {names}: {outcome}{caveat}. "
            "Run `openness-lint manifest` to draft them.")
