"""openness-lint manifest [PATH] [-o FILE]: draft the release manifest.

The draft is a Model Openness Tool model file (YAML) built from the same
evidence `check` reads. Fields:

\b
framework   the MOF version the file follows
release     name, version, date, type (language, vision, audio,
            multimodal...), architecture, origin (the base model, or the
            release itself), producer, contact (where to report problems),
            repository and huggingface (URLs), and license: the code and
            data licenses the files state
components  one entry per component found: name (MOT's component name),
            description, license (an SPDX id or expression, or
            `unlicensed` when no file states one), license_path (the file
            that states it) and component_path (a path in the repository,
            or the URL a card or README links)

Each entry carries a comment naming the file and line it came from, and
whether it was found in the repository, already declared in the manifest, or
only linked. Linked components count toward the level only once the draft
is saved as mof.yaml. It prints to stdout; -o writes a file, never over an
existing one without --force.
"""

from __future__ import annotations

from pathlib import Path

import click

from openness_lint.analysis.draft import draft
from openness_lint.cli.options import check_release, config_option, debug_option, path_argument
from openness_lint.cli.report import finish, force_option, write_output
from openness_lint.formats import mot


@click.command()
@path_argument
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the draft to this file, not stdout.")
@force_option
@config_option
@debug_option
def manifest(path: Path, output: Path | None, force: bool, config_path: Path | None) -> int:
    """Draft a Model Openness Tool manifest (mof.yaml) for the release in PATH."""
    result = check_release(path, config_path, collect=draft)
    if result.releases:
        names = ", ".join(sorted(result.releases))
        raise click.UsageError(f"{path} holds {len(result.releases)} releases ({names}); "
                               "draft each one: openness-lint manifest FOLDER")
    if result.facts is None:
        return finish(result, None)
    text = mot.render(result.facts, result.root)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_output(output, text, force)
    return finish(result, output)
