"""openness-lint: check an AI release for the parts that make it open and complete.

``openness_lint.lint(root)`` runs a check and returns its Report, as the
command line does (run.py).
"""

from __future__ import annotations

from typing import Any

from openness_lint.version import __version__

__all__ = ["__version__", "lint"]


def __getattr__(name: str) -> Any:
    if name == "lint":
        # imported on first use: `import openness_lint.cli` must stay cheap
        from openness_lint.run import lint

        return lint
    raise AttributeError(f"module 'openness_lint' has no attribute {name!r}")
