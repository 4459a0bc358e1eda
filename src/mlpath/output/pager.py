"""Long output through a pager: MLPATH_PAGER, then PAGER, else `less -R` (then `more`).

Run as our own subprocess rather than rich's `console.pager()` (pydoc underneath), which ignores
MLPATH_PAGER, lets MANPAGER win over PAGER, starts plain `less` (colour codes then show as
`ESC[1m` and less folds lines mid-word, counting the codes as text), probes for `less` by running
a shell on the terminal, and cannot report a pager that is missing (the roadmap is never shown).
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import signal
import subprocess
from collections.abc import Mapping
from pathlib import Path

NO_PAGER = ("", "cat")  # as git does: an empty or `cat` pager means "do not page"


class PagerError(Exception):
    """The pager the environment names could not be started."""


def pager_command(environ: Mapping[str, str]) -> list[str] | None:
    """The pager's argv, or None when there is none to use."""
    if environ.get("TERM") == "dumb":  # no cursor control: no pager can work there
        return None
    for name in ("MLPATH_PAGER", "PAGER"):
        value = environ.get(name)
        if value is not None:
            value = value.strip()
            if value in NO_PAGER:
                return None
            try:
                return shlex.split(value)
            except ValueError:  # unbalanced quotes: take it as one program name
                return [value]
    for program, args in (("less", ["-R"]), ("more", [])):
        found = shutil.which(program)
        if found:
            return [found, *args]
    return None


def _for_less(argv: list[str], environ: Mapping[str, str]) -> tuple[list[str], dict[str, str]]:
    """less shows colour codes raw unless -R (or -r) is on: turn it on, never against the user's LESS.

    No -X is added, so less restores the screen when it quits and what was there is seen again.
    """
    env = dict(environ)
    if Path(argv[0]).name == "less" and not _raw_control(argv[1:], env.get("LESS", "")):
        argv = [*argv, "-R"]
    env.setdefault("LESS", "R")
    env.setdefault("LV", "-c")  # lv: keep colour
    return argv, env


def _raw_control(args: list[str], less: str) -> bool:
    """Is -R or -r (or --RAW-CONTROL-CHARS, --raw-control-chars) among less's options? LESS holds
    options as on the command line, the leading dash optional; a long option is whole words."""
    tokens = [*(a for a in args if a.startswith("-")), *less.split()]
    return any(
        t.split("=", 1)[0].lower() == "--raw-control-chars" if t.startswith("--") else "R" in t or "r" in t
        for t in tokens
    )


def page(text: str, argv: list[str], encoding: str = "utf-8") -> None:
    """Show `text` in the pager and wait for it to quit. Ctrl-C belongs to the pager meanwhile; a
    pager that quits before reading everything (q) is normal. PagerError if it cannot start."""
    argv, env = _for_less(argv, os.environ)
    try:
        process = subprocess.Popen(argv, stdin=subprocess.PIPE, env=env)  # noqa: S603 - the user's own pager
    except OSError as error:
        raise PagerError(f"cannot start the pager {shlex.join(argv)!r}: {error.strerror}") from None
    # A handler, not SIG_IGN: an ignored SIGINT is inherited across exec, and `more` would ignore Ctrl-C.
    previous = signal.signal(signal.SIGINT, lambda *_: None)
    try:
        if process.stdin is not None:
            try:
                process.stdin.write(text.encode(encoding, errors="replace"))
                process.stdin.close()
            except BrokenPipeError:  # the pager quit first (q): what it did not read is dropped
                with contextlib.suppress(OSError):
                    process.stdin.close()  # its last flush fails too; close() still closes
        process.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
