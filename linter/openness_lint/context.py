"""What every rule and analysis takes: the repository, the configuration,
and a memo of what this run has computed so far."""

from __future__ import annotations

from typing import Any, Callable, Hashable, TypeVar

from openness_lint.config import Config
from openness_lint.errors import Unreadable
from openness_lint.repo.repo import Repo

T = TypeVar("T")


class Context:
    """One release's run. Analyses (analysis/) are functions of a Context,
    memoised on it with memo(): each is computed once per run, whichever
    rule asks first."""

    __slots__ = ("repo", "config", "_memo")

    def __init__(self, repo: Repo, config: Config):
        self.repo = repo
        self.config = config
        self._memo: dict[Any, Any] = {}

    def memo(self, build: Callable[..., T], *args: Hashable) -> T:
        """build(self, *args), computed once per run. ``build`` must be a
        module-level function: the memo is keyed by the function itself."""
        key = (build, *args)
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = build(self, *args)
            return value

    def text(self, path: str) -> str | None:
        """File text, or None when unreadable (the engine reports why)."""
        try:
            return self.repo.text(path).content
        except Unreadable:
            return None
