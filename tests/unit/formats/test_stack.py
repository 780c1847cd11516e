"""The stack: every component in one group, and open / restricted / absent as documented."""

from __future__ import annotations

import pytest
from openness_lint import components
from openness_lint.formats import stack
from openness_lint.levels.criteria import Criterion

from tests.helpers.reports import columbia_level, mof_level, release, status, typical

GROUPS = ["code", "datasets", "weights", "documentation", "distribution", "guardrails"]


def test_every_component_is_placed_once_in_the_readout_groups():
    placed = [cid for group in stack.load().groups for cid in group["components"]]
    assert sorted(placed) == sorted(components.ALL)
    assert [group["id"] for group in stack.load().groups] == GROUPS


@pytest.mark.parametrize(("item", "expected"), [
    (None, "absent"),
    (status(False), "absent"),
    (status(True, "MIT", "osi-fsf"), "open"),
    (status(True, "CC-BY-4.0", "open-data"), "open"),
    (status(True, "OpenRAIL-M", "use-restricted"), "restricted"),
    (status(True, "CC-BY-NC-4.0", "noncommercial"), "restricted"),
    (status(True, "LicenseRef-corp", "proprietary"), "restricted"),
    (status(True, "LicenseRef-x", "unknown"), "restricted"),
    (status(True, None, None), "restricted"),
])
def test_state_of_a_licensed_component(item, expected):
    assert stack.state("training-code", item) == expected


def test_policies_need_no_license():
    assert stack.state("acceptable-use-policy", status(True)) == "open"
    assert stack.state("reporting-channel", status(True)) == "open"
    assert stack.state("reporting-channel", status(False)) == "absent"


def test_groups_draw_components_missing_from_the_report_as_absent():
    drawn = {group.id: group for group in stack.groups(typical())}
    assert list(drawn) == GROUPS
    tiles = {tile.key: tile for group in drawn.values() for tile in group.tiles}
    assert set(tiles) == set(components.ALL)
    assert tiles["training-code"].state == "open" and tiles["training-code"].license == "MIT"
    assert tiles["model-parameters"].state == "restricted"
    assert tiles["datasets"].state == "absent"
    assert tiles["evaluation-code"].state == "absent", "not in the report at all"
    assert tiles["model-card"].state == "restricted"
    assert tiles["acceptable-use-policy"].state == "open"
    assert stack.counts(list(drawn.values())) == {"open": 4, "restricted": 3, "absent": 15}


def test_guardrails_are_not_evaluated_without_the_columbia_criteria():
    guardrails = stack.groups(typical())[-1]
    assert guardrails.tiles == () and "System prompts" in guardrails.not_evaluated


def test_guardrails_come_from_the_columbia_criteria_when_the_level_has_them():
    scored = {"guard-system-prompts": Criterion("guardrails", "System prompts", "open", None, "files",
                                                ["prompts/system_prompt.txt"]),
              "guard-aligned": Criterion("guardrails", "Aligned", "absent", None, "missing", [])}
    guardrails = stack.groups(typical(columbia_level(scored)))[-1]
    assert [(t.key, t.state) for t in guardrails.tiles] == [("guard-aligned", "absent"), ("guard-system-prompts", "open")]
    assert guardrails.tiles[1].evidence == ("prompts/system_prompt.txt",)
    assert guardrails.not_evaluated == ()


def test_a_component_the_stack_does_not_know_gets_its_own_group():
    drawn = stack.groups(release(custom_thing=status(True, "MIT", "osi-fsf")))
    assert drawn[-1].id == "other" and drawn[-1].tiles[0].key == "custom-thing"


def test_detail_names_state_and_license():
    tiles = {t.key: t for g in stack.groups(typical()) for t in g.tiles}
    assert stack.detail(tiles["training-code"]) == "open \u00b7 MIT"
    assert stack.detail(tiles["model-parameters"]) == "restricted \u00b7 CC-BY-NC-4.0"
    assert stack.detail(tiles["model-card"]) == "restricted \u00b7 no license identified"
    assert stack.detail(tiles["acceptable-use-policy"]) == "open \u00b7 published"
    assert stack.detail(tiles["datasets"]) == "absent"


def test_verdict_gate_and_progress():
    report = typical(mof_level("III", "II", False, "MOF Class III (Open Model)."))
    assert stack.verdict(report) == "MOF Class III (Open Model)."
    assert stack.gate(report) == "Required mof:II: not met."
    assert stack.progress(report) == [("III", "Class III", 100), ("II", "Class II", 60), ("I", "Class I", 20)]
    assert stack.verdict(typical()) == stack.NOT_COMPUTED
    assert stack.gate(typical()) is None and stack.progress(typical()) == []
