"""openness-lint level [PATH]: the release's level under every framework.

A monorepo's releases are graded as `check` grades them: the root without
the release folders, then each release on its own.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from openness_lint.cli.options import check_release, config_option, debug_option, path_argument
from openness_lint.cli.report import finish
from openness_lint.formats.json_format import level as level_json
from openness_lint.levels import binary, classes
from openness_lint.levels.result import LevelReport
from openness_lint.report import Report


def render_text(level: LevelReport, indent: str = "") -> str:
    lines = []
    for fid, grade in level.frameworks.items():
        lines.append(f"{indent}{fid}: {grade.verdict}")
        if isinstance(grade.result, classes.Result):
            lines.append(f"{indent}  progress: " + ", ".join(f"{k} {v}%" for k, v in grade.result.progress.items()))
        elif isinstance(grade.result, binary.Result):
            for req in grade.result.requirements.values():
                lines.append(f"{indent}  {req.name}: {'met' if req.met else 'not met'}")
    if level.way_forward:
        lines.append(f"{indent}way forward ({level.framework}): {level.way_forward}")
    if level.required:
        lines.append(f"{indent}gate {level.framework}:{level.required}: {'passed' if level.passed else 'failed'}")
    return "\n".join(lines) + "\n"


def render(report: Report, fmt: str) -> str:
    if fmt == "json":
        data = level_json(report.level) if report.level else {}
        if report.releases:
            data["releases"] = {name: level_json(r.level) if r.level else None
                                for name, r in sorted(report.releases.items())}
        return json.dumps(data, indent=2)
    text = render_text(report.level) if report.level else ""
    for name, release in sorted(report.releases.items()):
        text += f"release {name}:\n" + (render_text(release.level, "  ") if release.level else "")
    return text


@click.command()
@path_argument
@config_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@debug_option
def level(path: Path, config_path: Path | None, fmt: str) -> int:
    """Print the levels of the release in PATH for every framework.

    Exit 0 when every release meets the configured min-level, 1 when one
    does not."""
    result = check_release(path, config_path)
    if result.internal_errors:
        return finish(result, None)
    click.echo(render(result, fmt), nl=False)
    return 0 if result.level_passed else 1
