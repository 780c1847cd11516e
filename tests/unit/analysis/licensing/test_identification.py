"""licensing.identification.identify: which license a license file holds."""

from __future__ import annotations

import pytest
from openness_lint.analysis.licensing import classify
from openness_lint.analysis.licensing.identification import MIN_CONFIDENCE, identify

from tests.helpers.licenses import AI_LICENSES, standard, standard_ids, synthetic

# identify ships the deprecated GNU ids; a text alone cannot say "or later".
DEPRECATED_GNU = {"GPL-2.0": "GPL-2.0-only", "GPL-3.0": "GPL-3.0-only", "LGPL-2.1": "LGPL-2.1-only",
                  "LGPL-3.0": "LGPL-3.0-only", "AGPL-3.0": "AGPL-3.0-only"}


def test_identify_ships_the_texts_we_rely_on():
    assert len(standard_ids()) >= 30
    assert set(DEPRECATED_GNU) <= set(standard_ids())


@pytest.mark.parametrize("key", standard_ids())
def test_every_standard_text_is_identified(key):
    found = identify(standard(key))
    assert found.kind == "license"
    assert found.license == DEPRECATED_GNU.get(key, key)
    assert found.confidence >= MIN_CONFIDENCE


@pytest.mark.parametrize("key", ["MIT", "Apache-2.0", "BSD-3-Clause"])
def test_standard_text_with_a_filled_in_copyright_line(key):
    text = standard(key).replace("[yyyy]", "2024").replace("[year]", "2024")
    text = "Copyright (c) 2024 Example Lab\n\n" + text
    assert identify(text).license == key


def test_apache_applied_keeps_its_notice_and_drops_the_instructions():
    # a common shape of LICENSE in model repositories: the appendix's how-to
    # is gone, its notice filled in, and the URLs on https
    text = standard("Apache-2.0")
    start, notice = text.index("APPENDIX"), text.index("Copyright [yyyy]")
    applied = text[:start] + "   Copyright 2021 Example Lab" + text[text.index("\n", notice):]
    assert identify(applied.replace("http://www.apache.org", "https://www.apache.org")).license == "Apache-2.0"


def test_apache_with_a_clause_in_place_of_the_appendix_is_not_apache():
    text = standard("Apache-2.0")
    start = text.index("APPENDIX")
    changed = text[:start] + "You may not use the Work for commercial purposes of any kind without our consent.\n"
    assert identify(changed).license is None


@pytest.mark.parametrize(("name", "title", "expected", "category"), AI_LICENSES,
                         ids=[entry[0] for entry in AI_LICENSES])
def test_ai_license_family_from_our_synthetic_text(name, title, expected, category):
    found = identify(synthetic(title))
    assert (found.kind, found.license) == ("license", expected)
    assert classify.of_expression(found.license).id == category


@pytest.mark.parametrize(("name", "title", "expected", "category"), AI_LICENSES,
                         ids=[entry[0] for entry in AI_LICENSES])
def test_ai_license_title_in_capitals(name, title, expected, category):
    # Real license files often set the title in capitals.
    found = identify(synthetic(title.upper()))
    assert found.license == expected


def test_short_license_that_says_licensee_is_not_a_pointer():
    # "licensee " contains "see "; a short grant that names its licensee is
    # still a license, not a pointer to one.
    text = ("Gemma Terms of Use\n\nLast modified: April 1, 2024\n\nThe licensee may run and share the model, "
            "and must not use it to harm people.\n")
    found = identify(text)
    assert (found.kind, found.license) == ("license", "LicenseRef-scancode-gemma-tou-2024-04-01")


@pytest.mark.parametrize(("text", "named"), [
    ("See https://www.apache.org/licenses/LICENSE-2.0", "Apache-2.0"),
    ("See https://www.apache.org/licenses/LICENSE-2.0\n", "Apache-2.0"),
    ("The license is available at https://creativecommons.org/licenses/by/4.0/legalcode", "CC-BY-4.0"),
    ("Licensed under Apache-2.0; see the project website.", "Apache-2.0"),
])
def test_pointer_names_its_license(text, named):
    found = identify(text)
    assert found.kind == "pointer"
    assert found.license == named


def test_pointer_naming_mit_by_its_id():
    found = identify("This code is under the MIT license; see LICENSE-CODE.")
    assert (found.kind, found.license) == ("pointer", "MIT")


def test_pointer_to_an_unknown_place_names_nothing():
    found = identify("See https://example.org/our-terms")
    assert (found.kind, found.license) == ("pointer", None)


def test_a_pointer_is_never_a_clean_license():
    found = identify("https://www.apache.org/licenses/LICENSE-2.0")
    assert found.kind == "pointer"
    assert found.confidence < MIN_CONFIDENCE


def test_two_licenses_concatenated_are_compound():
    found = identify(standard("MIT") + "\n\n" + standard("Apache-2.0"))
    assert found.kind == "compound"
    assert set(found.parts) == {"MIT", "Apache-2.0"}
    assert classify.keys(found.license) == ["Apache-2.0", "MIT"]


def test_standard_text_and_ai_license_concatenated_are_compound():
    found = identify(standard("Apache-2.0") + "\n\n" + synthetic("Llama 2 Community License Agreement"))
    assert found.kind == "compound"
    assert set(found.parts) == {"Apache-2.0", "LicenseRef-scancode-llama-2-license-2023"}


def test_standard_text_with_a_long_appended_notice_is_compound():
    notice = ("\n\nAdditional notice for the model weights.\n"
              + "The weights in this folder were trained by Example Lab and are shared for study. " * 12)
    found = identify(standard("MIT") + notice)
    assert found.kind == "compound"
    assert "MIT" in found.parts
    assert len(found.parts) >= 2


@pytest.mark.parametrize("text", [
    "The quick brown fox jumps over the lazy dog.\n" * 40,
    "Everything in this repository belongs to Example Lab. Ask before you copy it.\n" * 10,
    "",
    "   \n\n",
])
def test_prose_is_unknown(text):
    found = identify(text)
    assert (found.kind, found.license) == ("unknown", None)


def test_paraphrased_mit_is_not_guessed():
    text = ("Anyone may use this code for anything, free of charge, as long as this note stays with it.\n"
            "It comes with no warranty of any kind.\n")
    assert identify(text).kind == "unknown"


@pytest.mark.parametrize(("text", "expected", "line"), [
    ("SPDX-License-Identifier: MIT\n", "MIT", 1),
    ("SPDX-License-Identifier: Apache-2.0 OR MIT\n", "Apache-2.0 OR MIT", 1),
    ("Licensing of this folder\n\nSPDX-License-Identifier: LicenseRef-example-terms\n",
     "LicenseRef-example-terms", 3),
    ("SPDX-License-Identifier: mit\n", "MIT", 1),
])
def test_spdx_identifier_only_file(text, expected, line):
    found = identify(text)
    assert (found.kind, found.license, found.line) == ("license", expected, line)
    assert found.method == "spdx-tag"


def test_invalid_spdx_identifier_is_not_trusted():
    assert identify("SPDX-License-Identifier: Not-A-Real-License-9\n").license is None
