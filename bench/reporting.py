"""Ratios, targets and the markdown table, computed from the results dict
alone (the same dict as bench-results.json), so a saved run can be re-read."""

from __future__ import annotations

# The targets of issue 8, part 2.
TYPICAL_MAX_OVER_IMPORTS = 1.5
LARGE_MIN_SPEEDUP_OVER_REUSE = 15.0  # aim: 20
LARGE_MAX_OVER_FLOOR = 1.5
WEIGHTS_MAX_OVER_NONE = 1.10  # "the same time": within 10 %
LARGE_MAX_RSS_MB = 150.0

LINT = "openness-lint"


def median(results: dict, repository: str, command: str) -> float | None:
    entry = results["repositories"].get(repository, {}).get("commands", {}).get(command)
    return entry["median_seconds"] if entry else None


def ratio(top: float | None, bottom: float | None) -> float | None:
    return top / bottom if top is not None and bottom else None


def ratios(results: dict) -> dict:
    table: dict = {}
    for name in results["repositories"]:
        lint, grep = median(results, name, LINT), median(results, name, "git grep")
        imports = median(results, name, "python + imports")  # measured with this repository, same load
        table[name] = {
            "reuse_over_openness_lint": ratio(median(results, name, "reuse lint"), lint),
            "openness_lint_over_start_and_imports": ratio(lint, imports),
            "openness_lint_over_start_imports_and_git_grep":
                ratio(lint, imports + grep if imports is not None and grep is not None else None),
            # not a target: how the whole run compares with loading our code and rules
            "openness_lint_over_loaded": ratio(lint, median(results, name, "openness-lint loaded")),
        }
    if {"weights", "weights-none"} <= set(results["repositories"]):
        table["weights_over_no_weights"] = {
            command: ratio(median(results, "weights", command), median(results, "weights-none", command))
            for command in (LINT, "reuse lint")
        }
    return table


def _target(name: str, value: float | None, met: bool | None, shown: str) -> dict:
    return {"target": name, "measured": shown if value is not None else "not measured",
            "value": value, "met": met if value is not None else None}


def targets(results: dict) -> list[dict]:
    rat, repos = results["ratios"], results["repositories"]
    found = []
    if "typical" in repos:
        value = rat["typical"]["openness_lint_over_start_and_imports"]
        found.append(_target(f"typical: openness-lint within {TYPICAL_MAX_OVER_IMPORTS}x of start-up + imports",
                             value, value is not None and value <= TYPICAL_MAX_OVER_IMPORTS, f"{value or 0:.2f}x"))
    if "large" in repos:
        value = rat["large"]["reuse_over_openness_lint"]
        found.append(_target(f"large: at least {LARGE_MIN_SPEEDUP_OVER_REUSE:.0f}x faster than reuse lint (aim 20x)",
                             value, value is not None and value >= LARGE_MIN_SPEEDUP_OVER_REUSE, f"{value or 0:.1f}x"))
        value = rat["large"]["openness_lint_over_start_imports_and_git_grep"]
        found.append(_target(f"large: within {LARGE_MAX_OVER_FLOOR}x of start-up + imports + one git grep",
                             value, value is not None and value <= LARGE_MAX_OVER_FLOOR, f"{value or 0:.2f}x"))
        rss = repos["large"]["commands"][LINT]["median_peak_rss_mb"]
        found.append(_target(f"large: openness-lint peak RSS under {LARGE_MAX_RSS_MB:.0f} MB", rss,
                             rss is not None and rss < LARGE_MAX_RSS_MB, f"{rss or 0:.0f} MB"))
    if "weights_over_no_weights" in rat:
        value = rat["weights_over_no_weights"][LINT]
        found.append(_target(f"weights: same time as without them (within {WEIGHTS_MAX_OVER_NONE - 1:.0%})",
                             value, value is not None and value <= WEIGHTS_MAX_OVER_NONE, f"{value or 0:.2f}x"))
    trace = results.get("weights_check", {}).get("strace")
    if trace is not None:
        opened = trace.get("safetensors_opened")
        found.append(_target("weights: no *.safetensors file opened (strace)", 0 if opened is not None else None,
                             not opened, f"{len(opened)} opened" if opened is not None else ""))
    return found


def _seconds(entry: dict | None, timeout: float) -> str:
    if entry is None:
        return "-"
    if entry["status"] == "timeout":
        return f"timeout (> {timeout:.0f} s)"
    if entry["median_seconds"] is None:
        return entry["status"]
    return f"{entry['median_seconds']:.3f} s · {entry['median_peak_rss_mb']:.0f} MB"


