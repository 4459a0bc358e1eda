"""Pick one item from an ordered list by id, 1-based number or unique id prefix."""

from __future__ import annotations

from collections.abc import Sequence

from mlpath.errors import UsageError, nearest, short
from mlpath.numbers import whole_number

MAX_WANTED = 100  # characters: any id, number or prefix is far shorter


def choose(ids: Sequence[str], wanted: str, what: str) -> int:
    """The 0-based index of `wanted` among `ids`, or a UsageError listing the choices."""
    choices = ", ".join(f"{n} {item}" for n, item in enumerate(ids, 1))
    if len(wanted) > MAX_WANTED:  # refused without echoing it
        raise UsageError(f"the {what} given is {len(wanted):,} characters long; choose one of: {choices}")
    text = wanted.strip().lower()
    if text in ids:
        return list(ids).index(text)
    number = whole_number(text)
    if number is not None and 1 <= number <= len(ids):
        return number - 1
    matches = [index for index, item in enumerate(ids) if item.startswith(text)] if text else []
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        several = ", ".join(ids[i] for i in matches)
        raise UsageError(f"{what} {short(wanted)} is ambiguous: it could be {several}; choose one of: {choices}")
    raise UsageError(f"unknown {what} {short(wanted)}{nearest(text, ids)}; choose one of: {choices}")
