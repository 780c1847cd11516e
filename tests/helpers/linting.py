"""Running a check from the tests, as every command runs one: openness_lint.lint."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openness_lint import lint as run_lint
from openness_lint.config import Config
from openness_lint.context import Context
from openness_lint.registry import Registry
from openness_lint.repo.repo import Repo
from openness_lint.report import Report


def lint(root: Path, *select: str, registry: Registry | None = None, **config: Any) -> Report:
    """A check of root with these rules (all by default) and Config fields;
    no configuration file is read. A rule that crashes fails the test."""
    report = run_lint(root, Config(select=list(select), **config), registry)
    assert not report.internal_errors, report.internal_errors
    return report


def context(root: Path, **config: Any) -> Context:
    """A run's context, for testing an analysis on its own."""
    return Context(Repo(root), Config(**config))
