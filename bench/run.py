"""Benchmark openness-lint against `reuse lint` on synthetic repositories.

Run on demand, never as a test, with the Python that has openness-lint:

    .venv/bin/python bench/run.py [--runs N] [--out DIR] [--only typical,large,weights,monorepo]
                                  [--cache DIR] [--timeout SECONDS]

What it does:
  - makes a venv under the cache folder (default bench/.cache/, which is
    git-ignored by a .gitignore it writes there) and installs `reuse` from
    PyPI into it, once; later runs reuse it;
  - builds the synthetic repositories (see synthetic.py) under the cache and
    reuses them while their recipe is unchanged: typical (300 files), large
    (100,000 files, SPDX headers in a quarter), weights (200 files, LFS
    pointers, five 20 GiB sparse safetensors) with weights-none, the same
    tree without them, and monorepo (50 model folders);
  - measures, per repository and as the median of N runs (default 5), the
    wall time and peak RSS of `python -m openness_lint check . --exit-zero
    --format json`, of the `openness-lint` console script, of `reuse lint`
    (with a timeout), of `git ls-files` and of `git grep -l
    SPDX-License-Identifier`; and once, the floor: `python -c pass` and
    `python -c "import click, ruamel.yaml, license_expression, markdown_it"`
    (the dependencies every check imports: markdown-it-py reads the cards);
  - traces openness-lint on the weights repository with strace and reports
    whether any *.safetensors path was opened;
  - prints a markdown table with the ratios and the issue's targets, and
    writes it to OUT/bench-results.md and OUT/bench-results.json (default
    OUT: bench/results/), with the machine's details.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Sequence

import measure
import reporting
import synthetic
from measure import Series

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
REPOSITORIES = ("typical", "large", "weights", "monorepo")
# the floor: starting Python and importing the dependencies a check imports
IMPORTS = "import click, ruamel.yaml, license_expression, markdown_it"
# start-up with our own code and rules loaded, and no repository looked at
LOADED = "import openness_lint.cli.check; from openness_lint import registry; registry.load()"
# Excluded so that the floor's git grep never loads a 20 GiB weight into
# memory (git grep reads each work-tree file whole); no effect elsewhere.
GREP = ["git", "grep", "-l", "-F", "SPDX-License-Identifier", "--", ".", ":(exclude)*.safetensors"]


class BenchError(Exception):
    """The benchmark cannot run: a tool is missing or an install failed."""


def ensure_reuse(cache: Path) -> Path:
    venv = cache / "reuse-venv"
    reuse = venv / "bin" / "reuse"
    if reuse.exists() and subprocess.run([reuse, "--version"], capture_output=True).returncode == 0:
        print(f"reuse venv: {venv} (reused)")
        return reuse
    print(f"reuse venv: {venv} (creating it and installing reuse from PyPI)")
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
    done = subprocess.run([venv / "bin" / "python", "-m", "pip", "install", "-q", "reuse"],
                          capture_output=True, text=True)
    if done.returncode != 0 or not reuse.exists():
        raise BenchError(f"pip install reuse failed:\n{done.stdout}{done.stderr}")
    return reuse


def first_line(argv: list[str | Path], cwd: Path | None = None) -> str:
    done = subprocess.run(argv, capture_output=True, text=True, cwd=cwd)
    return done.stdout.strip().splitlines()[0] if done.stdout.strip() else ""


def source_digest() -> str:
    """A hash of openness-lint's installed sources: with an editable install,
    a change during the run would mix two versions in one table."""
    import openness_lint
    package = Path(openness_lint.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".yaml", ".json") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def machine_info(reuse: Path) -> dict:
    cpu = ""
    if Path("/proc/cpuinfo").exists():
        cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                    if line.startswith("model name")), "")
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e9
    dirty = first_line(["git", "status", "--porcelain", "--untracked-files=no"], PROJECT)
    return {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        "cpu": cpu,
        "memory_gb": round(memory, 1),
        "python": sys.version.split()[0],
        "python_executable": sys.executable,
        "git": first_line(["git", "--version"]).removeprefix("git version "),
        "reuse": first_line([reuse, "--version"]).removeprefix("reuse, version "),
        "openness_lint": importlib.metadata.version("openness-lint"),
        "openness_lint_commit": first_line(["git", "rev-parse", "--short", "HEAD"], PROJECT)
                                + (" with uncommitted changes" if dirty else ""),
        "openness_lint_sources": source_digest(),
        "rss_method": measure.RSS_METHOD,
        "load_average_start": [round(x, 2) for x in os.getloadavg()],
    }


def repository_series(reuse: Path, name: str, root: Path) -> list[Series]:
    check = ["check", ".", "--exit-zero", "--format", "json"]
    series = [Series("openness-lint", [sys.executable, "-m", "openness_lint", *check], frozenset({0}), root, name)]
    script = Path(sys.executable).parent / "openness-lint"
    if script.exists():
        series.append(Series("openness-lint (console script)", [str(script), *check], frozenset({0}), root, name))
    series += [
        Series("python -c pass", [sys.executable, "-c", "pass"], frozenset({0}), root, name),
        Series("python + imports", [sys.executable, "-c", IMPORTS], frozenset({0}), root, name),
        Series("openness-lint --version", [sys.executable, "-m", "openness_lint", "--version"], frozenset({0}),
               root, name),
        Series("openness-lint loaded", [sys.executable, "-c", LOADED], frozenset({0}), root, name),
        Series("reuse lint", [str(reuse), "lint"], frozenset({0, 1}), root, name),  # 1: not REUSE compliant
        Series("git ls-files", ["git", "ls-files"], frozenset({0}), root, name),
        Series("git grep", GREP, frozenset({0, 1}), root, name),  # 1: no match
    ]
    return series


def lint_summary(output: Path) -> dict:
    """Counts from openness-lint's own JSON report, to show the runs did real work."""
    try:
        report = json.loads(output.read_text())
    except (OSError, ValueError) as exc:
        return {"unreadable": str(exc)}
    summary = dict(report.get("summary", {}))
    summary["internal_errors"] = len(report.get("internal_errors", []))
    if "releases" in report:
        summary["releases"] = len(report["releases"])
    return summary


