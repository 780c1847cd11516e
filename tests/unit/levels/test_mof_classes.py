"""levels.classes.evaluate on hand-built inputs, without a repository.

Expected values come from FRAMEWORKS.md section 2 by hand: Class III needs
6 components, Class II 10, Class I 14 (optional ones never count); a paper
standing in for the report counts in III and II and takes one off Class I.
"""

from __future__ import annotations

import pytest
from openness_lint.catalog import frameworks
from openness_lint.levels import classes
from openness_lint.levels.inputs import ComponentGrade, Missing

MOF = frameworks.builtin()["mof"]
III = ["model-architecture", "model-parameters", "evaluation-results", "model-card", "data-card", "technical-report"]
II = ["training-code", "inference-code", "evaluation-code", "evaluation-data"]
I = ["datasets", "data-preprocessing-code", "model-parameters-intermediate", "research-paper"]  # noqa: E741
OPTIONAL = ["sample-outputs", "supporting-libraries", "model-metadata"]
# An open license per content type, and the category we know it has.
OPEN = {"code": ("MIT", "osi-fsf"), "data": ("CC-BY-4.0", "open-data"), "document": ("CC-BY-4.0", "open-data")}


def kind(cid: str) -> str:
    return MOF.raw["components"][cid]["type"]


def grade(open_: list[str] = (), unlicensed: list[str] = (), licensed: dict[str, tuple[str, str]] | None = None
          ) -> dict[str, ComponentGrade]:
    """Every MOF component missing, except those open (under the open license
    of their type), present without a license, or under a given license."""
    graded = {cid: ComponentGrade(cid, False, None, None, "missing") for cid in MOF.raw["components"]}
    for cid in open_:
        graded[cid] = ComponentGrade(cid, True, *OPEN[kind(cid)], "manifest")
    for cid in unlicensed:
        graded[cid] = ComponentGrade(cid, True, None, None, "manifest")
    for cid, (license_, category) in (licensed or {}).items():
        graded[cid] = ComponentGrade(cid, True, license_, category, "manifest")
    return graded


def progress(result: classes.Result) -> tuple[str, int, int, int]:
    return result.achieved, result.progress["III"], result.progress["II"], result.progress["I"]


def test_nothing():
    assert progress(classes.evaluate(None, MOF, grade())) == ("unclassified", 0, 0, 0)


def test_progress_is_cumulative():
    # III 6/6, II 8/10, I 0 (II incomplete).
    result = classes.evaluate(None, MOF, grade(III + II[:2] + I))
    assert progress(result) == ("III", 100, 80, 0)


def test_lower_classes_show_nothing_until_higher_ones_are_complete():
    result = classes.evaluate(None, MOF, grade(III[1:] + II + I + OPTIONAL))
    assert progress(result) == ("unclassified", 83, 0, 0)  # III 5/6
    assert result.blocking["III"] == [Missing("model-architecture", "missing")]


def test_every_class():
    assert progress(classes.evaluate(None, MOF, grade(III))) == ("III", 100, 60, 0)
    assert progress(classes.evaluate(None, MOF, grade(III + II))) == ("II", 100, 100, 71)  # 10/14
    assert progress(classes.evaluate(None, MOF, grade(III + II + I))) == ("I", 100, 100, 100)


def test_paper_stands_in_for_the_report():
    without_report = [cid for cid in III if cid != "technical-report"]
    # III and II count the paper for the report: 6/6, 10/10. I needs 13, of which
    # 5 (III without the report) + 4 (II) + the paper = 10 are there: 76.9%.
    result = classes.evaluate(None, MOF, grade(without_report + II + ["research-paper"]))
    assert progress(result) == ("II", 100, 100, 77)
    assert [item.component for item in result.blocking["I"]] == [
        "datasets", "data-preprocessing-code", "model-parameters-intermediate"]
    # With the rest of Class I, 13 of 13.
    assert progress(classes.evaluate(None, MOF, grade(without_report + II + I))) == ("I", 100, 100, 100)


