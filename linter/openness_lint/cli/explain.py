"""openness-lint explain RULE: print one rule's full documentation."""

from __future__ import annotations

import click

from openness_lint import registry
from openness_lint.cli.options import debug_option


@click.command()
@click.argument("code")
@debug_option
def explain(code: str) -> int:
    """Print the documentation of rule CODE (or its name)."""
    loaded = registry.load()
    found = loaded.get(code) or next((r for r in loaded if r.name == code.lower()), None)
    if found is None:
        raise click.BadParameter(f"no rule {code!r}; `openness-lint rules` lists them", param_hint="CODE")
    click.echo(found.explain(), nl=False)
    return 0
