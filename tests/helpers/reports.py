"""Reports with components and levels for the picture and summary tests."""

from __future__ import annotations

from openness_lint.catalog import frameworks
from openness_lint.components import ComponentStatus
from openness_lint.levels import classes, criteria
from openness_lint.levels.result import FrameworkGrade, LevelReport
from openness_lint.report import Report

from tests.helpers.builders import finding

VERDICT = "MOF Class III (Open Model). Class II 60%: missing training code"
HOSTILE = '<script>alert(1)</script> ]]> & "quotes" \x00\x1b[31m \u202eevil'


def status(present: bool = True, license_: str | None = None, category: str | None = None,
           evidence: tuple[str, ...] = ()) -> ComponentStatus:
    return ComponentStatus(present=present, license=license_, evidence=list(evidence), category=category)


def mof_level(achieved: str = "III", required: str | None = "II", passed: bool = False,
              verdict: str = VERDICT) -> LevelReport:
    result = classes.Result(achieved, {"III": 100, "II": 60, "I": 20}, {}, [])
    grade = FrameworkGrade(frameworks.builtin()["mof"], result, verdict)
    return LevelReport("mof", achieved, required, passed, verdict, [], {"mof": grade})


def level_of(framework: str, achieved: str, passed: bool = True) -> LevelReport:
    """A level with no framework details, as the badge reads it."""
    return LevelReport(framework, achieved, None, passed, "", [], {})


def columbia_level(scored: dict[str, criteria.Criterion]) -> LevelReport:
    """A Columbia level of 2 with these criteria."""
    result = criteria.Result("2", 2.0, 35, 5, scored)
    grade = FrameworkGrade(frameworks.builtin()["columbia"], result, "level 2")
    return LevelReport("columbia", "2", None, True, "level 2", [], {"columbia": grade})


def release(level: LevelReport | None = None, findings: list | None = None, **components: ComponentStatus) -> Report:
    found = {cid.replace("_", "-"): item for cid, item in components.items()}
    return Report(root="models/tiny", findings=findings or [], components=found, rules=[], level=level)


def typical(level: LevelReport | None = None) -> Report:
    return release(
        level,
        [finding()],
        code_license=status(True, "MIT", "osi-fsf", ("LICENSE",)),
        training_code=status(True, "MIT", "osi-fsf", ("train.py",)),
        model_license=status(True, "CC-BY-NC-4.0", "noncommercial", ("README.md",)),
        model_parameters=status(True, "CC-BY-NC-4.0", "noncommercial", ("model.safetensors",)),
        data_license=status(True, "CC-BY-4.0", "open-data", ("data/README.md",)),
        datasets=status(False),
        model_card=status(True, None, None, ("README.md",)),
        acceptable_use_policy=status(True, None, None, ("USE_POLICY.md",)),
    )
