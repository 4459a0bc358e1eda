"""Answer sets as JSON Lines (`quiz --batch`, `cohort`): split into lines and parsed one by one.

A file and stdin are split the same way: on "\\n" only (a "\\r" before it is dropped; U+2028
and U+0085 are characters, not line breaks), from the bytes, so that a line that is not UTF-8
costs only itself. No line is held beyond `MAX_LINE_BYTES`: the rest of a longer one is read
and dropped. Every way a line can be poisonous (nesting thousands deep, numbers of thousands
of digits, NaN, lone surrogates, duplicate keys) is a `LineError` for that line alone.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator
from typing import IO, Any

from mlpath.errors import UsageError

MAX_LINE_BYTES = 1_000_000
MAX_NUMBER_DIGITS = 40  # a float written longer than twice this is refused (integers: Python's own limit)
_CHUNK = 1 << 16
_BOM = b"\xef\xbb\xbf"

Id = str | int | float  # an input line's `id`, echoed in its output line


class LineError(Exception):
    """What is wrong with one line: its message, and its id when the line got as far as one."""

    def __init__(self, message: str, ident: Id | None = None) -> None:
        super().__init__(message)
        self.ident = ident


def read_lines(stream: IO[bytes], limit: int = MAX_LINE_BYTES) -> Iterator[bytes | None]:
    """Each line of `stream` as bytes, without its line end, as soon as it is read; None for a
    line over `limit` bytes. A last line without "\\n" is a line; an empty stream has none.
    A stream that fails to read is a UsageError (exit 2), as for any input file."""
    try:
        yield from _lines(stream.readline, limit)
    except OSError as error:
        raise UsageError(f"the answer sets cannot be read: {error.strerror or error}") from None


def _lines(readline: Callable[[int], bytes], limit: int) -> Iterator[bytes | None]:
    first = True
    while True:
        line = readline(limit + 2)  # room for "\r\n" after a line of exactly `limit` bytes
        if not line:
            return
        if first:
            first = False
            line = line.removeprefix(_BOM)
        if line.endswith(b"\n"):
            line = line[:-2] if line.endswith(b"\r\n") else line[:-1]
        elif len(line) >= limit + 2:  # cut at the bound: drop the rest of the line, chunk by chunk
            while True:
                rest = readline(_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        elif line.endswith(b"\r"):  # the last line, ended by "\r\n" cut short
            line = line[:-1]
        yield None if len(line) > limit else line


def _refuse_constant(name: str) -> Any:
    raise LineError(f"{name} is not a number JSON allows")


def _finite_float(text: str) -> float:
    if len(text) > MAX_NUMBER_DIGITS * 2:
        raise LineError(f"a number written with {len(text):,} characters; answers are small whole numbers")
    value = float(text)
    if not math.isfinite(value):
        raise LineError(f"{text[:20]} is too large a number")
    return value


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise LineError(f"the key {_shown(key)} is given twice")
            seen.add(key)
    return found


def _shown(text: str, limit: int = 40) -> str:
    shown = repr(text)  # escapes control characters and lone surrogates
    return shown if len(shown) <= limit else shown[: limit - 4] + "...'"


_KINDS: dict[type, str] = {dict: "an object", list: "a list"}
_DECODER = json.JSONDecoder(
    parse_float=_finite_float,
    parse_constant=_refuse_constant,
    object_pairs_hook=_no_duplicates,
)


def parse_line(data: bytes) -> tuple[Id | None, dict[str, Any]]:
    """The line's id (None without one) and its answers, unchecked; a `LineError` otherwise."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise LineError(f"not UTF-8 text (byte {error.start + 1} of the line)") from None
    if not text.strip():
        raise LineError("empty line; expected a JSON object of answers")
    try:
        found = _DECODER.decode(text)
    except json.JSONDecodeError as error:
        raise LineError(f"not valid JSON at column {error.colno}: {error.msg}") from None
    except RecursionError:
        raise LineError("JSON nested too deeply; expected a flat object of answers") from None
    except ValueError:  # the only other way to fail: an integer past Python's limit on digits
        raise LineError("a number of thousands of digits; answers are small whole numbers") from None
    if not isinstance(found, dict):
        raise LineError('expected a JSON object of answers, e.g. {"programming": "beginner"}')
    if "id" not in found:
        return None, found
    ident = found.pop("id")
    if isinstance(ident, bool) or not isinstance(ident, (str, int, float)):
        kind = "true/false" if isinstance(ident, bool) else _KINDS.get(type(ident), "null")
        raise LineError(f"id must be a string or a number, not {kind}")
    if isinstance(ident, str):
        try:
            ident.encode("utf-8")
        except UnicodeEncodeError:
            raise LineError("id holds a lone surrogate (\\ud800-\\udfff), which is not text") from None
    return ident, found
