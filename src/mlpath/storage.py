"""Where the plan lives and how it is read and written without ever losing it.

- One file, `plan.yaml`, in the user data directory (MLPATH_HOME overrides it); its format,
  with the checksum and end line that catch a plan cut short, is in `plan_file`.
- It is read with a bound, and only if it is a regular file (through a symlink is fine).
- Every write is atomic (temp file, fsync, rename), through a symlink to its target, and
  removes the temp files a killed writer left.
- Read-modify-write runs under an exclusive lock, so concurrent `progress set` calls lose nothing.
- Reading commands never move or rewrite the plan: a damaged one is reported and left as it
  is. Only a command that writes, holding the lock, moves a damaged plan aside (never
  overwriting it) before it writes. A plan from a newer mlpath is never moved or rewritten.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from mlpath import plan_file
from mlpath.errors import OperationError
from mlpath.progress import SCHEMA_VERSION, Plan

PLAN_FILE = "plan.yaml"


def home() -> Path:
    from mlpath.userdirs import data_home

    return data_home()


def plan_path() -> Path:
    return home() / PLAN_FILE


def now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


MAX_PLAN_BYTES = 1_000_000  # a plan of every step takes about 5 KB
NEW_PLAN = "'mlpath quiz --save' starts a new plan and keeps this one aside"


class DamagedPlanError(OperationError):
    """The plan file is not a whole, valid plan; it was left as it is (a reading command)."""


class CorruptPlanError(DamagedPlanError):
    """The plan file could not be read as a plan; it has been moved aside, not overwritten."""


class NewerPlanError(OperationError):
    """The plan was saved by a newer mlpath; it is left as it is, by every command."""


_held = False  # is the plan's lock held by this process?


@contextlib.contextmanager
def locked() -> Iterator[None]:
    """Hold the plan's lock (a separate lock file) for a read-modify-write."""
    global _held
    directory = home()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        # Never blocks, whatever is there: a FIFO in its place is refused (no reader: ENXIO).
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(directory / ".plan.lock", flags, 0o600)
    except OSError as error:
        raise OperationError(f"cannot use the plan directory {directory}: {error.strerror}") from None
    with os.fdopen(fd, "a") as handle:
        try:
            import fcntl
        except ImportError:  # no POSIX locks (Windows): writes stay atomic, just not serialised
            _held = True
            try:
                yield
            finally:
                _held = False
            return
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        _held = True
        try:
            yield
        finally:
            _held = False
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def load() -> Plan | None:
    """The saved plan, None if there is none. For reading commands: a damaged plan is reported
    (DamagedPlanError) and left exactly as it is."""
    path = plan_path()
    try:
        return _read(path)
    except plan_file.DamagedPlan as damage:
        raise DamagedPlanError(
            f"your plan {path} is damaged ({damage.reason}); it was left as it is. {_advice(damage)}"
        ) from None


def load_for_update() -> Plan | None:
    """The saved plan, for a command that will write it (holding the lock): a damaged plan is
    moved aside first (CorruptPlanError says where), so that nothing overwrites it."""
    if not _held:
        raise RuntimeError("load_for_update() needs the plan's lock: use it inside storage.locked()")
    path = plan_path()
    try:
        return _read(path)
    except plan_file.DamagedPlan as damage:
        backup = _move_aside(path)
        raise CorruptPlanError(
            f"your plan {path} is damaged ({damage.reason}); it was moved to {backup} and nothing was "
            f"overwritten. Repair it and move it back, or start a new plan with 'mlpath quiz --save'"
        ) from None


def _read(path: Path) -> Plan | None:
    from mlpath.files import NotRegularFileError, TooLargeError, read_regular

    try:
        data = read_regular(path, MAX_PLAN_BYTES)
    except FileNotFoundError:
        return None
    except NotRegularFileError as error:
        raise OperationError(
            f"your plan {path} is {error.kind}, not a file; mlpath neither reads nor replaces it: move it away"
        ) from None
    except TooLargeError:
        raise plan_file.DamagedPlan(f"it is over {MAX_PLAN_BYTES:,} bytes, far more than any plan") from None
    except OSError as error:
        raise OperationError(f"cannot read your plan {path}: {error.strerror}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise plan_file.DamagedPlan("it is not UTF-8 text") from None
    try:
        return plan_file.decode(text)
    except plan_file.NewerPlan as newer:
        raise NewerPlanError(
            f"your plan {path} was saved by a newer mlpath (schema_version {newer.version}; this one reads "
            f"versions 1 to {SCHEMA_VERSION}); it was left as it is. Upgrade mlpath to use it"
        ) from None


def _advice(damage: plan_file.DamagedPlan) -> str:
    if damage.cut_short:
        return f"Restore it from a backup if you have one; {NEW_PLAN}."
    if damage.edited:
        return f"Edited by hand? Fix that line, or change statuses with 'mlpath progress set STEP STATUS'; {NEW_PLAN}."
    return f"{NEW_PLAN[0].upper()}{NEW_PLAN[1:]}."


def check_writable() -> None:
    """Before a command writes anything else: the plan can be written (not a directory, FIFO or
    read-only file; not from a newer mlpath). A damaged plan is fine: saving moves it aside."""
    from mlpath.files import check_target

    path = plan_path()
    if os.path.lexists(path) or path.parent.is_dir():  # else save makes the directory
        check_target(str(path), "your plan")
    with contextlib.suppress(DamagedPlanError):
        load()


def save(plan: Plan) -> Path:
    """Write the plan (holding the lock), removing what an interrupted write left behind."""
    from mlpath.files import remove_temps, write_atomic

    if not _held:
        raise RuntimeError("save() needs the plan's lock: use it inside storage.locked()")

    path = plan_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OperationError(f"cannot use the plan directory {path.parent}: {error.strerror}") from None
    remove_temps(Path(os.path.realpath(path)))  # under the lock no other writer has one open
    write_atomic(str(path), plan_file.encode(plan.document()), "your plan", private=True)
    return path


def _move_aside(path: Path) -> Path:
    """Rename the damaged plan (a symlink's target, in its own directory) to a name of its own."""
    real = Path(os.path.realpath(path))
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    backup = real.with_name(f"{real.name}.damaged-{stamp}")
    counter = 1
    while os.path.lexists(backup):
        backup = real.with_name(f"{real.name}.damaged-{stamp}-{counter}")
        counter += 1
    try:
        real.rename(backup)
    except OSError as error:
        raise OperationError(f"your plan {path} is damaged and cannot be moved aside: {error.strerror}") from None
    return backup
