"""MOF exactness: MOT-format manifests of our own, graded through the CLI.

Each repository holds only mof.yaml and a README that is no card, so the
files add nothing and the grade is the manifest's alone. The expected class
and per-class progress are computed by hand from FRAMEWORKS.md section 2:

- required (non-optional) components: Class III 6, Class II 6 + 4 = 10,
  Class I 10 + 4 = 14; classes are cumulative;
- progress(c) = included required components of III..c / their total,
  rounded to the nearest percent; 0 while a higher class is incomplete;
- the research paper stands in for a technical report that is not
  included: it counts in III and II, and Class I's total drops to 13;
- a license is resolved from the component, then the global license of its
  type, then the distribution license; `unlicensed` means no license.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from tests.helpers.levels import (
    ALL_MOF,
    CLASS_I,
    CLASS_II,
    CLASS_III,
    OPTIONAL,
    check,
    level,
    line_of,
    located,
    manifest_repo,
    mof,
    mot,
    of_rule,
    replace_license,
    with_license,
)

# Type-appropriate global licenses: every component inherits an open one.
TYPED = {"code": "MIT", "data": "CDLA-Permissive-2.0", "document": "CC-BY-4.0"}
III_NO_REPORT = [name for name in CLASS_III if name != "Technical report"]
I_NO_PAPER = [name for name in CLASS_I if name != "Research paper"]


def without(names: list[str], *drop: str) -> list[str]:
    return [name for name in names if name not in drop]


@dataclass
class Case:
    id: str
    components: list
    licenses: dict
    achieved: str
    progress: tuple[int, int, int]  # III, II, I
    blocking_iii: list[dict] | None = field(default=None)  # checked when given


CASES = [
    Case("empty-component-list", [], TYPED, "unclassified", (0, 0, 0)),
    # III 6/6; II 6/10; I shows nothing while II is incomplete.
    Case("class-iii-complete", CLASS_III, TYPED, "III", (100, 60, 0)),
    # II 10/10; I 10/14 = 71.4.
    Case("class-ii-complete", CLASS_III + CLASS_II, TYPED, "II", (100, 100, 71)),
    Case("class-i-complete", CLASS_III + CLASS_II + CLASS_I, TYPED, "I", (100, 100, 100)),
    Case("all-seventeen", ALL_MOF, TYPED, "I", (100, 100, 100)),
    # The paper stands in for the report: III 6/6, II 6/10.
    Case("paper-for-report-class-iii", III_NO_REPORT + ["Research paper"], TYPED, "III", (100, 60, 0)),
    # II 10/10 with the paper standing in; I: 10 of 13 (the report drops out) = 76.9.
    Case("paper-for-report-class-ii", III_NO_REPORT + CLASS_II + ["Research paper"], TYPED, "II",
         (100, 100, 77)),
    # I: 13 of 13, where without the substitution it would be 13 of 14.
    Case("paper-for-report-class-i", III_NO_REPORT + CLASS_II + CLASS_I, TYPED, "I", (100, 100, 100)),
    # A report but no paper: nothing to substitute; I is 13/14 = 92.9.
    Case("report-without-paper", CLASS_III + CLASS_II + I_NO_PAPER, TYPED, "II", (100, 100, 93)),
    # Neither report nor paper: III 5/6 = 83.3, and nothing below shows progress.
    Case("neither-report-nor-paper", III_NO_REPORT + CLASS_II + I_NO_PAPER, TYPED, "unclassified", (83, 0, 0),
         [{"component": "technical-report", "reason": "missing"}]),
    # A report under a non-open license: the open paper stands in for it.
    Case("paper-for-non-open-report",
         replace_license(CLASS_III, "Technical report", "CC-BY-NC-4.0") + ["Research paper"], TYPED, "III",
         (100, 60, 0)),
    # Apache-2.0 on weights is open but not a data license: it still counts.
    Case("open-not-type-appropriate", with_license(CLASS_III, "Apache-2.0"), {}, "III", (100, 60, 0)),
    # `unlicensed` overrides every global license: III 5/6.
    Case("explicitly-unlicensed", replace_license(CLASS_III, "Model architecture", "unlicensed"),
         {**TYPED, "distribution": "Apache-2.0"}, "unclassified", (83, 0, 0),
         [{"component": "model-architecture", "reason": "unlicensed"}]),
    # No license anywhere: every component is present but unlicensed.
    Case("no-license-anywhere", CLASS_III, {}, "unclassified", (0, 0, 0),
         [{"component": cid, "reason": "unlicensed"} for cid in
          ("model-architecture", "model-parameters", "evaluation-results", "model-card", "data-card",
           "technical-report")]),
    Case("non-commercial-weights", replace_license(CLASS_III, "Model parameters (Final)", "CC-BY-NC-4.0"), TYPED,
         "unclassified", (83, 0, 0),
         [{"component": "model-parameters", "reason": "license not open", "license": "CC-BY-NC-4.0"}]),
    Case("llama-weights", replace_license(CLASS_III, "Model parameters (Final)", "llama3"), TYPED, "unclassified",
         (83, 0, 0),
         [{"component": "model-parameters", "reason": "license not open", "license": "LicenseRef-hf-llama3"}]),
    Case("rail-weights", replace_license(CLASS_III, "Model parameters (Final)", "bigscience-openrail-m"), TYPED,
         "unclassified", (83, 0, 0),
         [{"component": "model-parameters", "reason": "license not open",
           "license": "LicenseRef-scancode-bigscience-open-rail-m"}]),
    # Everything else open does not lift a Llama-licensed release out of Unclassified.
    Case("llama-weights-everything-else-open",
         replace_license(CLASS_III, "Model parameters (Final)", "llama3") + CLASS_II + CLASS_I, TYPED, "unclassified",
         (83, 0, 0)),
    # A license nobody can read as open ("Proprietary") is not open.
    Case("unknown-license-name", replace_license(CLASS_III, "Data card", "Proprietary"), TYPED, "unclassified",
         (83, 0, 0)),
    # The code global comes before the distribution license: the architecture is non-commercial.
    Case("type-global-before-distribution", CLASS_III,
         {"code": "CC-BY-NC-4.0", "data": "CC0-1.0", "document": "CC-BY-4.0", "distribution": "Apache-2.0"},
         "unclassified", (83, 0, 0),
         [{"component": "model-architecture", "reason": "license not open", "license": "CC-BY-NC-4.0"}]),
    # Only a distribution license: it covers everything; II 10/10, I 10/14.
    Case("distribution-only", CLASS_III + CLASS_II, {"distribution": "Apache-2.0"}, "II", (100, 100, 71)),
    # The distribution license fills in for data and documents, which have no global of their own:
    # only the architecture (MIT code) is included, III 1/6 = 16.7.
    Case("distribution-fills-missing-types", CLASS_III, {"code": "MIT", "distribution": "CC-BY-NC-4.0"},
         "unclassified", (17, 0, 0)),
    # Each component's own license beats non-open globals.
    Case("component-license-beats-globals",
         [("Model architecture", "MIT"), ("Model parameters (Final)", "CC-BY-4.0"), ("Evaluation results", "CC0-1.0"),
          ("Model card", "CC-BY-4.0"), ("Data card", "CC-BY-SA-4.0"), ("Technical report", "CC-BY-4.0")],
         {"code": "CC-BY-NC-4.0", "data": "CC-BY-NC-4.0", "document": "CC-BY-NC-4.0", "distribution": "CC-BY-NC-4.0"},
         "III", (100, 60, 0)),
    # Class III incomplete: II and I show 0% even though all their components are there.
    Case("missing-higher-class", without(CLASS_III, "Model card") + CLASS_II + CLASS_I, TYPED, "unclassified",
         (83, 0, 0), [{"component": "model-card", "reason": "missing"}]),
    # III complete, II empty, I complete: II 6/10, and I shows nothing.
    Case("class-i-parts-without-class-ii", CLASS_III + CLASS_I, TYPED, "III", (100, 60, 0)),
    Case("optional-components-only", OPTIONAL, TYPED, "unclassified", (0, 0, 0)),
    # Optional components under a non-open license block nothing.
    Case("optional-components-not-open", CLASS_III + CLASS_II + CLASS_I + with_license(OPTIONAL, "CC-BY-NC-4.0"),
         TYPED, "I", (100, 100, 100)),
    # II 9/10; I 0.
    Case("class-ii-one-short", CLASS_III + without(CLASS_II, "Evaluation data") + CLASS_I, TYPED, "III",
         (100, 90, 0)),
    # I: 12 of 14 = 85.7 (no paper to stand in, the report is there).
    Case("class-i-two-short", CLASS_III + CLASS_II + ["Datasets", "Research paper"], TYPED, "II", (100, 100, 86)),
    # III 3/6.
    Case("class-iii-half", CLASS_III[:3], TYPED, "unclassified", (50, 0, 0)),
    # III 4/6 = 66.7.
    Case("class-iii-two-thirds", CLASS_III[:4], TYPED, "unclassified", (67, 0, 0)),
    # Lower-case SPDX ids are read as the ids they mean.
    Case("lower-case-ids", with_license(CLASS_III, "apache-2.0"), {}, "III", (100, 60, 0)),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_mof_class_and_progress(case, make_repo, run_cli):
    root = manifest_repo(make_repo, mot(case.components, **case.licenses))
    graded = mof(level(run_cli, root))
    assert graded["achieved"] == case.achieved
    assert graded["progress"] == dict(zip(("III", "II", "I"), case.progress))
    if case.blocking_iii is not None:
        assert graded["blocking"]["III"] == case.blocking_iii


def test_at_least_twenty_manifests():
    assert len(CASES) >= 20


def test_paper_standing_in_is_not_listed_as_blocking(make_repo, run_cli):
    root = manifest_repo(make_repo, mot(III_NO_REPORT + CLASS_II + ["Research paper", "Datasets"], **TYPED))
    blocking = mof(level(run_cli, root))["blocking"]
    assert blocking["III"] == [] and blocking["II"] == []
    assert blocking["I"] == [{"component": "data-preprocessing-code", "reason": "missing"},
                             {"component": "model-parameters-intermediate", "reason": "missing"}]


def test_open_but_not_type_appropriate_warns_at_the_component(make_repo, run_cli):
    text = mot([("Model architecture", "MIT"), ("Model parameters (Final)", "Apache-2.0"),
                ("Evaluation results", "CC-BY-4.0"), ("Model card", "CC-BY-4.0"), ("Data card", "CC-BY-4.0"),
                ("Technical report", "CC-BY-4.0"), ("Datasets", "MIT")])
    root = manifest_repo(make_repo, text)
    _, report = check(run_cli, root)
    assert report["level"]["frameworks"]["mof"]["achieved"] == "III"
    warnings = of_rule(report, "LVL006")
    assert {(f["path"], f["line"], f["component"], f["severity"]) for f in warnings} == {
        ("mof.yaml", line_of(text, "Model parameters (Final)"), "model-parameters", "warning"),
        ("mof.yaml", line_of(text, "name: Datasets"), "datasets", "warning"),
    }


def test_inherited_license_that_is_not_type_appropriate_warns(make_repo, run_cli):
    # The distribution license Apache-2.0 reaches the weights, which it does not fit.
    text = mot(CLASS_III, distribution="Apache-2.0")
    _, report = check(run_cli, manifest_repo(make_repo, text))
    assert {(f["component"], f["line"]) for f in of_rule(report, "LVL006")} == {
        ("model-parameters", line_of(text, "Model parameters (Final)"))}


@pytest.mark.parametrize("name, license_", [
    ("Training code", "GPL-3.0-only"),  # code: MOT's list is permissive licenses only
    ("Datasets", "ODbL-1.0"),  # open data, but not on MOT's type-appropriate data list
    ("Datasets", "CDLA-Sharing-1.0"),
])
def test_type_appropriate_lists_are_mots(name, license_, make_repo, run_cli):
    """FRAMEWORKS.md section 2: type-appropriate code licenses are 0BSD, AFL-*,
    Apache-*, ECL-*, ISC, MIT, MIT-0, MulanPSL-*, NCSA and UPL-1.0; data
    licenses are CDLA-Permissive-*, C-UDA-1.0, CC-PDDC, CC0-1.0 and PDDL-1.0
    (and CC-BY-4.0 by LF's guidance). Anything else open counts, with a warning."""
    text = mot([(name, license_)])
    _, report = check(run_cli, manifest_repo(make_repo, text))
    assert located(report, "LVL006") == {("mof.yaml", line_of(text, f"name: {name}"))}


@pytest.mark.parametrize("license_", ["MIT", "Apache-2.0", "0BSD", "ISC", "UPL-1.0"])
def test_type_appropriate_code_licenses_do_not_warn(license_, make_repo, run_cli):
    _, report = check(run_cli, manifest_repo(make_repo, mot([("Training code", license_)])))
    assert not of_rule(report, "LVL006")


@pytest.mark.parametrize("license_", ["CDLA-Permissive-2.0", "CC0-1.0", "PDDL-1.0", "CC-BY-4.0"])
def test_type_appropriate_data_licenses_do_not_warn(license_, make_repo, run_cli):
    _, report = check(run_cli, manifest_repo(make_repo, mot([("Datasets", license_)])))
    assert not of_rule(report, "LVL006")


def test_non_open_license_gets_no_type_warning(make_repo, run_cli):
    # Not open at all is a different problem from open but ill-fitting.
    _, report = check(run_cli, manifest_repo(make_repo, mot([("Datasets", "CC-BY-NC-4.0")])))
    assert not of_rule(report, "LVL006")


def test_normalised_license_id_is_said_in_a_finding(make_repo, run_cli):
    """FRAMEWORKS.md section 2: MOT matches ids exactly; openness-lint
    normalises `apache-2.0` to `Apache-2.0` and says so in a finding."""
    text = mot([("Training code", "apache-2.0")])
    _, report = check(run_cli, manifest_repo(make_repo, text))
    pretraining = report["level"]["frameworks"]["columbia"]["criteria"]["code-pretraining"]
    assert (pretraining["status"], pretraining["license"]) == ("open", "Apache-2.0")
    at_line = [f for f in report["findings"]
               if f["path"] == "mof.yaml" and f["line"] == line_of(text, "Training code")]
    assert any("Apache-2.0" in f["message"] for f in at_line), report["findings"]
