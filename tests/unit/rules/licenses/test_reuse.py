"""LIC010 and LIC011: REUSE LICENSES/ texts that are unused or missing."""

from __future__ import annotations

from tests.helpers.licenses import lint, located, pyproject, standard


def codes(report: dict, *wanted: str) -> set:
    return {f for f in located(report) if f[0] in wanted}


def test_lic010_unused_text(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSES/MIT.txt": standard("MIT"),
        "LICENSES/GPL-3.0-only.txt": standard("GPL-3.0"),
        "train.py": "# SPDX-License-Identifier: MIT\nprint(1)\n",
    }))
    assert codes(report, "LIC010") == {("LIC010", "LICENSES/GPL-3.0-only.txt", None)}


def test_lic010_text_used_by_reuse_toml(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSES/MIT.txt": standard("MIT"),
        "REUSE.toml": 'version = 1\n\n[[annotations]]\npath = "**"\nSPDX-License-Identifier = "MIT"\n',
        "train.py": "print(1)\n",
    }))
    assert codes(report, "LIC010") == set()


def test_lic011_header_license_missing_from_licenses(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSES/MIT.txt": standard("MIT"),
        "train.py": "# SPDX-License-Identifier: MIT\nprint(1)\n",
        "serve.py": "#!/usr/bin/env python\n# SPDX-License-Identifier: MIT OR Apache-2.0\nprint(2)\n",
    }))
    assert codes(report, "LIC011") == {("LIC011", "serve.py", 2)}


def test_lic011_package_license_missing_from_licenses(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSES/MIT.txt": standard("MIT"),
        "pyproject.toml": pyproject('license = "MIT AND BSD-3-Clause"'),
        "train.py": "# SPDX-License-Identifier: MIT\nprint(1)\n",
    }))
    assert codes(report, "LIC011") == {("LIC011", "pyproject.toml", 4)}


def test_reuse_rules_quiet_when_texts_and_declarations_match(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSES/Apache-2.0.txt": standard("Apache-2.0"),
        "pyproject.toml": pyproject('license = "Apache-2.0"'),
        "train.py": "# SPDX-License-Identifier: Apache-2.0\nprint(1)\n",
    }))
    assert codes(report, "LIC010", "LIC011") == set()


def test_reuse_rules_quiet_without_a_licenses_folder(make_repo, run_cli):
    report = lint(run_cli, make_repo({
        "LICENSE": standard("Apache-2.0"),
        "train.py": "# SPDX-License-Identifier: MIT\nprint(1)\n",
    }))
    assert codes(report, "LIC010", "LIC011") == set()
