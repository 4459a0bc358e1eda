"""Reading user files with a bound and writing results safely.

Inputs: only regular files (or stdin, for "-") are read, never more than a limit, and a FIFO
or device is refused at once instead of blocking or filling memory. Outputs: the target is
checked before anything is written (no directories, devices or FIFOs, no read-only files, not
a file the same run reads); the write is atomic (temp file, fsync, rename) and goes through a
symlink to its target, leaving the link in place.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from mlpath.errors import OperationError, UsageError, short

MAX_INPUT_BYTES = 10_000_000  # answers files, plans and content files larger than this are refused
TEMP_SUFFIX = ".tmp"
STALE_TEMP = 600  # seconds: a temp file this old was left by a write that was killed
WRITTEN: list[tuple[str, str]] = []  # (what, file name) of each recorded write of this run, in order


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _is_stdin(status: os.stat_result) -> bool:
    try:
        return os.path.samestat(status, os.fstat(0))
    except OSError:
        return False


class NotRegularFileError(OSError):
    """The path is there but is not a regular file (`kind` says what it is: "a pipe (FIFO)", ...)."""

    def __init__(self, kind: str, status: os.stat_result) -> None:
        super().__init__(f"it is {kind}")
        self.kind = kind
        self.status = status


def open_regular(name: str | os.PathLike[str]) -> BinaryIO:
    """A binary stream of the regular file `name` (through symlinks). Anything else raises
    NotRegularFileError at once: a FIFO with no writer does not block the open, a device is
    never read. Other problems are the OSError of the open (FileNotFoundError, ...)."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(name, flags)
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise NotRegularFileError(_kind(status.st_mode), status)
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(name: str | os.PathLike[str], limit: int) -> bytes:
    """At most `limit` bytes of the regular file `name`; TooLargeError if it holds more. Raises
    what `open_regular` raises."""
    with open_regular(name) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise TooLargeError(limit)
    return data


class TooLargeError(OSError):
    def __init__(self, limit: int) -> None:
        super().__init__(f"it is over {limit:,} bytes; the limit is that")
        self.limit = limit


@contextlib.contextmanager
def open_input(name: str, what: str) -> Iterator[BinaryIO]:
    """A binary stream of file `name`, or of stdin for "-" (or a path that is this run's stdin,
    such as /dev/stdin). Anything else that is not a regular file is refused (exit 2) without
    blocking: a FIFO with no writer does not hang the run."""
    if name == "-":
        yield _stdin(what)
        return
    try:
        handle = open_regular(name)
    except NotRegularFileError as error:
        if _is_stdin(error.status):
            yield _stdin(what)
            return
        raise UsageError(f"{what} {_shown(name)} is {error.kind}; give a regular file, or - for stdin") from None
    except FileNotFoundError:
        raise UsageError(f"{what} {_shown(name)} does not exist") from None
    except OSError as error:
        raise UsageError(f"{what} {_shown(name)} cannot be read: {error.strerror}") from None
    except ValueError:  # a NUL byte in the name
        raise UsageError(f"{what} {_shown(name)} is not a file name (it holds a NUL byte)") from None
    with handle:
        yield handle


