"""Closed, full and odd streams: at most one line on stderr, the right exit code, never a traceback."""

from __future__ import annotations

import errno
import io
import json
import os
import shlex
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import Run
from mlpath.cli import app
from mlpath.io import streams


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

    monkeypatch.setattr("mlpath.output.formats.write", failing)
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


@pytest.mark.parametrize(
    "data",
    [b"\xff\xfe\x00", "education: none\n".encode("utf-16"), b"goal: \xe9\n", b"\xc3\x28"],
    ids=["bom", "utf-16", "latin-1", "truncated"],
)
def test_undecodable_stdin_fails_as_the_same_file_does(run: Run, tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "answers.yaml"
    path.write_bytes(data)
    from_file = run("roadmap", "--answers", str(path))
    from_stdin = CliRunner().invoke(app, ["roadmap", "--answers", "-"], input=data)
    for result in (from_file, from_stdin):
        assert result.exit_code == 2
        assert "not UTF-8 text" in result.stderr
        assert_at_most_one_line(result.stderr)


def assert_at_most_one_line(stderr: str) -> None:
    assert len(stderr.splitlines()) <= 1, stderr
    assert "Traceback" not in stderr and "internal error" not in stderr and "Exception ignored" not in stderr


# Whole runs: real processes, real descriptors (closed, full, a reader that goes) -----------------
# Each case is `mlpath ARGS REDIRECT` as the shell runs it; Python buffers stdout on a file or a
# pipe, and a failed write shows at flush() then, at write() with PYTHONUNBUFFERED: both are run.

MLPATH = [sys.executable, "-m", "mlpath"]
CONSOLE_SCRIPT = Path(sys.executable).with_name("mlpath")  # completion answers to its program's name
FULL = "Error: cannot write the results to stdout: No space left on device\n"
CLOSED = "Error: cannot write the results to stdout: stdout is closed\n"


def environment(home: Path, unbuffered: bool = False, settings: dict[str, str] | None = None) -> dict[str, str]:
    env = {"PATH": os.environ.get("PATH", os.defpath), "MLPATH_HOME": str(home), "COLUMNS": "100", **(settings or {})}
    return {**env, "PYTHONUNBUFFERED": "1"} if unbuffered else env


def mlpath(
    args: Sequence[str], env: dict[str, str], redirect: str = "", stdin: bytes = b"", program: Sequence[str] = MLPATH
) -> subprocess.CompletedProcess[str]:
    """`mlpath ARGS REDIRECT < stdin` through the shell; stdout and stderr captured unless redirected."""
    done = subprocess.run(
        ["/bin/sh", "-c", f'exec "$@" {redirect}', "sh", *program, *args],
        input=stdin, capture_output=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    return subprocess.CompletedProcess(args, done.returncode, done.stdout.decode(), done.stderr.decode())


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "redirect", "unbuffered", "says"),
    [
        (["salary"], ">/dev/full", False, FULL),
        (["roadmap", "--format", "markdown"], ">/dev/full", True, FULL),
        (["ladder", "--json"], ">&-", True, CLOSED),
        (["--help"], ">/dev/full", False, FULL),
        (["progress", "set", "--help"], ">&-", True, CLOSED),
    ],
)
def test_results_that_cannot_be_written_fail_in_one_line(
    tmp_path: Path, args: list[str], redirect: str, unbuffered: bool, says: str
) -> None:
    result = mlpath(args, environment(tmp_path, unbuffered), redirect)
    assert (result.returncode, result.stderr) == (1, says)


@pytest.mark.slow
def test_version_with_no_stdout_and_a_full_stderr_fails_quietly(tmp_path: Path) -> None:
    result = mlpath(["--version"], environment(tmp_path), ">&- 2>/dev/full")
    assert result.returncode == 1


@pytest.mark.slow
@pytest.mark.parametrize(
    ("settings", "redirect", "says"),
    [
        ("COMP_LINE='mlpath lad' COMP_POINT=10 _MLPATH_COMPLETE=complete_bash", ">/dev/full", FULL),
        ("_MLPATH_COMPLETE=source_bash", ">&-", CLOSED),
    ],
)
def test_completions_that_cannot_be_written_fail_in_one_line(
    tmp_path: Path, settings: str, redirect: str, says: str
) -> None:
    if not CONSOLE_SCRIPT.exists():
        pytest.skip("no mlpath console script beside this Python")
    result = mlpath([], environment(tmp_path, settings=assignments(settings)), redirect, program=[str(CONSOLE_SCRIPT)])
    assert (result.returncode, result.stderr) == (1, says)


