"""Where the plan lives, its file format, and how it is read and written without ever losing it.

    # Your mlpath plan. Change statuses with 'mlpath progress set STEP STATUS'.
    # sha256 of the lines below: 3f5a...
    schema_version: 3
    ...
    # end of plan

- One file, `plan.yaml`, in the data home (MLPATH_HOME overrides it), read with a bound and
  only if it is a regular file (through a symlink is fine).
- A write cut short (a crash, a full disk, a kill) loses the end line, so it is caught even
  when what is left is valid YAML. The checksum covers every line after its own: when it matches,
  the file is exactly what mlpath wrote; when it does not, the plan was edited by hand (people do
  change statuses in an editor) and is used if it still ends with the end line and reads as a
  whole, valid plan. Plans saved before the checksum existed have neither line.
- Every write is atomic and under an exclusive lock, so concurrent `progress set` calls lose
  nothing. Reading commands never move or rewrite the plan: a damaged one is reported and left as
  it is. Only a command that writes, holding the lock, moves a damaged plan aside (never over
  another file) before it writes. A plan from a newer mlpath is never moved or rewritten.
- Older versions are migrated on read; the answers are checked as every answers file is.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
import re
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from mlpath.errors import OperationError, UsageError
from mlpath.plan import plan_path, take_lock
from mlpath.plan.model import ANY_WORK, SCHEMA_VERSION, Plan
from mlpath.text import short

MAX_PLAN_BYTES = 1_000_000  # a plan of every step takes about 5 KB
HEADER = "# Your mlpath plan. Change statuses with 'mlpath progress set STEP STATUS'.\n"
CHECKSUM = "# sha256 of the lines below: "
CHECKSUM_LINE = re.compile(rf"^{re.escape(CHECKSUM)}([0-9a-f]{{64}})[ \t]*\r?\n", re.MULTILINE)
END = "# end of plan"
NEW_PLAN = "'mlpath quiz --save' starts a new plan and keeps this one aside"


def now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


class DamagedPlanError(OperationError):
    """The plan file is not a whole, valid plan; it was left as it is (a reading command)."""


class CorruptPlanError(DamagedPlanError):
    """The plan file could not be read as a plan; it has been moved aside, not overwritten."""


class NewerPlanError(OperationError):
    """The plan was saved by a newer mlpath; it is left as it is, by every command."""


class Damage(ValueError):  # noqa: N818 - a state of the file, not an operation that failed
    """The text is not a whole, valid plan. `cut_short`: it lost its end; `edited`: it is no
    longer what mlpath wrote (a hand edit is a likely cause)."""

    def __init__(self, reason: str, *, cut_short: bool = False, edited: bool = False) -> None:
        super().__init__(reason)
        self.reason, self.cut_short, self.edited = reason, cut_short, edited


class Newer(ValueError):  # noqa: N818
    """A newer mlpath wrote the plan; the argument is its schema_version."""


# --- the file format --------------------------------------------------------------------------------


def encode(plan: Plan) -> str:
    """The text of a plan: header, checksum line, YAML, end line."""
    from mlpath.io import yaml
    from mlpath.model import dump

    body = yaml.dump(dump(plan)) + END + "\n"
    return f"{HEADER}{CHECKSUM}{_digest(body)}\n{body}"


def decode(text: str) -> Plan:
    """The plan a file's text holds. Damage if it is not a whole, valid plan; Newer if a newer
    mlpath wrote it, whatever its form."""
    try:
        match = CHECKSUM_LINE.search(text)
        if match is None or not all(
            not ln.strip() or ln.lstrip().startswith("#") for ln in text[: match.start()].splitlines()
        ):
            return _read(text, edited=False, legacy=True)
        recorded, body = match.group(1), text[match.end() :]
        above = text[: match.end()].count("\n")  # the lines before the body, for its problems' line numbers
        edited = _digest(body) != recorded
        if edited and END not in (line.rstrip() for line in body.splitlines()):
            raise Damage(f"it was cut short: it does not end with the line '{END}' that mlpath writes", cut_short=True)
        return _read(body, edited=edited, legacy=False, above=above)
    except Damage:
        found = re.search(r"^schema_version:[ \t]*([0-9]{1,9})[ \t]*$", text, re.MULTILINE)
        if found and int(found.group(1)) > SCHEMA_VERSION:
            raise Newer(int(found.group(1))) from None
        raise


def _digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _read(text: str, *, edited: bool, legacy: bool, above: int = 0) -> Plan:
    from mlpath.io import yaml

    try:
        document = yaml.load(text)
    except (yaml.YAMLError, yaml.TooLargeError) as error:
        line, _, reason = yaml.describe(error)
        raise Damage(f"line {line + above}: {reason}" if line else reason, edited=edited) from None
    if document is None:
        raise Damage("it is empty" if not text.strip() else "it holds no plan, only comments", cut_short=True)
    if not isinstance(document, dict):
        raise Damage("it is not a mapping of keys to values", edited=edited)
    version = document.get("schema_version", document.get("version"))
    if type(version) is not int:  # True == 1 and 1.0 == 1, but neither is a version
        shown = "missing" if version is None else f"{short(version, 40)}, not a whole number"
        raise Damage(f"schema_version is {shown}", edited=edited)
    if version > SCHEMA_VERSION:
        raise Newer(version)
    if version >= 2:
        missing = [key for key in ("created", "updated", "answers", "steps", "removed") if key not in document]
        if missing:
            why = "it was cut short? " if legacy else ""
            raise Damage(f"{why}it lacks {', '.join(missing)}", cut_short=legacy, edited=edited)
    try:
        return parse(migrate(document))
    except ValueError as error:  # args: the reason and, where known, the location of the value
        reason, location = error.args[0], error.args[1] if len(error.args) > 1 else None
        if location is not None and version == SCHEMA_VERSION:  # a migrated plan's places differ
            reason = f"line {yaml.line_of(yaml.compose(text), location) + above}: {reason}"
        raise Damage(reason, edited=edited) from None


def _first_wrong(raw: Any) -> tuple[str, ...]:
    """The key of the first answer the answers check refuses, to name its line (none if unknown)."""
    from mlpath.content import answers as contract

    for key, value in raw.items() if isinstance(raw, dict) else ():
        try:
            contract.check({key: value})
        except UsageError:
            return (key,)
    return ()


def migrate(document: dict[str, Any]) -> dict[str, Any]:
    """A plan document of any known schema version, brought up to the current one."""
    version = document.get("schema_version", document.get("version"))
    if version not in range(1, SCHEMA_VERSION + 1):
        raise ValueError(f"unknown schema_version {version!r}; this mlpath reads versions 1 to {SCHEMA_VERSION}")
    if version == 1:
        # Version 1 kept statuses in a mapping {step id: status} beside the answers, without
        # titles; a title is made from the id until the plan is re-made.
        if "status" not in document:  # a later plan marked 1 by hand must not read as an empty one
            raise ValueError("status is missing: a version 1 plan keeps each step's status there")
        statuses = document.get("status") or {}
        if not isinstance(statuses, dict):
            raise ValueError("status must be a mapping of step ids to statuses")
        stamp = str(document.get("saved", ""))
        steps = [
            {"id": str(i), "title": str(i).replace("-", " ").capitalize(), "phase": "", "status": s, "updated": None}
            | {"work": ANY_WORK}
            for i, s in statuses.items()
        ]
        answers = document.get("answers")
        document = {"created": stamp, "updated": stamp, "answers": answers, "steps": steps, "removed": []}
        version = 2
    if version == 2:
        # Version 2 had no fingerprint of each step's work: its title stands for it ("" work).
        found, gone = document.get("steps"), document.get("removed")
        if isinstance(found, list):
            found = [{"work": "", **step} if isinstance(step, dict) else step for step in found]
        if isinstance(gone, list):
            gone = [{**r, "work": "", "updated": None} if isinstance(r, dict) else r for r in gone]
        document = {**document, "steps": found, "removed": gone}
    return {**document, "schema_version": SCHEMA_VERSION}


def parse(document: dict[str, Any]) -> Plan:
    """A (migrated) plan document validated; ValueError with a one-line reason. Its answers are
    checked as every answers file is."""
    from pydantic import TypeAdapter, ValidationError

    from mlpath.content import answers as contract

    raw = document.get("answers")
    try:
        plan: Plan = TypeAdapter(Plan).validate_python({**document, "answers": None})
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ValueError(f"{where}: {first['msg']}", tuple(first["loc"])) from None
    ids = [step.id for step in plan.steps]
    twice = next((index for index, step_id in enumerate(ids) if step_id in ids[:index]), None)
    if twice is not None:  # which of the two holds the status? Neither guess is safe
        raise ValueError(f"steps.{twice}: the step {ids[twice]!r} is listed twice; keep one", ("steps", twice))
    if raw is None:
        return plan
    try:
        prepared, missing = contract.check(raw)
    except UsageError as error:
        raise ValueError(f"answers: {error}", ("answers", *_first_wrong(raw))) from None
    if missing:
        raise ValueError(f"answers: missing {', '.join(missing)}")
    return plan.replace(answers=contract.build(prepared))


# --- reading and writing -----------------------------------------------------------------------------

_held = False  # is the plan's lock held by this process?


@contextlib.contextmanager
def locked() -> Iterator[None]:
    """Hold the plan's lock (a separate lock file) for a read-modify-write."""
    global _held
    directory = plan_path().parent
    try:
        fd = take_lock(directory / ".plan.lock", wait=True)
    except OSError as error:
        raise OperationError(f"cannot use the plan directory {short(str(directory), 300)}: {error.strerror}") from None
    _held = True
    try:
        yield
    finally:
        _held = False
        if fd is not None:
            os.close(fd)  # which releases the lock


