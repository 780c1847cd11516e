"""Manifests, fixture repositories and report helpers for the levels tests.

Manifests are written in the Model Openness Tool's model file format
(FRAMEWORKS.md section 2). Standard license texts come from the `identify`
package at test time; nothing here commits a license text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Iterable, Union

from tests.helpers.licenses import ai_text, card, standard  # noqa: F401 - re-exported

# MOT's exact component names, by the class that first requires them.
CLASS_III = ["Model architecture", "Model parameters (Final)", "Evaluation results", "Model card",
             "Data card", "Technical report"]
CLASS_II = ["Training code", "Inference code", "Evaluation code", "Evaluation data"]
CLASS_I = ["Datasets", "Data preprocessing code", "Model parameters (Intermediate)", "Research paper"]
OPTIONAL = ["Sample model outputs", "Supporting libraries and tools", "Model metadata"]
ALL_MOF = CLASS_III + CLASS_II + CLASS_I + OPTIONAL

# A README that is no card (no front matter, no card title, no card
# sections) and links nothing: it adds no component.
PLAIN_README = "# Example release\n\nNothing to see here.\n"

Component = Union[str, tuple]  # a name, or (name, license) or (name, license, component_path)


def _entry(item: Component) -> str:
    if isinstance(item, str):
        return f"{{name: {item}}}"
    name, license_, *rest = item
    fields = [f"name: {name}"]
    if license_ is not None:
        fields.append(f"license: {license_}")
    if rest and rest[0] is not None:
        fields.append(f"component_path: '{rest[0]}'")
    return "{" + ", ".join(fields) + "}"


def mot(components: Iterable[Component], **licenses: str) -> str:
    """A MOT model file. `licenses` are the release's global licenses
    (distribution, code, data, document); each component is one line."""
    lines = [
        "framework: {name: Model Openness Framework, version: '1.0', date: '2024-12-15'}",
        "release:",
        "  name: example-model",
        "  version: '1.0'",
        "  producer: Example Lab",
        "  contact: security@example.org",
    ]
    if licenses:
        lines.append("  license:")
        lines += [f"    {scope}: {{name: {name}, path: null}}" for scope, name in licenses.items()]
    lines.append("  components:")
    lines += [f"    - {_entry(item)}" for item in components]
    return "\n".join(lines) + "\n"


def with_license(names: Iterable[str], license_: str | None) -> list[tuple]:
    return [(name, license_) for name in names]


def line_of(text: str, needle: str) -> int:
    """1-based line of the only line containing `needle`."""
    hits = [number for number, line in enumerate(text.splitlines(), 1) if needle in line]
    assert len(hits) == 1, (needle, hits)
    return hits[0]


def manifest_repo(make_repo: Callable[..., Path], manifest: str, **extra: str | bytes) -> Path:
    """A repository holding only the manifest and a README that is no card."""
    files: dict[str, str | bytes] = {"mof.yaml": manifest, "README.md": PLAIN_README}
    files.update({path.replace("__", "/"): content for path, content in extra.items()})
    return make_repo(files)


def level(run_cli: Callable[..., Any], root: Path, *args: str) -> dict:
    """The `level` object, from `openness-lint level --format json`."""
    result = run_cli("level", str(root), "--format", "json", *args)
    assert result.code in (0, 1), result
    return json.loads(result.stdout)


def check(run_cli: Callable[..., Any], root: Path, *args: str) -> tuple[int, dict]:
    """(exit code, JSON report) of `openness-lint check`."""
    result = run_cli("check", str(root), "--format", "json", *args)
    assert result.code in (0, 1), result
    return result.code, json.loads(result.stdout)


def of_rule(report: dict, code: str) -> list[dict]:
    return [f for f in report["findings"] if f["rule"] == code]


def located(report: dict, code: str) -> set[tuple[str | None, int | None]]:
    return {(f["path"], f["line"]) for f in of_rule(report, code)}


def mof(level_object: dict) -> dict:
    return level_object["frameworks"]["mof"]


def replace_license(names: list, name: str, license_: str) -> list:
    """`names` with one component given its own license."""
    return [(item, license_) if item == name else item for item in names]
