"""License names in free text: ids, Creative Commons names, the names table,
families, and the words that make a name another license."""

from __future__ import annotations

import pytest
from openness_lint.analysis.licensing import classify, names


def found(text: str) -> list[str]:
    return [m.license for m in names.find(text)]


@pytest.mark.parametrize("text, expected", [
    ("released under the MIT License. See LICENSE", ["MIT"]),
    ("the Apache License, Version 2.0", ["Apache-2.0"]),
    ("Apache_2.0", ["Apache-2.0"]),
    ("BSD-3-Clause", ["BSD-3-Clause"]),
    ("GPL-3.0-or-later", ["GPL-3.0-or-later"]),
    ("CC By NC 4.0", ["CC-BY-NC-4.0"]),
    ("CC BY-NC-SA 4.0", ["CC-BY-NC-SA-4.0"]),
    ("Creative Commons Attribution-NonCommercial 4.0 International", ["CC-BY-NC-4.0"]),
    ("attribution-noncommercial-noderivatives 4.0 international", ["CC-BY-NC-ND-4.0"]),
    ("CC0", ["CC0-1.0"]),
    ("ODC-BY", ["ODC-By-1.0"]),
    ("the LLAMA 2 Community License", ["LicenseRef-scancode-llama-2-license-2023"]),
    ("CreativeML Open RAIL++-M", ["LicenseRef-scancode-bigscience-open-rail-m2"]),
    ("FLUX.1 [dev] Non-Commercial License", ["LicenseRef-scancode-flux-1-nc"]),
    ("MIT and Apache-2.0", ["MIT", "Apache-2.0"]),
])
def test_names_resolve(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, family", [
    ("a permissive license (CC-BY-SA)", "LicenseRef-family-CC-BY-SA"),
    ("CC BY-NC", "LicenseRef-family-CC-BY-NC"),
    ("GPLv3", "LicenseRef-family-GPL-3.0"),
    ("Llama's model license", "LicenseRef-family-llama"),
])
def test_a_name_without_its_version_is_its_family(text, family):
    assert found(text) == [family]


@pytest.mark.parametrize("text", [
    "BSD 3-Clause No Nuclear License",
    "an MIT-style license",
    "Apache 2.0 with additional terms",
    "a modified MIT license",
    "BSD-like terms",
])
def test_a_changed_name_says_nothing(text):
    assert found(text) == []


def test_an_address_names_no_license():
    text = "A custom license is at https://example.org/models/llama3_1/LICENSE and www.example.org/mit"
    assert found(text) == []


def test_a_family_next_to_its_member_adds_nothing():
    assert found("the Llama 3.1 Community License (a Llama license)") == \
        ["LicenseRef-scancode-llama-3.1-license-2024"]


@pytest.mark.parametrize("family, member, agree", [
    ("LicenseRef-family-GPL-3.0", "GPL-3.0-or-later", True),
    ("LicenseRef-family-CC-BY-NC", "CC-BY-NC-4.0", True),
    ("LicenseRef-family-CC-BY", "CC-BY-NC-4.0", False),
    ("LicenseRef-family-llama", "LicenseRef-hf-llama3", True),
    ("MIT", "Apache-2.0", False),
])
def test_agreement(family, member, agree):
    assert names.agree(family, member) is agree
    assert names.agree(member, family) is agree


@pytest.mark.parametrize("family, category", [
    ("LicenseRef-family-CC-BY-NC", "noncommercial"),
    ("LicenseRef-family-CC-BY-NC-SA", "noncommercial"),
    ("LicenseRef-family-CC-BY-ND", "noncommercial"),
    ("LicenseRef-family-CC-BY", "open-data"),
    ("LicenseRef-family-llama", "use-restricted"),
    ("LicenseRef-family-GPL-3.0", "osi-fsf"),
])
def test_a_family_takes_the_category_its_members_share(family, category):
    assert classify.of_expression(family).id == category


def test_every_name_in_the_table_is_found_as_itself():
    from openness_lint.analysis.licensing import tables

    for license_id, written in tables.names()["names"].items():
        for name in written:
            assert found(f"released under the {name} license") == [license_id], name