def load() -> Plan | None:
    """The saved plan, None if there is none. For reading commands: a damaged plan is reported
    (DamagedPlanError) and left exactly as it is."""
    path = plan_path()
    try:
        return _load(path)
    except Damage as damage:
        raise DamagedPlanError(
            f"your plan {path} is damaged ({damage.reason}); it was left as it is. {_advice(damage)}"
        ) from None


def load_for_update() -> Plan | None:
    """The saved plan, for a command that will write it (holding the lock): a damaged plan is
    moved aside first (CorruptPlanError says where), so that nothing overwrites it."""
    if not _held:
        raise RuntimeError("load_for_update() needs the plan's lock: use it inside store.locked()")
    path = plan_path()
    try:
        return _load(path)
    except Damage as damage:
        reason = damage.reason
    # Renamed (a symlink's target, in its own directory) to a name of its own, never over a file.
    real = Path(os.path.realpath(path))
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    names = (f"{real.name}.damaged-{stamp}" + (f"-{n}" if n else "") for n in itertools.count())
    backup = next(name for name in map(real.with_name, names) if not os.path.lexists(name))
    try:
        real.rename(backup)
    except OSError as error:
        raise OperationError(f"your plan {path} is damaged and cannot be moved aside: {error.strerror}") from None
    raise CorruptPlanError(
        f"your plan {path} is damaged ({reason}); it was moved to {backup} and nothing was "
        f"overwritten. Repair it and move it back, or start a new plan with 'mlpath quiz --save'"
    )


