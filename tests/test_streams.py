"""Closed, full and odd streams: at most one line on stderr, the right exit code, never a traceback."""

from __future__ import annotations

import errno
import io
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Run
from mlpath import streams
from mlpath.cli.app import COMMAND_MODULES

MLPATH = shlex.join([sys.executable, "-m", "mlpath"])
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


# Real processes ----------------------------------------------------------------------------


@pytest.fixture
def buffered(tmp_path: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("MLPATH_", "PYTHONUNBUFFERED"))}
    env["MLPATH_HOME"] = str(tmp_path / "home")
    return env


@pytest.fixture(params=["buffered", "unbuffered"])
def environ(request: pytest.FixtureRequest, buffered: dict[str, str]) -> dict[str, str]:
    """Both ways Python may write: a failed write shows at write() unbuffered, at flush() buffered."""
    return {**buffered, "PYTHONUNBUFFERED": "1"} if request.param == "unbuffered" else buffered


def shell(command: str, env: dict[str, str], stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        ["/bin/sh", "-c", command], input=stdin, capture_output=True, env=env, timeout=60, check=False
    )
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode(), done.stderr.decode("utf-8"))


def assert_at_most_one_line(stderr: str) -> None:
    assert len(stderr.splitlines()) <= 1, stderr
    assert "Traceback" not in stderr and "internal error" not in stderr and "Exception ignored" not in stderr


@pytest.mark.slow
@pytest.mark.parametrize(
    ("redirect", "reason"), [(">/dev/full", "No space left on device"), (">&-", "stdout is closed")]
)
@pytest.mark.parametrize("args", [["salary"], ["ladder", "--json"], ["roadmap", "--format", "markdown"]])
def test_results_that_cannot_be_written_fail_in_one_line(
    environ: dict[str, str], redirect: str, reason: str, args: list[str]
) -> None:
    result = shell(f"{MLPATH} {shlex.join(args)} {redirect}", environ)
    assert result.returncode == 1
    assert result.stderr == f"Error: cannot write the results to stdout: {reason}\n"


@pytest.mark.slow
@pytest.mark.parametrize("args", HELP, ids=" ".join)
@pytest.mark.parametrize("redirect", [">/dev/full", ">&- 2>/dev/full"])
def test_help_and_version_that_cannot_be_written_fail_quietly(
    buffered: dict[str, str], args: list[str], redirect: str
) -> None:
    result = shell(f"{MLPATH} {shlex.join(args)} {redirect}", buffered)
    assert result.returncode == 1
    assert_at_most_one_line(result.stderr)


@pytest.mark.slow
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
    console_script = Path(sys.executable).with_name("mlpath")  # completion answers to its program name
    if not console_script.exists():
        pytest.skip("no mlpath console script beside this Python")
    result = shell(f"{env} {shlex.quote(str(console_script))} {redirect}", environ)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: cannot write the results to stdout")
    assert_at_most_one_line(result.stderr)


@pytest.mark.slow
@pytest.mark.parametrize("redirect", ["2>/dev/full", "2>&-"])
@pytest.mark.parametrize(
    "args", [["salary"], ["roadmap", "--defaults", "--json"], ["--version"], ["--help"], ["progress", "reset", "--yes"]]
)
def test_stderr_a_command_does_not_need_changes_nothing(
    environ: dict[str, str], args: list[str], redirect: str
) -> None:
    if args[0] == "progress":
        assert shell(f"{MLPATH} roadmap --defaults --save >/dev/null 2>&1", environ).returncode == 0
    result = shell(f"{MLPATH} {shlex.join(args)} {redirect}", environ)
    assert result.returncode == 0
    assert result.stdout or args[0] == "progress"


@pytest.mark.slow
@pytest.mark.parametrize("redirect", ["2>/dev/full", "2>&-", ">/dev/full 2>/dev/full", ">&- 2>&-"])
@pytest.mark.parametrize(("args", "code"), [(["salry"], 2), (["ladder", "²"], 2), (["salary", "--data-dir", "/no"], 2)])
def test_errors_keep_their_code_when_no_stream_can_take_the_message(
    buffered: dict[str, str], redirect: str, args: list[str], code: int
) -> None:
    result = shell(f"{MLPATH} {shlex.join(args)} {redirect}", buffered)
    assert result.returncode == code


@pytest.mark.slow
@pytest.mark.parametrize("args", [["roadmap", "--answers", "-"], ["quiz", "--answers", "-", "--defaults"]])
def test_a_closed_stdin_is_a_usage_error(environ: dict[str, str], args: list[str]) -> None:
    result = shell(f"{MLPATH} {shlex.join(args)} <&-", environ)
    assert result.returncode == 2
    assert result.stderr == "Error: cannot read stdin: stdin is closed\n"


