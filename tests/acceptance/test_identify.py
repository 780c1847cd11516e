"""openness-lint identify FILE...: what each file holds, in one call."""

from __future__ import annotations

import json

from tests.helpers.licenses import ai_text, standard

NC_TITLE = "Attribution-NonCommercial 4.0 International\n\nTerms we wrote for this test; they grant nothing.\n"


def test_json_answers_every_file_in_argument_order(make_repo, run_cli):
    root = make_repo({
        "MIT.txt": standard("MIT"),
        "nc.txt": NC_TITLE,
        "compound.txt": standard("Apache-2.0") + "\n\n" + standard("MIT"),
        "pointer.txt": "The license is at https://www.apache.org/licenses/LICENSE-2.0\n",
        "ours.txt": "Everything here belongs to Example Lab. Ask before you copy any of it.\n" * 5,
        "rail.txt": ai_text("creativeml-openrail-m"),
        "binary.bin": b"\x00\x01\x02",
    })
    names = ["nc.txt", "MIT.txt", "compound.txt", "pointer.txt", "ours.txt", "rail.txt", "binary.bin"]
    result = run_cli("identify", "--format", "json", *(str(root / n) for n in names))
    assert result.code == 0, result
    records = json.loads(result.stdout)
    assert [r["path"].rsplit("/", 1)[-1] for r in records] == names
    got = {r["path"].rsplit("/", 1)[-1]: (r["kind"], r["license"], r["category"]) for r in records}
    assert got["nc.txt"] == ("license", "CC-BY-NC-4.0", "noncommercial")
    assert got["MIT.txt"] == ("license", "MIT", "osi-fsf")
    assert got["compound.txt"] == ("compound", "Apache-2.0 AND MIT", "osi-fsf")
    assert got["pointer.txt"] == ("pointer", "Apache-2.0", "osi-fsf")
    assert got["ours.txt"] == ("unknown", None, None)
    assert got["rail.txt"][:2] == ("license", "LicenseRef-scancode-stable-diffusion-2022-08-22")
    assert got["binary.bin"] == ("unknown", None, None)
    binary = records[-1]
    assert "binary" in binary["note"]
    assert set(records[0]) == {"path", "kind", "license", "parts", "confidence", "method", "category", "note"}
    assert records[2]["parts"] == ["Apache-2.0", "MIT"]


def test_text_says_why_a_lookalike_is_unknown(make_repo, run_cli):
    restricted = standard("MIT") + "\n\nThe software may only be used for research by Example Lab.\n"
    root = make_repo({"LICENSE": restricted})
    result = run_cli("identify", str(root / "LICENSE"))
    assert result.code == 0
    assert "unknown" in result.stdout and "MIT" in result.stdout and "research" in result.stdout


def test_a_missing_file_is_a_usage_error(run_cli, tmp_path):
    result = run_cli("identify", str(tmp_path / "nope"))
    assert result.code == 2
    assert result.stderr.count("\n") == 1 and "nope" in result.stderr
