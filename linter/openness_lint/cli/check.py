"""openness-lint check [PATH]: lint a release and gate on the result."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from openness_lint import config as config_mod
from openness_lint import licensefiles, releases, staged
from openness_lint.cli.options import debug_option, load_setup, state
from openness_lint.errors import ConfigError
from openness_lint.formats import FORMATS, Options
from openness_lint.repo import Repo, Started


def _split(values: tuple[str, ...]) -> list[str]:
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


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
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Configuration file (default: .openness-lint.yaml or [tool.openness-lint] in pyproject.toml).")
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="Format of the report on standard output.")
@click.option("--sarif", "sarif_file", type=click.Path(dir_okay=False, path_type=Path), help="Also write SARIF here.")
@click.option("--json", "json_file", type=click.Path(dir_okay=False, path_type=Path), help="Also write JSON here.")
@click.option("--summary", "summary_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Also append the markdown report here (for example $GITHUB_STEP_SUMMARY).")
@click.option("--select", multiple=True, help="Only these rule codes or prefixes (comma-separated; overrides config).")
@click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes (comma-separated; overrides config).")
@click.option("--exclude", multiple=True, help="Glob of paths to leave out (adds to config).")
@click.option("--min-level", help="Minimum openness level, for example mof:II (overrides config).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour in text output; auto means only on a terminal and without NO_COLOR.")
@debug_option
def check(paths: tuple[Path, ...], config_path: Path | None, fmt: str, sarif_file: Path | None,
          json_file: Path | None, summary_file: Path | None, select: tuple[str, ...], ignore: tuple[str, ...],
          exclude: tuple[str, ...], min_level: str | None, exit_zero: bool, color: str) -> int:
    """Check the release in PATH (default: the current directory).

    Given file names instead (as pre-commit passes staged files), check the
    repository in the current directory with only the rules those files can
    affect."""
    path, changed = _target(paths)
    # git lists the tree (and a full run searches for SPDX headers) while
    # the configuration and rules load; a run that ends early stops it
    with Started(path, prefetch=(licensefiles.HEADER_SEARCH,) if changed is None else ()) as started:
        config, rules = load_setup(path, config_path)
        if select:
            config.select = _split(select)
            config.selector_lines.update({("--select", s): None for s in config.select})
        if ignore:
            config.ignore = _split(ignore)
            config.selector_lines.update({("--ignore", s): None for s in config.ignore})
        config.exclude.extend(_split(exclude))
        if min_level:
            try:
                name, level = config_mod.parse_min_level(min_level, config.custom_frameworks)
            except ValueError as exc:
                raise click.BadParameter(str(exc), param_hint="--min-level") from None
            if config.min_level and config.min_level != f"{name}:{level}":
                config.notes.append(f"--min-level {name}:{level} overrode min-level {config.min_level} "
                                    f"from {config.display or config.source}")
            config.min_level = f"{name}:{level}"
            config.min_level_from_cli = True
        levels = True
        if changed is not None:
            prefixes = staged.affected(changed)
            config.select = staged.narrow(config.select, prefixes)
            config.selector_lines = {k: v for k, v in config.selector_lines.items() if k[0] != "select"}
            config.ignore_findings = []  # whether an entry is used needs every rule to run
            levels = prefixes == ["ALL"] or "LVL" in prefixes
        try:
            config.check_rules(rules.known)
        except ConfigError as exc:
            if exc.message.startswith("--"):
                raise click.BadParameter(exc.message) from None
            raise
        repo = Repo(path, exclude=config.exclude, started=started)
        try:
            report = releases.run(repo, config, rules, root_display=path.as_posix(), debug=state["debug"],
                                  levels=levels)
        finally:
            repo.close()
        options = Options(color=_color(color), blob_url=_github_blob_url(), root_prefix=repo.git_prefix)
        click.echo(FORMATS[fmt](report, options), nl=False, color=options.color)
        if sarif_file:
            _write(sarif_file, FORMATS["sarif"](report, options))
        if json_file:
            _write(json_file, FORMATS["json"](report, options))
        if summary_file:
            _write(summary_file, FORMATS["markdown"](report, options), append=True)
        if report.internal_errors:
            from openness_lint.cli import say

            first = report.internal_errors[0]
            if state["debug"]:
                click.echo(first.message, err=True)
            say(f"openness-lint: internal error in rule {first.rule}: {first.message.splitlines()[-1]}"
                + ("" if state["debug"] else " (run with --debug for a traceback)"))
            return 2
        if exit_zero or report.passed:
            return 0
        return 1
