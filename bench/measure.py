"""Timing one command: wall time and peak RSS per run, medians over runs.

Peak RSS is that of the largest single process in the command's tree (the
command or a descendant it waited for, such as git under openness-lint),
the number ``/usr/bin/time -v`` prints. When /usr/bin/time exists each run
goes through it (``-f %M``): a child forked from this Python process would
otherwise carry this process's own ~20 MB into its high-water mark, which
Linux keeps across exec. Without it, os.wait4's rusage is used, an upper
bound. Wall time is measured here either way. A run past its timeout has
its whole process group killed and is reported as a timeout; later runs of
that command are skipped rather than waited for again.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import statistics
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

TIME = shutil.which("time", path="/usr/bin:/bin")
RSS_METHOD = "/usr/bin/time -f %M" if TIME else "os.wait4 rusage (upper bound: includes the fork of the benchmark)"


@dataclass(frozen=True)
class Sample:
    seconds: float
    peak_rss_mb: float  # MB = 10**6 bytes
    returncode: int
    timed_out: bool = False


@dataclass
class Series:
    name: str
    argv: list[str]
    ok_codes: frozenset[int]
    cwd: Path
    tag: str = ""  # the repository, to tell the scratch files apart
    samples: list[Sample] = field(default_factory=list)
    error: str = ""  # the tail of stderr when a run failed

    @property
    def stem(self) -> str:
        return slug(f"{self.tag} {self.name}")

    @property
    def status(self) -> str:
        if any(s.timed_out for s in self.samples):
            return "timeout"
        bad = [s.returncode for s in self.samples if s.returncode not in self.ok_codes]
        return f"failed (exit {bad[0]})" if bad else "ok"

    @property
    def seconds(self) -> float | None:
        return statistics.median(s.seconds for s in self.samples) if self.status == "ok" else None

    @property
    def peak_rss_mb(self) -> float | None:
        return statistics.median(s.peak_rss_mb for s in self.samples) if self.status == "ok" else None

    def to_json(self) -> dict:
        return {
            "argv": self.argv, "status": self.status, "median_seconds": self.seconds,
            "median_peak_rss_mb": self.peak_rss_mb, "error": self.error or None,
            "samples": [{"seconds": round(s.seconds, 4), "peak_rss_mb": round(s.peak_rss_mb, 1),
                         "returncode": s.returncode, "timed_out": s.timed_out} for s in self.samples],
        }


def run_once(argv: list[str], cwd: Path, timeout: float, stdout: Path | None = None,
             stderr: Path | None = None) -> Sample:
    out = open(stdout, "wb") if stdout else subprocess.DEVNULL
    err = open(stderr, "wb") if stderr else subprocess.DEVNULL
    expired = threading.Event()
    rss_file = None
    if TIME:
        descriptor, rss_file = tempfile.mkstemp(prefix="bench-rss-")
        os.close(descriptor)
        argv = [TIME, "-f", "%M", "-o", rss_file, *argv]
    try:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                start_new_session=True)

        def kill_group() -> None:
            expired.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill_group)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    finally:
        for handle in (out, err):
            if handle is not subprocess.DEVNULL:
                handle.close()
    kib = usage.ru_maxrss  # KiB on Linux
    if rss_file:
        reported = Path(rss_file).read_text().split()
        os.unlink(rss_file)
        # time adds "Command exited with non-zero status N" before the number
        kib = int(reported[-1]) if reported and reported[-1].isdigit() else kib
    return Sample(seconds, kib * 1024 / 1e6, proc.returncode, expired.is_set())


def measure(series: list[Series], runs: int, timeout: float, scratch: Path, warm: tuple[str, ...] = ()) -> None:
    """Run every series ``runs`` times, interleaved so that drift in the
    machine's load hits all alike. Series named in ``warm`` get one untimed
    run first (bytecode, page cache). Each run's output goes to scratch."""
    for item in series:
        if item.name in warm:
            run_once(item.argv, item.cwd, timeout, stdout=scratch / "warm.out")
    for _ in range(runs):
        for item in series:
            if item.status == "timeout":
                continue
            stdout, stderr = scratch / f"{item.stem}.out", scratch / f"{item.stem}.err"
            sample = run_once(item.argv, item.cwd, timeout, stdout=stdout, stderr=stderr)
            item.samples.append(sample)
            if sample.returncode not in item.ok_codes and not item.error:
                tail = stderr.read_text(errors="replace").strip().splitlines()[-3:]
                item.error = " / ".join(tail)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


OPEN_CALL = re.compile(r'\b(?:open|openat|openat2)\((?:[^,"]+, )?"((?:[^"\\]|\\.)*)".*\)\s+=\s+(-?\d+)')


def opened_paths(argv: list[str], cwd: Path, trace_file: Path, timeout: float) -> list[str] | str:
    """Every path the command and its children opened successfully, traced
    with strace; a string saying why when strace could not trace."""
    traced = ["strace", "-f", "-qq", "-e", "trace=open,openat,openat2", "-o", str(trace_file), *argv]
    sample = run_once(traced, cwd, timeout, stderr=trace_file.with_suffix(".err"))
    if sample.timed_out:
        return "strace run timed out"
    if not trace_file.exists() or trace_file.stat().st_size == 0:
        return "strace produced no trace: " + trace_file.with_suffix(".err").read_text(errors="replace").strip()
    paths = []
    for line in trace_file.read_text(errors="replace").splitlines():
        match = OPEN_CALL.search(line)
        if match and int(match.group(2)) >= 0:
            paths.append(match.group(1))
    return paths
