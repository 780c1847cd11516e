"""openness-lint check [PATH]: lint a release and gate on the result."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from openness_lint.cli import say
from openness_lint.cli.options import check_release, config_option, debug_option, split, state
from openness_lint.config import Overrides
from openness_lint.formats import FORMATS, Options


def _color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return "NO_COLOR" not in os.environ and sys.stdout.isatty()


def _github_blob_url() -> str | None:
    server, repo, sha = (os.environ.get(k) for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"))
    return f"{server}/{repo}/blob/{sha}" if server and repo and sha else None


def _target(paths: tuple[Path, ...]) -> tuple[Path, list[str] | None]:
    """(repository root, changed files or None for a full check)."""
    if not paths:
        return Path("."), None
    if len(paths) == 1 and not paths[0].is_file():
        if not paths[0].exists():
            raise click.UsageError(f"path does not exist: {paths[0]}")
        return paths[0], None
    folders = [p for p in paths if p.is_dir()]
    if folders:
        raise click.UsageError(f"give one release folder, or file names only: {folders[0]} is a folder")
    return Path("."), [p.as_posix() for p in paths]


def _write(path: Path, text: str, append: bool = False) -> None:
    try:
        with open(path, "a" if append else "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise click.UsageError(f"cannot write {path}: {exc.strerror}") from None


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@config_option
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="Format of the report on standard output.")
@click.option("--sarif", "sarif_file", type=click.Path(dir_okay=False, path_type=Path), help="Also write SARIF here.")
@click.option("--json", "json_file", type=click.Path(dir_okay=False, path_type=Path), help="Also write JSON here.")
@click.option("--summary", "summary_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Also append the markdown report here (for example $GITHUB_STEP_SUMMARY).")
@click.option("--bom", "bom_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the release's BOM here: SPDX 3 for a .spdx.json name, else CycloneDX 1.6.")
@click.option("--bom-timestamp", help="The BOM's creation time (default: SOURCE_DATE_EPOCH; SPDX needs one).")
@click.option("--select", multiple=True, help="Only these rule codes or prefixes (comma-separated; overrides config).")
@click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes (comma-separated; overrides config).")
@click.option("--exclude", multiple=True, help="Glob of paths to leave out (adds to config).")
@click.option("--min-level", help="Minimum openness level, for example mof:II (overrides config).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour in text output; auto means only on a terminal and without NO_COLOR.")
@debug_option
def check(paths: tuple[Path, ...], config_path: Path | None, fmt: str, sarif_file: Path | None,
          json_file: Path | None, summary_file: Path | None, bom_file: Path | None, bom_timestamp: str | None,
          select: tuple[str, ...], ignore: tuple[str, ...], exclude: tuple[str, ...], min_level: str | None,
          exit_zero: bool, color: str) -> int:
    """Check the release in PATH (default: the current directory).

    Given file names instead (as pre-commit passes staged files), check the
    repository in the current directory with only the rules those files can
    affect."""
    path, changed = _target(paths)
    overrides = Overrides(select=split(select), ignore=split(ignore), exclude=split(exclude), min_level=min_level)
    collect, bom_format, created = None, "", None
    if bom_file is not None:
        # the BOM writers load only when a BOM is asked for: a plain check never pays for them
        from openness_lint.bom import facts, write
        from openness_lint.cli.bom import creation_time

        if changed is not None:
            raise click.UsageError("--bom needs a full check: give a release folder, not file names")
        bom_format = write.format_of(bom_file.name)
        created, collect = creation_time(bom_timestamp, bom_format), facts.collect
    report = check_release(path, config_path, overrides, changed, collect=collect)
    options = Options(color=_color(color), blob_url=_github_blob_url(), root_prefix=report.git_prefix)
    click.echo(FORMATS[fmt](report, options), nl=False, color=options.color)
    if sarif_file:
        _write(sarif_file, FORMATS["sarif"](report, options))
    if json_file:
        _write(json_file, FORMATS["json"](report, options))
    if summary_file:
        _write(summary_file, FORMATS["markdown"](report, options), append=True)
    if bom_file and not report.internal_errors:
        from openness_lint.cli.bom import render  # loaded above with the BOM writers

        _write(bom_file, render(report, bom_format, created))
    if report.internal_errors:
        first = report.internal_errors[0]
        if state["debug"]:
            click.echo(first.message, err=True)
        say(f"openness-lint: internal error in rule {first.rule}: {first.message.splitlines()[-1]}"
            + ("" if state["debug"] else " (run with --debug for a traceback)"))
        return 2
    if exit_zero or report.passed:
        return 0
    return 1
