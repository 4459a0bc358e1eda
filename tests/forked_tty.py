"""mlpath in a pseudo-terminal, forked from the test process instead of started anew.

`spawn(args, env)` stands for `pexpect.spawn(sys.executable, ["-m", "mlpath", *args], env=env)`:
the test drives a pexpect object on the terminal's master side. The child is a fork that
becomes mlpath as tests/forked.py's children do (its environment, argv, signals, standard
streams and exit), in a new session whose controlling terminal is the pty's slave, sized before
the fork. It saves the ~0.3 s a new interpreter spends importing, and the prompts' key bindings
the test process has already built.

tests/test_quiz_pty.py runs four scenarios both ways and compares their settled screens, exit
codes and files (the parity test); the settings a fork cannot take are refused as in forked.run.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
import struct
import termios
import time
import weakref
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, AnyStr

from pexpect.fdpexpect import fdspawn

import forked

INTR = "\x03"  # the terminal's interrupt character, as pexpect's sendintr sends it
# A person's terminal delivers these with their default effect, even when the test run was
# started with them ignored (nohup, a script's background job, `trap '' INT`).
TERMINAL_SIGNALS = (signal.SIGINT, signal.SIGHUP)


def terminal_signals() -> None:
    """Give the signals a terminal sends their default effect (a preexec_fn for pexpect.spawn)."""
    for number in TERMINAL_SIGNALS:
        signal.signal(number, signal.SIG_DFL)


def _reap(pid: int) -> None:
    """Kill and reap a child its test left running (a failed wait, say)."""
    with contextlib.suppress(ChildProcessError, ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)


if TYPE_CHECKING:
    _Spawn = fdspawn
else:

    class _Spawn(fdspawn):
        """fdspawn, subscriptable at run time as its stubs are for type checkers."""

        def __class_getitem__(cls, item: object) -> type:
            return cls


class ForkedTerminal(_Spawn[AnyStr]):
    """A pexpect object on the master side of a forked mlpath's terminal, with the process
    methods of pexpect.spawn: isalive, kill, sendintr, close, exitstatus and signalstatus."""

    def __init__(self, master: int, pid: int, timeout: float, encoding: str | None) -> None:
        super().__init__(master, timeout=timeout, encoding=encoding)
        self.pid = self._pid = pid
        self.exitstatus: int | None = None
        self.signalstatus: int | None = None
        self._status: int | None = None
        self._finalizer: weakref.finalize[[int], ForkedTerminal[AnyStr]] = weakref.finalize(self, _reap, pid)

    def _reaped(self, status: int) -> None:
        self._status = status
        self._finalizer.detach()
        if os.WIFEXITED(status):
            self.exitstatus = os.WEXITSTATUS(status)
        elif os.WIFSIGNALED(status):
            self.signalstatus = os.WTERMSIG(status)

    def isalive(self) -> bool:
        if self._status is not None:
            return False
        waited, status = os.waitpid(self._pid, os.WNOHANG)
        if waited:
            self._reaped(status)
        return not waited

    def kill(self, sig: int) -> None:
        if self.isalive():
            os.kill(self._pid, sig)

    def sendintr(self) -> None:
        self.send(INTR)

    def close(self, force: bool = True) -> None:
        """Close the master side and reap the child, as pexpect.spawn.close: a child still
        running after `self.timeout` is killed (with `force`) or left to its finalizer."""
        super().close()
        deadline = time.monotonic() + (self.timeout or 0)
        while self.isalive():
            if time.monotonic() > deadline:
                if force:
                    self._finalizer()
                    self.signalstatus = signal.SIGKILL
                return
            time.sleep(0.002)


def spawn(
    args: Sequence[str],
    env: Mapping[str, str],
    *,
    dimensions: tuple[int, int] = (24, 80),
    timeout: float = 30,
    encoding: str | None = None,
    stdout: Path | None = None,
) -> ForkedTerminal[Any]:
    """`mlpath *args` in a new pseudo-terminal of `dimensions` (rows, columns), forked; `stdout`
    redirects the standard output to a file, as `mlpath ARGS > FILE` typed at the terminal."""
    forked.check(env)
    master, slave = os.openpty()
    rows, cols = dimensions
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    pid = forked.fork()
    if pid == 0:
        try:
            os.close(master)
            os.setsid()
            fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
            terminal_signals()
        except BaseException:
            os._exit(125)
        forked.become({0: slave, 1: slave if stdout is None else stdout, 2: slave}, env, args)
    os.close(slave)
    terminal: ForkedTerminal[Any] = ForkedTerminal(master, pid, timeout, encoding)
    return terminal
