"""The saved plan's file format: YAML between a checksum line and an end line. Pure; no I/O.

    # Your mlpath plan. Change statuses with 'mlpath progress set STEP STATUS'.
    # sha256 of the lines below: 3f5a...
    schema_version: 2
    ...
    # end of plan

A write cut short (a crash, a full disk, a killed process) loses the end line, so it is caught
even when what is left is valid YAML. The checksum covers every line after its own, end line
included: when it matches, the file is exactly what mlpath wrote. When it does not, the plan
was edited by hand (people do change statuses in an editor); such a plan is used if it still
has its end line and reads as a whole, valid plan, and is damage otherwise. Plans saved before
the checksum existed have neither line; they are read as before, every key required.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from mlpath.progress import SCHEMA_VERSION, Plan, parse

HEADER = "# Your mlpath plan. Change statuses with 'mlpath progress set STEP STATUS'.\n"
CHECKSUM = "# sha256 of the lines below: "
CHECKSUM_LINE = re.compile(r"^# sha256 of the lines below: ([0-9a-f]{64})[ \t]*\r?\n", re.MULTILINE)
END = "# end of plan"


class DamagedPlan(ValueError):  # noqa: N818 - a state of the file, not an operation that failed
    """The text is not a whole, valid plan. `reason` says why in a few words; `edited` is True
    when the text is no longer what mlpath wrote (so a hand edit is a likely cause)."""

    def __init__(self, reason: str, *, cut_short: bool = False, edited: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.cut_short = cut_short
        self.edited = edited


class NewerPlan(ValueError):  # noqa: N818
    """The plan was saved by a newer mlpath (a schema version this one does not know)."""

    def __init__(self, version: int) -> None:
        super().__init__(f"schema_version {version}")
        self.version = version


def encode(document: dict[str, Any]) -> str:
    """The text of a plan document: header, checksum line, YAML, end line."""
    from mlpath.safe_yaml import dump

    body = dump(document) + END + "\n"
    return f"{HEADER}{CHECKSUM}{_digest(body)}\n{body}"


def decode(text: str) -> Plan:
    """The plan a file's text holds. DamagedPlan if it is not a whole, valid plan (cut short,
    empty, not YAML, not a plan); NewerPlan if a newer mlpath wrote it, whatever its form."""
    try:
        return _decode(text)
    except DamagedPlan:
        _refuse_newer(text)
        raise


def _decode(text: str) -> Plan:
    found = _checksum_line(text)
    if found is None:
        return _read(text, edited=False, legacy=True)
    recorded, body = found
    if _digest(body) == recorded:
        return _read(body, edited=False, legacy=False)
    if END not in (line.rstrip() for line in body.splitlines()):
        raise DamagedPlan(f"it was cut short: it does not end with the line '{END}' that mlpath writes", cut_short=True)
    return _read(body, edited=True, legacy=False)


def _checksum_line(text: str) -> tuple[str, str] | None:
    """(recorded checksum, the text after its line), looked for among the leading comments."""
    match = CHECKSUM_LINE.search(text)
    if match is None or not _only_comments(text[: match.start()]):
        return None
    return match.group(1), text[match.end() :]


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


def _digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _load(text: str, edited: bool) -> Any:
    import yaml

    from mlpath import safe_yaml

    try:
        return safe_yaml.load(text)
    except yaml.YAMLError as error:
        line, _, reason = safe_yaml.describe(error)
        raise DamagedPlan(f"line {line}: {reason}" if line else reason, edited=edited) from None


def _refuse_newer(text: str) -> None:
    """NewerPlan if the text (whatever else is wrong with it) names a newer schema version."""
    match = re.search(r"^schema_version:[ \t]*([0-9]{1,9})[ \t]*$", text, re.MULTILINE)
    if match and int(match.group(1)) > SCHEMA_VERSION:
        raise NewerPlan(int(match.group(1)))


def _as_written(value: Any) -> str:
    """A value as the plan's YAML spells it (true, 1.0, "1"), cut short."""
    import json

    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _read(text: str, *, edited: bool, legacy: bool) -> Plan:
    document = _load(text, edited)
    if document is None:
        raise DamagedPlan("it is empty" if not text.strip() else "it holds no plan, only comments", cut_short=True)
    if not isinstance(document, dict):
        raise DamagedPlan("it is not a mapping of keys to values", edited=edited)
    version = document.get("schema_version", document.get("version"))
    if type(version) is not int:
        shown = "missing" if version is None else f"{_as_written(version)}, not a whole number"
        raise DamagedPlan(f"schema_version is {shown}", edited=edited)
    if version > SCHEMA_VERSION:
        raise NewerPlan(version)
    if version == SCHEMA_VERSION:
        missing = [key for key in ("created", "updated", "answers", "steps", "removed") if key not in document]
        if missing:
            why = "it was cut short? " if legacy else ""
            raise DamagedPlan(f"{why}it lacks {', '.join(missing)}", cut_short=legacy, edited=edited)
    try:
        return parse(document)
    except ValueError as error:
        raise DamagedPlan(str(error), edited=edited) from None
