"""Run mlpath's console script in a forked child of the test process, with real descriptors.

A real `mlpath` process spends ~0.3 s starting Python and importing typer, rich and pydantic;
the test process has all of that imported already, and a fork costs a few milliseconds. The
child gets what a fresh process would: fds 0/1/2 as asked (a path, closed, a pipe), no other
descriptor (as subprocess's close_fds), the given environment, `sys.argv`, the signal
dispositions and the standard streams Python's startup builds (pylifecycle.c, create_stdio),
and an exit as the interpreter's: SystemExit's code, a traceback and 1 for an uncaught
exception, and the final flush of stdout and stderr (a failure there prints "Exception ignored"
and exits 120). tests/test_streams.py checks this against real processes (the parity test).

What a fork cannot show, because the child shares the parent's interpreter and imports: a
different locale, the interpreter's own startup settings, and settings libraries read once at
import time (`refused` lists them). `run` refuses such environments: those tests start a real
process. PYTHONIOENCODING is only read to build the standard streams: the child builds them so.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import faulthandler
import fcntl
import functools
import gc
import importlib
import io
import locale
import os
import pkgutil
import selectors
import signal
import subprocess
import sys
import time
import traceback
import types
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, Literal, NoReturn, TypedDict

Special = Literal["pipe", "closed", "gone", "head"]
PIPE: Special = "pipe"  # captured by the parent
CLOSED: Special = "closed"  # the descriptor is not open (`>&-`)
GONE: Special = "gone"  # stdout: a pipe whose reader closed before mlpath writes (`| (exec 0<&-; true)`)
HEAD: Special = "head"  # stdout: a pipe whose reader takes the first line and goes (`| head -1`)
Target = Special | Path | bytes | None  # bytes: stdin fed through a pipe; None: stdin inherited

LOCALE = ("LANG", "LANGUAGE", "PYTHONUTF8", "PYTHONCOERCECLOCALE")
READ_AT_IMPORT = ("FORCE_COLOR", "PY_COLORS", "GITHUB_ACTIONS", "TERMINAL_WIDTH", "_TYPER_FORCE_DISABLE_TERMINAL")
READ_AT_STARTUP = (  # the interpreter's own settings, fixed before the first import
    "PYTHONDEVMODE", "PYTHONWARNINGS", "PYTHONHASHSEED", "PYTHONOPTIMIZE", "PYTHONFAULTHANDLER", "PYTHONPATH",
    "PYTHONHOME", "PYTHONSAFEPATH", "PYTHONNOUSERSITE", "PYTHONMALLOC", "PYTHONTRACEMALLOC", "PYTHONINTMAXSTRDIGITS",
    "PYTHONVERBOSE", "PYTHONINSPECT",
)  # fmt: skip


@dataclass(frozen=True)
class Completed:
    returncode: int
    stdout: bytes
    stderr: bytes


class Streams(TypedDict, total=False):
    stdin: Target
    stdout: Target
    stderr: Target


def redirections(text: str) -> Streams:
    """`run`'s keywords for shell redirections such as ">/dev/full", ">&- 2>&-" or "<&-"."""
    streams = Streams()
    for word in text.split():
        fd, _, target = word.partition(">") if ">" in word else word.partition("<")
        value: Target = CLOSED if target == "&-" else Path(target)
        if fd == "2":
            streams["stderr"] = value
        elif ">" in word:
            streams["stdout"] = value
        else:
            streams["stdin"] = value
    return streams


def refused(env: Mapping[str, str]) -> list[str]:
    """The settings in `env` a forked child cannot take (see the module's doc); [] when it can fork."""
    names = {*env, *os.environ}
    watched = [name for name in names if name.startswith("LC_") or name in (*LOCALE, *READ_AT_IMPORT, *READ_AT_STARTUP)]
    return sorted(name for name in watched if env.get(name) != os.environ.get(name))


def check(env: Mapping[str, str]) -> None:
    """Raise ValueError when `env` holds settings a forked child cannot take (`refused`)."""
    refused_names = refused(env)
    if refused_names:
        raise ValueError(f"a forked run shares this interpreter's locale and imports; start a process: {refused_names}")


def fork() -> int:
    """os.fork() for a child that will `become` mlpath (its console script found here, once)."""
    console_script()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # fork() with pytest-xdist's threads
        return os.fork()


def _stdio_encoding(env: Mapping[str, str]) -> tuple[str, str]:
    """The encoding and stdin/stdout error handler a new interpreter picks in `env`."""
    configured = env.get("PYTHONIOENCODING", "")
    encoding, _, errors = configured.partition(":")
    if not encoding:
        encoding = "utf-8" if sys.flags.utf8_mode else locale.getpreferredencoding(False)
        encoding = codecs.lookup(encoding).name  # the startup's name for the locale's: "utf-8", not "UTF-8"
    if not errors:
        # The C and POSIX locales, and those the startup coerces them to (PEP 538), escape.
        c_locale = locale.setlocale(locale.LC_CTYPE) in ("C", "POSIX", "C.UTF-8", "C.utf8", "UTF-8")
        errors = "surrogateescape" if sys.flags.utf8_mode or c_locale else "strict"
    return encoding, errors


