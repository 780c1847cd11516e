"""classify: one openness category per license expression, and type fit."""

from __future__ import annotations

import pytest
from openness_lint.analysis.licensing import classify, tables

from tests.helpers.licenses import AI_LICENSES
from tests.helpers.reference import scancode_keys


@pytest.mark.parametrize(("expression", "category"), [
    ("MIT", "osi-fsf"),
    ("Apache-2.0", "osi-fsf"),
    ("GPL-3.0-or-later", "osi-fsf"),
    ("Apache-2.0 WITH LLVM-exception", "osi-fsf"),
    ("CC-BY-4.0", "open-data"),
    ("CC0-1.0", "open-data"),
    ("CDLA-Permissive-2.0", "open-data"),
    ("OpenMDW-1.0", "open-data"),
    ("CC-BY-NC-4.0", "noncommercial"),
    ("CC-BY-NC-SA-4.0", "noncommercial"),
    ("CC-BY-ND-4.0", "noncommercial"),
    ("LicenseRef-scancode-bigscience-open-rail-m", "use-restricted"),
    ("LicenseRef-scancode-bigscience-rail-1.0", "use-restricted"),
    ("LicenseRef-scancode-stable-diffusion-2022-08-22", "use-restricted"),
    ("LicenseRef-scancode-bigscience-open-rail-m2", "use-restricted"),
    ("LicenseRef-scancode-bigcode-open-rail-m-v1", "use-restricted"),
    ("LicenseRef-scancode-llama-2-license-2023", "use-restricted"),
    ("LicenseRef-hf-llama3", "use-restricted"),
    ("LicenseRef-scancode-llama-3.1-license-2024", "use-restricted"),
    ("LicenseRef-scancode-llama-4-license-2025", "use-restricted"),
    ("LicenseRef-scancode-gemma-tou-2024-04-01", "use-restricted"),
    ("LicenseRef-our-own-terms", "unknown"),
    ("LicenseRef-scancode-no-such-key-anywhere", "unknown"),
])
def test_category_of_one_license(expression, category):
    assert classify.of_expression(expression).id == category


@pytest.mark.parametrize("expression", [None, "", "not a license expression ((", "Apache 2.0"])
def test_missing_or_invalid_expression_is_unknown(expression):
    assert classify.of_expression(expression).id == "unknown"


@pytest.mark.parametrize(("expression", "category"), [
    # AND: the most restrictive part governs
    ("MIT AND CC-BY-NC-4.0", "noncommercial"),
    ("Apache-2.0 AND LicenseRef-hf-llama3", "use-restricted"),
    ("CC-BY-4.0 AND LicenseRef-scancode-gemma-tou-2024-04-01", "use-restricted"),
    ("MIT AND CC-BY-4.0", "open-data"),
    ("MIT AND LicenseRef-our-own-terms", "unknown"),
    # OR: the most open part is available
    ("MIT OR CC-BY-NC-4.0", "osi-fsf"),
    ("LicenseRef-hf-llama3 OR Apache-2.0", "osi-fsf"),
    ("CC-BY-NC-4.0 OR LicenseRef-scancode-llama-2-license-2023", "use-restricted"),
    # nested
    ("LicenseRef-scancode-llama-2-license-2023 AND (MIT OR CC-BY-NC-4.0)", "use-restricted"),
    ("(MIT AND CC-BY-NC-4.0) OR CC-BY-4.0", "open-data"),
])
def test_compound_expressions(expression, category):
    assert classify.of_expression(expression).id == category


def test_categories_run_from_most_to_least_open():
    order = [c.id for c in sorted(classify.all_categories().values(), key=lambda c: c.rank)]
    assert order == ["osi-fsf", "open-data", "use-restricted", "noncommercial", "proprietary", "unknown"]
    assert {c.id for c in classify.all_categories().values() if c.is_open} == {"osi-fsf", "open-data"}


def test_every_category_is_explained():
    for category in classify.all_categories().values():
        assert category.name.strip() and category.explain.strip()


def test_every_ai_license_we_recognise_is_not_open():
    for name, _, license_id, _ in AI_LICENSES:
        if not name.startswith("openmdw"):
            assert not classify.of_expression(license_id).is_open, name


@pytest.mark.parametrize(("expression", "artifact", "fits"), [
    ("MIT", "model", False),
    ("Apache-2.0", "model", False),
    ("MIT", "data", False),
    ("CC-BY-4.0", "code", False),
    ("CC0-1.0", "code", False),
    ("Apache-2.0", "code", True),
    ("MIT", "code", True),
    ("GPL-3.0-only", "code", True),
    ("CC-BY-4.0", "model", True),
    ("CDLA-Permissive-2.0", "data", True),
    ("OpenMDW-1.0", "code", True),
    ("OpenMDW-1.0", "model", True),
    ("OpenMDW-1.0", "data", True),
    ("MIT AND CC-BY-4.0", "code", False),
    ("MIT AND Apache-2.0", "code", True),
])
def test_fits_type(expression, artifact, fits):
    assert classify.fits_type(expression, artifact) is fits


def test_every_scancode_key_we_use_is_a_scancode_key():
    """In license-expression's index, or in ScanCode's license database (the
    test-only licensedcode-data, newer than the index)."""
    from license_expression import get_license_index

    bundled = {entry.get("spdx_license_key") for entry in get_license_index()}
    bundled |= {f"LicenseRef-scancode-{key}" for key in scancode_keys()}
    ours = {entry["license"] for entry in tables.texts()["texts"]}
    ours |= {entry.get("license") for entry in tables.hub_ids().values()}
    ours |= set(tables.texts()["urls"].values())
    used = sorted(key for key in ours if key and key.startswith("LicenseRef-scancode-"))
    assert used
    assert [key for key in used if key not in bundled] == []
