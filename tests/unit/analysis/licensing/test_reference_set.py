"""identify() on ScanCode's license database: a license's own id, or unknown,
never another license's, and never one more open than the text.

The counts (correct, unknown, wrong, more open than the truth) are printed
at the end of the test run.
"""

from __future__ import annotations

import collections
import time

import pytest
from openness_lint.analysis.licensing import classify
from openness_lint.analysis.licensing.identification import identify

from tests.helpers import reference

COUNTS: dict[str, collections.Counter] = {}
WRONG: list[tuple[str, str, str]] = []
TIMES: list[float] = []


def _judge(truth: str, text: str) -> str:
    start = time.perf_counter()
    found = identify(text)
    TIMES.append(time.perf_counter() - start)
    answer = found.license if found.kind in ("license", "compound") else None
    if answer is None:
        return "unknown"
    if answer == truth:
        return "correct"
    more_open = classify.of_expression(answer).rank < classify.of_expression(truth).rank
    return "more open" if more_open else "wrong"


@pytest.fixture(scope="module")
def judged() -> dict[str, collections.Counter]:
    if not COUNTS:
        identify.cache_clear()
        for item in reference.references():
            for variant, text in reference.variants(item):
                verdict = _judge(item.truth, text)
                COUNTS.setdefault(variant, collections.Counter())[verdict] += 1
                if verdict in ("wrong", "more open"):
                    WRONG.append((variant, item.truth, identify(text).license or ""))
    return COUNTS


def test_the_reference_set_is_the_database_we_expect():
    found = reference.references()
    assert len(found) > 750  # SPDX ids and our AI keys in licensedcode-data 33
    truths = {item.truth for item in found}
    assert {"MIT", "CC-BY-NC-4.0", "LicenseRef-scancode-llama-4-cla-2025",
            "LicenseRef-scancode-gemma-tou-2025-03-24", "BSD-3-Clause-No-Nuclear-License"} <= truths


def test_no_answer_is_more_open_than_the_truth(judged):
    more_open = [w for w in WRONG if _more_open(w)]
    assert more_open == []


def test_at_most_one_percent_is_wrong(judged):
    total = sum(sum(counter.values()) for counter in judged.values())
    wrong = sum(counter["wrong"] + counter["more open"] for counter in judged.values())
    assert wrong <= 0.01 * total, WRONG


def test_the_standard_texts_are_still_found(judged):
    # a regression to "everything unknown" would pass the tests above
    assert judged["as is"]["correct"] >= 60
    assert judged["first 60%"]["correct"] >= 40


@pytest.mark.parametrize(("truth", "template"), [
    ("BSD-3-Clause-No-Nuclear-License", "BSD-3-Clause"),
    ("BSD-3-Clause-No-Nuclear-Warranty", "BSD-3-Clause"),
    ("BSD-3-Clause-No-Military-License", "BSD-3-Clause"),
    ("Sleepycat", "BSD-2-Clause"),
    ("FSL-1.1-MIT", "MIT"),
    ("CC-BY-NC-4.0", "CC-BY-4.0"),
    ("CC-BY-NC-SA-4.0", "CC-BY-SA-4.0"),
    ("X11", "MIT"),
    ("LicenseRef-scancode-gemma-tou-2025-03-24", "LicenseRef-scancode-gemma-tou-2024-04-01"),
    ("LicenseRef-scancode-llama-4-cla-2025", "LicenseRef-scancode-llama-4-license-2025"),
])
def test_a_lookalike_never_takes_its_templates_id(truth, template):
    (item,) = [r for r in reference.references() if r.truth == truth]
    for variant, text in reference.variants(item):
        assert identify(text).license in (truth, None), (variant, identify(text))


def test_a_license_is_named_in_every_variant_that_keeps_its_title():
    for truth in ("CC-BY-NC-4.0", "LicenseRef-scancode-llama-4-cla-2025", "LicenseRef-scancode-gemma-tou-2025-03-24",
                  "LicenseRef-scancode-flux-1-nc", "Apache-2.0"):
        (item,) = [r for r in reference.references() if r.truth == truth]
        for variant, text in reference.variants(item):
            assert identify(text).license == truth, (truth, variant)


def _more_open(wrong: tuple[str, str, str]) -> bool:
    _, truth, answer = wrong
    return classify.of_expression(answer).rank < classify.of_expression(truth).rank


def summary() -> list[str]:
    """The lines pytest prints at the end of the run (tests/conftest.py)."""
    if not COUNTS:
        return []
    lines = ["identify() on licensedcode-data: correct / unknown / wrong / more open than the truth"]
    for variant in reference.VARIANTS:
        counter = COUNTS.get(variant, collections.Counter())
        lines.append(f"  {variant:<15} {counter['correct']:>4} / {counter['unknown']:>4} / "
                     f"{counter['wrong']:>3} / {counter['more open']:>3}")
    if TIMES:
        ordered = sorted(TIMES)
        lines.append(f"  per text: median {ordered[len(ordered) // 2] * 1000:.2f} ms, "
                     f"90th percentile {ordered[int(len(ordered) * 0.9)] * 1000:.2f} ms")
    lines += [f"  wrong: {variant}: {truth} -> {answer}" for variant, truth, answer in WRONG]
    return lines