def bench_repositories(repositories: dict[str, tuple[Path, bool]], reuse: Path, args: argparse.Namespace,
                       scratch: Path) -> dict:
    """Measure the repositories together, their runs interleaved."""
    series: dict[str, list[Series]] = {}
    files: dict[str, int] = {}
    for name, (root, built) in repositories.items():
        listed = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True, check=True).stdout
        files[name] = listed.count(b"\0")
        print(f"[{name}] {files[name]} files at {root} ({'built now' if built else 'reused'}); "
              f"measuring {args.runs} runs")
        series[name] = repository_series(reuse, name, root)
    measure.measure([item for group in series.values() for item in group], args.runs, args.timeout, scratch,
                    warm=("openness-lint", "openness-lint (console script)", "python + imports", "openness-lint loaded",
                          "git grep"))
    results = {}
    for name, (root, built) in repositories.items():
        for item in series[name]:
            shown = f"{item.seconds:.3f} s" if item.seconds is not None else item.status
            print(f"[{name}]   {item.name}: {shown}" + (f" ({item.error})" if item.error else ""))
        results[name] = {"path": str(root), "files": files[name], "built_now": built,
                         "commands": {item.name: item.to_json() for item in series[name]},
                         "openness_lint_report": lint_summary(scratch / f"{series[name][0].stem}.out")}
    return results


def weights_trace(root: Path, args: argparse.Namespace, scratch: Path) -> dict:
    """Trace one openness-lint run on the weights repository."""
    if shutil.which("strace") is None:
        print("[weights] strace is not installed: skipping the no-weight-opened check "
              "(apt-get install -y strace to run it)")
        return {"status": "skipped: strace not installed"}
    argv = [sys.executable, "-m", "openness_lint", "check", ".", "--exit-zero", "--format", "json"]
    paths = measure.opened_paths(argv, root, scratch / "weights.strace", args.timeout)
    if isinstance(paths, str):
        print(f"[weights] strace check not run: {paths}")
        return {"status": f"not run: {paths}"}
    weights = sorted({p for p in paths if p.endswith(".safetensors")})
    pointers = sorted({p for p in paths if p.endswith(".bin")})
    print(f"[weights] strace: {len(paths)} successful opens; *.safetensors opened: {weights or 'none'}")
    return {"status": "ran", "files_opened": len(paths), "safetensors_opened": weights,
            "lfs_pointers_opened": pointers}


