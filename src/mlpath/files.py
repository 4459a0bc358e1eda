"""Reading user files and writing results safely. Every write is atomic: temp file, fsync, rename."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

from mlpath.errors import OperationError, UsageError

MAX_INPUT_BYTES = 10_000_000  # answers files and batches larger than this are refused


def read_input(name: str, what: str) -> str:
    """The text of file `name`, or of stdin for "-". Problems are usage errors (exit 2)."""
    if name == "-":
        data = sys.stdin.read(MAX_INPUT_BYTES + 1)
        if len(data) > MAX_INPUT_BYTES:
            raise UsageError(f"{what} on stdin is over {MAX_INPUT_BYTES:,} characters; the limit is that")
        return data
    path = Path(name)
    try:
        if path.is_dir():
            raise UsageError(f"{what} {name!r} is a directory, expected a file")
        if path.stat().st_size > MAX_INPUT_BYTES:
            raise UsageError(f"{what} {name!r} is over {MAX_INPUT_BYTES:,} bytes; the limit is that")
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"{what} {name!r} does not exist") from None
    except UnicodeDecodeError:
        raise UsageError(f"{what} {name!r} is not UTF-8 text") from None
    except OSError as error:
        raise UsageError(f"{what} {name!r} cannot be read: {error.strerror}") from None


def write_atomic(name: str, text: str | bytes, what: str, private: bool = False) -> None:
    """Write `text` to `name` so that readers see the old file or the new one, never a part.

    The file gets the permissions a new file gets from the umask (the temporary file is
    created owner-only), unless it is `private` (the saved plan): then it stays owner-only.
    """
    path = Path(name)
    if path.is_dir():
        raise OperationError(f"cannot write {what} to {name!r}: it is a directory")
    directory = path.parent
    temp_name = None
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
        data = text.encode("utf-8") if isinstance(text, str) else text
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if not private:
            Path(temp_name).chmod(0o666 & ~_umask())
        Path(temp_name).replace(path)
        temp_name = None
    except OSError as error:
        raise OperationError(f"cannot write {what} to {name!r}: {error.strerror}") from None
    finally:
        if temp_name is not None:  # failed or interrupted: the old file stays as it was
            with contextlib.suppress(OSError):
                Path(temp_name).unlink()


def _umask() -> int:
    mask = os.umask(0o022)  # the only way to read it is to set it; put it straight back
    os.umask(mask)
    return mask
