"""Measure mlpath's speed the way users meet it: whole processes, wall time and peak memory.

    python benchmarks/bench.py [--runs 21] [--batch-size 20000]

Startup: each command is run paired and interleaved with a bare two-command Typer app
(bare_app.py) in the same environment; the ratio is median(command) / median(baseline).
Batch: `mlpath quiz --batch` over generated answer sets, end to end, in answer sets per second.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
MLPATH = [sys.executable, "-m", "mlpath"]
BASELINE = [sys.executable, str(HERE / "bare_app.py"), "salary", "--json"]
COMMANDS = {
    "salary --json": ["salary", "--json"],
    "salary (table)": ["salary", "--format", "table"],
    "ladder (piped)": ["ladder"],
    "--help": ["--help"],
}


def run(argv: list[str], stdin: int | None = None) -> tuple[float, int]:
    """Wall seconds and peak resident memory (KiB) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(argv)}")
    return elapsed, usage.ru_maxrss


def startup(runs: int) -> None:
    print(f"startup: median of {runs} paired, interleaved runs; ratio = command / bare Typer app")
    print(f"  {'command':<16} {'median ms':>9} {'baseline ms':>11} {'ratio':>6} {'peak MiB':>8}")
    for name, args in COMMANDS.items():
        ours, base, memory = [], [], []
        run([*MLPATH, *args])  # warm the file cache
        run(BASELINE)
        for _ in range(runs):
            seconds, rss = run([*MLPATH, *args])
            ours.append(seconds)
            memory.append(rss)
            base.append(run(BASELINE)[0])
        mine, theirs = statistics.median(ours), statistics.median(base)
        print(
            f"  {name:<16} {mine * 1000:>9.1f} {theirs * 1000:>11.1f} {mine / theirs:>6.2f} {max(memory) / 1024:>8.1f}"
        )


def answer_sets(count: int) -> list[str]:
    sys.path.insert(0, str(HERE.parent / "src"))
    from mlpath.answers import CONTRACT

    rng = random.Random(42)
    lines = []
    for _ in range(count):
        answers = {}
        for key, (kind, values) in CONTRACT.items():
            if kind == "multiselect":
                answers[key] = rng.sample(list(values), rng.randint(0, 3))
            else:
                answers[key] = rng.choice(values)
        lines.append(json.dumps(answers))
    return lines


def batch(size: int) -> None:
    lines = answer_sets(size)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as handle:
        handle.write("\n".join(lines) + "\n")
        name = handle.name
    try:
        rates, memory = [], []
        for _ in range(3):
            with Path(name).open() as stdin:
                seconds, rss = run([*MLPATH, "quiz", "--batch"], stdin=stdin.fileno())
            rates.append(size / seconds)
            memory.append(rss)
        print(f"batch: {size} answer sets, best of 3 end-to-end runs")
        print(
            f"  {max(rates):,.0f} answer sets per second (runs: {', '.join(f'{r:,.0f}' for r in rates)}), "
            f"peak {max(memory) / 1024:.1f} MiB"
        )
    finally:
        Path(name).unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--batch-size", type=int, default=20000)
    parser.add_argument("--only", choices=["startup", "batch"])
    options = parser.parse_args()
    import mlpath

    editable = (Path(mlpath.__file__).resolve().parent.parent.parent / "pyproject.toml").is_file()
    kind = (
        "editable install (slower imports; measure a normal 'pip install .' for the contract)"
        if editable
        else ("normal install")
    )
    print(f"python {sys.version.split()[0]} on {os.cpu_count()} cores; mlpath from a {kind}")
    if options.only in (None, "startup"):
        startup(options.runs)
    if options.only in (None, "batch"):
        batch(options.batch_size)


if __name__ == "__main__":
    main()
