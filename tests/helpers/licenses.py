"""License texts and report helpers shared by the license tests.

Standard texts come from the `identify` package at test time, so no license
text is committed here. The AI licenses are stood in for by short texts we
wrote ourselves: each carries only the title phrase that
rules/licenses/texts.yaml recognises, plus sentences of our own.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any, Callable

# Written for these tests. It grants nothing and avoids the words that make
# a short file a pointer ("see ", "refer to ", addresses).
_OUR_PROSE = (
    "This stand-in text was written for openness-lint's tests and grants nothing.\n"
    "You may run, study and share the model and its outputs.\n"
    "You must not use the model to harm people, and you must pass these terms on\n"
    "to anyone who receives a copy from you.\n"
)

# (Hub id or short name, title phrase, expected license id, expected category)
AI_LICENSES: list[tuple[str, str, str, str]] = [
    ("llama2", "Llama 2 Community License Agreement", "LicenseRef-scancode-llama-2-license-2023", "use-restricted"),
    ("llama3", "Meta Llama 3 Community License Agreement", "LicenseRef-hf-llama3", "use-restricted"),
    ("llama3.1", "Llama 3.1 Community License Agreement", "LicenseRef-scancode-llama-3.1-license-2024", "use-restricted"),
    ("llama3.2", "Llama 3.2 Community License Agreement", "LicenseRef-scancode-llama-3.2-license-2024", "use-restricted"),
    ("llama3.3", "Llama 3.3 Community License Agreement", "LicenseRef-scancode-llama-3.3-license-2024", "use-restricted"),
    ("llama4", "Llama 4 Community License Agreement", "LicenseRef-scancode-llama-4-cla-2025", "use-restricted"),
    ("gemma", "Gemma Terms of Use\n\nLast modified: April 1, 2024", "LicenseRef-scancode-gemma-tou-2024-04-01",
     "use-restricted"),
    ("bigscience-bloom-rail-1.0", "BigScience RAIL License v1.0", "LicenseRef-scancode-bigscience-rail-1.0",
     "use-restricted"),
    ("bigscience-openrail-m", "BigScience Open RAIL-M License", "LicenseRef-scancode-bigscience-open-rail-m",
     "use-restricted"),
    ("creativeml-openrail-m", "CreativeML Open RAIL-M License",
     "LicenseRef-scancode-stable-diffusion-2022-08-22", "use-restricted"),
    ("openrail++", "CreativeML Open RAIL++-M License", "LicenseRef-scancode-bigscience-open-rail-m2",
     "use-restricted"),
    ("bigcode-openrail-m", "BigCode Open RAIL-M v1 License Agreement", "LicenseRef-scancode-bigcode-open-rail-m-v1",
     "use-restricted"),
    ("deepseek", "DeepSeek License Agreement", "LicenseRef-scancode-deepseek-la-1.0", "use-restricted"),
    ("flux-dev", "FLUX.1 [dev] Non-Commercial License", "LicenseRef-scancode-flux-1-nc", "noncommercial"),
    ("openmdw-1.0", "OpenMDW License Agreement, version 1.0", "OpenMDW-1.0", "open-data"),
]


def synthetic(title: str) -> str:
    """A short license-like text of our own under a real license's title."""
    return f"{title}\n\n{_OUR_PROSE}"


def ai_text(name: str) -> str:
    return synthetic(next(title for key, title, *_ in AI_LICENSES if key == name))


@functools.lru_cache(maxsize=1)
def _standard() -> dict[str, str]:
    from identify.vendor.licenses import LICENSES

    return dict(LICENSES)


def standard(key: str) -> str:
    """A standard license text, as the identify package ships it."""
    return _standard()[key]


def standard_ids() -> list[str]:
    return sorted(_standard())


def card(license_line: str, *extra: str, body: str = "# Model card\n") -> str:
    """A README card: front matter with `license_line` first (file line 2)."""
    return "---\n" + "\n".join((license_line, *extra)) + "\n---\n" + body


def lint(run_cli: Callable[..., Any], root: Path) -> dict:
    """The JSON report of `openness-lint check ROOT`."""
    result = run_cli("check", str(root), "--format", "json")
    assert result.code in (0, 1), result
    return json.loads(result.stdout)


def located(report: dict, prefix: str = "LIC") -> set[tuple[str, str | None, int | None]]:
    """(rule, path, line) of every finding whose rule starts with prefix."""
    return {(f["rule"], f["path"], f["line"]) for f in report["findings"] if f["rule"].startswith(prefix)}


def of_rule(report: dict, code: str) -> list[dict]:
    return [f for f in report["findings"] if f["rule"] == code]


def component(report: dict, name: str) -> dict:
    return report["components"][name]


def pyproject(*lines: str) -> str:
    """pyproject.toml with [project] on line 1; `lines` start on line 4."""
    return '[project]\nname = "example-model"\nversion = "1.0"\n' + "".join(f"{line}\n" for line in lines)


def citation(license_value: str) -> str:
    """CITATION.cff whose `license:` is on line 5."""
    return ("cff-version: 1.2.0\nmessage: Please cite this model.\ntitle: Example model\n"
            f"authors: [{{name: Example Lab}}]\nlicense: {license_value}\n")


def package_json(license_value: str) -> str:
    """package.json whose "license" is on line 3."""
    return f'{{\n  "name": "example-model",\n  "license": "{license_value}"\n}}\n'


def clean_release() -> dict[str, str | bytes]:
    """A release whose every license declaration is present, valid and agrees."""
    return {
        "LICENSE": standard("Apache-2.0"),
        "LICENSE-MODEL": standard("CC-BY-4.0"),
        "DATA_LICENSE": standard("CC-BY-4.0"),
        "README.md": card("license: cc-by-4.0", "license_link: LICENSE-MODEL"),
        "model.safetensors": b"\x00\x01",
        "data/train.csv": "text,label\nhello,1\n",
        "pyproject.toml": pyproject('license = "Apache-2.0"', 'license-files = ["LICENSE"]'),
        "package.json": package_json("Apache-2.0"),
        "CITATION.cff": citation("Apache-2.0"),
        "setup.py": 'from setuptools import setup\n\nsetup(name="example-model", license="Apache-2.0")\n',
        "train.py": "# SPDX-License-Identifier: Apache-2.0\nprint('training')\n",
    }
