"""The openness-lint command line: one module per command.

main() is the only place where errors become exit codes: 0 pass, 1
findings or level below the minimum, 2 usage, configuration or internal
error. A traceback is shown only with --debug.
"""

from __future__ import annotations

import gc
import importlib
import sys
import traceback
from typing import Sequence

import click

from openness_lint.cli import options
from openness_lint.errors import ConfigError
from openness_lint.version import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


# command name -> (module under openness_lint.cli, function). A command's
# module, and what it needs, is imported only when that command runs, so
# that `check` does not pay for the SVG and HTML renderers.
COMMANDS = {
    "badge": ("badge", "badge"), "bom": ("bom", "bom"), "check": ("check", "check"), "explain": ("explain", "explain"),
    "identify": ("identify", "identify_command"), "init": ("init", "init"), "level": ("level", "level"),
    "manifest": ("manifest", "manifest"),
    "report": ("report", "report"),
    "rules": ("rules", "rules"),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, name = COMMANDS[cmd_name]
        return getattr(importlib.import_module(f"openness_lint.cli.{module}"), name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="openness-lint")
@click.option("--debug", is_flag=True, expose_value=False, help="Show tracebacks for internal errors.")
def cli() -> None:
    """Check an AI model or dataset release for openness and completeness."""


# A run allocates many objects that live until it ends (the inventory, parsed
# documents, findings) and makes few cycles, so at the default thresholds the
# cyclic collector scans the same survivors again and again: a tenth of a run
# on a 100,000-file tree, 5 % of a small one. During a run it waits for
# 100,000 new objects instead of 700; cycles are still collected.
RUN_GC_THRESHOLDS = (100_000, 50, 100)


def main(argv: Sequence[str] | None = None) -> int:
    previous = gc.get_threshold()
    gc.set_threshold(*RUN_GC_THRESHOLDS)
    try:
        return _main(argv)
    finally:
        gc.set_threshold(*previous)


def _main(argv: Sequence[str] | None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    options.state["debug"] = debug
    try:
        result = cli.main(args=args, prog_name="openness-lint", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.Abort:
        click.echo("openness-lint: aborted", err=True)
        return EXIT_ERROR
    except click.UsageError as exc:
        # one line, as every other error; --help shows the usage
        command = f" {exc.ctx.command_path.split(' ', 1)[1]}" if exc.ctx and " " in exc.ctx.command_path else ""
        say(f"openness-lint{command}: error: {exc.format_message()}")
        return EXIT_ERROR
    except click.ClickException as exc:
        say(f"openness-lint: error: {exc.format_message()}")
        return EXIT_ERROR
    except ConfigError as exc:
        say(f"openness-lint: error: {exc}")
        return EXIT_ERROR
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if debug:
            traceback.print_exc()
        detail = " ".join(str(exc).split())[:300]
        say(f"openness-lint: internal error: {type(exc).__name__}: {detail} (run with --debug for a traceback)")
        return EXIT_ERROR
    return result if isinstance(result, int) else EXIT_OK


def say(message: str) -> None:
    """One line on stderr. The GitHub runner reads commands there too, and
    messages quote repository text, so it is cleaned as text output is."""
    from openness_lint.formats.text import clean  # the formats load with a command, not with --version

    click.echo(clean(message), err=True)


def entry_point() -> None:
    sys.exit(main())
