"""DOC001 (CITATION.cff) and DOC002 (relative links that lead nowhere)."""

from __future__ import annotations

import pytest
from openness_lint.analysis.documents import resolve

from tests.helpers import linting
from tests.helpers.cards import card, found, lint

CITATION = """\
cff-version: "1.2.0"
message: If you use this model, please cite it as below.
title: tiny-test-model
authors:
  - name: Example Lab
"""


def test_valid_citation(make_repo):
    assert found(make_repo({"CITATION.cff": CITATION}), "DOC001") == set()


@pytest.mark.parametrize(("text", "lines"), [
    (CITATION.replace('"1.2.0"', "1.2"), {1}),
    (CITATION.replace("message: If you use this model, please cite it as below.\n", ""), {1}),
    (CITATION.replace("title: tiny-test-model", "title: ''"), {3}),
    (CITATION.replace("  - name: Example Lab\n", ""), {4}),
    (CITATION.replace("authors:\n  - name: Example Lab", "authors: Example Lab"), {4}),
    (CITATION + "title: again\n", {6}),
    ("cff-version: 1.2.0\nauthors:\n\t- name: x\n", {3}),
    ("- a list\n", {1}),
    ("", {1}),
])
def test_citation_problems_at_their_line(make_repo, text, lines):
    root = make_repo({"CITATION.cff": text})
    assert found(root, "DOC001") == {("DOC001", "CITATION.cff", line) for line in lines}


def test_every_missing_key_is_reported(make_repo):
    report = lint(make_repo({"CITATION.cff": "title: only a title\n"}), "DOC001")
    assert sorted(f.message.split("`")[1] for f in report.findings) == ["authors", "cff-version", "message"]


def test_no_citation_file_is_fine(make_repo):
    assert found(make_repo({"README.md": "# x\n"}), "DOC001") == set()


@pytest.mark.parametrize(("directory", "target", "expected"), [
    ("", "LICENSE", "LICENSE"),
    ("", "./docs/card.md#intended-use", "docs/card.md"),
    ("models/a", "../../LICENSE?plain=1", "LICENSE"),
    ("models/a", "/LICENSE", "LICENSE"),
    ("models/a", "./", "models/a"),
    ("models/a", "../..", ""),
    ("", "a%20file.md", "a file.md"),
    ("", "https://example.org/LICENSE", None),
    ("", "mailto:someone@example.org", None),
    ("", "#usage", None),
    ("", "//cdn.example.org/x.png", None),
    ("", "../sibling-repo/README.md", None),
    ("", "?tab=readme", None),
])
def test_resolve(directory, target, expected):
    assert resolve(directory, target) == expected


def test_broken_links_are_errors_at_their_line(make_repo):
    readme = """\
# Sorter

Released under the [license](./LICENCE); see also [notes](docs/notes.md#top),
the [policy](USE_POLICY.md), [the web](https://example.org/missing.md) and [here](#sorter).

```
[example](not-checked-in-code.md)
```

![diagram](img/diagram.png)

[card]: ./model_cards/sorter.md

<img src="img/logo.png">
"""
    root = make_repo({"README.md": readme, "LICENSE": "x", "USE_POLICY.md": "x", "docs/notes.md": "x",
                      "img/logo.png": "x"})
    report = lint(root, "DOC002")
    assert {(f.code, f.path, f.line, f.column) for f in report.findings} == {
        ("DOC002", "README.md", 3, 30), ("DOC002", "README.md", 10, 12), ("DOC002", "README.md", 12, 9)}
    assert all(f.severity.label == "error" for f in report.findings)
    assert "did you mean 'LICENSE'" in next(f.message for f in report.findings if f.line == 3)


def test_links_resolve_from_the_cards_folder(make_repo):
    files = {
        "models/a/README.md": card("license: mit", "# a\n\n[license](LICENSE) [root](../../LICENSE) [up](../b/)\n"),
        "models/b/MODEL_CARD.md": "[sibling](../a/README.md) [missing](../a/USE_POLICY.md)\n",
        "models/a/LICENSE": "x",
        "LICENSE": "x",
    }
    assert found(make_repo(files), "DOC002") == {("DOC002", "models/b/MODEL_CARD.md", 1)}


