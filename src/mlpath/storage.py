"""Where the plan lives and how it is read and written without ever losing it.

- One YAML file, `plan.yaml`, in the user data directory (MLPATH_HOME overrides it).
- Every write is atomic (temp file, fsync, rename).
- Read-modify-write runs under an exclusive lock, so concurrent `progress set` calls lose nothing.
- A file that cannot be read as a plan is never overwritten: it is moved aside first.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from mlpath.errors import OperationError
from mlpath.progress import Plan, parse

PLAN_FILE = "plan.yaml"


def home() -> Path:
    from mlpath.userdirs import data_home

    return data_home()


def plan_path() -> Path:
    return home() / PLAN_FILE


def now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


class CorruptPlanError(OperationError):
    """The plan file could not be read as a plan; it has been moved aside, not overwritten."""


@contextlib.contextmanager
def locked() -> Iterator[None]:
    """Hold the plan's lock (a separate lock file) for a read-modify-write."""
    directory = home()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle = (directory / ".plan.lock").open("a")
    except OSError as error:
        raise OperationError(f"cannot use the plan directory {directory}: {error.strerror}") from None
    with handle:
        try:
            import fcntl
        except ImportError:  # no POSIX locks (Windows): writes stay atomic, just not serialised
            yield
            return
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def load() -> Plan | None:
    """The saved plan, None if there is none; a damaged file is moved aside and reported."""
    import yaml

    from mlpath import safe_yaml

    path = plan_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "it is not UTF-8 text"
        raise OperationError(f"cannot read your plan {path}: {reason}") from None
    try:
        document = safe_yaml.load(text)
        return parse(document)
    except (yaml.YAMLError, ValueError) as error:
        if isinstance(error, yaml.YAMLError):
            line, _, reason = safe_yaml.describe(error)
            reason = f"line {line}: {reason}" if line else reason
        else:
            reason = str(error)
        backup = _move_aside(path)
        raise CorruptPlanError(
            f"your plan {path} is damaged ({reason}); it was moved to {backup} and nothing was overwritten. "
            f"Repair it and move it back, or start a new plan with 'mlpath quiz --save'"
        ) from None


def save(plan: Plan) -> Path:
    from mlpath.files import write_atomic
    from mlpath.safe_yaml import dump

    path = plan_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    header = "# Your mlpath plan. Change statuses with 'mlpath progress set STEP STATUS'.\n"
    text = header + dump(plan.document())
    write_atomic(str(path), text, "your plan", private=True)
    return path


def _move_aside(path: Path) -> Path:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    backup = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 1
    while backup.exists():
        backup = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
        counter += 1
    path.replace(backup)
    return backup
