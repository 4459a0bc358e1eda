"""Closed, full and odd streams: at most one line on stderr, the right exit code, never a traceback."""

from __future__ import annotations

import errno
import io
import os
import shlex
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

import forked
from conftest import Run
from mlpath import streams
from mlpath.cli.app import COMMAND_MODULES

HELP = [
    *([name, "--help"] for name in COMMAND_MODULES),
    ["progress", "set", "--help"],
    ["progress", "reset", "--help"],
    ["data", "check", "--help"],
    ["data", "path", "--help"],
    ["--help"],
    ["-h"],
    ["--version"],
]


def marked(error: BaseException, stream: str) -> BaseException:
    setattr(error, streams.MARK, stream)
    return error


# The policy, in-process --------------------------------------------------------------------


def test_what_a_stream_error_means() -> None:
    full = streams.failure(marked(OSError(errno.ENOSPC, "No space left on device"), "stdout"))
    assert full == streams.Failure("stdout", False, "No space left on device")
    assert streams.failure(BrokenPipeError(errno.EPIPE, "Broken pipe")) == streams.Failure(
        "stdout", True, "Broken pipe"
    )
    assert streams.failure(OSError(errno.ENOSPC, "No space left on device")) is None  # not a stream's: a bug
    assert streams.failure(ValueError("x")) is None
    decoding = marked(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"), "stdin")
    assert streams.failure(decoding) == streams.Failure(
        "stdin", False, "stdin is not UTF-8 text (invalid start byte at byte 0)"
    )


class Broken(io.StringIO):
    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    def flush(self) -> None:
        raise OSError(errno.EIO, "Input/output error")


def test_messages_that_cannot_be_written_are_dropped() -> None:
    messages = streams._Messages(Broken())
    assert messages.write("hello\n") == 6
    messages.flush()


def test_results_that_cannot_be_written_are_marked_as_stdouts() -> None:
    results = streams._Results(Broken())
    with pytest.raises(OSError) as raised:
        results.write("x")
    assert getattr(raised.value, streams.MARK) == "stdout"
    assert results.isatty() is False  # the rest is the stream's own


def test_a_closed_stream_says_so() -> None:
    closed = streams._Input(streams._Closed("stdin"))
    for read in (closed.read, closed.readline, lambda: next(iter(closed)), closed.buffer.read):
        with pytest.raises(OSError, match="stdin is closed") as raised:
            read()
        assert getattr(raised.value, streams.MARK) == "stdin"


def test_stdin_lines_are_read_through_the_wrapper() -> None:
    lines = streams._Input(io.StringIO("a\nb\n"))
    assert list(lines) == ["a\n", "b\n"]


@pytest.mark.parametrize(
    ("error", "code", "message"),
    [
        (marked(OSError(errno.ENOSPC, "No space left on device"), "stdout"), 1, "No space left on device"),
        (marked(OSError(errno.EBADF, "stdout is closed"), "stdout"), 1, "stdout is closed"),
        (BrokenPipeError(errno.EPIPE, "Broken pipe"), 0, ""),
        (marked(OSError(errno.EBADF, "stdin is closed"), "stdin"), 2, "cannot read stdin: stdin is closed"),
    ],
)
def test_the_error_path_turns_stream_errors_into_one_line_and_a_code(
    run: Run, monkeypatch: pytest.MonkeyPatch, error: OSError, code: int, message: str
) -> None:
    monkeypatch.setattr(streams, "_drain_stdout", lambda: None)  # fd 1 is pytest's

    def failing(*args: object) -> None:
        raise error

    monkeypatch.setattr("mlpath.render.write", failing)
    result = run("salary")
    assert result.exit_code == code
    assert len(result.stderr.splitlines()) == (1 if message else 0)
    assert message in result.stderr and "internal error" not in result.stderr


def test_a_failed_final_flush_is_the_commands_failure(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(streams, "_drain_stdout", lambda: None)

    def failing() -> None:
        raise marked(OSError(errno.ENOSPC, "No space left on device"), "stdout")

    monkeypatch.setattr(streams, "flush_results", failing)
    result = run("salary", "--json")
    assert result.exit_code == 1
    assert result.stderr == "Error: cannot write the results to stdout: No space left on device\n"


# Whole runs: forked from this process (tests/forked.py), real descriptors ------------------


@pytest.fixture
def buffered(tmp_path: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("MLPATH_", "PYTHONUNBUFFERED"))}
    env["MLPATH_HOME"] = str(tmp_path / "home")
    return env


@pytest.fixture(params=["buffered", "unbuffered"])
def environ(request: pytest.FixtureRequest, buffered: dict[str, str]) -> dict[str, str]:
    """Both ways Python may write: a failed write shows at write() unbuffered, at flush() buffered."""
    return {**buffered, "PYTHONUNBUFFERED": "1"} if request.param == "unbuffered" else buffered


def mlpath(
    args: Sequence[str], env: dict[str, str], redirect: str = "", stdin: forked.Target = None
) -> subprocess.CompletedProcess[str]:
    """`mlpath ARGS REDIRECT` as the shell would run it, forked: no interpreter to start."""
    streams = forked.redirections(redirect)
    if stdin is not None:
        streams["stdin"] = stdin
    done = forked.run(args, env, **streams)
    return subprocess.CompletedProcess(args, done.returncode, done.stdout.decode(), done.stderr.decode("utf-8"))


def assert_at_most_one_line(stderr: str) -> None:
    assert len(stderr.splitlines()) <= 1, stderr
    assert "Traceback" not in stderr and "internal error" not in stderr and "Exception ignored" not in stderr


@pytest.mark.parametrize(
    ("redirect", "reason"), [(">/dev/full", "No space left on device"), (">&-", "stdout is closed")]
)
@pytest.mark.parametrize("args", [["salary"], ["ladder", "--json"], ["roadmap", "--format", "markdown"]])
def test_results_that_cannot_be_written_fail_in_one_line(
    environ: dict[str, str], redirect: str, reason: str, args: list[str]
) -> None:
    result = mlpath(args, environ, redirect)
    assert result.returncode == 1
    assert result.stderr == f"Error: cannot write the results to stdout: {reason}\n"


@pytest.mark.parametrize("args", HELP, ids=" ".join)
@pytest.mark.parametrize("redirect", [">/dev/full", ">&- 2>/dev/full"])
def test_help_and_version_that_cannot_be_written_fail_quietly(
    buffered: dict[str, str], args: list[str], redirect: str
) -> None:
    result = mlpath(args, buffered, redirect)
    assert result.returncode == 1
    assert_at_most_one_line(result.stderr)


def assignments(words: str) -> dict[str, str]:
    """The environment a shell's `NAME=value ...` prefix sets."""
    return {name: value for name, _, value in (word.partition("=") for word in shlex.split(words))}


@pytest.mark.parametrize("redirect", [">/dev/full", ">&-"])
@pytest.mark.parametrize(
    "env",
    [
        "COMP_LINE='mlpath lad' COMP_POINT=10 _MLPATH_COMPLETE=complete_bash",
        "_MLPATH_COMPLETE=complete_zsh _TYPER_COMPLETE_ARGS='mlpath lad'",
        "_MLPATH_COMPLETE=source_bash",
    ],
)
def test_completions_that_cannot_be_written_fail_in_one_line(environ: dict[str, str], env: str, redirect: str) -> None:
    # Completion answers to its program name: the forked run's argv[0] is the console script's, mlpath.
    result = mlpath([], {**environ, **assignments(env)}, redirect)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: cannot write the results to stdout")
    assert_at_most_one_line(result.stderr)


@pytest.mark.parametrize("redirect", ["2>/dev/full", "2>&-"])
@pytest.mark.parametrize(
    "args", [["salary"], ["roadmap", "--defaults", "--json"], ["--version"], ["--help"], ["progress", "reset", "--yes"]]
)
def test_stderr_a_command_does_not_need_changes_nothing(
    environ: dict[str, str], args: list[str], redirect: str
) -> None:
    if args[0] == "progress":
        assert mlpath(["roadmap", "--defaults", "--save"], environ, ">/dev/null 2>/dev/null").returncode == 0
    result = mlpath(args, environ, redirect)
    assert result.returncode == 0
    assert result.stdout or args[0] == "progress"


@pytest.mark.parametrize("redirect", ["2>/dev/full", "2>&-", ">/dev/full 2>/dev/full", ">&- 2>&-"])
@pytest.mark.parametrize(("args", "code"), [(["salry"], 2), (["ladder", "²"], 2), (["salary", "--data-dir", "/no"], 2)])
def test_errors_keep_their_code_when_no_stream_can_take_the_message(
    buffered: dict[str, str], redirect: str, args: list[str], code: int
) -> None:
    result = mlpath(args, buffered, redirect)
    assert result.returncode == code


@pytest.mark.parametrize("args", [["roadmap", "--answers", "-"], ["quiz", "--answers", "-", "--defaults"]])
def test_a_closed_stdin_is_a_usage_error(environ: dict[str, str], args: list[str]) -> None:
    result = mlpath(args, environ, "<&-")
    assert result.returncode == 2
    assert result.stderr == "Error: cannot read stdin: stdin is closed\n"


@pytest.mark.parametrize(
    "data",
    [b"\xff\xfe\x00", "education: none\n".encode("utf-16"), b"goal: \xe9\n", b"\xc3\x28"],
    ids=["bom", "utf-16", "latin-1", "truncated"],
)
def test_undecodable_stdin_fails_as_the_same_file_does(buffered: dict[str, str], tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "answers.yaml"
    path.write_bytes(data)
    from_file = mlpath(["roadmap", "--answers", str(path)], buffered)
    from_stdin = mlpath(["roadmap", "--answers", "-"], buffered, stdin=data)
    for result in (from_file, from_stdin):
        assert result.returncode == 2
        assert "not UTF-8 text" in result.stderr
        assert_at_most_one_line(result.stderr)


READERS = {"head -1": forked.HEAD, "(exec 0<&-; true)": forked.GONE}  # the shell's reader, and its stand-in


STOPPED = [  # commands with a big output, so that the pipe fills
    "salary", "salary --json", "ladder", "ladder --format plain", "companies --format table", "roadmap --format table",
    "roadmap --format markdown", "sources", "sources --json", "-h",
]  # fmt: skip


@pytest.mark.parametrize("args", [command.split() for command in STOPPED])
@pytest.mark.parametrize("reader", list(READERS))
def test_a_reader_that_stops_ends_mlpath_quietly(environ: dict[str, str], args: list[str], reader: str) -> None:
    # A big output, so that the pipe fills: mlpath must see the reader go.
    environ["COLUMNS"] = "1000"
    done = forked.run(args, environ, stdout=READERS[reader])
    assert f"{done.stderr.decode()}{done.returncode}\n" == "0\n"  # `{ mlpath; echo $? >&2; } | reader`


def test_a_closed_pipe_on_a_long_output_exits_0() -> None:
    done = forked.run(["search", "a", "--format", "plain"], os.environ, stdout=forked.GONE)  # gone before mlpath writes
    assert done.returncode == 0
    assert done.stderr == b""


# Real processes: what the forked runs stand for, and what only a new interpreter shows -------

CONSOLE_SCRIPT = Path(sys.executable).with_name("mlpath")


def real(
    args: Sequence[str], env: dict[str, str], redirect: str = "", stdin: bytes | None = None, reader: str = ""
) -> forked.Completed:
    """What `forked.run` does, by starting the console script: `reader` is "head" or "gone" for
    a stdout read up to its first line or closed before mlpath writes."""
    command = f"exec {shlex.quote(str(CONSOLE_SCRIPT))} {shlex.join(args)} {redirect}"
    process = subprocess.Popen(
        ["/bin/sh", "-c", command],
        stdin=None if stdin is None else subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None
    first = None
    if reader:
        first = process.stdout.readline() if reader == "head" else b""
        process.stdout.close()
    stdout, stderr = process.communicate(stdin, timeout=60)
    return forked.Completed(process.returncode, stdout if first is None else first, stderr)


PARITY = {
    "full stdout": (["salary"], ">/dev/full", None, ""),
    "closed stdout": (["ladder", "--json"], ">&-", None, ""),
    "help, no stdout, full stderr": (["--help"], ">&- 2>/dev/full", None, ""),
    "usage error, closed stderr": (["salry"], "2>&-", None, ""),
    "full stderr": (["salary", "--json"], "2>/dev/full", None, ""),
    "closed stdin": (["roadmap", "--answers", "-"], "<&-", None, ""),
    "undecodable stdin": (["roadmap", "--answers", "-"], "", b"goal: \xe9\n", ""),
    "answers on stdin": (["quiz", "--answers", "-", "--defaults", "--json"], "", b"goal: manager\n", ""),
    "head -1": (["roadmap", "--format", "table"], "", None, "head"),
    "reader gone": (["ladder", "--format", "plain"], "", None, "gone"),
    "completion": ([], ">&-", None, "_MLPATH_COMPLETE=complete_bash COMP_LINE='mlpath lad' COMP_POINT=10"),
    "ascii output": (["ladder", "--format", "table"], "", None, "PYTHONIOENCODING=ascii"),
    "latin-1 output, narrow": (["education", "--masters"], "", None, "PYTHONIOENCODING=latin-1 COLUMNS=30"),
    "ascii stdin": (["quiz", "--answers", "-", "--defaults"], "", "goal: é\n".encode(), "PYTHONIOENCODING=ascii"),
    "undecodable argument": (["search", "\udcff"], "", None, ""),  # argv's byte 0xff, as Python decodes it
}
WRITES_FAIL = ("full stdout", "head -1")  # a file that takes nothing, a reader that goes


@pytest.mark.slow
@pytest.mark.parametrize(
    ("scenario", "buffering"),
    [
        (name, buffering)
        for name in PARITY
        for buffering in ("buffered", "unbuffered")[: 2 if name in WRITES_FAIL else 1]
    ],
)
def test_a_forked_run_is_a_real_run(
    buffered: dict[str, str], scenario: str, buffering: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The forked runs above stand for real processes: the same code, stdout and stderr. Both
    ways of writing (a failed write shows at write() unbuffered, at flush() buffered) for a full
    file and a reader that goes; the buffered way, Python's own, elsewhere. The test
    process's own settings do not reach the child: here a content directory that is not there."""
    if not CONSOLE_SCRIPT.exists():
        pytest.skip("no mlpath console script beside this Python")
    monkeypatch.setenv("MLPATH_DATA_DIR", str(tmp_path / "nowhere"))
    args, redirect, stdin, extra = PARITY[scenario]
    environ = {**buffered, "PYTHONUNBUFFERED": "1"} if buffering == "unbuffered" else buffered
    environ["COLUMNS"] = "1000"  # outputs bigger than a pipe holds
    readers = {"head": forked.HEAD, "gone": forked.GONE}
    reader = extra if extra in readers else ""
    env = {**environ, **assignments(extra if not reader else "")}
    streams = forked.redirections(redirect)
    if stdin is not None:
        streams["stdin"] = stdin
    if reader:
        streams["stdout"] = readers[reader]
    fork = forked.run(args, env, **streams)
    process = real(args, env, redirect, stdin, reader)
    assert (fork.returncode, fork.stdout, fork.stderr) == (process.returncode, process.stdout, process.stderr)


@pytest.mark.slow
def test_a_pipe_gets_each_line_as_it_is_complete(buffered: dict[str, str]) -> None:
    import select

    process = subprocess.Popen(
        [sys.executable, "-m", "mlpath", "quiz", "--batch", "--defaults"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=buffered,  # no PYTHONUNBUFFERED: Python would hold the line in its buffer
    )
    assert process.stdin is not None and process.stdout is not None
    try:
        process.stdin.write(b'{"goal": "manager"}\n')
        process.stdin.flush()
        ready, _, _ = select.select([process.stdout], [], [], 30)
        assert ready, "the first line never reached the reader"
        assert process.stdout.readline().startswith(b"{")
    finally:
        process.kill()
        process.wait()
