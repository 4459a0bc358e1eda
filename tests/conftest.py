from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import sys
import termios
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pexpect
import pyte
import pytest
from hypothesis import settings
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import CliRunner, Result

from mlpath.cli import commands
from mlpath.content.load import packaged_data_dir
from mlpath.output.terminal import Terminal

Run = Callable[..., Result]
MLPATH = [sys.executable, "-m", "mlpath"]  # a real process, where one is the point (mark it slow)
ENTER, UP, DOWN, LEFT, CTRL_C = "\r", "\x1b[A", "\x1b[B", "\x1b[D", "\x03"

# Property tests search as deep as a developer's run affords; HYPOTHESIS_PROFILE=thorough
# searches ten times deeper (hypothesis's database replays every failure found either way).
THOROUGH = os.environ.get("HYPOTHESIS_PROFILE") == "thorough"
settings.register_profile("thorough", max_examples=1000)
settings.load_profile("thorough" if THOROUGH else "default")


def examples(count: int) -> int:
    """A property test's number of examples: `count`, or ten times as many in a thorough run."""
    return count * 10 if THOROUGH else count


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Run:
    """Invoke mlpath in-process with a clean environment; stdout and stderr kept apart. The app is
    built as a run builds it: with the command named alone."""
    for name in ("MLPATH_DATA_DIR", "MLPATH_HOME", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MLPATH_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("COLUMNS", "100")

    def invoke(*args: str, env: Mapping[str, str] | None = None, input: str | None = None) -> Result:
        return CliRunner().invoke(commands(list(args)), list(args), env=env, input=input, catch_exceptions=False)

    return invoke


@pytest.fixture
def piped() -> Iterator[Callable[[bytes], str]]:
    """`piped(data)`: a path that reads `data` through a pipe, as a shell's `<(...)` gives one
    (/dev/fd/N, the writer already done)."""
    opened: list[int] = []

    def pipe(data: bytes) -> str:
        read, write = os.pipe()
        opened.append(read)
        os.write(write, data)  # within the pipe's buffer: the tests' data is small
        os.close(write)
        return f"/dev/fd/{read}"

    yield pipe
    for fd in opened:
        os.close(fd)


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    """A private, editable copy of the packaged content."""
    target = tmp_path / "content"
    shutil.copytree(packaged_data_dir(), target)
    return target


@pytest.fixture
def keyboard(monkeypatch: pytest.MonkeyPatch) -> Iterator[PipeInput]:
    """Keys for the prompts of in-process runs (`run`, or mlpath.cli functions called directly).

    The prompts read what the test sends (all keys may be sent at once: what one prompt does not
    read waits for the next) and draw on prompt_toolkit's DummyOutput; the run believes it has a
    keyboard, stdout is CliRunner's (not a terminal: results come plain) and messages go to stderr.
    Closing the pipe is the end of input."""
    from mlpath.cli import prompts

    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        monkeypatch.setattr(prompts, "terminal_output", lambda: None)  # the session's output
        monkeypatch.setattr(
            Terminal,
            "detect",
            classmethod(lambda cls: Terminal(True, False, True, stdout=sys.stdout, stderr=sys.stderr, width=100)),
        )
        yield pipe


def _terminal_signals() -> None:
    """What a person's terminal delivers has its default effect, however the test run was started
    (nohup, a background job, `trap '' INT`): a preexec_fn for pexpect.spawn."""
    for number in (signal.SIGINT, signal.SIGHUP):
        signal.signal(number, signal.SIG_DFL)


class PtyScreen:
    """`mlpath ARGS` in a pseudo-terminal; what is on its screen is read through a VT100 emulator
    (pyte), so tests check what a person sees, not bytes that were drawn over."""

    def __init__(self, child: pexpect.spawn[bytes], rows: int, cols: int) -> None:
        self.child = child
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)

    @property
    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    def _read(self, timeout: float) -> None:
        self.stream.feed(self.child.read_nonblocking(65536, timeout=timeout))
        while True:  # the rest of what is written, before the screen is looked at again
            self.stream.feed(self.child.read_nonblocking(65536, timeout=0.005))

    def wait(self, *wanted: str, gone: tuple[str, ...] = (), timeout: float = 20) -> str:
        """The screen once every `wanted` text is on it at once (and no `gone` text is)."""
        deadline = time.monotonic() + timeout
        while True:
            shown = self.text
            if all(w in shown for w in wanted) and not any(g in shown for g in gone):
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"not on screen: {wanted} (or still there: {gone})\n{shown}")
            try:
                self._read(0.05)
            except pexpect.TIMEOUT:
                pass
            except pexpect.EOF:
                if all(w in self.text for w in wanted) and not any(g in self.text for g in gone):
                    return self.text
                raise AssertionError(f"ended before showing {wanted}\n{self.text}") from None

    def press(self, keys: str) -> None:
        self.child.send(keys)

    def answer(self, first: int, last: int, total: int, keys: str = ENTER) -> None:
        """Press `keys` at each question from `first` to `last` of `total` ("3/17"), once it shows."""
        for number in range(first, last + 1):
            self.wait(f"{number}/{total}")
            self.press(keys)

    def exit_code(self, timeout: float = 20) -> int:
        """Read to the end; the exit status (the test fails if a signal killed mlpath)."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                self._read(0.1)
            except pexpect.TIMEOUT:
                if time.monotonic() > deadline:
                    raise AssertionError(f"still running after {timeout} s\n{self.text}") from None
            except pexpect.EOF:
                break
        self.child.wait()  # the terminal stays open: `line_mode` can still look at it
        assert self.child.exitstatus is not None, f"killed by signal {self.child.signalstatus}\n{self.text}"
        return int(self.child.exitstatus)

    def line_mode(self) -> tuple[bool, bool]:
        """(echo, canonical line editing) of the terminal: both on, as a shell leaves it, unless a
        program put it in raw mode (the prompts do while they ask)."""
        lflag = termios.tcgetattr(self.child.child_fd)[3]
        return bool(lflag & termios.ECHO), bool(lflag & termios.ICANON)


Spawn = Callable[..., PtyScreen]


@pytest.fixture
def pty(tmp_path: Path) -> Iterator[Spawn]:
    """Start `mlpath ARGS` (python -m mlpath) in a pseudo-terminal of `rows` × `cols`, its data home
    tmp_path/"home" as for `run`, no pager unless `env` names one, and prompt_toolkit told not to
    wait for cursor-position replies. `stdout`: a file for the standard output (`mlpath ... > FILE`
    typed at the terminal). Real processes: mark their tests slow. Children left running are ended."""
    started: list[pexpect.spawn[bytes]] = []

    def spawn(
        *args: str, rows: int = 24, cols: int = 80, env: Mapping[str, str] | None = None, stdout: Path | None = None
    ) -> PtyScreen:
        environ = {
            name: value
            for name, value in os.environ.items()
            if name not in ("NO_COLOR", "FORCE_COLOR", "PAGER", "LESS", "MANPAGER", "MLPATH_DATA_DIR")
        }
        environ.update(
            TERM="xterm", COLUMNS=str(cols), LINES=str(rows), MLPATH_HOME=str(tmp_path / "home"), MLPATH_PAGER="",
            PROMPT_TOOLKIT_NO_CPR="1",
        )  # fmt: skip
        environ.update(env or {})
        program, argv = sys.executable, [*MLPATH[1:], *args]
        if stdout is not None:  # the shell's redirection, then mlpath in its place
            program, argv = "/bin/sh", ["-c", 'exec "$@" > "$0"', str(stdout), sys.executable, *argv]
        child: pexpect.spawn[bytes] = pexpect.spawn(
            program, argv, env=environ, dimensions=(rows, cols), timeout=20, preexec_fn=_terminal_signals
        )
        child.delaybeforesend = None  # every key waits for its screen instead
        started.append(child)
        return PtyScreen(child, rows, cols)

    yield spawn
    for child in started:
        child.close(force=True)  # its terminal closed; a child still running is ended


def leaves(document: Any) -> Iterator[str]:
    """Every string, number and true/false of a JSON document, as plain writes a value."""
    if isinstance(document, dict):
        for value in document.values():
            yield from leaves(value)
    elif isinstance(document, list):
        for value in document:
            yield from leaves(value)
    elif isinstance(document, str):
        yield " ".join(document.split())
    elif document is not None:
        yield json.dumps(document)


@contextlib.contextmanager
def within(seconds: int) -> Iterator[None]:
    """Fail (rather than hang the suite) if the block takes longer than `seconds`."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s: it blocked")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
