"""A person's saved plan, and the unfinished quiz kept beside it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Literal, TypeVar, get_args

T = TypeVar("T")
Status = Literal["pending", "learning", "done", "skipped"]
STATUSES: tuple[Status, ...] = get_args(Status)
FINISHED: tuple[Status, ...] = ("done", "skipped")  # a step no longer ahead of you


def ahead(steps: Iterable[T], status: Callable[[T], str]) -> list[T]:
    """The steps not finished, the ones being learnt first, each group in roadmap order: the next
    step is the first (`progress` and `roadmap` alike)."""
    left = [step for step in steps if status(step) not in FINISHED]
    return sorted(left, key=lambda step: status(step) != "learning")


def plan_path() -> Path:
    from mlpath.io.files import data_home

    return data_home() / "plan.yaml"


def take_lock(path: Path, wait: bool) -> int | None:
    """A descriptor holding the lock file `path` until closed; None when `wait` is off and another
    process holds it. The open never blocks: a FIFO in its place is refused (no reader: ENXIO)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags, 0o600)
    try:
        import fcntl
    except ImportError:  # no POSIX locks (Windows): writes stay atomic, just not serialised
        return fd
    try:
        fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        if wait:
            raise
        return None
    return fd
