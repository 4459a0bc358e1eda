"""The answers of an interrupted quiz, kept for `mlpath quiz --resume`. Never the plan.

- One JSON file, `quiz-resume.json`, in the data home beside the plan.
- Written atomically after every answer, so a quiz ended any way at all (Ctrl-C, a closed
  terminal, a kill, a crash) keeps what was answered. A symlink in its place is replaced, never
  written through: the file is mlpath's own and nothing else is ever overwritten by it.
- One quiz at a time keeps answers: a quiz holds a lock while it asks. A second quiz started
  meanwhile runs all the same, says that its answers are not kept, and leaves the file alone.
- It holds, in the form an answers file uses, the answers given with --set or --answers (not
  asked) and the answers asked so far; read back, they are checked as any answers file is.
- A finished quiz removes it.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from mlpath.errors import OperationError, UsageError
from mlpath.plan import take_lock

FORMAT = 1
MAX_BYTES = 100_000  # 17 answers take about 600


class Unfinished(NamedTuple):
    given: dict[str, Any]  # from --set / --answers in the interrupted run: not asked
    answered: dict[str, Any]  # asked and answered, in the order asked


def resume_path() -> Path:
    from mlpath.io.files import data_home

    return data_home() / "quiz-resume.json"


@contextlib.contextmanager
def asking() -> Iterator[bool]:
    """Hold the right to keep this quiz's answers while it asks: True, or False when another quiz
    holds it (this one then keeps nothing)."""
    try:
        fd = take_lock(resume_path().with_name(".quiz.lock"), wait=False)
    except OSError:
        yield True  # no lock to be had: keep answers all the same, as before there were two quizzes
        return
    try:
        yield fd is not None
    finally:
        if fd is not None:
            os.close(fd)


def keep(given: dict[str, Any], answered: dict[str, Any]) -> None:
    """Write the quiz so far, atomically. OperationError if it cannot be written."""
    from mlpath.io.files import write_atomic

    path = resume_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OperationError(f"cannot keep the unfinished quiz in {path.parent}: {error.strerror}") from None
    document = {"format": FORMAT, "given": given, "answered": answered}  # a tuple is a JSON list
    text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    write_atomic(str(path), text, "the unfinished quiz", private=True, mine=path, replace_link=True)  # as the plan


def load() -> Unfinished | None:
    """The interrupted quiz, or None when there is none. UsageError when the file is there but is
    not a quiz mlpath kept (changed by hand, from another version, not a regular file)."""
    from mlpath.content import answers as contract
    from mlpath.io.files import NotRegularFileError, TooLargeError, read_regular

    path = resume_path()
    try:
        document = json.loads(read_regular(path, MAX_BYTES).decode("utf-8"))
    except FileNotFoundError:
        return None
    except NotRegularFileError:
        raise _unreadable(path, "not a regular file") from None
    except TooLargeError:
        raise _unreadable(path, f"over {MAX_BYTES:,} bytes") from None
    except OSError as error:
        raise _unreadable(path, error.strerror or "cannot be read") from None
    except (ValueError, RecursionError):  # not UTF-8, not JSON
        raise _unreadable(path, "not the JSON mlpath writes") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _unreadable(path, "not a quiz kept by this version of mlpath")
    given, answered = document.get("given"), document.get("answered")
    if not isinstance(given, dict) or not isinstance(answered, dict):
        raise _unreadable(path, "no 'given' and 'answered' answers")
    try:
        contract.check({**given, **answered})
    except UsageError as error:
        raise _unreadable(path, str(error)) from None
    return Unfinished(given, answered)


def exists() -> bool:
    """Is an unfinished quiz kept (readable or not)?"""
    return os.path.lexists(resume_path())


def _unreadable(path: Path, why: str) -> UsageError:
    return UsageError(
        f"the unfinished quiz in {path} cannot be used ({why}); remove it, or start again with 'mlpath quiz'"
    )


def forget() -> None:
    """The quiz is finished: nothing is left to resume (unless another quiz is asking and keeps
    its own answers there)."""
    with asking() as mine:
        if mine:
            with contextlib.suppress(OSError):
                resume_path().unlink()
