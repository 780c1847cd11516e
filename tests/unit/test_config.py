"""config.load: every key, and each mistake reported with its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from openness_lint import config
from openness_lint.catalog.source import MAX_INPUT_BYTES as MAX_CONFIG_BYTES
from openness_lint.config import Config, IgnoredFinding
from openness_lint.errors import ConfigError
from openness_lint.finding import Severity
from openness_lint.text import yamlio

FULL = """\
framework: mof
min-level: mof:II
select: [LIC, OL001]
ignore: [LIC002]
severity: {LIC001: warning, OL: info}
exclude: ["vendor/**", "/build/"]
ignore-findings:
  - {rule: LIC001, path: "*", reason: "license under legal review"}
  - rule: OL001
    path: docs/*.md
    reason: generated
packs: [ci/policy.yaml]
"""


def load_yaml(make_repo, text: str, name: str = ".openness-lint.yaml") -> Config:
    return config.load(make_repo({name: text}))


def error_line(make_repo, text: str, name: str = ".openness-lint.yaml") -> int | None:
    root = make_repo({name: text})
    with pytest.raises(ConfigError) as caught:
        config.load(root)
    assert caught.value.path == str(root / name)
    return caught.value.line


def test_every_key_is_parsed(make_repo):
    # a pack must exist when the configuration names it
    root = make_repo({".openness-lint.yaml": FULL, "ci/policy.yaml": "pack: ours\nrules: {}\n"})
    loaded = config.load(root)
    assert loaded.source == ".openness-lint.yaml"
    assert loaded.framework == "mof"
    assert loaded.min_level == ("mof", "II")
    assert loaded.select == ["LIC", "OL001"]
    assert loaded.ignore == ["LIC002"]
    assert loaded.severity == {"LIC001": Severity.WARNING, "OL": Severity.INFO}
    assert loaded.exclude == ["vendor/**", "build"]
    assert loaded.ignore_findings == [
        IgnoredFinding("LIC001", "*", "license under legal review", 8),
        IgnoredFinding("OL001", "docs/*.md", "generated", 9),
    ]
    assert loaded.packs == [root / "ci" / "policy.yaml"]
    assert loaded.lines == {"framework": 1, "min-level": 2, "select": 3, "ignore": 4, "severity": 5,
                            "exclude": 6, "ignore-findings": 7, "packs": 12}


def test_a_missing_pack_is_an_error_at_its_line(make_repo):
    assert error_line(make_repo, "select: [ALL]\npacks: [ci/none.yaml]\n") == 2


def test_no_configuration_gives_defaults(make_repo):
    assert config.load(make_repo({"README.md": "x"})) == Config()


def test_yml_spelling_is_found(make_repo):
    assert load_yaml(make_repo, "select: [LIC]\n", ".openness-lint.yml").select == ["LIC"]


def test_unknown_key_names_its_line(make_repo):
    assert error_line(make_repo, "framework: mof\n\nselct: [LIC]\n") == 3


@pytest.mark.parametrize(("text", "line"), [
    ("framework: mof\nselect: 5\n", 2),
    ("framework: mof\nignore: true\n", 2),
    ("framework: mof\n\nseverity: [a]\n", 3),
    ("exclude: {a: 1}\n", 1),
    ("select:\n  - LIC\n  - 7\n", 1),
    ("framework: 3\n", 1),
    ("framework: nist\n", 1),
    ("ignore-findings: {rule: LIC001}\n", 1),
    ("packs: {a: b}\n", 1),
])
def test_wrong_types_name_the_line(make_repo, text, line):
    assert error_line(make_repo, text) == line


def test_unknown_severity_names_the_line_of_the_item(make_repo):
    assert error_line(make_repo, "severity:\n  LIC001: warning\n  OL001: fatal\n") == 3


def test_ignore_findings_item_without_reason_names_its_line(make_repo):
    text = ("ignore-findings:\n"
            "  - {rule: LIC001, path: '*', reason: fine}\n"
            "  - rule: OL001\n"
            "    path: '*'\n")
    assert error_line(make_repo, text) == 3


def test_ignore_findings_unknown_item_key_names_its_line(make_repo):
    assert error_line(make_repo, "ignore-findings:\n\n  - {rule: LIC001, reason: x, because: y}\n") == 3


@pytest.mark.parametrize(("text", "canonical"), [
    ("mof:II", ("mof", "II")),
    ("mof:ii", ("mof", "II")),
    ("mof:class-ii", ("mof", "II")),
    ("mof:3", ("mof", "III")),
])
def test_min_level_is_canonicalised(make_repo, text, canonical):
    assert load_yaml(make_repo, f"min-level: '{text}'\n").min_level == canonical


@pytest.mark.parametrize("text", ["mof:IV", "nope:1", "II", "mof:", ":II"])
def test_bad_min_level_names_the_line(make_repo, text):
    assert error_line(make_repo, f"framework: mof\nmin-level: '{text}'\n") == 2


@pytest.mark.parametrize("text", ["mof:IV", "nope:1", "II"])
def test_parse_min_level_rejects(text):
    with pytest.raises(ValueError):
        config.parse_min_level(text)


def test_duplicate_keys_name_the_second_line(make_repo):
    assert error_line(make_repo, "select: [LIC]\nframework: mof\nselect: [OL]\n") == 3


def test_invalid_yaml_names_the_line(make_repo):
    assert error_line(make_repo, "select: [LIC\nignore: []\n: :\n") is not None


def test_top_level_must_be_a_mapping(make_repo):
    assert error_line(make_repo, "- LIC001\n") == 1


def test_empty_file_gives_defaults(make_repo):
    loaded = load_yaml(make_repo, "# nothing yet\n")
    assert (loaded.select, loaded.severity, loaded.min_level) == ([], {}, None)


def test_pyproject_table_with_lines(make_repo):
    text = ('[project]\nname = "model"\n\n'
            '[tool.openness-lint]\n'
            'select = ["LIC"]\n'
            '"min-level" = "mof:class-ii"\n'
            'exclude = ["vendor/**"]\n\n'
            '[tool.openness-lint.severity]\n'
            'LIC001 = "warning"\n')
    root = make_repo({"pyproject.toml": text})
    loaded = config.load(root)
    assert loaded.source == "pyproject.toml"
    assert (loaded.select, loaded.min_level, loaded.exclude) == (["LIC"], ("mof", "II"), ["vendor/**"])
    assert loaded.severity == {"LIC001": Severity.WARNING}
    assert loaded.lines == {"select": 5, "min-level": 6, "exclude": 7, "severity": 9}


@pytest.mark.parametrize(("body", "line"), [
    ('select = ["LIC"]\nbogus = 1\n', 8),
    ('select = ["LIC"]\nseverity = 5\n', 8),
    # tomllib keeps no lines, so a bad item in a sub-table points at its header
    ('select = ["LIC"]\n\n[tool.openness-lint.severity]\nLIC001 = "fatal"\n', 9),
])
def test_pyproject_errors_name_the_line(make_repo, body, line):
    assert error_line(make_repo, '[project]\nname = "m"\n\n[tool.other]\nx = 1\n' + "[tool.openness-lint]\n" + body,
                      "pyproject.toml") == line


def test_invalid_toml_names_the_line(make_repo):
    text = '[tool.openness-lint]\nselect = ["LIC"]\nselect = ["OL"]\n'
    assert error_line(make_repo, text, "pyproject.toml") == 3


def test_unterminated_toml_is_a_config_error(make_repo):
    error_line(make_repo, '[tool.openness-lint]\nselect = ["LIC"\n', "pyproject.toml")


def test_pyproject_without_the_table_gives_defaults(make_repo):
    assert config.load(make_repo({"pyproject.toml": '[project]\nname = "m"\n'})) == Config()


def test_explicit_pyproject_without_the_table_is_an_error(make_repo):
    root = make_repo({"pyproject.toml": '[project]\nname = "m"\n'})
    with pytest.raises(ConfigError):
        config.load(root, root / "pyproject.toml")


def test_yaml_wins_over_pyproject(make_repo):
    root = make_repo({".openness-lint.yaml": "select: [OL]\n",
                      "pyproject.toml": '[tool.openness-lint]\nselect = ["LIC"]\n'})
    assert config.load(root).select == ["OL"]


def test_explicit_file_outside_the_repository(make_repo, tmp_path):
    root = make_repo({"README.md": "x"})
    other = tmp_path / "shared.yaml"
    other.write_text("select: [LIC]\nbogus: 1\n")
    with pytest.raises(ConfigError) as caught:
        config.load(root, other)
    assert (caught.value.path, caught.value.line) == (str(other), 2)


def test_missing_explicit_file(make_repo, tmp_path):
    with pytest.raises(ConfigError):
        config.load(make_repo({}), tmp_path / "nope.yaml")


def test_file_over_the_size_limit_is_refused(make_repo):
    text = "select: [LIC]\n" + "# padding\n" * (MAX_CONFIG_BYTES // 10 + 1)
    assert len(text.encode()) > MAX_CONFIG_BYTES
    with pytest.raises(ConfigError) as caught:
        config.load(make_repo({".openness-lint.yaml": text}))
    assert "KiB" in caught.value.message


def test_file_just_under_the_size_limit_is_read(make_repo):
    text = "select: [LIC]\n"
    text += "#" * (MAX_CONFIG_BYTES - len(text) - 1) + "\n"
    assert config.load(make_repo({".openness-lint.yaml": text})).select == ["LIC"]


def test_not_utf8_is_refused(make_repo):
    with pytest.raises(ConfigError):
        config.load(make_repo({".openness-lint.yaml": b"select: [\xff]\n"}))


def billion_laughs(levels: int = 9, width: int = 9) -> str:
    lines = ["a0: &a0 [" + ", ".join(['"lol"'] * width) + "]"]
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
    lines.append(f"select: *a{levels}")
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused(make_repo):
    with pytest.raises(ConfigError):
        config.load(make_repo({".openness-lint.yaml": billion_laughs()}))


def test_alias_bomb_is_refused_by_the_yaml_loader_itself():
    with pytest.raises(yamlio.YamlProblem):
        yamlio.load(billion_laughs())
    assert yamlio.load(billion_laughs(levels=2))["select"][0][0] == ["lol"] * 9


def test_unknown_rule_code_is_checked_with_its_line(make_repo):
    loaded = load_yaml(make_repo, "select: [LIC]\nignore:\n  - LIC001\n  - NOPE999\n")
    with pytest.raises(ConfigError) as caught:
        loaded.check_rules(lambda code: code.startswith("LIC"))
    assert caught.value.line == 4


def test_config_path_is_display_formatted(make_repo):
    root = make_repo({".openness-lint.yaml": "bogus: 1\n"})
    with pytest.raises(ConfigError) as caught:
        config.load(root, display=lambda p: Path(p).name)
    assert str(caught.value) == ".openness-lint.yaml:1: unknown key 'bogus'; known keys: " \
        "exclude, framework, frameworks, ignore, ignore-findings, manifest, min-level, packs, profiles, release, releases, require, select, severity"
