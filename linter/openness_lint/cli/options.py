"""Options and state shared by several commands."""

from __future__ import annotations

import click

# Set by main() from the raw arguments, so --debug works before or after
# the command name.
state = {"debug": False}

debug_option = click.option("--debug", is_flag=True, expose_value=False,
                            help="Show tracebacks for internal errors.")