def _times(value: float | None) -> str:
    return f"{value:.2f}x" if value is not None else "-"


FLOOR = ["python -c pass", "python + imports", "openness-lint --version", "openness-lint loaded", "git ls-files",
         "git grep"]
LINTERS = [LINT, "openness-lint (console script)", "reuse lint"]


def _table(results: dict, title: str, commands: list[str], extra: str) -> list[str]:
    head = ["repository", "files", *(f"`{c}`" if c in FLOOR else c for c in commands)] + ([extra] if extra else [])
    lines = ["", f"## {title}", "", "| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]
    for name, repo in results["repositories"].items():
        cells = [name, str(repo["files"]), *(_seconds(repo["commands"].get(c), results["settings"]["timeout_seconds"]) for c in commands)]
        if extra:
            report = repo.get("openness_lint_report", {})
            releases = f" in {report['releases']} releases" if report.get("releases") else ""
            cells.append(f"{report.get('error', '?')}/{report.get('warning', '?')}{releases}")
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def markdown(results: dict) -> str:
    m, settings = results["machine"], results["settings"]
    lines = [
        "# openness-lint benchmark", "",
        f"{m['date']} · {m['cpu_count']} CPUs ({m['cpu'] or 'unknown'}) · {m['memory_gb']} GB RAM · "
        f"{m['platform']} · Python {m['python']} · git {m['git']} · reuse {m['reuse']} · "
        f"openness-lint {m['openness_lint']} ({m['openness_lint_commit']}, sources {m['openness_lint_sources']})", "",
        f"Median of {settings['runs']} runs: wall time · peak RSS of the largest process "
        f"(MB = 10^6 bytes, by {m['rss_method']}). Each repository's commands, floor included, run "
        f"interleaved. Load average (1, 5, 15 min) at the start {m['load_average_start']}, "
        f"at the end {m.get('load_average_end', '?')}.",
    ]
    if m.get("openness_lint_sources_end", m["openness_lint_sources"]) != m["openness_lint_sources"]:
        lines += ["", "**openness-lint's sources changed during this run: its numbers mix two versions.**"]
    lines += _table(results, "Floor", FLOOR, "")
    lines += _table(results, "Linters", LINTERS, "findings (error/warning)")
    lines += ["", "## Ratios (openness-lint = `python -m openness_lint check`)", "",
              "| repository | reuse / openness-lint | openness-lint / (start + imports) "
              "| openness-lint / (start + imports + git grep) | openness-lint / (start + our code and rules) |",
              "|---|---:|---:|---:|---:|"]
    for name in results["repositories"]:
        row = results["ratios"][name]
        lines.append(f"| {name} | {_times(row['reuse_over_openness_lint'])} | "
                     f"{_times(row['openness_lint_over_start_and_imports'])} | "
                     f"{_times(row['openness_lint_over_start_imports_and_git_grep'])} | "
                     f"{_times(row.get('openness_lint_over_loaded'))} |")
    lines += _weights_lines(results)
    lines += ["", "## Targets", "", "| target | measured | met |", "|---|---:|---|"]
    for target in results["targets"]:
        met = {True: "yes", False: "**no**", None: "not measured"}[target["met"]]
        lines.append(f"| {target['target']} | {target['measured']} | {met} |")
    return "\n".join(lines) + "\n"


def _weights_lines(results: dict) -> list[str]:
    check = results.get("weights_check")
    rat = results["ratios"].get("weights_over_no_weights")
    if check is None or rat is None:
        return []
    lines = ["", "## Weights", "",
             f"Five {check['weight_file_gib']:.0f} GiB sparse `*.safetensors` files "
             f"({check.get('allocated_bytes', 0)} bytes allocated; {check['free_disk_gb']} GB free on the disk). "
             f"With / without them: openness-lint {_times(rat[LINT])}, reuse lint {_times(rat['reuse lint'])}."]
    trace = check.get("strace", {})
    if trace.get("status") == "ran":
        opened = trace["safetensors_opened"]
        lines.append(f"strace of one openness-lint run: {trace['files_opened']} successful opens; "
                     f"*.safetensors opened: {', '.join(opened) if opened else 'none'}; "
                     f"LFS pointers opened (to confirm they are pointers): {len(trace['lfs_pointers_opened'])}.")
    else:
        lines.append(f"strace check: {trace.get('status', 'not run')}.")
    return lines
