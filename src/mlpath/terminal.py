"""What the process is attached to, decided once per run; tests build their own."""

from __future__ import annotations

import os
import sys
from typing import NamedTuple


def _utf8(stream: object) -> bool:
    encoding = str(getattr(stream, "encoding", "") or "utf-8")
    return encoding.lower().replace("-", "").replace("_", "").startswith("utf")


def tolerate_encoding() -> None:
    """On a stdout or stderr that cannot encode every character, replace what it cannot show."""
    for stream in (sys.stdout, sys.stderr):
        if not _utf8(stream) and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def _isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):  # missing or closed stream
        return False


class Terminal(NamedTuple):
    stdin_isatty: bool
    stdout_isatty: bool
    stderr_isatty: bool
    utf8: bool = True  # can stdout encode any character?

    @classmethod
    def detect(cls) -> Terminal:
        return cls(_isatty(sys.stdin), _isatty(sys.stdout), _isatty(sys.stderr), _utf8(sys.stdout))

    @property
    def interactive(self) -> bool:
        """Can we prompt? Needs a keyboard (stdin) and a screen; prompts never go to a redirected stdout."""
        return self.stdin_isatty and (self.stdout_isatty or self.stderr_isatty or _has_tty())


def _has_tty() -> bool:
    try:
        fd = os.open("/dev/tty", os.O_WRONLY)
    except OSError:
        return False
    os.close(fd)
    return True
