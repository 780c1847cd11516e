"""openness-lint level [PATH]: the release's level under every framework."""

from __future__ import annotations

import json
from pathlib import Path

import click

from openness_lint import engine
from openness_lint.cli.options import debug_option, load_setup
from openness_lint.levels import evaluate
from openness_lint.repo import Repo


def render_text(level: dict) -> str:
    lines = []
    for fid, data in level["frameworks"].items():
        lines.append(f"{fid}: {data['verdict']}")
        if data["kind"] == "classes":
            lines.append("  progress: " + ", ".join(f"{k} {v}%" for k, v in data["progress"].items()))
        elif data["kind"] == "binary":
            for req in data["requirements"].values():
                lines.append(f"  {req['name']}: {'met' if req['met'] else 'not met'}")
    if level.get("required"):
        lines.append(f"gate {level['framework']}:{level['required']}: {'passed' if level['passed'] else 'failed'}")
    return "\n".join(lines) + "\n"


@click.command()
@click.argument("path", default=".", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@debug_option
def level(path: Path, config_path: Path | None, fmt: str) -> int:
    """Print the levels of the release in PATH for every framework."""
    config, _ = load_setup(path, config_path)  # loading the rules registers the detectors
    ctx = engine.Context(Repo(path, exclude=config.exclude), config)
    result = evaluate.report_level(ctx)
    click.echo(json.dumps(result, indent=2) if fmt == "json" else render_text(result), nl=False)
    return 0 if result["passed"] else 1
