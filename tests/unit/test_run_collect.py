"""run.lint(collect=...): a command takes what it needs from the same run's
Context, once per release, into each report's ``facts`` (the bom command's
facts come this way)."""

from __future__ import annotations

from openness_lint import lint
from openness_lint.analysis import cards
from openness_lint.config import Config

CARD = "---\nlicense: mit\n---\n# {name}\n"


def card_paths(ctx):
    """Every model card of the release, as the whole repository names it."""
    return sorted(ctx.repo.real_path(c.path) for c in cards.cards(ctx) if c.kind == "model")


def test_a_check_collects_nothing(make_repo):
    report = lint(make_repo({"README.md": CARD.format(name="a")}), Config())
    assert report.facts is None


def test_each_release_of_a_monorepo_collects_from_its_own_context(make_repo):
    root = make_repo({"models/a/README.md": CARD.format(name="a"), "models/b/README.md": CARD.format(name="b"),
                      "README.md": "# The repository\n"})
    report = lint(root, Config(), collect=card_paths)
    assert report.facts == []  # the root, without the release folders
    assert {name: r.facts for name, r in report.releases.items()} == {
        "models/a": ["models/a/README.md"], "models/b": ["models/b/README.md"]}


def test_a_collector_that_crashes_is_an_internal_error(make_repo):
    def broken(ctx):
        raise ValueError("no")

    report = lint(make_repo({"README.md": CARD.format(name="a")}), Config(), collect=broken)
    assert report.facts is None
    assert [e.rule for e in report.internal_errors] == ["collect"]
    assert not report.passed
