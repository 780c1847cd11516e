"""openness-lint init [PATH]: write a commented starter configuration.

It never overwrites without asking: an existing file is kept unless the user
confirms at a terminal or passes --force, and then the user's own keys,
values and comments are kept (ruamel.yaml round-trip) while missing starter
keys are added.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from openness_lint.cli.options import debug_option
from openness_lint.config import CONFIG_NAMES
from openness_lint.text import yamlio

STARTER = """\
# openness-lint configuration. `openness-lint explain CODE` documents each rule.

# Framework used for the openness level, and the minimum the release must
# reach for the check to pass: mof:III, mof:II or mof:I; osaid:open;
# columbia:0 to columbia:5.
framework: mof
# min-level: mof:III

# Rule codes or prefixes to run (ALL by default) and to skip.
select: [ALL]
ignore: []

# Change a rule's severity: error, warning or info.
severity: {}
#   LIC001: warning

# Paths (globs) that are not part of the release.
exclude: []
#   - vendor/**

# Accept specific findings. A reason is required.
ignore-findings: []
#   - rule: LIC001
#     path: "*"
#     reason: license under legal review until the first public release

# Components every release must have, whatever its license, for example
# acceptable-use-policy or reporting-channel.
require: []

# Extra rule packs (YAML files), relative to this file.
packs: []
"""


def merge(existing: str) -> str:
    """The user's file with any missing starter keys appended."""
    current = yamlio.load(existing, comments=True)
    if current is None:
        # only comments (or nothing): keep them, then the starter settings
        return existing.rstrip() + "\n\n" + STARTER if existing.strip() else STARTER
    if not isinstance(current, dict):
        raise click.ClickException("the existing configuration is not a mapping; fix or remove it first")
    starter = yamlio.load(STARTER, comments=True)
    for key, value in starter.items():
        if key not in current:
            current[key] = value
    return yamlio.dump(current)


@click.command()
@click.argument("path", default=".", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--force", is_flag=True, help="Update an existing file, keeping its keys and comments.")
@debug_option
def init(path: Path, force: bool) -> int:
    """Write a starter .openness-lint.yaml into PATH."""
    target = next((path / n for n in CONFIG_NAMES if (path / n).exists()), path / CONFIG_NAMES[0])
    if not target.exists():
        target.write_text(STARTER, encoding="utf-8")
        click.echo(f"wrote {target}")
        return 0
    if not force:
        if not sys.stdin.isatty() or not click.confirm(f"{target} exists. Update it, keeping your settings?"):
            click.echo(f"openness-lint: {target} already exists; not changed (use --force to update it)", err=True)
            return 2
    try:
        merged = merge(target.read_text("utf-8"))
    except yamlio.YamlProblem as exc:
        raise click.ClickException(f"{target}:{exc.line or 1}: cannot update, invalid YAML: {exc}") from None
    target.write_text(merged, encoding="utf-8")
    click.echo(f"updated {target}")
    return 0
