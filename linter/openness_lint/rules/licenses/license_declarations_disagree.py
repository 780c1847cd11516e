"""LIC008: declarations for the same artifact that say different things,
and a BOM of the repository that gives a license the files do not."""

from __future__ import annotations

from typing import Iterator

from openness_lint.analysis import bomfiles
from openness_lint.analysis.licensing.attribution import attribution, deciding_first
from openness_lint.analysis.licensing.tables import display
from openness_lint.context import Context
from openness_lint.finding import Violation
from openness_lint.registry import rule

COMPONENT = {"code": "code-license", "model": "model-license", "data": "data-license"}


@rule("LIC008")
def license_declarations_disagree(ctx: Context) -> Iterator[Violation]:
    for artifact, groups in attribution(ctx).groups.items():
        for group in groups:
            said = group.distinct()
            if len(said) < 2:
                continue
            places = "; ".join(f"{d.where()} says {display(lic)}" for lic, items in sorted(said.items()) for d in items)
            where = f" for {group.scope}/" if group.scope else ""
            message = f"{artifact} license declarations{where} disagree: {places}"
            # the place that decides (the license text before metadata and
            # prose), then every place that says something else
            ranked = deciding_first(item for items in said.values() for item in items)
            leading = next(lic for lic, items in said.items() if ranked[0] in items)
            for item in [ranked[0], *(d for d in ranked if d not in said[leading])]:
                yield Violation(message, item.path, item.line, component=COMPONENT[artifact])
    # a BOM copies what the files say: only its own line is wrong
    for item, groups in bomfiles.license_disagreements(ctx):
        files = "; ".join(f"{d.where()} says {display(g.license or '')}" for g in groups
                          for d in deciding_first(d for d in g.declarations if d.license)[:1])
        yield Violation(f"{item.artifact} license in {item.path} disagrees with the files: {item.where()} says "
                        f"{display(item.license or '')}; {files}", item.path, item.line, component=COMPONENT[item.artifact])

