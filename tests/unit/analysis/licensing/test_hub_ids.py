"""Every Hugging Face Hub license id, as a model card's `license:` value.

The Hub's list is tests/fixtures/hf-licenses.tsv; what each id should
resolve to is read from that file, not from our own rules/licenses/hub.yaml,
so the two are checked against each other.
"""

from __future__ import annotations

import csv

import pytest
from openness_lint.catalog.source import ruledata
from openness_lint.text import yamlio

from tests.conftest import ROOT
from tests.helpers.licenses import card, component, lint, located

TSV = ROOT / "tests" / "fixtures" / "hf-licenses.tsv"
HUB_COUNT = 83
CARD_LICENSE_LINE = 2  # card() puts `license:` on the first front matter line


def _rows() -> list[dict[str, str]]:
    # A missing table must fail the run, never shrink it to nothing.
    assert TSV.is_file(), f"{TSV} is missing"
    with TSV.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


ROWS = _rows()


def expected_license(row: dict[str, str]) -> str | None:
    kind = row["spdx_ish"]
    if kind == "family" or kind == "special":
        return None
    if kind == "non-spdx":
        return row["scancode_spdx_key"] or f"LicenseRef-hf-{row['hub_id']}"
    # spdx, spdx-alias, spdx-ambiguous(...) and family(single SPDX member)
    assert row["spdx_id"], row
    return row["spdx_id"]


def test_the_table_has_every_hub_id_once():
    ids = [row["hub_id"] for row in ROWS]
    assert len(ids) == HUB_COUNT
    assert len(set(ids)) == HUB_COUNT


def test_hub_yaml_ships_exactly_the_hub_ids():
    shipped = yamlio.load((ruledata() / "licenses" / "hub.yaml").read_text("utf-8"))["ids"]
    assert len(shipped) == HUB_COUNT
    assert set(map(str, shipped)) == {row["hub_id"] for row in ROWS}


@pytest.mark.parametrize("row", ROWS, ids=[row["hub_id"] for row in ROWS])
def test_card_license_hub_id(row, make_repo, run_cli):
    hub_id, kind = row["hub_id"], row["spdx_ish"]
    report = lint(run_cli, make_repo({"README.md": card(f"license: {hub_id}")}))
    found = located(report)
    at_license = ("README.md", CARD_LICENSE_LINE)
    model = component(report, "model-license")

    # A Hub id is never an invalid id, nor "not a Hub id".
    assert not {f for f in found if f[0] in ("LIC012", "LIC016")}, found

    if kind == "family" or kind.startswith("spdx-ambiguous"):
        assert ("LIC014", *at_license) in found
    else:
        assert not {f for f in found if f[0] == "LIC014"}, found

    if kind == "special":
        assert ("LIC015", *at_license) in found
        assert model["license"] is None
        return
    assert not {f for f in found if f[0] == "LIC015"}, found
    assert model["present"] is True
    assert model["evidence"] == ["README.md"]
    assert model["license"] == expected_license(row)
