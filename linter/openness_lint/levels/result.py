"""Level results as typed values, from the graders to the formats.

formats/json_format.py alone turns them into the JSON contract.
"""

from __future__ import annotations

from typing import NamedTuple, Union

from openness_lint.catalog.frameworks import Framework
from openness_lint.levels import binary, classes, criteria
from openness_lint.levels.way import LinkedComponent

KindResult = Union[classes.Result, binary.Result, criteria.Result]


class FrameworkGrade(NamedTuple):
    """One framework's grade of the release."""

    framework: Framework
    result: KindResult
    verdict: str

    @property
    def achieved(self) -> str:
        return self.result.achieved


class LevelReport(NamedTuple):
    """The release's levels: the framework the report leads with, the
    min-level gate, and every framework's grade."""

    framework: str  # id of the framework the report leads with
    achieved: str
    required: str | None  # the min-level's level, when one is configured
    passed: bool
    verdict: str  # the lead framework's verdict, and the way forward when there is one
    declared_not_verified: list[str]  # components the manifest declares only by URL
    frameworks: dict[str, FrameworkGrade]
    # components the cards and README link to but nothing declares; never counted
    linked_not_declared: list[LinkedComponent] = []
    would_reach: str | None = None  # the lead framework's level with them declared
    way_forward: str = ""  # the sentence that says so, also at the end of verdict

    @property
    def progress(self) -> dict[str, int] | None:
        """Per-level progress, when the lead framework has classes."""
        lead = self.frameworks.get(self.framework)
        return lead.result.progress if lead and isinstance(lead.result, classes.Result) else None
