"""Options and state shared by several commands."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from openness_lint.config import Config
    from openness_lint.registry import Registry

# Set by main() from the raw arguments, so --debug works before or after
# the command name.
state = {"debug": False}

debug_option = click.option("--debug", is_flag=True, expose_value=False,
                            help="Show tracebacks for internal errors.")


def shown(path: Path) -> str:
    """A path as the user should see it in messages: relative to where they are."""
    return str(path) if path.is_absolute() else os.path.relpath(path)


def load_setup(path: Path, config_path: Path | None) -> tuple[Config, Registry]:
    """The configuration of the release in path, and the rules it selects from."""
    from openness_lint import config as config_mod
    from openness_lint import registry

    config = config_mod.load(path, config_path, display=shown)
    return config, registry.load(config.packs, display=lambda p: os.path.relpath(p))