_kept: list[object] = []  # the test process's streams, alive in the child: their descriptors are not ours


@functools.cache
def console_script() -> Callable[[], Any]:
    """The function the `mlpath` console script calls (pyproject.toml's [project.scripts])."""
    (script,) = entry_points(group="console_scripts", name="mlpath")
    main: Callable[[], Any] = script.load()
    import mlpath

    for module in pkgutil.walk_packages(mlpath.__path__, "mlpath."):  # imported here once, not in every child
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    return main


def _console_script_main() -> types.ModuleType:
    """The `__main__` module of a console script: a file of no package (click names the program
    after argv[0] only then; under `python -m pytest` the test process's is pytest's)."""
    main = types.ModuleType("__main__")
    main.__file__ = str(Path(sys.executable).with_name("mlpath"))
    main.__package__ = None
    main.__spec__ = None
    return main


def _valid(fd: int) -> bool:
    try:
        fcntl.fcntl(fd, fcntl.F_GETFD)
    except OSError:
        return False
    return True


def _create_stdio(
    fd: int, name: str, write: bool, buffered: bool, encoding: str, errors: str
) -> io.TextIOWrapper | None:
    if not _valid(fd):
        return None
    mode, buffering = ("wb", 0 if not buffered else -1) if write else ("rb", -1)
    buf: Any = open(fd, mode, buffering=buffering, closefd=False)  # noqa: SIM115 - the process's, never closed
    raw = buf if buffering == 0 else buf.raw
    raw.name = name
    line_buffering = buffered and (raw.isatty() or fd == 2)
    stream = io.TextIOWrapper(
        buf, encoding, errors, newline="\n", line_buffering=line_buffering, write_through=not buffered
    )
    stream.mode = "w" if write else "r"  # type: ignore[misc]
    return stream


def _reset_signals() -> None:
    """What exec() and Python's startup make of the test process's dispositions: a handler
    becomes the default, an ignored signal stays ignored; SIGINT raises KeyboardInterrupt unless
    ignored, SIGPIPE and SIGXFSZ are ignored. Handlers installed from C (faulthandler's,
    readline's) are invisible to signal.getsignal, which reports the default: those signals
    are set to the default again, which clears them."""
    faulthandler.disable()  # pytest's, writing to one of its descriptors, which the child reuses
    for number in signal.valid_signals():
        with contextlib.suppress(OSError, ValueError):
            if signal.getsignal(number) != signal.SIG_IGN:
                signal.signal(number, signal.SIG_DFL)
    if signal.getsignal(signal.SIGINT) == signal.SIG_DFL:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def _flush_std_files() -> int:
    """pylifecycle.c's flush_std_files: a failed stdout is reported as PyErr_WriteUnraisable does
    (the error comes from C, so without a traceback); a failed stderr only sets the status."""
    status = 0
    stdout, stderr = sys.stdout, sys.stderr
    if stdout is not None and not getattr(stdout, "closed", False):
        try:
            stdout.flush()
        except Exception as error:
            report = f"Exception ignored in: {stdout!r}\n{''.join(traceback.format_exception_only(error))}"
            with contextlib.suppress(Exception):
                if sys.stderr is not None:
                    sys.stderr.write(report)
                    sys.stderr.flush()
            status = -1
    if stderr is not None and not getattr(stderr, "closed", False):
        try:
            stderr.flush()
        except Exception:
            status = -1
    return status


def _exit_code(error: SystemExit) -> int:
    code = error.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    try:
        if sys.stderr is not None:
            sys.stderr.write(f"{code}\n")
            sys.stderr.flush()
    except Exception:  # noqa: S110 - as the interpreter, which falls back to C's stderr
        pass
    return 1