def assignments(words: str) -> dict[str, str]:
    """The environment a shell's `NAME=value ...` prefix sets."""
    return {name: value for name, _, value in (word.partition("=") for word in shlex.split(words))}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "redirect", "unbuffered"),
    [
        (["salary"], "2>/dev/full", False),
        (["progress", "reset", "--yes"], "2>&-", True),  # its message goes nowhere; the reset is done
    ],
)
def test_stderr_a_command_does_not_need_changes_nothing(
    run: Run, tmp_path: Path, args: list[str], redirect: str, unbuffered: bool
) -> None:
    assert run("roadmap", "--defaults", "--save").exit_code == 0  # the run fixture's home: tmp_path / "home"
    assert run("progress", "set", "1", "done").exit_code == 0
    result = mlpath(args, environment(tmp_path / "home", unbuffered), redirect)
    assert result.returncode == 0
    if args[0] == "progress":
        assert json.loads(run("progress", "--json").stdout)["counts"]["done"] == 0
    else:
        assert result.stdout.strip()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "redirect", "code"),
    [(["salry"], ">&- 2>&-", 2), (["salary", "--data-dir", "/no"], ">/dev/full 2>/dev/full", 2)],
)
def test_errors_keep_their_code_when_no_stream_can_take_the_message(
    tmp_path: Path, args: list[str], redirect: str, code: int
) -> None:
    assert mlpath(args, environment(tmp_path), redirect).returncode == code


@pytest.mark.slow
def test_a_closed_stdin_is_a_usage_error(tmp_path: Path) -> None:
    result = mlpath(["quiz", "--answers", "-", "--defaults"], environment(tmp_path, unbuffered=True), "<&-")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("Error: ") and result.stderr.endswith(": stdin is closed\n")
    assert_at_most_one_line(result.stderr)


@pytest.mark.slow
def test_a_closed_stdin_is_named_as_every_stream_failure_is(tmp_path: Path) -> None:
    result = mlpath(["roadmap", "--answers", "-"], environment(tmp_path), "<&-")
    assert result.stderr == "Error: cannot read stdin: stdin is closed\n"


@pytest.mark.parametrize("args", [["quiz", "--batch", "--answers", "-"], ["cohort", "-"]], ids=" ".join)
def test_a_closed_stdin_for_many_answer_sets_says_stdin_cannot_be_read(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str]
) -> None:
    """`mlpath quiz --batch --answers - <&-` and `mlpath cohort - <&-`, in-process: stdin as
    `streams.guard` leaves a descriptor closed at start."""
    monkeypatch.setenv("MLPATH_HOME", str(tmp_path))
    monkeypatch.setattr(sys, "stdin", streams._Closed("stdin"))
    with pytest.raises(SystemExit) as end:
        app(args, prog_name="mlpath")
    out, err = capsys.readouterr()
    assert (end.value.code, out, err) == (2, "", "Error: cannot read stdin: stdin is closed\n")


def stopped_reader(args: list[str], env: dict[str, str], first_line: bool) -> tuple[int, bytes, bytes]:
    """`{ mlpath ARGS; } | reader`: the reader takes the first line and goes (`head -1`), or has
    gone before mlpath writes (`(exec 0<&-; true)`). The exit code, the line read and stderr."""
    read, write = os.pipe()
    with os.fdopen(read, "rb") as reader:
        if not first_line:
            reader.close()
        try:
            process = subprocess.Popen(
                [*MLPATH, *args], stdin=subprocess.DEVNULL, stdout=write, stderr=subprocess.PIPE, env=env
            )
        finally:
            os.close(write)
        line = reader.readline() if first_line else b""
    _, stderr = process.communicate(timeout=60)
    return process.returncode, line, stderr


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "first_line", "unbuffered"),
    [
        (["search", "e", "--format", "table"], True, False),  # 300 KB: more than a pipe holds
        (["search", "e", "--format", "table"], True, True),
        (["search", "a", "--format", "plain"], False, False),
    ],
    ids=["head -1", "head -1 unbuffered", "gone"],
)
def test_a_reader_that_stops_ends_mlpath_quietly(
    tmp_path: Path, args: list[str], first_line: bool, unbuffered: bool
) -> None:
    code, line, stderr = stopped_reader(args, environment(tmp_path, unbuffered, {"COLUMNS": "1000"}), first_line)
    assert f"{stderr.decode()}{code}\n" == "0\n"  # `{ mlpath; echo $? >&2; } | reader`
    assert line.strip() or not first_line
