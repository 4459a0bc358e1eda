"""Text in and out: numbers people type, values quoted in messages, text made safe to show.

Whole numbers are read here only ("٣" is not 3; a thousand-digit number is refused, never a
crash), and every text a person reads or a message quotes is cut and stripped of escape
sequences here, so that it never floods a message or drives the terminal.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

MAX_DIGITS = 18  # any count, amount, level or setting mlpath reads fits; an int64 still holds it

# ESC sequences whole (CSI, OSC up to its terminator, and two-character ones), so that no "[2J"
# is left behind; then any other C0 control but tab and newline, DEL, the C1 controls (among
# them the one-character CSI U+009B) and the bidi controls.
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI ... final byte
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC ... BEL or ST
    r"|\x1b[ -~]?"  # any other escape, and a lone ESC
)
LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # what bytes that were not UTF-8 decode to: no text
_BIDI = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
_CONTROLS = dict.fromkeys(c for c in (*range(0x20), *range(0x7F, 0xA0), *_BIDI) if chr(c) not in "\t\n")


def shown(text: str) -> str:
    """`text` without escape sequences or control characters (tab and newline stay)."""
    if text.isprintable():  # the common case: nothing to strip (controls are never printable)
        return text
    return _SEQUENCE.sub("", text).translate(_CONTROLS)


def short(value: Any, limit: int = 60) -> str:
    """A value as a message quotes it: its repr on one line (control characters escaped; null,
    true, false, lists and objects as JSON writes them), cut short, so that a huge input (a
    thousand-digit number, a megabyte of text) never floods it."""
    if isinstance(value, (list, tuple, dict)) and len(value) >= 50:
        text = f"<{type(value).__name__}>"
    elif isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        text = f"<a number of about {int(value.bit_length() * 0.30103)} digits>"  # repr fails past 4,300 digits
    elif value is None or isinstance(value, (bool, list, tuple, dict)):  # as JSON and YAML write them
        import json

        try:
            text = json.dumps(value, ensure_ascii=False)
        except (TypeError, ValueError):  # a key or an item JSON has no word for
            text = repr(value)
    else:
        text = repr(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def cut_words(text: str, limit: int = 60) -> str:
    """`text` made safe to show, every run of more than `limit` non-space characters cut short:
    for messages that quote what was typed (a path, typer's own usage errors)."""
    return re.sub(rf"\S{{{limit + 1},}}", lambda match: match.group()[: limit - 3] + "...", shown(text))


def nearest(word: Any, choices: Iterable[Any], cutoff: float = 0.5, compared: Callable[[str], str] = str) -> str:
    """ " (did you mean 'x'?)" for the choice nearest to `word`, or nothing when none is near;
    `compared` is what of each text is compared (a header's words without case, say)."""
    import difflib

    text = str(word)
    if len(text) > 200:
        return ""
    listed = {compared(str(choice)): str(choice) for choice in choices}
    near = difflib.get_close_matches(compared(text), list(listed), n=1, cutoff=cutoff)
    if not near:
        return ""
    meant = listed[near[0]]
    return f" (did you mean {meant!r}{'' if meant.endswith('?') else '?'})"  # a question's prompt has its own


def whole_number(text: str, max_digits: int = MAX_DIGITS) -> int | None:
    """The number `text` spells in ASCII digits (spaces around it allowed), or None: no sign, no
    separators, no other script's digits, at most `max_digits` digits."""
    digits = text.strip()
    if len(digits) > max_digits or not (digits.isascii() and digits.isdigit()):
        return None
    return int(digits)


class TooLongError(ValueError):
    """A number with more digits than any mlpath reads."""

    def __init__(self, digits: int) -> None:
        super().__init__(f"a number of {digits:,} digits; the most any answer or figure takes is {MAX_DIGITS}")


def json_integer(text: str) -> int:
    """`parse_int` for `json.loads`: a JSON integer, refused (TooLongError) when it is too long to
    be any answer. json hands over its digits (and a leading minus) as they were written."""
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise TooLongError(len(text.lstrip("-")))
    return int(text)


def money(amount: float) -> str:
    return f"${amount:,.0f}"


def span(low: float, high: float, form: Callable[[float], str] = lambda n: f"{n:g}") -> str:
    """A range as a person reads it: "1 to 2", "$11,404 to $22,808", or one value when they meet."""
    return form(low) if low == high else f"{form(low)} to {form(high)}"


def count_word(count: int) -> str:
    words = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    return words[count] if count < len(words) else str(count)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def worded(name: str) -> str:
    """An id or a field name as words: "degree_needed" is "Degree needed"."""
    text = name.replace("_", " ").replace("-", " ")
    return text[:1].upper() + text[1:]


def wrap(text: str, columns: int, indent: str = "  ", hanging: str | None = None) -> str:
    """`text` wrapped on words to fit `columns` (one to spare: the last column wraps on some
    terminals), its first line after `indent`, the later ones after `hanging` (or `indent`); a
    word longer than a line stays whole, and so does a hyphenated one."""
    import textwrap

    width = max(len(indent) + 10, columns - 1)
    later = indent if hanging is None else hanging
    return textwrap.fill(
        text, width, initial_indent=indent, subsequent_indent=later, break_long_words=False, break_on_hyphens=False
    )
