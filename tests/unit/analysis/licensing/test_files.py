"""Which files are license files, which cover the code, and SPDX tags."""

from __future__ import annotations

import pytest
from openness_lint.analysis.licensing import files as licensefiles
from openness_lint.repo.repo import Repo


@pytest.mark.parametrize("name", [
    "LICENSE", "LICENCE.md", "COPYING", "license.txt", "LICENSE-CODE", "MODEL_LICENSE",
    "UNLICENSE", "LICENSE.APACHE", "COPYING.LESSER", "Licence", "LICENSES.md",
])
def test_license_names(name):
    assert licensefiles.is_license_name(name)


@pytest.mark.parametrize("name", [
    "README.md", "CONTRIBUTING.md", "licensing-faq.md", "NOTICE",
    # source files about licenses are not license texts
    "licenses.py", "license_checker.go", "license.py", "LicenseCheck.java",
])
def test_not_license_names(name):
    assert not licensefiles.is_license_name(name)


def test_code_license_files_exclude_model_and_data_licenses(make_repo):
    root = make_repo({
        "LICENSE": "MIT",
        "LICENSE-MODEL": "OpenRAIL",
        "DATA_LICENSE": "CC-BY-4.0",
        "WEIGHTS_LICENSE.md": "x",
        "LICENSES/Apache-2.0.txt": "Apache",
        "docs/LICENSE": "nested, not at the root",
        "README.md": "x",
    })
    repo = Repo(root)
    assert [e.path for e in licensefiles.license_files(repo)] == [
        "DATA_LICENSE", "LICENSE", "LICENSE-MODEL", "LICENSES/Apache-2.0.txt", "WEIGHTS_LICENSE.md"]
    assert [e.path for e in licensefiles.code_license_files(repo)] == ["LICENSE", "LICENSES/Apache-2.0.txt"]
    assert [e.path for e in licensefiles.license_files(repo, "docs")] == ["docs/LICENSE"]


@pytest.mark.parametrize(("text", "expected"), [
    ("SPDX-License-Identifier: MIT\n", ("MIT", 1)),
    ("Copyright\n\n// SPDX-License-Identifier: Apache-2.0\n", ("Apache-2.0", 3)),
    ("# x\n<!-- SPDX-License-Identifier: CC-BY-4.0 -->\n", ("CC-BY-4.0", 2)),
    ("/* SPDX-License-Identifier: MIT OR Apache-2.0 */\n", ("MIT OR Apache-2.0", 1)),
    ("a\nb\n# SPDX-License-Identifier:   GPL-3.0-only   \n", ("GPL-3.0-only", 3)),
    ("SPDX-License-Identifier: MIT\nSPDX-License-Identifier: BSD-3-Clause\n", ("MIT", 1)),
])
def test_spdx_tag_finds_the_id_and_line(text, expected):
    assert licensefiles.spdx_tag(text) == expected


@pytest.mark.parametrize("text", ["MIT License\n", "", "SPDX: MIT\n", "x" * 9000 + "\nSPDX-License-Identifier: MIT\n"])
def test_spdx_tag_absent(text):
    assert licensefiles.spdx_tag(text) is None


def test_a_license_header_template_is_no_license_file():
    from openness_lint.analysis.licensing.files import is_license_name

    assert not is_license_name("license_header.txt")
    assert not is_license_name("LICENSE_TEMPLATE.md")
    assert is_license_name("LICENSE.txt")
