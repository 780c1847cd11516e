"""Property tests repeat their examples in CI and explore locally (tests/conftest.py)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from hypothesis import settings

from tests.unit.repo import test_globs


def test_the_profile_follows_ci():
    assert settings.default.derandomize is bool(os.environ.get("CI"))


def test_a_test_with_its_own_settings_keeps_the_profile():
    assert test_globs.profile.derandomize is settings.default.derandomize
    assert test_globs.profile.max_examples == 200


@pytest.mark.parametrize("ci", ["true", ""])
def test_ci_chooses_the_profile(ci):
    env = {k: v for k, v in os.environ.items() if k != "CI"} | ({"CI": ci} if ci else {})
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          f"{__file__}::test_the_profile_follows_ci"], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
