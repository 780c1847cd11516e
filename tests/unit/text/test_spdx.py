"""spdx.check: validate, normalise and suggest license ids and expressions."""

from __future__ import annotations

import pytest
from openness_lint.text import spdx


@pytest.mark.parametrize(("written", "suggestion"), [
    ("Apache 2.0", "Apache-2.0"),
    ("MIT license", "MIT"),
    ("BSD-3", "BSD-3-Clause"),
    ("Apache License 2.0", "Apache-2.0"),
    ("The MIT License", "MIT"),
    ("CC-BY-4", "CC-BY-4.0"),
])
def test_unknown_id_gets_the_closest_valid_one(written, suggestion):
    checked = spdx.check(written)
    assert checked.expression is None
    assert checked.problem
    assert checked.suggestion == suggestion
    assert spdx.is_valid(checked.suggestion)


def test_case_only_difference_is_valid_with_a_case_fix():
    checked = spdx.check("apache-2.0")
    assert checked.expression == "Apache-2.0"
    assert checked.problem is None
    assert checked.case_fixes == (("apache-2.0", "Apache-2.0"),)


def test_case_fixes_in_an_expression_and_lower_case_operators():
    checked = spdx.check("mit or apache-2.0")
    assert checked.expression == "MIT OR Apache-2.0"
    assert set(checked.case_fixes) == {("mit", "MIT"), ("apache-2.0", "Apache-2.0")}


def test_canonical_id_has_no_case_fix():
    checked = spdx.check("Apache-2.0")
    assert (checked.expression, checked.case_fixes) == ("Apache-2.0", ())


@pytest.mark.parametrize("written", [
    "LicenseRef-x",
    "LicenseRef-scancode-llama-2-license-2023",
    "MIT AND LicenseRef-example-terms",
    "DocumentRef-spdx-doc:LicenseRef-example",
])
def test_licenseref_is_valid(written):
    assert spdx.check(written).expression == written


def test_openmdw_is_valid_though_license_expression_predates_it():
    checked = spdx.check("OpenMDW-1.0")
    assert (checked.expression, checked.problem) == ("OpenMDW-1.0", None)


@pytest.mark.parametrize(("written", "canonical"), [
    ("MIT OR Apache-2.0", "MIT OR Apache-2.0"),
    ("(MIT AND BSD-3-Clause) OR Apache-2.0", "(MIT AND BSD-3-Clause) OR Apache-2.0"),
    ("Apache-2.0 WITH LLVM-exception", "Apache-2.0 WITH LLVM-exception"),
    ("  MIT  ", "MIT"),
])
def test_valid_expressions(written, canonical):
    assert spdx.normalise(written) == canonical


@pytest.mark.parametrize("written", [
    "MIT AND",
    "AND",
    "(MIT",
    "MIT)",
    "MIT OR OR Apache-2.0",
    "MIT Apache-2.0",
    "MIT WITH",
    "",
    "   ",
    "Not-A-License-At-All",
])
def test_syntax_errors_are_invalid(written):
    checked = spdx.check(written)
    assert checked.expression is None
    assert checked.problem
    assert not spdx.is_valid(written)
    with pytest.raises(ValueError):
        spdx.normalise(written)


@pytest.mark.parametrize("written", ["LicenseRef-", "LicenseRef-bad_underscore"])
def test_licenseref_needs_a_valid_idstring(written):
    # SPDX: idstring = 1*(ALPHA / DIGIT / "-" / ".")
    assert spdx.check(written).expression is None


@pytest.mark.parametrize("operator", ["AND", "OR"])
def test_ten_thousand_operands_are_rejected_without_an_exception(operator):
    checked = spdx.check(f" {operator} ".join(["MIT"] * 10_000))
    assert checked.expression is None
    assert checked.problem


def test_many_distinct_operands_are_rejected_without_an_exception():
    checked = spdx.check(" OR ".join(f"LicenseRef-part{i}" for i in range(10_000)))
    assert checked.expression is None
    assert checked.problem


@pytest.mark.parametrize("depth", [spdx.MAX_DEPTH + 1, 1_000, 100_000])
def test_deep_nesting_is_rejected_without_an_exception(depth):
    checked = spdx.check("(" * depth + "MIT" + ")" * depth)
    assert checked.expression is None
    assert checked.problem


def test_deep_nesting_with_operators_is_rejected_without_an_exception():
    depth = 5_000
    checked = spdx.check("(MIT AND " * depth + "MIT" + ")" * depth)
    assert checked.expression is None
    assert checked.problem


def test_nesting_within_the_limit_is_valid():
    depth = spdx.MAX_DEPTH
    assert spdx.check("(" * depth + "MIT" + ")" * depth).expression == "MIT"


def test_single_ids_checked_without_the_index_agree_with_license_expression():
    # spdx._plain answers for single current ids without loading
    # license-expression's index; for every one of them, in any case, the
    # answer must be the one license-expression itself gives.
    assert len(spdx.plain_ids()) > 600
    for canonical in spdx.plain_ids().values():
        for written in (canonical, canonical.lower(), canonical.upper()):
            assert spdx._plain(written, written) == spdx._parsed(written, written), written
        assert spdx.tree(canonical).render() == spdx.licensing().parse(canonical, validate=False).render()


@pytest.mark.parametrize("written", ["AGPL-3.0", "GPL-2.0+", "MPL-2.0-no-copyleft-exception", "MIT OR Apache-2.0",
                                     "LicenseRef-x", "AND", "nonsense-id"])
def test_other_expressions_take_license_expression(written):
    assert spdx._plain(written, written) is None
