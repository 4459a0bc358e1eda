"""Measure mlpath's speed the way users meet it: whole processes, wall time and peak memory.

    python benchmarks/bench.py [--runs 21] [--batch-size 20000] [--only startup|batch|million]
    python benchmarks/bench.py --only batch --src OTHER/src   # the same figures for another tree

Startup: each command is run paired and interleaved with a bare Typer app doing the same kind of
output (bare_app.py: JSON, a rich table, plain lines, --help) in the same environment; the ratio is
median(command) / median(baseline). First question: `mlpath quiz` in a pseudo-terminal, from the
start of the process until its first question is on the screen, against a bare Typer +
questionary app asking one question (needs pexpect, a test extra).
Batch: `mlpath quiz --batch` and `mlpath cohort -` over generated answer sets (several interests
and industries each), end to end: from the start of the process until this script, reading
through a pipe, has consumed the last line; in answer sets per second.
Million: peak memory of `cohort` and `quiz --batch` over a million lines (not run by default).
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
BARE = [sys.executable, str(HERE / "bare_app.py")]
COMMANDS = {  # name: (mlpath's arguments, the bare app's for the same kind of output)
    "salary --json": (["salary", "--json"], ["salary", "--json"]),
    "salary (table)": (["salary", "--format", "table"], ["table"]),
    "ladder (piped)": (["ladder"], ["text"]),
    "--help": (["--help"], ["--help"]),
}


ENV = dict(os.environ)


CPU_SECONDS: list[float] = []  # of each process run: user + system time, which other loads on the machine sway less


GNU_TIME = Path("/usr/bin/time")


def run(argv: list[str], stdin: int | None = None, read: bool = False) -> tuple[float, int]:
    """Wall seconds and peak resident memory (KiB) of one process; with `read`, its stdout comes
    through a pipe that this process reads to the end (the time includes that).

    A child's peak memory counts what it inherited from this (larger) process before it ran
    mlpath, so with `read` the peak comes from GNU time, which starts mlpath from a small process.
    """
    report = None
    if read and GNU_TIME.exists():
        report = tempfile.NamedTemporaryFile(suffix=".rss", delete=False)  # noqa: SIM115 (closed below)
        report.close()
        argv = [str(GNU_TIME), "-f", "%M", "-o", report.name, *argv]
    start = time.perf_counter()
    out = subprocess.PIPE if read else subprocess.DEVNULL
    process = subprocess.Popen(argv, stdin=stdin, stdout=out, stderr=subprocess.DEVNULL, env=ENV)
    if process.stdout is not None:
        while process.stdout.read(1 << 16):
            pass
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    CPU_SECONDS.append(usage.ru_utime + usage.ru_stime)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(argv)}")
    peak = usage.ru_maxrss
    if report is not None:
        peak = int(Path(report.name).read_text().split()[-1])
        Path(report.name).unlink()
    return elapsed, peak


def startup(runs: int) -> None:
    print(f"startup: median of {runs} paired, interleaved runs; ratio = command / bare Typer app doing the same")
    print(f"  {'command':<16} {'median ms':>9} {'baseline ms':>11} {'ratio':>6} {'peak MiB':>8}")
    for name, (args, bare) in COMMANDS.items():
        ours, base, memory = [], [], []
        run([*MLPATH, *args])  # warm the file cache
        run([*BARE, *bare])
        for _ in range(runs):
            seconds, rss = run([*MLPATH, *args])
            ours.append(seconds)
            memory.append(rss)
            base.append(run([*BARE, *bare])[0])
        _row(name, ours, base, f"{max(memory) / 1024:>8.1f}")
    first_question(runs)


def _row(name: str, ours: list[float], base: list[float], tail: str = "") -> None:
    mine, theirs = statistics.median(ours), statistics.median(base)
    print(f"  {name:<16} {mine * 1000:>9.1f} {theirs * 1000:>11.1f} {mine / theirs:>6.2f} {tail}")


def _until_asked(argv: list[str], shown: str, home: str) -> float:
    """Seconds from the start of `argv` in an 80x24 pseudo-terminal until `shown` is on it."""
    import pexpect

    start = time.perf_counter()
    child = pexpect.spawn(argv[0], argv[1:], env={**ENV, "HOME": home}, dimensions=(24, 80), timeout=30)
    try:
        child.expect_exact(shown)
        return time.perf_counter() - start
    finally:
        child.close(force=True)


def first_question(runs: int) -> None:
    try:
        import pexpect  # noqa: F401
    except ImportError:
        print("  first question   skipped: needs pexpect (pip install '.[test]')")
        return
    with tempfile.TemporaryDirectory() as home:  # no plan, no unfinished quiz
        mine = [*MLPATH, "quiz"], "What is the highest education"
        bare = [*BARE, "ask"], "Pick one"
        _until_asked(*mine, home)
        _until_asked(*bare, home)
        ours, base = [], []
        for _ in range(runs):
            ours.append(_until_asked(*mine, home))
            base.append(_until_asked(*bare, home))
    _row("first question", ours, base)


def answer_sets(count: int) -> list[str]:
    sys.path.insert(0, str(HERE.parent / "src"))
    from mlpath.content.answers import CONTRACT

    rng = random.Random(42)
    lines = []
    for _ in range(count):
        answers = {}
        for key, (kind, values) in CONTRACT.items():
            if kind == "multiselect":  # several of them, as a survey's people tick them
                answers[key] = rng.sample(list(values), rng.randint(2, 4))
            else:
                answers[key] = rng.choice(values)
        lines.append(json.dumps(answers))
    return lines


def _input(lines: list[str]) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as handle:
        handle.write("\n".join(lines) + "\n")
        return handle.name


def batch(size: int) -> None:
    name = _input(answer_sets(size))
    print(f"batch: {size:,} answer sets, end to end through a pipe, best of 3 runs; load {os.getloadavg()[0]:.1f}")
    try:
        for label, args in (("quiz --batch", ["quiz", "--batch"]), ("cohort -", ["cohort", "-", "--json"])):
            rates, memory, cpu = [], [], []
            try:
                for _ in range(3):
                    with Path(name).open() as stdin:
                        seconds, rss = run([*MLPATH, *args], stdin=stdin.fileno(), read=True)
                    rates.append(size / seconds)
                    memory.append(rss)
                    cpu.append(size / CPU_SECONDS[-1])
            except SystemExit:  # an older mlpath without the command
                print(f"  {label:<13} failed")
                continue
            print(
                f"  {label:<13} {max(rates):>8,.0f} answer sets per second "
                f"(runs: {', '.join(f'{r:,.0f}' for r in rates)}; by its CPU time {max(cpu):,.0f}), "
                f"peak {max(memory) / 1024:.1f} MiB"
            )
    finally:
        Path(name).unlink()


def million(size: int = 1_000_000) -> None:
    """Peak memory over a million lines: counted while streaming, it should stay flat."""
    distinct = answer_sets(20_000)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as handle:
        for index in range(size):  # written line by line: this process stays small
            handle.write(distinct[index % len(distinct)] + "\n")
        name = handle.name
    print(f"million: {size:,} lines")
    try:
        for label, args in (("cohort -", ["cohort", "-", "--json"]), ("quiz --batch", ["quiz", "--batch"])):
            with Path(name).open() as stdin:
                seconds, rss = run([*MLPATH, *args], stdin=stdin.fileno(), read=True)
            print(
                f"  {label:<13} {seconds:>6.1f} s, {size / seconds:>8,.0f} lines per second, peak {rss / 1024:.1f} MiB"
            )
    finally:
        Path(name).unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--batch-size", type=int, default=20000)
    parser.add_argument("--only", choices=["startup", "batch", "million"])
    parser.add_argument("--src", help="measure the mlpath package in this source directory instead")
    options = parser.parse_args()
    if options.src:
        ENV["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(options.src).resolve()), ENV.get("PYTHONPATH")]))
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
    if options.only == "million":
        million()


if __name__ == "__main__":
    main()