def _load(path: Path) -> Plan | None:
    from mlpath.io.files import NotRegularFileError, TooLargeError, read_regular

    try:
        data = read_regular(path, MAX_PLAN_BYTES)
    except FileNotFoundError:
        return None
    except NotRegularFileError as error:
        raise OperationError(
            f"your plan {path} is {error.kind}, not a file; mlpath neither reads nor replaces it: move it away"
        ) from None
    except TooLargeError:
        raise Damage(f"it is over {MAX_PLAN_BYTES:,} bytes, far more than any plan") from None
    except OSError as error:
        raise OperationError(f"cannot read your plan {path}: {error.strerror}") from None
    try:
        return decode(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise Damage("it is not UTF-8 text") from None
    except Newer as newer:
        raise NewerPlanError(
            f"your plan {path} was saved by a newer mlpath (schema_version {newer.args[0]}; this one reads "
            f"versions 1 to {SCHEMA_VERSION}); it was left as it is. Upgrade mlpath to use it"
        ) from None


def _advice(damage: Damage) -> str:
    if damage.cut_short:
        return f"Restore it from a backup if you have one; {NEW_PLAN}."
    if damage.edited:
        return (
            f"Edited by hand? Fix that line (once it reads, 'mlpath progress set' changes statuses safely); {NEW_PLAN}."
        )
    return f"{NEW_PLAN[0].upper()}{NEW_PLAN[1:]}."


def check_writable() -> None:
    """Before a command writes anything else: the plan can be written (not a directory, FIFO or
    read-only file; not from a newer mlpath). A damaged plan is fine: saving moves it aside."""
    from mlpath.io.files import check_target

    path = plan_path()
    if os.path.lexists(path) or path.parent.is_dir():  # else saving makes the directory
        check_target(str(path), "your plan", mine=path)
    with contextlib.suppress(DamagedPlanError):
        load()


def save(plan: Plan) -> Path:
    """Write the plan (holding the lock), removing what an interrupted write left behind."""
    from mlpath.io.files import remove_temps, write_atomic

    if not _held:
        raise RuntimeError("save() needs the plan's lock: use it inside store.locked()")
    path = plan_path()  # its directory exists: `locked` made it
    remove_temps(Path(os.path.realpath(path)))  # under the lock no other writer has one open
    write_atomic(str(path), encode(plan), "your plan", private=True, mine=path)
    return path