def become(fds: Mapping[int, int | Path | None], env: Mapping[str, str], args: Sequence[str]) -> NoReturn:
    """In a forked child: become a fresh `mlpath` process with `fds` as 0/1/2 (a descriptor,
    a path to open, None for closed); never returns."""
    code = 1
    try:
        gc.freeze()  # nothing of the test process's is finalized here (its files would close our fds)
        _kept.extend([sys.stdin, sys.stdout, sys.stderr, sys.__stdin__, sys.__stdout__, sys.__stderr__])
        high = {}
        for target, source in fds.items():
            if isinstance(source, Path):
                flags = os.O_RDONLY if target == 0 else os.O_WRONLY | os.O_CREAT | os.O_TRUNC
                source = os.open(source, flags, 0o666)
            if source is not None:
                high[target] = fcntl.fcntl(source, fcntl.F_DUPFD, 100)
        for target in (0, 1, 2):
            if target in high:
                os.dup2(high[target], target)
            elif fds.get(target, 0) is None:
                with contextlib.suppress(OSError):
                    os.close(target)
        os.closerange(3, os.sysconf("SC_OPEN_MAX"))
        os.environ.clear()
        os.environ.update(env)
        sys.argv = ["mlpath", *args]
        sys.modules["__main__"] = _console_script_main()
        _reset_signals()
        sys.excepthook = sys.__excepthook__
        sys.unraisablehook = sys.__unraisablehook__
        warnings.resetwarnings()
        for category in (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning):
            warnings.simplefilter("ignore", category)
        warnings.filterwarnings("default", category=DeprecationWarning, module="__main__")
        buffered = not env.get("PYTHONUNBUFFERED")
        encoding, errors = _stdio_encoding(env)
        stdin, stdout, stderr = (
            _create_stdio(0, "<stdin>", False, buffered, encoding, errors),
            _create_stdio(1, "<stdout>", True, buffered, encoding, errors),
            _create_stdio(2, "<stderr>", True, buffered, encoding, "backslashreplace"),
        )
        sys.stdin, sys.stdout, sys.stderr = stdin, stdout, stderr
        sys.__stdin__, sys.__stdout__, sys.__stderr__ = stdin, stdout, stderr  # type: ignore[misc]
        main = console_script()
        interrupted = False
        try:
            sys.exit(main())
        except SystemExit as error:
            code = _exit_code(error)
        except BaseException as error:
            traceback_ = error.__traceback__.tb_next if error.__traceback__ else None  # not this frame
            sys.excepthook(type(error), error, traceback_)
            interrupted = isinstance(error, KeyboardInterrupt)
            code = 1
        if _flush_std_files() < 0:  # Py_FinalizeEx: its second flush finds nothing new to write
            code = 120
        if interrupted:  # as CPython: die of the signal
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGINT)
    except BaseException:
        with contextlib.suppress(BaseException):
            os.write(2, traceback.format_exc().encode())
        code = 125
    finally:
        os._exit(code)


def _kill(pid: int, args: Sequence[str], timeout: float) -> NoReturn:
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    raise subprocess.TimeoutExpired(["mlpath", *args], timeout)


def run(
    args: Sequence[str],
    env: Mapping[str, str],
    *,
    stdin: Target = None,
    stdout: Target = PIPE,
    stderr: Target = PIPE,
    timeout: float = 60,
) -> Completed:
    """Run `mlpath *args` in a forked child; stdout and stderr are captured unless redirected."""
    check(env)
    fds: dict[int, int | Path | None] = {}
    ours: list[int] = []  # the parent's ends
    theirs: list[int] = []  # the child's ends, closed in the parent after the fork
    feed = b""
    readers: dict[int, str] = {}
    for fd, target in ((0, stdin), (1, stdout), (2, stderr)):
        if target is None:
            continue
        if target == CLOSED:
            fds[fd] = None
        elif isinstance(target, Path):
            fds[fd] = target
        elif isinstance(target, bytes):
            read, write = os.pipe()
            fds[fd], feed = read, target
            ours.append(write)
            theirs.append(read)
            readers[write] = "stdin"
        else:
            read, write = os.pipe()
            fds[fd] = write
            theirs.append(write)
            if target == GONE:
                os.close(read)
            else:
                ours.append(read)
                readers[read] = f"{target}:{fd}"
    pid = fork()
    if pid == 0:
        become(fds, env, args)
    for fd in theirs:
        os.close(fd)
    captured: dict[int, bytearray] = {1: bytearray(), 2: bytearray()}
    deadline = time.monotonic() + timeout
    try:
        with selectors.DefaultSelector() as selector:
            for fd, role in readers.items():
                if role == "stdin":
                    if feed:
                        os.set_blocking(fd, False)
                        selector.register(fd, selectors.EVENT_WRITE)
                    else:
                        os.close(fd)
                        ours.remove(fd)
                else:
                    selector.register(fd, selectors.EVENT_READ)
            while selector.get_map():
                left = deadline - time.monotonic()
                if left <= 0:
                    _kill(pid, args, timeout)
                for key, _ in selector.select(left):
                    fd = int(key.fd)
                    role = readers[fd]
                    done = False
                    if role == "stdin":
                        try:
                            feed = feed[os.write(fd, feed[:65536]) :]
                        except OSError as error:
                            if error.errno not in (errno.EPIPE, errno.EAGAIN):
                                raise
                            feed = b"" if error.errno == errno.EPIPE else feed
                        done = not feed
                    else:
                        chunk = os.read(fd, 65536)
                        stream = int(role.rpartition(":")[2])
                        captured[stream] += chunk
                        done = not chunk or (role.startswith(HEAD) and b"\n" in captured[stream])
                    if done:
                        selector.unregister(fd)
                        os.close(fd)
                        ours.remove(fd)
            while True:
                waited, status = os.waitpid(pid, os.WNOHANG)
                if waited:
                    break
                if time.monotonic() > deadline:
                    _kill(pid, args, timeout)
                time.sleep(0.002)
    finally:
        for fd in ours:
            with contextlib.suppress(OSError):
                os.close(fd)
    if stdout == HEAD:
        captured[1] = captured[1][: captured[1].index(b"\n") + 1] if b"\n" in captured[1] else captured[1]
    return Completed(os.waitstatus_to_exitcode(status), bytes(captured[1]), bytes(captured[2]))