def test_no_substitution_when_the_report_is_included():
    # Report and paper both there: I 14/14. Report there, paper missing: I 13/14 = 92.9.
    assert progress(classes.evaluate(None, MOF, grade(III + II + I))) == ("I", 100, 100, 100)
    result = classes.evaluate(None, MOF, grade(III + II + I[:3]))
    assert progress(result) == ("II", 100, 100, 93)
    assert result.blocking["I"] == [Missing("research-paper", "missing")]


def test_paper_that_is_not_open_stands_in_for_nothing():
    without_report = [cid for cid in III if cid != "technical-report"]
    paper = {"research-paper": ("CC-BY-NC-4.0", "noncommercial")}
    result = classes.evaluate(None, MOF, grade(without_report, licensed=paper))
    assert progress(result) == ("unclassified", 83, 0, 0)
    assert result.blocking["III"] == [Missing("technical-report", "missing")]


def test_optional_components_never_count():
    assert progress(classes.evaluate(None, MOF, grade(OPTIONAL))) == ("unclassified", 0, 0, 0)
    unlicensed_optional = classes.evaluate(None, MOF, grade(III + II + I, unlicensed=OPTIONAL))
    assert progress(unlicensed_optional) == ("I", 100, 100, 100)


@pytest.mark.parametrize("license_, category", [
    ("CC-BY-NC-4.0", "noncommercial"),
    ("LicenseRef-hf-llama3", "use-restricted"),
    ("LicenseRef-scancode-bigscience-open-rail-m", "use-restricted"),
    ("LicenseRef-scancode-gemma-tou-2024-04-01", "use-restricted"),
    ("Proprietary", "unknown"),
])
def test_invalid_license_is_not_included(license_, category):
    result = classes.evaluate(None, MOF, grade(III[:1] + III[2:], licensed={"model-parameters": (license_, category)}))
    assert progress(result) == ("unclassified", 83, 0, 0)
    assert result.blocking["III"] == [Missing("model-parameters", "license not open", license_)]


def test_unlicensed_is_not_included():
    result = classes.evaluate(None, MOF, grade(III[1:], unlicensed=["model-architecture"]))
    assert progress(result) == ("unclassified", 83, 0, 0)
    assert result.blocking["III"] == [Missing("model-architecture", "unlicensed")]


def test_blocking_names_each_reason():
    result = classes.evaluate(None, MOF, grade(["model-architecture", "model-card", "data-card"],
                                         unlicensed=["evaluation-results"],
                                         licensed={"model-parameters": ("CC-BY-NC-4.0", "noncommercial")}))
    assert progress(result) == ("unclassified", 50, 0, 0)  # 3/6
    assert result.blocking["III"] == [
        Missing("model-parameters", "license not open", "CC-BY-NC-4.0"),
        Missing("evaluation-results", "unlicensed"),
        Missing("technical-report", "missing"),
    ]


def test_open_but_not_type_appropriate_counts_with_a_warning():
    licensed = {"model-parameters": ("Apache-2.0", "osi-fsf"), "model-architecture": ("CC0-1.0", "open-data")}
    result = classes.evaluate(None, MOF, grade(III[2:], licensed=licensed))
    assert progress(result) == ("III", 100, 60, 0)
    assert sorted(result.not_type_appropriate) == [
        classes.Unfit("model-architecture", "CC0-1.0", "code"),
        classes.Unfit("model-parameters", "Apache-2.0", "data"),
    ]


def test_type_appropriate_licenses_give_no_warning():
    licensed = {"model-parameters": ("CDLA-Permissive-2.0", "open-data"),
                "model-architecture": ("Apache-2.0", "osi-fsf"),
                "technical-report": ("CC-BY-SA-4.0", "open-data")}
    result = classes.evaluate(None, MOF, grade(III[2:5], licensed=licensed))
    assert result.achieved == "III"
    assert result.not_type_appropriate == []


def test_gpl_code_is_open_but_not_on_mots_code_list():
    """FRAMEWORKS.md section 2 lists the type-appropriate code licenses; the
    GPL is OSI-approved (so it counts) but not on that list (so it warns)."""
    result = classes.evaluate(None, MOF, grade(III + II[1:], licensed={"training-code": ("GPL-3.0-only", "osi-fsf")}))
    assert progress(result) == ("II", 100, 100, 71)
    assert result.not_type_appropriate == [classes.Unfit("training-code", "GPL-3.0-only", "code")]
