"""Options and state shared by several commands, and the one call that runs
a check for them: flags become Overrides, and run.lint() does the rest."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Sequence

import click

if TYPE_CHECKING:
    from openness_lint.config import Overrides
    from openness_lint.context import Context
    from openness_lint.report import Report

# Set by main() from the raw arguments, so --debug works before or after
# the command name.
state = {"debug": False}

debug_option = click.option("--debug", is_flag=True, expose_value=False,
                            help="Show tracebacks for internal errors.")
config_option = click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
                             help="Configuration file (default: .openness-lint.yaml or [tool.openness-lint] "
                                  "in pyproject.toml).")
path_argument = click.argument("path", default=".", type=click.Path(file_okay=False, path_type=Path))


def shown(path: Path) -> str:
    """A path as the user should see it in messages: relative to where they are."""
    return str(path) if path.is_absolute() else os.path.relpath(path)


def split(values: Sequence[str]) -> tuple[str, ...]:
    """Repeated, comma-separated option values as one list."""
    return tuple(item.strip() for value in values for item in value.split(",") if item.strip())


def check_release(path: Path, config_path: Path | None, overrides: Overrides | None = None,
                  changed: list[str] | None = None, collect: Callable[[Context], Any] | None = None) -> Report:
    """The report of the release in path, as every command computes it."""
    # the engine loads only with a command that checks: `rules`, `init` and
    # --version start faster without it
    from openness_lint.config import Overrides
    from openness_lint.errors import OptionError
    from openness_lint.run import lint

    if not path.exists():
        raise click.UsageError(f"path does not exist: {path}")
    try:
        return lint(path, config_path=config_path, overrides=overrides or Overrides(), changed=changed,
                    debug=state["debug"], shown=shown, collect=collect)
    except OptionError as exc:
        raise click.BadParameter(exc.message, param_hint=exc.option) from None
