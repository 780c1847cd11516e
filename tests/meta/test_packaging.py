"""The package layout that pyproject.toml declares matches the tree."""

from __future__ import annotations

import sys

from tests.conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def test_listed_packages_match_source_tree():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    listed = set(project["tool"]["setuptools"]["packages"])
    source = ROOT / "linter"
    found = {
        ".".join(init.parent.relative_to(source).parts)
        for init in source.rglob("__init__.py")
    }
    assert listed - {"openness_lint.ruledata"} == found
    assert "openness_lint.ruledata" in listed
    assert not any(name.split(".")[0] in {"linter", "rules"} for name in listed)


def test_shipped_rule_data_is_reachable():
    from openness_lint.catalog.source import ruledata

    names = {p.name for p in (ruledata() / "packs").iterdir()}
    assert "licenses.yaml" in names


def test_readme_has_both_setup_commands_in_markers():
    readme = (ROOT / "README.md").read_text("utf-8")
    for tag in ("setup-demo", "setup-tests"):
        start, end = f"<!-- {tag} -->", f"<!-- /{tag} -->"
        assert start in readme and end in readme
        block = readme.split(start, 1)[1].split(end, 1)[0]
        assert "pip install" in block
    demo = readme.split("<!-- setup-demo -->", 1)[1].split("<!-- /setup-demo -->", 1)[0]
    assert "openness-lint check examples/" in demo
    path = demo.split("openness-lint check ", 1)[1].split()[0]
    assert (ROOT / path).is_dir()


def test_ci_runs_the_readme_commands():
    script = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "readme_command setup-tests" in script and "readme_command setup-demo" in script


def test_no_top_level_linter_or_rules_module_installed():
    from importlib.metadata import files

    installed = [str(f) for f in files("openness-lint") or []]
    assert installed, "openness-lint is installed"
    tops = {name.split("/")[0] for name in installed}
    assert not tops & {"linter", "rules", "linter.py", "rules.py"}
    wheel_data = [n for n in installed if n.startswith("openness_lint/ruledata/")]
    editable = any(n.endswith(".pth") for n in installed)
    assert wheel_data or editable, "a wheel install carries rules/ as openness_lint/ruledata"