def bench_weights(cache: Path, reuse: Path, args: argparse.Namespace, scratch: Path) -> tuple[dict, dict]:
    """The weights repository (sparse weights in place) and the same tree
    without them, measured together so that both see the same load."""
    root, built = synthetic.ensure(cache, "weights")
    free = shutil.disk_usage(root).free
    check: dict = {"free_disk_gb": round(free / 1e9, 1),
                   "weight_files": len(synthetic.WEIGHT_FILES), "weight_file_gib": synthetic.WEIGHT_SIZE / 1024**3}
    print(f"[weights] free disk space under {root}: {free / 1e9:.1f} GB; the {len(synthetic.WEIGHT_FILES)} "
          f"weight files are sparse ({synthetic.WEIGHT_SIZE / 1024**3:.0f} GiB each, no byte written)")
    if free < 1e9:
        raise BenchError("less than 1 GB free: not creating the weights repository")
    bare = synthetic.ensure(cache, "weights-none")
    try:
        allocated = synthetic.add_weights(root)
        check["allocated_bytes"] = allocated
        print(f"[weights] the weight files occupy {allocated} bytes on disk")
        if allocated > 64 * 1024**2:
            raise BenchError("this filesystem does not keep the weight files sparse; stopping")
        results = bench_repositories({"weights": (root, built), "weights-none": bare}, reuse, args, scratch)
        check["strace"] = weights_trace(root, args, scratch)
    finally:
        synthetic.remove_weights(root)
    return results, check


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per command; the median is reported")
    parser.add_argument("--out", type=Path, default=HERE / "results", help="where the results go")
    parser.add_argument("--only", default=",".join(REPOSITORIES),
                        help=f"comma-separated subset of {','.join(REPOSITORIES)}")
    parser.add_argument("--cache", type=Path, default=HERE / ".cache", help="reuse venv and repositories")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before a run counts as a timeout")
    args = parser.parse_args(argv)
    args.only = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = sorted(set(args.only) - set(REPOSITORIES))
    if unknown or args.runs < 1:
        parser.error(f"unknown repositories: {', '.join(unknown)}" if unknown else "--runs must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # progress shows up even when piped to a file
    cache = args.cache.resolve()
    cache.mkdir(parents=True, exist_ok=True)
    (cache / ".gitignore").write_text("*\n")  # nothing in the cache belongs in git
    free = shutil.disk_usage(cache).free
    print(f"cache: {cache} ({free / 1e9:.1f} GB free on its disk)")
    if free < 2e9:
        print("bench: less than 2 GB free for the synthetic repositories", file=sys.stderr)
        return 2
    if shutil.which("git") is None:
        print("git is not installed", file=sys.stderr)
        return 2
    try:
        reuse = ensure_reuse(cache)
        results: dict = {"schema_version": 1, "machine": machine_info(reuse),
                         "settings": {"runs": args.runs, "timeout_seconds": args.timeout, "only": args.only},
                         "repositories": {}}
        load = results["machine"]["load_average_start"]
        if load[0] > 0.5 * (os.cpu_count() or 1):
            print(f"warning: the machine is busy (load average {load[0]:.2f}); expect noisy numbers")
        with tempfile.TemporaryDirectory() as tmp:
            scratch = Path(tmp)
            for name in args.only:
                if name == "weights":
                    measured, results["weights_check"] = bench_weights(cache, reuse, args, scratch)
                    results["repositories"].update(measured)
                    continue
                built = {name: synthetic.ensure(cache, name)}
                results["repositories"].update(bench_repositories(built, reuse, args, scratch))
    except BenchError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2
    results["machine"]["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    results["machine"]["openness_lint_sources_end"] = source_digest()
    if results["machine"]["openness_lint_sources_end"] != results["machine"]["openness_lint_sources"]:
        print("warning: openness-lint's sources changed during the run; its numbers mix two versions")
    results["ratios"] = reporting.ratios(results)
    results["targets"] = reporting.targets(results)
    table = reporting.markdown(results)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench-results.md").write_text(table)
    (args.out / "bench-results.json").write_text(json.dumps(results, indent=2) + "\n")
    print()
    print(table)
    print(f"written: {args.out / 'bench-results.md'} and {args.out / 'bench-results.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
