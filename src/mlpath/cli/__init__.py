"""The mlpath command line: parsing and wiring only; the commands live in a module per group.

A run imports only the module of the command it runs (`COMMAND_MODULES`) and hands Typer that
command alone (`application.only`): Typer builds every command it holds on each run.
`mlpath.cli.application` (what tests and other programs import) has them all.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from typing import Any, NoReturn

import typer

from mlpath.errors import ExitCode
from mlpath.io import files

__all__ = ["app", "commands", "main"]

# Signals whose default action ends a run at once, leaving a temporary file: a run ends on them as on Ctrl-C
ENDING_SIGNALS = ("SIGTERM", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM")
ROOT_VALUES = ("--data-dir", "--install-completion", "--show-completion")  # root options that take a value


def commands(argv: list[str] | None = None) -> typer.Typer:
    """The app with the commands of `argv` registered: the one command named, or every command
    (for help, a typo's suggestions, completion, or no `argv` at all)."""
    from importlib import import_module

    from mlpath.cli.application import COMMAND_MODULES, app, only

    words = iter(argv or ())
    named = None
    for word in words:
        if word in ROOT_VALUES:
            next(words, None)
        elif not word.startswith("-"):
            named = word
            break
    if argv is not None and named in COMMAND_MODULES:
        import_module(f"mlpath.cli.{COMMAND_MODULES[named]}")
        return only(named)
    for module in dict.fromkeys(COMMAND_MODULES.values()):
        import_module(f"mlpath.cli.{module}")
    return app


def __getattr__(name: str) -> typer.Typer:
    if name == "app":
        return commands()
    raise AttributeError(name)


def _ended(signum: int, frame: object) -> None:
    """A kill or a closed terminal ends the run as Ctrl-C does: what was being written is
    rolled back (no temporary file is left), what was kept is said."""
    raise KeyboardInterrupt


def main() -> NoReturn:
    """Console entry point: the stream policy first (io.streams); typer handles usage errors,
    and cli.application every other error, Ctrl-C (130), kills and closed or full streams."""
    from mlpath.io import streams

    streams.guard()
    for name in ENDING_SIGNALS:
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) is not signal.SIG_IGN:
            signal.signal(number, _ended)
    app = commands(None if "_MLPATH_COMPLETE" in os.environ else sys.argv[1:])  # completing: every command
    try:
        app(prog_name="mlpath")
        code: Any = 0
    except SystemExit as done:
        code = done.code
    except KeyboardInterrupt:  # before or after typer's own handling, e.g. during imports
        sys.stderr.write(f"\n{files.interrupted()}\n")
        code = int(ExitCode.INTERRUPTED)
    # Exit with the streams flushed, without tearing the interpreter down: freeing every module and
    # every table the engine kept costs more than a command itself (30 ms after `mlpath salary`, a
    # second after 20,000 answer sets). Nothing mlpath runs registers an exit handler, and every
    # file it writes is closed before this.
    if code is not None and not isinstance(code, int):  # a message, as sys.exit("...") takes it
        sys.stderr.write(f"{code}\n")
        code = 1
    streams.flush_quietly()
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    os._exit(code or 0)
