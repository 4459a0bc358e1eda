"""The answers of an interrupted quiz, kept for `mlpath quiz --resume`. Never the plan.

- One JSON file, `quiz-resume.json`, in the user data directory beside the plan (see userdirs;
  MLPATH_HOME overrides it).
- Written atomically (temp file, fsync, rename) after every answer, so a quiz killed any way
  at all (Ctrl-C, a closed terminal, a crash) keeps what was answered.
- It holds, in the form an answers file uses, the answers given with --set or --answers (not
  asked) and the answers asked so far. Read back, they are checked like any answers file.
- A finished quiz removes it.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any, NamedTuple

from mlpath.errors import UsageError

RESUME_FILE = "quiz-resume.json"
FORMAT = 1
MAX_BYTES = 100_000  # 17 answers take about 600


class Unfinished(NamedTuple):
    given: dict[str, Any]  # from --set / --answers in the interrupted run: not asked
    answered: dict[str, Any]  # asked and answered, in the order asked


def resume_path() -> Path:
    from mlpath.userdirs import data_home

    return data_home() / RESUME_FILE


def _listed(values: dict[str, Any]) -> dict[str, Any]:
    return {key: list(value) if isinstance(value, tuple) else value for key, value in values.items()}


def keep(given: dict[str, Any], answered: dict[str, Any]) -> None:
    """Write the quiz so far, atomically. OperationError if it cannot be written."""
    from mlpath.errors import OperationError
    from mlpath.files import write_atomic

    path = resume_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OperationError(f"cannot keep the unfinished quiz in {path.parent}: {error.strerror}") from None
    document = {"format": FORMAT, "given": _listed(given), "answered": _listed(answered)}
    write_atomic(
        str(path), json.dumps(document, ensure_ascii=False, indent=1) + "\n", "the unfinished quiz", record=False
    )


def load() -> Unfinished | None:
    """The interrupted quiz, or None when there is none. UsageError when the file is there but is
    not a quiz mlpath kept (changed by hand, from another version, not a regular file)."""
    from mlpath.files import NotRegularFileError, TooLargeError, read_regular

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
    from mlpath import answers as contract

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
    """The quiz is finished: nothing is left to resume."""
    with contextlib.suppress(OSError):
        resume_path().unlink()
