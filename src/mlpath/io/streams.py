"""The stream policy of a run: what mlpath does when stdin, stdout or stderr is closed, full or gone.

- stdout carries the results. A write that fails (a full disk, a closed descriptor) fails the
  command: one line on stderr, exit 1. A reader that stops reading (`mlpath ladder | head -1`)
  is no failure: mlpath stops quietly and exits 0, as ripgrep does, whatever the timing.
  After any failure fd 1 points at /dev/null, so that nothing still buffered fails again at exit
  (Python would print "Exception ignored ... BrokenPipeError").
- stderr carries messages. A message that cannot be written is dropped: a full or closed stderr
  never changes what a command does or how it exits.
- stdin is UTF-8, like every file mlpath reads; reading a closed stdin is an error that says so.

`guard()` sets this up once, in `cli.main`; `failure(error)` tells the error path in `cli.application`
(the one place errors become exit codes) which stream an error came from, so a command that
writes line by line can let a BrokenPipeError escape.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
import sys
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, TextIO, cast

if TYPE_CHECKING:
    from rich.console import Console

Stream = Literal["stdin", "stdout"]
MARK = "mlpath_stream"  # set on an exception raised by a standard stream: which one


class Failure(NamedTuple):
    stream: Stream
    quiet: bool  # the reader went away: say nothing
    reason: str  # e.g. "No space left on device", "stdout is closed"


def failure(error: BaseException) -> Failure | None:
    """What stream `error` came from and why, or None when it is not a stream's error. stdout is
    given up once it failed: fd 1 then points at /dev/null (see the module's doc)."""
    stream: Stream | None = getattr(error, MARK, None)
    if isinstance(error, UnicodeDecodeError) and stream == "stdin":
        return Failure("stdin", False, f"stdin is not UTF-8 text ({error.reason} at byte {error.start})")
    if not isinstance(error, OSError):
        return None
    if error.errno == errno.EPIPE and stream in (None, "stdout"):
        stream = "stdout"
    elif stream is None:
        return None
    if stream == "stdout":
        _drain_stdout()
    return Failure(stream, error.errno == errno.EPIPE, error.strerror or str(error))


def guard() -> None:
    """Apply the policy to this process's standard streams (once, before anything is written)."""
    for fd in (0, 1, 2):  # closed at start: point it at /dev/null, so no file mlpath opens takes it
        try:
            os.fstat(fd)
        except OSError:  # the lowest free descriptor, so this one: those below it are open by now
            os.open(os.devnull, os.O_RDWR)
    sys.stdin = cast(TextIO, _Input(sys.stdin if sys.stdin is not None else _Closed("stdin")))
    # On a pipe each line goes to the reader when complete (a script may answer line by line, as one
    # reading `quiz --batch` does); a file keeps Python's block buffering (no stdout: AttributeError).
    with contextlib.suppress(AttributeError, OSError, ValueError):
        mode = os.fstat(sys.stdout.fileno()).st_mode
        if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
            sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    sys.stdout = cast(TextIO, _Results(sys.stdout if sys.stdout is not None else _Closed("stdout")))
    sys.stderr = cast(TextIO, _Messages(sys.stderr if sys.stderr is not None else io.StringIO()))
    for stream in (sys.stdout, sys.stderr):  # one that cannot encode every character replaces those
        if not encodes_everything(stream) and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def require_stdout() -> None:
    """Fail now, as a write would, if stdout was closed when mlpath started: before a change is
    saved that the results could then not report."""
    sys.stdout.write("")


def flush_results() -> None:
    """Write what stdout still buffers, so that a failure is the command's, not the interpreter's."""
    sys.stdout.flush()


def flush_quietly() -> None:
    """Flush stdout when the command already failed: its failure is the one to report."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        _drain_stdout()


def console(**options: Any) -> Console:
    """A rich console whose broken pipe is an ordinary BrokenPipeError, for the error path to
    handle like any other (rich's own handling exits 1, and points fd 1 at /dev/null even for
    a console on stderr)."""
    from rich.console import Console

    class QuietConsole(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError(errno.EPIPE, "the reader closed the pipe")

    return QuietConsole(**options)


def encodes_everything(stream: object) -> bool:
    encoding = str(getattr(stream, "encoding", "") or "utf-8")
    return encoding.lower().replace("-", "").replace("_", "").startswith("utf")


def _drain_stdout() -> None:
    """Point fd 1 at /dev/null: whatever stdout still holds goes nowhere, without another error."""
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, 1)
        finally:
            os.close(devnull)


def _marked(error: BaseException, stream: Stream) -> BaseException:
    setattr(error, MARK, stream)
    return error


class _Wrapper:
    """A standard stream with one behaviour changed; everything else is the stream's own."""

    _mark: Stream | None = None  # which stream a failure is marked as; None: a failure is dropped

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    def __iter__(self) -> _Wrapper:
        return self

    def __next__(self) -> str:
        line = self.readline()
        if not line:
            raise StopIteration
        return str(line)

    def _call(self, method: str, *arguments: Any, dropped: Any = None) -> Any:
        try:
            return getattr(self._stream, method)(*arguments)
        except (OSError, UnicodeDecodeError) as error:
            if self._mark is None:
                return dropped
            raise _marked(error, self._mark) from None


class _Messages(_Wrapper):
    """stderr: what cannot be written is dropped."""

    def write(self, text: str) -> int:
        return int(self._call("write", text, dropped=len(text)))

    def flush(self) -> None:
        self._call("flush")


class _Results(_Messages):
    """stdout: a failed write or flush is marked as stdout's."""

    _mark = "stdout"


class _Input(_Wrapper):
    """stdin, read as UTF-8: an error reading or decoding it is marked as stdin's."""

    _mark = "stdin"

    def __init__(self, stream: Any) -> None:
        super().__init__(stream)
        if hasattr(stream, "reconfigure"):
            with contextlib.suppress(OSError, ValueError):
                stream.reconfigure(encoding="utf-8", errors="strict")

    def read(self, size: int | None = -1) -> str:
        return str(self._call("read", size))

    def readline(self, size: int | None = -1) -> str:
        return str(self._call("readline", size))


class _Closed:
    """A standard stream that was closed when mlpath started: using it fails, saying so."""

    encoding = "utf-8"
    errors = "strict"

    def __init__(self, name: Stream) -> None:
        self.name = name

    def _closed(self, *_: object) -> Any:
        raise _marked(OSError(errno.EBADF, f"{self.name} is closed"), self.name)

    read = readline = write = _closed

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise io.UnsupportedOperation(f"{self.name} is closed")

    @property
    def buffer(self) -> _Closed:
        return self
