"""A progress bar on stderr for runs over many lines (`cohort`, `quiz --batch -o FILE`).

Drawn only when stderr is a terminal, so that it never lands in a log or a pipe: lines done,
lines per second, and how many were invalid so far. rich is imported only to draw it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from mlpath.terminal import Terminal

METER_EVERY = 2048  # lines between two updates of the bar


class LineMeter:
    """Called with (lines done, invalid so far); remembers them, and moves the bar if there is one."""

    def __init__(self, update: Any = None) -> None:
        self.done = 0
        self.invalid = 0
        self._update = update

    def __call__(self, done: int, invalid: int) -> None:
        self.done, self.invalid = done, invalid
        if self._update is not None:
            self._update(done, invalid)


@contextlib.contextmanager
def line_meter(terminal: Terminal) -> Iterator[LineMeter]:
    if not terminal.stderr_isatty:
        yield LineMeter()
        return
    from rich.progress import BarColumn, Progress, ProgressColumn, Task, TextColumn, TimeElapsedColumn
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task: Task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:,.0f} lines/s" if speed else "", style="progress.data.speed")

    progress = Progress(
        BarColumn(),
        TextColumn("{task.completed:,} lines"),
        Rate(),
        TextColumn("{task.fields[invalid]:,} invalid"),
        TimeElapsedColumn(),
        console=terminal.error_console(),
        transient=True,
    )
    task = progress.add_task("lines", total=None, invalid=0)
    with progress:
        yield LineMeter(lambda done, invalid: progress.update(task, completed=done, invalid=invalid))
