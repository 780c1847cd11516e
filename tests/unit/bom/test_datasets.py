"""Data sets: local cards and folders, Hub ids from the card, and which the
model was trained and tested on, only as the card and the files say."""

from __future__ import annotations

import pytest
from openness_lint.bom.document import TimestampError, timestamp

from tests.unit.bom.helpers import report_of


def data_sets(root):
    return {d.key: d for d in report_of(root).facts.datasets}


def test_a_local_data_set_named_in_datasets_is_the_same_data_set(make_repo):
    found = data_sets(make_repo({
        "README.md": "---\nlicense: mit\ndatasets: [lab/reviews]\n---\n# m\n", "model.safetensors": b"\0",
        "data/README.md": "---\nlicense: cc-by-4.0\npretty_name: reviews\n---\n# Dataset Card for reviews\n",
        "data/train.csv": "a,b\n1,2\n"}))
    assert list(found) == ["data/README.md"]
    item = found["data/README.md"]
    assert (item.name.value, item.hub_id.value, item.trained_on) == ("reviews", "lab/reviews", ("README.md:3",))
    assert [f.path for f in item.files] == ["data/train.csv"]
    assert item.license.expression == "CC-BY-4.0"


def test_data_without_a_card_is_one_data_set_per_data_folder_and_never_training_data(make_repo):
    found = data_sets(make_repo({"README.md": "---\nlicense: mit\n---\n# m\n", "model.safetensors": b"\0",
                                 "data/a/x.parquet": b"\0", "data/a/y.parquet": b"\0", "corpus.jsonl": "{}\n"}))
    assert sorted(found) == [".", "data"]
    assert [f.path for f in found["data"].files] == ["data/a/x.parquet", "data/a/y.parquet"]
    assert all(not d.trained_on for d in found.values())


def test_evaluation_files_make_a_data_set_test_data(make_repo):
    found = data_sets(make_repo({"README.md": "---\nlicense: mit\n---\n# m\n", "model.safetensors": b"\0",
                                 "data/train.jsonl": "{}\n", "data/test.jsonl": "{}\n"}))
    assert found["data"].tested_on == ("data/test.jsonl",)




@pytest.mark.parametrize(("option", "environ", "expected"), [
    (None, {}, None),
    (None, {"SOURCE_DATE_EPOCH": "1767225600"}, "2026-01-01T00:00:00Z"),
    ("2026-01-31T12:00:00+02:00", {"SOURCE_DATE_EPOCH": "0"}, "2026-01-31T10:00:00Z"),
    ("2026-01-31T12:00:00Z", {}, "2026-01-31T12:00:00Z"),
])
def test_the_creation_time_comes_only_from_the_option_or_source_date_epoch(option, environ, expected):
    assert timestamp(option, environ) == expected


@pytest.mark.parametrize(("option", "environ", "where"), [
    ("yesterday", {}, "--timestamp"), ("2026-01-31T12:00:00", {}, "--timestamp"),
    (None, {"SOURCE_DATE_EPOCH": "soon"}, "SOURCE_DATE_EPOCH")])
def test_a_time_that_cannot_be_read_names_where_it_came_from(option, environ, where):
    with pytest.raises(TimestampError, match=where):
        timestamp(option, environ)


def test_code_is_a_library_named_by_its_package_metadata(make_repo):
    pyproject = '[tool.other]\nname = "not this"\n\n[project]\nname = "tiny-tool"\nversion = "1.2"\n'
    code = report_of(make_repo({"pyproject.toml": pyproject, "train.py": "print(1)\n",
                                "LICENSE": "MIT License\n"})).facts.code
    assert (code.kind, code.name, code.version) == ("library", ("tiny-tool", "pyproject.toml", 5),
                                                    ("1.2", "pyproject.toml", 6))
    assert "train.py" in code.files


def test_code_without_package_metadata_is_an_application_named_by_its_folder(make_repo):
    code = report_of(make_repo({"train.py": "print(1)\n"}, name="tiny-trainer")).facts.code
    assert (code.kind, code.name.value, code.name.path, code.version) == ("application", "tiny-trainer", "", None)
