"""openness-lint badge [PATH] -o FILE: a small SVG badge of the level.

"openness | MOF Class II", or "openness | not graded" without a level. Made
locally, with no network, to commit next to the README.
"""

from __future__ import annotations

from pathlib import Path

import click

from openness_lint.cli.options import check_release, config_option, debug_option, path_argument
from openness_lint.cli.report import finish, force_option, output_option, write_output
from openness_lint.formats import badge as badge_format


@click.command()
@path_argument
@output_option
@force_option
@config_option
@debug_option
def badge(path: Path, output: Path, force: bool, config_path: Path | None) -> int:
    """Write an SVG badge with the openness level of the release in PATH."""
    result = check_release(path, config_path)
    write_output(output, badge_format.render(result), force)
    return finish(result, output)
