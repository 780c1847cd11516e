"""analysis.links: which links in cards and the root README point at this
release's components kept outside git.

Each case is the shape of a README seen in the real-release trials (a lab's
model release, a code library, a dataset release), written anew.
"""

from __future__ import annotations

import pytest
from openness_lint.analysis import links

from tests.helpers.linting import context as context_of

HUB = "https://huggingface.co"


def linked(make_repo, files: dict[str, str]) -> dict[str, links.Linked]:
    ctx = context_of(make_repo(files))
    return {item.component: item for item in links.linked(ctx)}


def test_a_lab_release_links_its_weights_data_and_paper(make_repo):
    readme = (f"# Tiny\n\n[![arXiv](https://img.shields.io/badge/arXiv-2601.01234-b31b1b)]"
              f"(https://arxiv.org/abs/2601.01234)\n\nModels: [tiny-1b]({HUB}/lab/tiny-1b), "
              f"[tiny-7b]({HUB}/lab/tiny-7b). Data: [mix]({HUB}/datasets/lab/tiny-mix).\n")
    found = linked(make_repo, {"README.md": readme})
    assert (found["model-parameters"].url, found["model-parameters"].line) == (f"{HUB}/lab/tiny-1b", 5)
    assert found["model-card"].via == "model-parameters"
    assert found["datasets"].url == f"{HUB}/datasets/lab/tiny-mix"
    assert found["data-card"].via == "datasets"
    assert found["research-paper"].url == "https://arxiv.org/abs/2601.01234"


def test_a_code_library_links_other_peoples_models_once_each(make_repo):
    readme = (f"# peft-like\n\nFine-tune [org-a/model]({HUB}/org-a/model) or [org-b/model]({HUB}/org-b/model) "
              f"on [org-c/data]({HUB}/datasets/org-c/data).\n")
    assert linked(make_repo, {"README.md": readme}) == {}


def test_a_single_hub_link_that_says_it_is_the_release_counts(make_repo):
    readme = f"# x\n\nDownload the weights from [the Hub]({HUB}/lab/x).\n"
    assert linked(make_repo, {"README.md": readme})["model-parameters"].url == f"{HUB}/lab/x"


@pytest.mark.parametrize("url", [f"{HUB}/lab/x/blob/main/LICENSE.md", f"{HUB}/docs/transformers",
                                 f"{HUB}/spaces/lab/demo", f"{HUB}/datasets/choosealicense/licenses/blob/main/mit.md"])
def test_hub_pages_that_are_no_model_or_dataset(make_repo, url):
    readme = f"# x\n\nOur weights: [a]({url}) and [b]({url}).\n"
    assert not set(linked(make_repo, {"README.md": readme})) & {"model-parameters", "datasets"}


def test_cited_works_are_not_the_release_paper(make_repo):
    readme = ("# data tools\n\nTaggers from [Gopher](https://arxiv.org/abs/2112.11446) and "
              "[C4](https://arxiv.org/abs/1910.10683).\n\n## References\n\n"
              "[1]: [LoRA](https://arxiv.org/abs/2106.09685): Low-Rank Adaptation\n")
    assert "research-paper" not in linked(make_repo, {"README.md": readme})


def test_the_most_linked_paper_wins(make_repo):
    readme = ("# x\n\nSee [the paper](https://arxiv.org/abs/2601.00001).\n\n"
              "Related: [a paper on memorisation](https://arxiv.org/abs/2601.00002).\n\n"
              "As [our paper](https://arxiv.org/abs/2601.00001) shows.\n")
    assert linked(make_repo, {"README.md": readme})["research-paper"].url == "https://arxiv.org/abs/2601.00001"


def test_a_technical_report_is_named_so(make_repo):
    readme = "# x\n\nRead our [technical report](https://arxiv.org/abs/2601.00003).\n"
    found = linked(make_repo, {"README.md": readme})
    assert found["technical-report"].url == "https://arxiv.org/abs/2601.00003"
    assert "research-paper" not in found


def test_a_datasheet_link_is_a_data_card(make_repo):
    readme = "# x\n\nTrained on the Pile ([datasheet](https://arxiv.org/abs/2201.07311)).\n"
    assert linked(make_repo, {"README.md": readme})["data-card"].url == "https://arxiv.org/abs/2201.07311"


def test_released_checkpoints_with_an_own_hub_page(make_repo):
    readme = (f"# x\n\nWeights: [x-1b]({HUB}/lab/x-1b), [x-7b]({HUB}/lab/x-7b).\n\n"
              "We make 154 checkpoints available for each model.\n")
    item = linked(make_repo, {"README.md": readme})["model-parameters-intermediate"]
    assert (item.url, item.line) == (f"{HUB}/lab/x-1b", 5)


