"""openness-lint report [PATH] -o FILE: draw the release's openness map.

The map groups the release's components as the Columbia readout draws the
AI stack and colours each open, restricted or absent (rules/report/stack.yaml
defines both). It writes only the file named with -o, and never replaces
one unless --force is given. Exit 0 when written, 2 on any error.
"""

from __future__ import annotations

from pathlib import Path

import click

from openness_lint.cli.options import check_release, config_option, debug_option, path_argument
from openness_lint.formats import html, svg
from openness_lint.report import Report

RENDERERS = {"svg": svg.render, "html": html.render}

output_option = click.option("-o", "--output", required=True, type=click.Path(path_type=Path),
                             help="The file to write.")
force_option = click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")


def write_output(target: Path, content: str, force: bool) -> None:
    """Write content to target; an existing file only with force."""
    if target.is_dir():
        raise click.UsageError(f"{target} is a directory")
    if not force and (target.exists() or target.is_symlink()):
        raise click.UsageError(f"{target} exists; use --force to overwrite it")
    try:
        with open(target, "w" if force else "x", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
    except FileExistsError:
        raise click.UsageError(f"{target} exists; use --force to overwrite it") from None
    except OSError as exc:
        raise click.UsageError(f"cannot write {target}: {exc.strerror}") from None


def finish(report: Report, target: Path | None) -> int:
    """Say what was written; a rule that crashed still makes the run exit 2."""
    if target is not None:
        click.echo(f"wrote {target}", err=True)
    if report.internal_errors:
        first = report.internal_errors[0]
        click.echo(f"openness-lint: internal error in rule {first.rule}: {first.message.splitlines()[-1]}", err=True)
        return 2
    return 0


@click.command()
@path_argument
@click.option("--format", "fmt", type=click.Choice(sorted(RENDERERS)), default="svg", show_default=True,
              help="svg: the map alone; html: a page with the map, the components and the findings.")
@output_option
@force_option
@config_option
@debug_option
def report(path: Path, fmt: str, output: Path, force: bool, config_path: Path | None) -> int:
    """Draw the openness map of the release in PATH (default: the current directory).

    Components are grouped as code, datasets, model weights, documentation,
    distribution and guardrails, and coloured: open (an OSI/FSF or open-data
    license, or a policy that needs none), restricted (any other license, or
    none identified) or absent. The level verdict is on top.
    """
    result = check_release(path, config_path)
    write_output(output, RENDERERS[fmt](result, None), force)
    return finish(result, output)
