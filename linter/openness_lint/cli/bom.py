"""openness-lint bom [PATH] --format cyclonedx|spdx [-o FILE]: the release's
bill of materials, from the same run that checks it.

Offline and deterministic: the same repository gives the same bytes. No
time appears unless --timestamp or SOURCE_DATE_EPOCH gives one, and SPDX,
which requires one, refuses to run without. It writes only the file named
with -o (standard output without it), and never replaces one unless --force
is given. Exit 0 when written, 2 on any error.
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from openness_lint.bom import facts, write
from openness_lint.bom.document import TimestampError, timestamp
from openness_lint.cli import say
from openness_lint.cli.options import check_release, config_option, debug_option, path_argument
from openness_lint.cli.report import finish, force_option, write_output
from openness_lint.report import Report


def creation_time(option: str | None, fmt: str) -> str | None:
    """The BOM's creation time, or a usage error when it is unreadable or SPDX lacks one."""
    try:
        created = timestamp(option, dict(os.environ))
    except TimestampError as exc:
        raise click.UsageError(str(exc)) from None
    if created is None and write.needs_time(fmt):
        raise click.UsageError("SPDX 3 requires a creation time (CreationInfo.created): pass --timestamp or set "
                               "SOURCE_DATE_EPOCH (for a reproducible one, the time of the last commit)")
    return created


def render(report: Report, fmt: str, created: str | None) -> str:
    """The BOM's text; what the repository does not state is said on stderr."""
    text, warnings = write.render(report, fmt, created)
    for warning in warnings:
        say(f"openness-lint bom: warning: {warning}")
    return text


@click.command()
@path_argument
@click.option("--format", "fmt", type=click.Choice(write.FORMATS), default="cyclonedx", show_default=True,
              help="cyclonedx: CycloneDX 1.6 JSON; spdx: SPDX 3.0.1 JSON-LD with the AI and Dataset profiles.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write here instead of standard output.")
@force_option
@click.option("--timestamp", help="Creation time: seconds since 1970 or ISO 8601 (default: SOURCE_DATE_EPOCH, "
                                  "else none; SPDX needs one).")
@config_option
@debug_option
def bom(path: Path, fmt: str, output: Path | None, force: bool, timestamp: str | None,
        config_path: Path | None) -> int:
    """Write the bill of materials of the release in PATH (default: the current directory).

    The model, its data sets and its code, with their licenses, files (hashed
    from Git LFS pointers only), card facts, openness levels, use policy and
    reporting channels, each fact with the file and line it comes from."""
    created = creation_time(timestamp, fmt)
    if output is not None and not force and (output.exists() or output.is_symlink()):
        raise click.UsageError(f"{output} exists; use --force to overwrite it")
    result = check_release(path, config_path, collect=facts.collect)
    if result.internal_errors:
        return finish(result, None)
    text = render(result, fmt, created)
    if output is None:
        click.echo(text, nl=False)
        return 0
    write_output(output, text, force)
    return finish(result, output)
