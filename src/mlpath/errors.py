"""Exit codes and the exceptions that map to them. Only `cli` turns these into exits."""

from __future__ import annotations

import re
from enum import IntEnum
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Iterable


class ExitCode(IntEnum):
    OK = 0
    FAILED = 1  # an operation failed: a file could not be written, ...
    USAGE = 2  # bad flag or value, invalid answers, the quiz needs answers
    CONTENT = 3  # invalid content data
    INTERRUPTED = 130  # Ctrl-C


class MlpathError(Exception):
    """An error the user can act on; its message is one line meant for them."""

    exit_code: ExitCode = ExitCode.FAILED


class OperationError(MlpathError):
    exit_code = ExitCode.FAILED


class UsageError(MlpathError):
    exit_code = ExitCode.USAGE


class InterruptError(MlpathError):
    """An interrupt that was handled: its message is the one line that says what was kept."""

    exit_code = ExitCode.INTERRUPTED


class Problem(NamedTuple):
    """One thing wrong with a content file: where it is and what is wrong."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ContentError(MlpathError):
    """Content that failed validation; carries every problem found, not just the first."""

    exit_code = ExitCode.CONTENT

    def __init__(self, directory: str, problems: list[Problem]) -> None:
        self.directory = directory
        self.problems = problems
        count = len(problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"invalid content in {long_words_cut(directory, 300)} ({count} {noun})")


def nearest(word: str, choices: Iterable[Any]) -> str:
    """ " (did you mean 'x'?)" for the choice nearest to `word`, or nothing when none is near."""
    import difflib

    near = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.5)
    return f" (did you mean {near[0]!r}?)" if near else ""


def short(value: Any, limit: int = 60) -> str:
    """A value as a message shows it: its repr on one line, cut short so that a huge input
    (a thousand-digit number, a megabyte of text) never floods the message."""
    if isinstance(value, (list, tuple, dict)) and len(value) >= 50:
        text = f"<{type(value).__name__}>"
    elif isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        text = f"<a number of about {int(value.bit_length() * 0.30103)} digits>"  # repr fails past 4,300 digits
    else:
        text = repr(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def long_words_cut(text: str, limit: int = 60) -> str:
    """`text` with every run of more than `limit` non-space characters cut short, for messages
    that quote what was typed (typer's own usage errors among them)."""
    return re.sub(rf"\S{{{limit + 1},}}", lambda match: match.group()[: limit - 3] + "...", text)
