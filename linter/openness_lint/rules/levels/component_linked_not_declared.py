"""LVL009: a component that a card or README links to, that neither the
files nor the manifest have."""

from __future__ import annotations

from typing import Iterator

from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.levels import inputs, way
from openness_lint.registry import rule


@rule("LVL009")
def component_linked_not_declared(ctx: Context) -> Iterator[Violation]:
    for item in way.linked_not_declared(ctx):
        license_ = f"its license would be {item.license}" if item.license else "no file states its license"
        yield Violation(f"{inputs.title(item.component).capitalize()} is linked here ({item.what}: {item.url}) but not declared, "
                        f"so it does not count toward the level; {license_}", item.path, item.line,
                        component=item.component)