def _stdin(what: str) -> BinaryIO:
    stream = sys.stdin
    if stream is None or getattr(stream, "closed", False):
        raise UsageError(f"{what}: stdin is closed; give a file, or pipe the input in")
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a text stream without bytes underneath (a test's StringIO)
        import io

        return io.BytesIO(stream.read(MAX_INPUT_BYTES + 1).encode("utf-8", "surrogateescape"))
    return buffer  # type: ignore[no-any-return]


def read_bytes(name: str, what: str, limit: int = MAX_INPUT_BYTES) -> bytes:
    """At most `limit` bytes of `name` ("-" is stdin); more than that is a usage error."""
    where = "stdin" if name == "-" else _shown(name)
    try:
        with open_input(name, what) as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        if name == "-":  # as the stream policy words any failure of stdin
            raise UsageError(f"cannot read stdin: {error.strerror}") from None
        raise UsageError(f"{what} {where} cannot be read: {error.strerror}") from None
    if len(data) > limit:
        raise UsageError(f"{what} {where} is over {limit:,} bytes; the limit is that")
    return data


def decode(data: bytes, what: str, name: str) -> str:
    """UTF-8 text (a leading byte-order mark is dropped); anything else is a usage error."""
    where = "on stdin" if name == "-" else _shown(name)
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise UsageError(f"{what} {where} is not UTF-8 text") from None


def read_input(name: str, what: str) -> str:
    """The text of file `name`, or of stdin for "-". Problems are usage errors (exit 2)."""
    return decode(read_bytes(name, what), what, name)


def check_target(name: str, what: str, *, protect: Sequence[str] = (), follow_links: bool = True) -> Path:
    """The path a write to `name` goes to (a symlink's target), checked before anything is
    written: not a directory, device or FIFO, not read-only, in a directory that exists, and
    not one of the files in `protect` (the inputs of the same run). Refusals are
    operation errors (exit 1: the file cannot be written). With `follow_links` False (files
    mlpath names itself, such as the cache), a symlink in the last place is replaced, not followed."""
    if "\0" in name:
        raise OperationError(f"cannot write {what} to {_shown(name)}: a file name cannot hold a NUL byte")
    if follow_links:
        path = Path(os.path.realpath(name))
    else:
        given = Path(name)
        path = Path(os.path.realpath(given.parent)) / given.name
    try:
        status: os.stat_result | None = path.stat() if follow_links else path.lstat()
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise OperationError(f"cannot write {what} to {_shown(name)}: {error.strerror}") from None
    if status is not None:
        if not stat.S_ISREG(status.st_mode) and not (stat.S_ISLNK(status.st_mode) and not follow_links):
            raise OperationError(
                f"cannot write {what} to {_shown(name)}: it is {_kind(status.st_mode)}; give a file name"
            )
        # No write bit at all is read-only even for root, whom os.access lets write anything.
        if follow_links and (not os.access(path, os.W_OK) or not status.st_mode & 0o222):
            raise OperationError(f"cannot write {what} to {_shown(name)}: the file is read-only")
        for other in protect:
            if other != "-" and _same_file(path, other):
                raise OperationError(
                    f"cannot write {what} to {_shown(name)}: it is the file this run reads ({_shown(other)})"
                )
    if not path.parent.is_dir():
        raise OperationError(
            f"cannot write {what} to {_shown(name)}: the directory {_shown(str(path.parent))} does not exist"
        )
    return path


def _same_file(path: Path, other: str) -> bool:
    try:
        return path.samefile(other)
    except OSError:
        return False


def write_atomic(
    name: str,
    text: str | bytes,
    what: str,
    *,
    private: bool = False,
    protect: Sequence[str] = (),
    replace_link: bool = False,
    record: bool = True,
) -> None:
    """Write `text` to `name` so that readers see the old file or the new one, never a part
    (see `atomic_file`)."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    with atomic_file(name, what, private=private, protect=protect, replace_link=replace_link, record=record) as out:
        out.write(data)


@contextlib.contextmanager
def atomic_file(
    name: str,
    what: str,
    *,
    private: bool = False,
    protect: Sequence[str] = (),
    replace_link: bool = False,
    record: bool = True,
) -> Iterator[BinaryIO]:
    """A file to write `name` through: a temporary file beside it, renamed over it when the
    block ends without an error, so readers see the old file or the new one, never a part.

    The target is checked first (`check_target`). A new file gets the permissions the umask
    gives, a file replaced keeps its own (the temporary file is created owner-only), and a
    `private` one (the saved plan) is always owner-only. A symlink is written through to its
    target, unless `replace_link`: then the link is replaced by the file. A write the person
    asked for is `record`ed, so that an interrupt later in the run can say what was written
    (`interrupted`).
    """
    import tempfile

    target = check_target(name, what, protect=protect, follow_links=not replace_link)
    temp_name = None
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if not private:
            Path(temp_name).chmod(_mode_for(target))
        Path(temp_name).replace(target)
        temp_name = None
        remove_temps(target, STALE_TEMP)
        if record:
            WRITTEN.append((what, name))
    except OSError as error:
        raise OperationError(f"cannot write {what} to {_shown(name)}: {error.strerror}") from None
    finally:
        if temp_name is not None:  # failed or interrupted: the old file stays as it was
            with contextlib.suppress(OSError):
                Path(temp_name).unlink()


def _mode_for(target: Path) -> int:
    """A file replaced keeps its permissions (as with `>`); a new one gets the umask's."""
    try:
        status = target.lstat()
    except OSError:
        status = None
    if status is not None and stat.S_ISREG(status.st_mode):
        return stat.S_IMODE(status.st_mode) & 0o777
    return 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0o022)  # the only way to read it is to set it; put it straight back
    os.umask(mask)
    return mask


def remove_temps(target: Path, older_than: float = 0) -> None:
    """Remove the temporary files that writes of `target` left when they were killed before
    their rename (`.NAME.XXXXXXXX.tmp` beside it, as write_atomic names them), if last changed
    over `older_than` seconds ago. A caller passes 0 only when no other write of `target` can
    be under way (the plan's lock); write_atomic itself removes those over STALE_TEMP old."""
    import glob
    import time

    limit = time.time() - older_than
    random_part = "[a-z0-9_]" * 8  # what tempfile.mkstemp puts between prefix and suffix
    for temp in target.parent.glob(f".{glob.escape(target.name)}.{random_part}{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            status = temp.lstat()
            if (stat.S_ISREG(status.st_mode) or stat.S_ISLNK(status.st_mode)) and status.st_mtime <= limit:
                temp.unlink()


def new_run() -> None:
    """Forget the writes recorded so far (a new run in the same process, as in tests)."""
    WRITTEN.clear()


def interrupted() -> str:
    """The line for an interrupt (Ctrl-C): what this run has written so far, if anything."""
    if not WRITTEN:
        return "Interrupted; nothing was saved."
    done = "; ".join(f"{what} to {name}" for what, name in WRITTEN)
    return f"Interrupted after writing {done}; nothing else was saved."


def _shown(name: str) -> str:
    """A file name as a message quotes it: whole unless absurdly long (then cut, never echoed whole)."""
    return short(name, 300)