def test_case_matters_as_on_github(make_repo):
    root = make_repo({"README.md": "[terms](./license)\n", "LICENSE": "x"})
    assert found(root, "DOC002") == {("DOC002", "README.md", 1)}


def test_every_readme_is_checked_and_front_matter_is_not(make_repo):
    files = {
        "README.md": card("license: other\nlicense_link: LICENSE.md", "# x\n"),
        "src/README.md": "# src\n\nSee [the design](DESIGN.md).\n",
        "docs/deep/ReadMe.MARKDOWN": "[gone](gone.md)\n",
        "docs/not_a_readme.md": "[gone](gone.md)\n",
    }
    assert found(make_repo(files), "DOC002") == {("DOC002", "src/README.md", 3),
                                                   ("DOC002", "docs/deep/ReadMe.MARKDOWN", 1)}


def test_excluded_targets_are_not_errors(make_repo):
    root = make_repo({"README.md": "[vendored](third_party/tool/README.md)\n", "third_party/tool/README.md": "x"})
    report = linting.lint(root, "DOC002", exclude=["third_party/**"])
    assert report.findings == []


def test_a_broken_reference_is_reported_once_at_its_definition(make_repo):
    root = make_repo({"README.md": "See [the notes][n] and [again][n].\n\n[n]: NOTES.md\n"})
    assert found(root, "DOC002") == {("DOC002", "README.md", 3)}
    assert len(lint(root, "DOC002").findings) == 1


def test_a_reference_line_holding_a_link_is_no_definition(make_repo):
    readme = ("# Methods\n\n"
              "[1]: [LoRA](https://arxiv.org/abs/2106.09685): Low-Rank Adaptation of Large Language Models\n")
    assert lint(make_repo({"README.md": readme}), "DOC002").findings == []


def test_image_links_in_a_fenced_code_block_are_not_links(make_repo):
    readme = "# Example\n\n```markdown\n![diagram](img/missing.png)\n[card](MISSING.md)\n```\n"
    assert lint(make_repo({"README.md": readme}), "DOC002").findings == []


def test_html_blocks_links_are_checked(make_repo):
    readme = '# Example\n\n<p align="center">\n  <img src="img/missing.png">\n  <a href="docs/MISSING.md">x</a>\n</p>\n'
    report = lint(make_repo({"README.md": readme}), "DOC002")
    assert {(f.path, f.line) for f in report.findings} == {("README.md", 4), ("README.md", 5)}


def test_pages_of_a_documentation_site_follow_its_routing(make_repo):
    page = "# Intro\n\nSee [the guide](/guide/setup) and [next](../tutorial).\n"
    report = lint(make_repo({"site/mkdocs.yml": "site_name: x\n", "site/docs/README.md": page,
                             "README.md": "# Example\n\n[missing](MISSING.md)\n"}), "DOC002")
    assert {(f.path, f.line) for f in report.findings} == {("README.md", 3)}


def test_the_true_broken_links_still_appear(make_repo):
    readme = "# Example\n\nRead the [licence](./LICENCE).\n"
    report = lint(make_repo({"README.md": readme, "LICENSE": "x"}), "DOC002")
    assert [(f.path, f.line) for f in report.findings] == [("README.md", 3)]
    assert "did you mean 'LICENSE'" in report.findings[0].message


def test_an_email_address_as_a_link_target_is_left_to_rpt003(make_repo):
    readme = "# Example\n\nWrite to [us](team@example.org).\n"
    assert lint(make_repo({"README.md": readme}), "DOC002").findings == []
    report = lint(make_repo({"README.md": readme}), "RPT003")
    assert [(f.code, f.path, f.line) for f in report.findings] == [("RPT003", "README.md", 3)]
