"""A person's saved plan, and the unfinished quiz kept beside it."""

from __future__ import annotations

from typing import Literal, get_args

Status = Literal["pending", "learning", "done", "skipped"]
STATUSES: tuple[Status, ...] = get_args(Status)
