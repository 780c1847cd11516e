"""A drafted release manifest as the Model Openness Tool's model file (YAML),
with a comment on every entry saying where it came from."""

from __future__ import annotations

import json

from openness_lint.analysis.draft import Draft, Entry
from openness_lint.version import __version__

FRAMEWORK = {"name": "Model Openness Framework", "version": "1.0", "date": "2024-12-15"}


def scalar(value: str) -> str:
    """A YAML scalar: plain when that reads back as the same string, else
    double-quoted (JSON's escapes are YAML's)."""
    plain = value and value.strip() == value and value[0].isalpha() and not any(
        mark in value for mark in (": ", " #", "\n", "\t", "\\", '"')) and value.lower() not in (
        "yes", "no", "true", "false", "on", "off", "null", "y", "n")  # numbers and dates start with a digit
    return value if plain else json.dumps(value, ensure_ascii=False)


def comment(text: str) -> str:
    return "  # " + " ".join(text.split())


def _entry(entry: Entry) -> list[str]:
    lines = [f"    - name: {scalar(entry.name)}{comment(f'{entry.found}: {entry.source}')}",
             f"      description: {scalar(entry.description)}",
             f"      license: {scalar(entry.license)}"]
    if entry.license_path:
        lines.append(f"      license_path: {scalar(entry.license_path)}")
    if entry.component_path:
        lines.append(f"      component_path: {scalar(entry.component_path)}")
    return lines


def render(draft: Draft, root: str) -> str:
    lines = [
        f"# A draft release manifest for {root}, written by openness-lint {__version__} from the files,",
        "# in the Model Openness Tool's model-file format. Each entry says where it came from:",
        "# 'repository' (the files), 'manifest' (already declared) or 'linked' (a card or README links",
        "# it; check that it is this release's). Fill in the empty fields, check every license, and",
        "# save it as mof.yaml: then the linked components count toward the level.",
        "framework:",
        *(f"  {key}: {scalar(value)}" for key, value in FRAMEWORK.items()),
        "release:",
    ]
    for field in draft.release:
        lines.append(f"  {field.key}: {scalar(field.value)}{comment(field.source)}")
    if draft.licenses:
        lines.append("  license:  # no `distribution`: every component names its own license below")
        for kind, (license_, path) in sorted(draft.licenses.items()):
            where = f", path: {scalar(path)}" if path else ""
            lines.append(f"    {kind}: {{name: {scalar(license_)}{where}}}")
    lines.append("  components:" if draft.entries else "  components: []")
    for entry in draft.entries:
        lines += _entry(entry)
    if draft.missing:
        lines.append("# Not found in the files, the manifest or any link: " + ", ".join(draft.missing) + ".")
    return "\n".join(lines) + "\n"
