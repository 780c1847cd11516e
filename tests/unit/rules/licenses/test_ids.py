"""LIC012-LIC016: written license ids, in SPDX contexts and in cards."""

from __future__ import annotations

import pytest

from tests.helpers.licenses import (
    card,
    citation,
    clean_release,
    lint,
    located,
    of_rule,
    package_json,
    pyproject,
    standard,
)


def codes(report: dict, code: str) -> set:
    return {f for f in located(report) if f[0] == code}


# (file, text, line of the id, the suggestion the issue asks for)
INVALID = [
    ("pyproject.toml", pyproject('license = "MIT license"'), 4, "MIT"),
    ("package.json", package_json("Apache 2.0"), 3, "Apache-2.0"),
    ("CITATION.cff", citation("BSD-3"), 5, "BSD-3-Clause"),
    ("README.md", card("license: Apache 2.0"), 2, "Apache-2.0"),
    ("train.py", "#!/usr/bin/env python\n# SPDX-License-Identifier: BSD-3\nprint(1)\n", 2, "BSD-3-Clause"),
]


@pytest.mark.parametrize(("path", "text", "line", "suggestion"), INVALID, ids=[case[0] for case in INVALID])
def test_lic012_invalid_id_with_suggestion(path, text, line, suggestion, make_repo, run_cli):
    report = lint(run_cli, make_repo({"LICENSE": standard("MIT"), path: text}))
    assert codes(report, "LIC012") == {("LIC012", path, line)}
    finding = of_rule(report, "LIC012")[0]
    assert suggestion in f"{finding['message']} {finding['fix']}"


def test_lic012_licenseref_is_valid(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE": standard("MIT"),
        "pyproject.toml": pyproject('license = "LicenseRef-example-terms"'),
        "train.py": "# SPDX-License-Identifier: LicenseRef-example-terms\n",
    }))
    assert codes(report, "LIC012") == set()


@pytest.mark.parametrize(("path", "text", "line"), [
    ("pyproject.toml", pyproject('license = "apache-2.0"'), 4),
    ("package.json", package_json("apache-2.0"), 3),
    ("CITATION.cff", citation("apache-2.0"), 5),
    ("train.py", "# SPDX-License-Identifier: apache-2.0\nprint(1)\n", 1),
])
def test_lic013_case_fix_in_spdx_contexts(path, text, line, make_repo, run_cli):
    report = lint(run_cli, make_repo({"LICENSE": standard("Apache-2.0"), path: text}))
    assert codes(report, "LIC013") == {("LIC013", path, line)}
    assert codes(report, "LIC012") == set()
    assert "Apache-2.0" in of_rule(report, "LIC013")[0]["fix"]


def test_lic013_not_for_a_cards_lower_case_hub_id(make_repo, run_cli):
    report = lint(run_cli, make_repo({"LICENSE": standard("Apache-2.0"), "README.md": card("license: apache-2.0")}))
    assert codes(report, "LIC013") == set()


@pytest.mark.parametrize("hub_id", ["openrail", "bsd", "cc", "gpl", "lgpl", "gfdl", "gpl-3.0", "agpl-3.0"])
def test_lic014_family_or_ambiguous_gnu_id(hub_id, make_repo, run_cli):
    report = lint(run_cli, make_repo({"LICENSE": standard("MIT"), "README.md": card(f"license: {hub_id}")}))
    assert codes(report, "LIC014") == {("LIC014", "README.md", 2)}


def test_lic014_in_a_license_list_points_at_the_item(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE": standard("MIT"),
        "README.md": "---\nlicense:\n  - cc-by-4.0\n  - bsd\n---\n# Model card\n",
    }))
    assert codes(report, "LIC014") == {("LIC014", "README.md", 4)}


def test_lic014_not_for_a_precise_id(make_repo, run_cli):
    report = lint(run_cli, make_repo({"LICENSE": standard("MIT"), "README.md": card("license: bsd-3-clause")}))
    assert codes(report, "LIC014") == set()


def test_lic015_other_without_name_and_link(make_repo, run_cli):
    report = lint(run_cli, make_repo({"LICENSE": standard("MIT"), "README.md": card("license: other")}))
    assert codes(report, "LIC015") == {("LIC015", "README.md", 2)}


def test_lic015_other_with_name_only(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE": standard("MIT"),
        "README.md": card("license: other", "license_name: example-research-license"),
    }))
    assert codes(report, "LIC015") == {("LIC015", "README.md", 2)}


def test_lic015_other_with_name_and_link(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE": standard("MIT"),
        "TERMS.md": "Example research terms.\n",
        "README.md": card("license: other", "license_name: example-research-license", "license_link: TERMS.md"),
    }))
    assert codes(report, "LIC015") == set()
    assert codes(report, "LIC012") == set()


@pytest.mark.parametrize("value", ["Apache-2.0", "MIT", "CC-BY-4.0", "Apache-2.0 OR MIT"])
def test_lic016_spdx_id_that_is_not_a_hub_id(value, make_repo, run_cli):
    # The Hub's ids are lower case and matched exactly: `Apache-2.0` is not one.
    report = lint(run_cli, make_repo({"LICENSE": standard("Apache-2.0"), "README.md": card(f"license: {value}")}))
    assert codes(report, "LIC016") == {("LIC016", "README.md", 2)}


def test_lic016_not_for_hub_ids(make_repo, run_cli):
    report = lint(run_cli, make_repo({"LICENSE": standard("Apache-2.0"), "README.md": card("license: apache-2.0")}))
    assert codes(report, "LIC016") == set()


def test_id_rules_quiet_on_a_clean_release(make_repo, run_cli):
    report = lint(run_cli, make_repo(clean_release()))
    for code in ("LIC012", "LIC013", "LIC014", "LIC015", "LIC016"):
        assert codes(report, code) == set(), code
