"""Long output through a pager: MLPATH_PAGER, then PAGER, else `less -R` (then `more`).

Run as our own subprocess rather than rich's `console.pager()` (pydoc underneath), which ignores
MLPATH_PAGER, lets MANPAGER win over PAGER, starts plain `less` (colour codes then show as
`ESC[1m` and less folds lines mid-word, counting the codes as text), probes for `less` by running
a shell on the terminal, and cannot report a pager that is missing (the roadmap is never shown).
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

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


def for_less(argv: list[str], environ: Mapping[str, str]) -> tuple[list[str], dict[str, str]]:
    """less shows colour codes raw unless -R (or -r) is on: turn it on, never against the user's LESS.

    No -X is added, so less restores the screen when it quits and what was there is seen again.
    """
    env = dict(environ)
    if Path(argv[0]).name == "less" and not _raw_control(argv[1:], env.get("LESS", "")):
        argv = [*argv, "-R"]
    env.setdefault("LESS", "R")
    env.setdefault("LV", "-c")  # lv: keep colour
    return argv, env


# less's options that take a value: the rest of the word (or the next word) is the value, not
# options; in LESS, the value of -P (a prompt) runs to a "$".
VALUED = frozenset('bDhjkoOpPtTxyz#"')
WORD = re.compile(r"\S+")


def _raw_control(args: list[str], less: str) -> bool:
    """Is raw control on (-R, -r, --RAW-CONTROL-CHARS, --raw-control-chars) once less has read
    LESS and then its arguments? Only option letters count, never their values; -+R (or -+r)
    turns it back off. LESS holds options as on the command line, the leading dash optional."""
    raw = False
    for text, prompt_ends in ((less, "$"), (" ".join(args), "")):
        position = 0
        while (found := WORD.search(text, position)) is not None:
            position = found.end()
            word = found.group()
            if word.startswith("--"):
                name = word[2:].split("=", 1)[0].lower()
                raw = True if name == "raw-control-chars" else raw
                continue
            letters = word.removeprefix("-")
            index = 0
            while index < len(letters):
                letter = letters[index]
                if letter == "+" and index + 1 < len(letters):
                    raw = False if letters[index + 1] in "rR" else raw
                    index += 2
                    continue
                if letter in "rR":
                    raw = True
                elif letter in VALUED:
                    if letter == "P" and prompt_ends:  # the prompt runs on past this word, to its end
                        end = text.find(prompt_ends, found.start() + 1)
                        position = end + 1 if end >= 0 else len(text)
                    elif index + 1 == len(letters):  # the value is the next word
                        value = WORD.search(text, position)
                        position = value.end() if value is not None else len(text)
                    break
                index += 1
    return raw


def page(text: str, argv: list[str], encoding: str = "utf-8") -> None:
    """Show `text` in the pager and wait for it to quit. Ctrl-C belongs to the pager meanwhile; a
    pager that quits before reading everything (q) is normal. PagerError if it cannot start."""
    argv, env = for_less(argv, os.environ)
    mode = _terminal_mode()  # before the pager starts and changes it
    try:
        process = subprocess.Popen(argv, stdin=subprocess.PIPE, env=env)  # noqa: S603 - the user's own pager
    except OSError as error:
        raise PagerError(f"cannot start the pager {shlex.join(argv)!r}: {error.strerror}") from None
    # A handler, not SIG_IGN: an ignored SIGINT is inherited across exec, and `more` would ignore Ctrl-C.
    previous = signal.signal(signal.SIGINT, lambda *_: None)
    try:
        # A pager that quits first (q) breaks the pipe: communicate() drops what it did not read.
        process.communicate(text.encode(encoding, errors="replace"))
    except BaseException:  # a kill (SIGTERM, SIGHUP) ends mlpath: the pager goes with it
        _end(process, mode)
        raise
    finally:
        signal.signal(signal.SIGINT, previous)


def _terminal_mode() -> tuple[int, list[Any]] | None:
    """The terminal's mode before the pager changes it, to put back if mlpath is killed meanwhile."""
    import termios

    for stream in (sys.stdout, sys.stdin):
        try:
            return stream.fileno(), termios.tcgetattr(stream.fileno())
        except (AttributeError, OSError, ValueError, termios.error):
            continue
    return None


def _end(process: subprocess.Popen[bytes], mode: tuple[int, list[Any]] | None) -> None:
    """End a pager still running, and leave the terminal as it was: its mode, the main screen
    and a visible cursor."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if mode is not None:
        import termios

        with contextlib.suppress(OSError, termios.error):
            termios.tcsetattr(mode[0], termios.TCSADRAIN, mode[1])
            os.write(mode[0], b"\x1b[?1049l\x1b[?25h\r")
