"""check, level, report and badge run one check (run.lint) and so agree on
every release of a monorepo."""

from __future__ import annotations

import json
import re

import pytest

CARD = "---\nlicense: apache-2.0\npipeline_tag: text-generation\n---\n# {name}\n\nA small model.\n"


@pytest.fixture
def two_models(make_repo):
    """models/alpha and models/beta, each with a card, weights and a config, and a root LICENSE."""
    files = {"LICENSE": "SPDX-License-Identifier: Apache-2.0\n\nApache License 2.0\n"}
    for name in ("alpha", "beta"):
        files[f"models/{name}/README.md"] = CARD.format(name=name)
        files[f"models/{name}/model.safetensors"] = b"\x00" * 16
        files[f"models/{name}/config.json"] = '{"architectures": ["TinyForCausalLM"]}\n'
    return make_repo(files, git_init=True)


def test_check_and_level_give_each_release_the_same_level(two_models, run_cli):
    checked = json.loads(run_cli("check", str(two_models), "--format", "json").stdout)
    leveled = json.loads(run_cli("level", str(two_models), "--format", "json").stdout)
    assert set(checked["releases"]) == set(leveled["releases"]) == {"models/alpha", "models/beta"}
    for name, release in checked["releases"].items():
        assert release["level"] == leveled["releases"][name]
    root_level = {k: v for k, v in leveled.items() if k != "releases"}
    assert checked["level"] == root_level
    # each release is graded on its own: its weights count, the root's do not exist
    assert checked["releases"]["models/alpha"]["level"]["progress"]["III"] > checked["level"]["progress"]["III"]


def test_level_text_names_every_release(two_models, run_cli):
    result = run_cli("level", str(two_models))
    assert result.code == 0
    assert "release models/alpha:" in result.stdout and "release models/beta:" in result.stdout


def test_report_and_badge_use_the_same_releases(two_models, run_cli, tmp_path):
    checked = json.loads(run_cli("check", str(two_models), "--format", "json").stdout)
    page, picture = tmp_path / "map.html", tmp_path / "badge.svg"
    assert run_cli("report", str(two_models), "--format", "html", "-o", str(page)).code == 0
    assert run_cli("badge", str(two_models), "-o", str(picture)).code == 0
    html = page.read_text("utf-8")
    for name, release in checked["releases"].items():
        assert f"<code>{name}</code>" in html and release["level"]["verdict"] in html
    # the badge shows the least open release, as the gate holds each one to the minimum
    achieved = {release["level"]["achieved"] for release in checked["releases"].values()}
    label = re.search(r'aria-label="openness: ([^"]+)"', picture.read_text("utf-8")).group(1)
    expected = {"unclassified": "MOF Unclassified", "III": "MOF Class III", "II": "MOF Class II", "I": "MOF Class I"}
    assert label in {expected[a] for a in achieved}
