"""A person's saved plan, and the unfinished quiz kept beside it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal, get_args

Status = Literal["pending", "learning", "done", "skipped"]
STATUSES: tuple[Status, ...] = get_args(Status)


def open_lock(path: Path) -> int:
    """A descriptor of the lock file `path`, its directory made; OSError if it cannot be had. The
    open never blocks, whatever is there: a FIFO in its place is refused (no reader: ENXIO)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    return os.open(path, flags, 0o600)