@pytest.mark.slow
@pytest.mark.parametrize(
    "data",
    [b"\xff\xfe\x00", "education: none\n".encode("utf-16"), b"goal: \xe9\n", b"\xc3\x28"],
    ids=["bom", "utf-16", "latin-1", "truncated"],
)
def test_undecodable_stdin_fails_as_the_same_file_does(buffered: dict[str, str], tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "answers.yaml"
    path.write_bytes(data)
    from_file = shell(f"{MLPATH} roadmap --answers {shlex.quote(str(path))}", buffered)
    from_stdin = shell(f"{MLPATH} roadmap --answers -", buffered, stdin=data)
    for result in (from_file, from_stdin):
        assert result.returncode == 2
        assert "not UTF-8 text" in result.stderr
        assert_at_most_one_line(result.stderr)


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [["salary"], ["ladder", "--format", "plain"], ["roadmap", "--format", "table"], ["sources", "--json"], ["-h"]],
)
@pytest.mark.parametrize("reader", ["head -1", "(exec 0<&-; true)"])
def test_a_reader_that_stops_ends_mlpath_quietly(environ: dict[str, str], args: list[str], reader: str) -> None:
    # A big output, so that the pipe fills: mlpath must see the reader go.
    environ["COLUMNS"] = "1000"
    result = shell(f"{{ {MLPATH} {shlex.join(args)}; echo $? >&2; }} | {reader} >/dev/null", environ)
    assert result.stderr == "0\n"


@pytest.mark.slow
def test_a_closed_pipe_on_a_long_output_exits_0() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "mlpath", "search", "a", "--format", "plain"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before mlpath writes
    assert process.wait(timeout=60) == 0
    assert process.stderr.read() == b""


# What reaches the terminal -----------------------------------------------------------------

HOSTILE = "\x1b[2J\x1b]0;pwned\x07\x9b31m\u202eevil\x07\x00\r"


def test_control_characters_are_stripped_for_display() -> None:
    from mlpath.render.safe import shown

    assert shown(f"Entry{HOSTILE} level\tand\nmore") == "Entryevil level\tand\nmore"
    assert shown("plain × text ✓ 👩\u200d💻") == "plain × text ✓ 👩\u200d💻"  # joiners and symbols stay


def hostile_content(content_dir: Path) -> None:
    lines = (
        ("ladder.yaml", "summary: Entry level. You learn on the job and work under supervision."),
        ("salary.yaml", "name: Entry level"),
    )
    for name, old in lines:
        path = content_dir / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        # Double-quoted YAML: \e is ESC, \x9b the one-character CSI, \u202e a right-to-left override.
        key, value = old.split(": ", 1)
        path.write_text(text.replace(old, f'{key}: "{value} \\e[2J\\x9b31m\\u202e\\e]0;title\\a"', 1), encoding="utf-8")


@pytest.mark.parametrize("fmt", ["table", "plain", "markdown", "csv"])
@pytest.mark.parametrize("command", [["ladder"], ["ladder", "1"], ["salary"]])
def test_content_cannot_drive_the_terminal(run: Run, content_dir: Path, command: list[str], fmt: str) -> None:
    hostile_content(content_dir)
    assert run("data", "check", str(content_dir)).exit_code == 0
    if fmt == "csv" and command == ["ladder", "1"]:
        return
    result = run("--data-dir", str(content_dir), *command, "--format", fmt, env={"FORCE_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    for bad in ("\x1b[2J", "\x9b", "\u202e", "\x1b]0;", "\x07"):
        assert bad not in result.stdout
    assert "Entry level" in result.stdout


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_data_formats_carry_the_content_exactly(run: Run, content_dir: Path, fmt: str) -> None:
    hostile_content(content_dir)
    result = run("--data-dir", str(content_dir), "salary", "--format", fmt)
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout  # escaped by the encoder, not stripped
    assert "\\e[2J" in result.stdout if fmt == "yaml" else "\\u001b[2J" in result.stdout


def test_a_content_problem_cannot_drive_the_terminal(run: Run, content_dir: Path) -> None:
    path = content_dir / "skills.yaml"
    path.write_text(path.read_text().replace("languages:", '"lang\\e[2J": 5\n      languages:', 1))
    result = run("--data-dir", str(content_dir), "skills")
    assert result.exit_code == 3 and "lang[2J" not in result.stderr and "\x1b" not in result.stderr
    assert "tools.lang" in result.stderr


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
