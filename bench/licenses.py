"""How much of a run license identification takes. Run on demand:

    .venv/bin/python bench/licenses.py [--runs 5]

It builds a synthetic repository in a temporary folder (source files with
SPDX headers, many per-folder license files of several kinds, a card and
weights), then reports, as medians over the runs:
  - the whole `openness-lint check` as a subprocess, and `python -c pass`
    plus importing our dependencies as the floor;
  - in-process, the time inside license identification, both cold and with
    the cache warm (a second rule asking for the same files);
  - what one file costs: identify() on each of identify's standard texts,
    after a warm-up, median and 90th percentile over all texts and runs.
Nothing here is a pass/fail test: the numbers are compared within one run.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from identify.vendor.licenses import LICENSES


def build(root: Path, folders: int = 60, sources: int = 1500) -> None:
    texts = dict(LICENSES)
    kinds = [texts["MIT"], texts["Apache-2.0"], texts["BSD-3-Clause"],
             "See https://www.apache.org/licenses/LICENSE-2.0\n",
             "Llama 3.1 Community License Agreement\nSynthetic benchmark text.\n",
             texts["MIT"] + "\n\n" + texts["ISC"]]
    for index in range(folders):
        folder = root / f"pkg{index:03d}"
        folder.mkdir(parents=True)
        (folder / "LICENSE").write_text(kinds[index % len(kinds)])
    for index in range(sources):
        folder = root / f"pkg{index % folders:03d}" / "src"
        folder.mkdir(parents=True, exist_ok=True)
        header = "# SPDX-License-Identifier: MIT\n" if index % 4 == 0 else ""
        (folder / f"m{index}.py").write_text(header + "def f():\n    return 1\n" * 20)
    (root / "LICENSE").write_text(texts["Apache-2.0"])
    (root / "README.md").write_text("---\nlicense: apache-2.0\n---\n# bench model\n")
    with open(root / "model.safetensors", "wb") as handle:
        handle.truncate(2 * 1024**3)  # sparse: name and size only


def timed(command: list[str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def in_process(root: Path, runs: int) -> tuple[float, float, float]:
    from openness_lint import config, registry
    from openness_lint.analysis.licensing import declarations, identification
    from openness_lint.context import Context
    from openness_lint.repo.repo import Repo
    from openness_lint.run import lint

    spent = {"t": 0.0}
    original = identification.identify

    def counting(text: str):
        start = time.perf_counter()
        try:
            return original(text)
        finally:
            spent["t"] += time.perf_counter() - start

    declarations.identify = counting
    totals, cold, warm = [], [], []
    rules = registry.load()
    for _ in range(runs):
        original.cache_clear()  # cold: no text identified yet in this process
        spent["t"] = 0.0
        start = time.perf_counter()
        ctx_report = lint(root, config.Config(), rules)
        totals.append(time.perf_counter() - start)
        cold.append(spent["t"])
        assert ctx_report is not None
        spent["t"] = 0.0
        ctx = Context(Repo(root), config.Config())
        declarations.find(ctx)
        declarations.find(ctx)  # the second call is served from the cache
        warm.append(spent["t"])
    declarations.identify = original
    return statistics.median(totals), statistics.median(cold), statistics.median(warm)


def per_file(runs: int) -> tuple[float, float]:
    """identify() on one license text, after warm-up: (median, 90th percentile)."""
    from openness_lint.analysis.licensing.identification import identify as cached

    identify = cached.__wrapped__  # the work itself, not the per-process cache of answers
    texts = list(dict(LICENSES).values())
    for text in texts:  # warm-up: tables, compiled patterns, normalised references
        identify(text)
    samples = []
    for _ in range(runs):
        for text in texts:
            start = time.perf_counter()
            identify(text)
            samples.append(time.perf_counter() - start)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.9)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    exe = Path(sys.executable)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "repo"
        build(root)
        floor = timed([str(exe), "-c", "pass"], args.runs)
        imports = timed([str(exe), "-c", "import click, ruamel.yaml, license_expression"], args.runs)
        whole = timed([str(exe), "-m", "openness_lint", "check", str(root), "--exit-zero"], args.runs)
        total, cold, warm = in_process(root, args.runs)
        one, one_p90 = per_file(args.runs)
    rows = [
        ("python -c pass", floor),
        ("python + import click, ruamel.yaml, license-expression", imports),
        ("openness-lint check (subprocess, whole run)", whole),
        ("engine.run in-process", total),
        ("  of which license identification (cold)", cold),
        ("  license identification again (cached)", warm),
        ("identify() on one standard license text, median", one),
        ("identify() on one standard license text, 90th percentile", one_p90),
    ]
    print("| measurement | median ms |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {1000 * value:.2f} |")
    print(f"\nidentification share of the in-process run: {100 * cold / total:.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
