"""Exit codes and the exceptions that map to them. Only `cli.application` turns these into exits."""

from __future__ import annotations

from enum import IntEnum

from mlpath.model import Record
from mlpath.text import cut_words, plural


class ExitCode(IntEnum):
    OK = 0
    FAILED = 1  # an operation failed: a file could not be written, ...
    USAGE = 2  # bad flag or value, invalid answers, the quiz needs answers
    CONTENT = 3  # invalid content data
    INTERRUPTED = 130  # Ctrl-C (and a terminal closed or a kill during the quiz)


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


class Problem(Record):
    """One thing wrong with a content file: where it is (`line` is None when it concerns the
    whole file) and what is wrong."""

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
        self.problems = problems
        super().__init__(f"invalid content in {cut_words(directory, 300)} ({plural(len(problems), 'problem')})")
