"""Run every benchmark script as a subprocess and write docs/BENCHMARKS.md from their tables.

Usage: .venv/bin/python benchmarks/run_all.py [--quick] [--full-broadcast] [--out PATH]

Each script prints its own table with the baseline it measured in the same run (hazm for the NLU,
a bare aiohttp handler for the API, a bare echo bot for the bot, the send limit for broadcasts,
a bare handler for the load test). This script only runs them one after another (never in
parallel: they would compete for the same cores), records each one's wall time and exit
status, and puts the tables, the machine and the date into one Markdown file. A script that
fails is reported with its error output instead of a table; the others still run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TIMEOUT_SECONDS = 1800


@dataclass(frozen=True)
class Bench:
    """One benchmark script and what it measures."""

    script: str
    title: str
    measures: str
    args: tuple[str, ...] = ()
    quick_args: tuple[str, ...] = ()


def benches(quick: bool, full_broadcast: bool) -> list[Bench]:
    """Return the scripts to run, in order (those missing from this checkout are skipped)."""
    listed = [
        Bench(
            "nlp.py",
            "NLU latency and start-up",
            "`nlp.understand` per question and import time vs hazm's normalizer+tokenizer",
        ),
        Bench(
            "nlu_accuracy.py",
            "NLU accuracy on every labelled set",
            "intent accuracy, entity F1 and frame exact-match; which sets were only scored",
        ),
        Bench(
            "api.py",
            "Public API throughput",
            "req/s and latency of `shafaf run` vs a bare aiohttp handler",
            quick_args=("--seconds", "2"),
        ),
        Bench(
            "opendata.py",
            "Public site and open-data exports",
            "cached and uncached pages, figure links and exports vs a bare aiohttp handler; "
            "cold export times",
            quick_args=("--seconds", "2"),
        ),
        Bench(
            "bot.py",
            "Bot updates/s and latency (webhook path)",
            "update→reply latency and updates/s vs a bare PTB echo bot",
            quick_args=("--updates", "300", "--latency", "60"),
        ),
        Bench(
            "profile_bot.py",
            "Where an update's time goes (webhook path, profiled)",
            "CPU per update by area under cProfile, and database statements per update",
            quick_args=("--updates", "200"),
        ),
        Bench(
            "import_speed.py",
            "CSV import speed",
            "validate + atomic upsert of a generated vat_shares.csv",
            args=("--mb", "10"),
            quick_args=("--mb", "2"),
        ),
        Bench(
            "broadcast.py",
            "Broadcast rate and memory",
            "digest sending rate vs the configured limit, and RSS at 100,000 subscribers",
            args=() if full_broadcast else ("--quick",),
            quick_args=("--quick",),
        ),
        Bench(
            "load.py",
            "Load: 200 citizens on the webhook, the API under sustained load",
            "errors (target 0), throughput, p50/p99 and memory under load",
            args=("--seconds", "60"),
            quick_args=("--seconds", "10", "--api-seconds", "4"),
        ),
    ]
    return [b for b in listed if (REPO / "benchmarks" / b.script).exists()]


def machine() -> list[str]:
    """Describe the machine: cores, RAM, Python, OS."""
    ram = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return [
        f"- CPU: {os.cpu_count()} cores ({cpu})",
        f"- RAM: {ram}",
        f"- Python: {sys.version.split()[0]} ({platform.python_implementation()})",
        f"- OS: {platform.platform()}",
    ]


def run_one(bench: Bench, quick: bool) -> tuple[str, float, int]:
    """Run one script; return its output (stdout, or stderr's tail on failure), time, status."""
    args = bench.quick_args if quick else bench.args
    command = [sys.executable, f"benchmarks/{bench.script}", *args]
    started = time.monotonic()
    try:
        done = subprocess.run(
            command,
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_SECONDS,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
    except subprocess.TimeoutExpired:
        return f"timed out after {TIMEOUT_SECONDS} s", time.monotonic() - started, -1
    elapsed = time.monotonic() - started
    if done.returncode != 0:
        return done.stderr[-3000:] or done.stdout[-3000:], elapsed, done.returncode
    return done.stdout.strip(), elapsed, 0


def render(
    results: list[tuple[Bench, str, float, int]], quick: bool, started: dt.datetime, command: str
) -> str:
    """Build the Markdown document."""
    lines = [
        "# Shafaf benchmarks",
        "",
        f"Generated by `{command}` on {started:%Y-%m-%d} ({started:%H:%M} UTC). Every figure",
        "below comes from that one run, each next to the baseline its script measured in the",
        "same run on the same machine. Re-run the command to refresh this file; do not edit it.",
        "" if not quick else "\n**Quick mode**: shortened runs; figures are indicative only.",
        "",
        "## Machine",
        "",
        *machine(),
        "",
        "## Summary",
        "",
        "| benchmark | script | wall time | status |",
        "| --- | --- | ---: | --- |",
    ]
    for bench, _, seconds, status in results:
        state = "ok" if status == 0 else f"FAILED ({status})"
        lines.append(f"| {bench.title} | `benchmarks/{bench.script}` | {seconds:.0f} s | {state} |")
    for bench, output, seconds, status in results:
        args = " ".join(bench.quick_args if quick else bench.args)
        lines += [
            "",
            f"## {bench.title}",
            "",
            f"What: {bench.measures}. Command: `.venv/bin/python benchmarks/{bench.script}"
            f"{' ' + args if args else ''}` ({seconds:.0f} s).",
            "",
        ]
        if status != 0:
            lines += ["The script failed; its error output:", "", "```", output, "```"]
        elif "| ---" in output:
            lines.append(output)  # already Markdown tables
        else:
            lines += ["```", output, "```"]
    return "\n".join(lines).rstrip() + "\n"


def main() -> int:
    """Run the benchmarks and write the document."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="short runs (smoke test)")
    parser.add_argument(
        "--full-broadcast",
        action="store_true",
        help="run broadcast.py at 100,000 subscribers (several minutes)",
    )
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "BENCHMARKS.md")
    args = parser.parse_args()
    started = dt.datetime.now(dt.UTC)
    results = []
    for bench in benches(args.quick, args.full_broadcast):
        print(f"running {bench.script}…", flush=True)
        output, seconds, status = run_one(bench, args.quick)
        print(f"  {'ok' if status == 0 else 'FAILED'} in {seconds:.0f} s", flush=True)
        results.append((bench, output, seconds, status))
    command = "python benchmarks/run_all.py" + " ".join(
        f" {flag}"
        for flag, on in (("--quick", args.quick), ("--full-broadcast", args.full_broadcast))
        if on
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(results, args.quick, started, command), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0 if all(status == 0 for *_, status in results) else 1


if __name__ == "__main__":
    sys.exit(main())