def test_checkpoints_in_code_are_not_a_statement(make_repo):
    readme = (f"# x\n\nWeights: [x-1b]({HUB}/lab/x-1b), [x-7b]({HUB}/lab/x-7b).\n\n"
              "```\n# we release 154 checkpoints\n```\n")
    assert "model-parameters-intermediate" not in linked(make_repo, {"README.md": readme})


def test_weights_archives_and_partial_checkpoints(make_repo):
    readme = ("# x\n\n[Download slim weights](https://files.example.org/x/step_1000_slim.tar.zstd)\n\n"
              "[Partially trained checkpoints](https://files.example.org/x/)\n")
    found = linked(make_repo, {"README.md": readme})
    assert found["model-parameters"].url.endswith("step_1000_slim.tar.zstd")
    assert found["model-parameters-intermediate"].url == "https://files.example.org/x/"


def test_a_model_cards_datasets_front_matter(make_repo):
    card = "---\nlicense: mit\ndatasets:\n  - lab/corpus\n---\n# x\n\n## Uses\n\nDemos.\n\n## Training Data\n\nSee it.\n"
    item = linked(make_repo, {"README.md": card})["datasets"]
    assert (item.url, item.line) == (f"{HUB}/datasets/lab/corpus", 4)


def test_citation_cff_names_the_paper(make_repo):
    files = {"README.md": "# x\n", "CITATION.cff": 'cff-version: 1.2.0\npreferred-citation:\n  type: article\n'
             "  doi: 10.48550/arXiv.2601.01234\n"}
    item = linked(make_repo, files)["research-paper"]
    assert (item.url, item.path, item.line) == ("https://arxiv.org/abs/2601.01234", "CITATION.cff", 4)


def test_a_software_deposit_doi_is_no_paper(make_repo):
    readme = "# x\n\nCite the [paper](https://doi.org/10.5281/zenodo.1234567).\n"
    assert "research-paper" not in linked(make_repo, {"README.md": readme})


def test_only_cards_and_the_root_readme_are_read(make_repo):
    files = {"README.md": "# x\n", "examples/README.md": f"# ex\n\nOur weights: [a]({HUB}/lab/a), [b]({HUB}/lab/b).\n"}
    assert linked(make_repo, files) == {}


def test_an_example_of_someone_elses_model_among_the_releases_own(make_repo):
    readme = (f"# x\n\nTo convert other weights, try [their model]({HUB}/other/model).\n\n"
              f"Our models: [x-1b]({HUB}/lab/x-1b), [x-7b]({HUB}/lab/x-7b).\n")
    found = linked(make_repo, {"README.md": readme})
    assert found["model-parameters"].url == f"{HUB}/lab/x-1b"


def test_a_link_labelled_model_is_the_releases_own(make_repo):
    readme = (f"# x\n\n[Paper](https://drive.example.org/x.pdf) | [Model]({HUB}/lab/x)\n\n"
              f"Fine-tuned on [a]({HUB}/datasets/someone/qa) ([card]({HUB}/datasets/someone/qa)).\n")
    found = linked(make_repo, {"README.md": readme})
    assert found["model-parameters"].url == f"{HUB}/lab/x"
    assert found["research-paper"].url == "https://drive.example.org/x.pdf"


def test_the_section_a_link_sits_in_says_what_it_is(make_repo):
    readme = (f"# x\n\n## Download\n\nGet them from the Hub.\n\n### Access\n\n"
              f"- Visit one of the repos, for example [lab/x-8b]({HUB}/lab/x-8b).\n")
    assert linked(make_repo, {"README.md": readme})["model-parameters"].line == 9


def test_the_paper_a_release_asks_to_be_cited_by(make_repo):
    readme = ("# x\n\n## Citation\n\n```bibtex\n@misc{lab2026x,\n  title={X: an open model},\n"
              "  eprint={2601.04321},\n  archivePrefix={arXiv},\n}\n```\n")
    item = linked(make_repo, {"README.md": readme})["research-paper"]
    assert (item.url, item.line) == ("https://arxiv.org/abs/2601.04321", 8)


def test_a_bibtex_title_says_technical_report_and_the_link_is_where_readers_find_it(make_repo):
    readme = ("# x\n\n[Paper Link](https://arxiv.org/pdf/2601.05555)\n\n## Citation\n\n```bibtex\n"
              "@misc{x,\n  title={X Technical Report},\n  eprint={2601.05555},\n}\n```\n")
    found = linked(make_repo, {"README.md": readme})
    assert "research-paper" not in found
    item = found["technical-report"]
    assert (item.url, item.line) == ("https://arxiv.org/pdf/2601.05555", 3)


def test_hub_urls():
    assert links.hub_url("lab/set") == "https://huggingface.co/datasets/lab/set"
    assert links.hub_url("org/model", "") == "https://huggingface.co/org/model"
    assert links.hub_url("https://example.org/x") == "https://example.org/x"
    assert links.hub_url("not an id") is None
