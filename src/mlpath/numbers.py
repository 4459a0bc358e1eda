"""Whole numbers typed by people and scripts: ASCII digits only, and never too many of them.

Python's `int()` also reads "²", "①", "٣" and "１" as digits, and raises ValueError past 4,300
digits. Every number mlpath reads from text (a command-line argument, an answer, a setting in the
environment, a JSON or YAML document) goes through here, so "٣" is not quietly 3 and a
thousand-digit number is refused with the caller's own message, never a crash.
"""

from __future__ import annotations

MAX_DIGITS = 18  # any count, amount, level or setting mlpath reads fits; an int64 still holds it
ASCII_DIGITS = frozenset("0123456789")


def whole_number(text: str, max_digits: int = MAX_DIGITS) -> int | None:
    """The number `text` spells in ASCII digits (spaces around it allowed), or None.

    No sign, no separators, no other script's digits, at most `max_digits` digits.
    """
    digits = text.strip()
    if not digits or len(digits) > max_digits or not ASCII_DIGITS.issuperset(digits):
        return None
    return int(digits)


def json_integer(text: str) -> int:
    """`parse_int` for `json.loads`: a JSON integer, refused (ValueError) when it is too long to
    be any answer. json hands over its digits (and a leading minus) as they were written."""
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise TooLongError(len(text.lstrip("-")))
    return int(text)


class TooLongError(ValueError):
    """A number with more digits than any mlpath reads."""

    def __init__(self, digits: int) -> None:
        self.digits = digits
        super().__init__(f"a number of {digits:,} digits; the most any answer or figure takes is {MAX_DIGITS}")
