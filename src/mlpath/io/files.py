"""The one way a file is read or written, and where a person's files live.

Reading: only a regular file (or stdin, for "-", or a pipe given as the input, as `<(...)` gives
one) is read, never past a bound; a device, or a FIFO where a file must be, is refused at once
instead of blocking. Every file a run reads is remembered, so that no write of
the same run can replace it.

Writing: every write goes through `atomic_file`, which checks the target first (`check_target`)
and renames a temporary file over it, so readers see the old file or the new one, never a part.

Places: MLPATH_HOME, when set, holds everything (the cache in its `cache` folder); otherwise the
platform's user data and cache directories (platformdirs).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from mlpath.errors import OperationError, UsageError
from mlpath.text import short

ENV_HOME = "MLPATH_HOME"
MAX_INPUT_BYTES = 10_000_000  # answers files and content files larger than this are refused
TEMP_SUFFIX = ".tmp"
STREAM_NAMES = re.compile(r"/dev/(stdin|stdout|stderr|fd/)|/proc/")
STALE_TEMP = 600  # seconds: a temp file this old was left by a write that was killed
# mlpath's own files in the data home, and what a message calls each.
OWN_FILES = {
    "plan.yaml": "your saved plan",
    "quiz-resume.json": "the unfinished quiz",
    ".plan.lock": "the lock of your saved plan",
    ".quiz.lock": "the lock of the unfinished quiz",
}
WRITTEN: list[tuple[str, str]] = []  # (what, file name) of each write of this run a person asked for
READ: dict[tuple[int, int], str] = {}  # (device, inode) of each regular file this run read: its name


def data_home(cache: bool = False) -> Path:
    """Where the plan and the unfinished quiz live; with `cache`, where the content cache lives."""
    chosen = os.environ.get(ENV_HOME)
    if chosen:
        return Path(chosen) / "cache" if cache else Path(chosen)
    import platformdirs

    return Path((platformdirs.user_cache_dir if cache else platformdirs.user_data_dir)("mlpath", appauthor=False))


def new_run() -> None:
    """Forget what this process read and wrote so far (a new run in the same process)."""
    WRITTEN.clear()
    READ.clear()


def interrupted() -> str:
    """The line for an interrupt (Ctrl-C): what this run has written so far, if anything."""
    if not WRITTEN:
        return "Interrupted; nothing was saved."
    return f"Interrupted after writing {written()}; nothing else was saved."


def written() -> str:
    """What this run has written so far: "answers to a.yaml; the roadmap to r.md"."""
    return "; ".join(f"{what} to {name}" for what, name in WRITTEN)


def shown_name(name: str | os.PathLike[str]) -> str:
    """A file name as a message quotes it: escaped, and cut when absurdly long."""
    return short(os.fspath(name), 300)


# --- reading ---------------------------------------------------------------------------------------


KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def _kind(mode: int) -> str:
    return next((kind for test, kind in KINDS if test(mode)), "not a regular file")


class NotRegularFileError(OSError):
    """The path is there but is not a regular file (`kind` says what it is: "a pipe (FIFO)", ...)."""

    def __init__(self, kind: str, status: os.stat_result) -> None:
        super().__init__(f"it is {kind}")
        self.kind = kind
        self.status = status


class TooLargeError(OSError):
    """Input past one of mlpath's bounds: a file over its limit of bytes, or a YAML document that
    expands to far more than it holds (`io.yaml`). An OSError, as any file that cannot be read."""


def open_regular(name: str | os.PathLike[str], *, pipe: bool = False) -> BinaryIO:
    """A binary stream of the regular file `name` (through symlinks; with `pipe`, a pipe too),
    remembered as read. Anything else raises NotRegularFileError at once: a device is never read,
    and the open of a FIFO never blocks (one with no writer reads as empty). Other problems are the
    OSError of the open."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(name, flags)
    try:
        status = os.fstat(fd)
        if not (stat.S_ISREG(status.st_mode) or (pipe and stat.S_ISFIFO(status.st_mode))):
            raise NotRegularFileError(_kind(status.st_mode), status)
        os.set_blocking(fd, True)
        READ[(status.st_dev, status.st_ino)] = os.fspath(name)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(name: str | os.PathLike[str], limit: int) -> bytes:
    """At most `limit` bytes of the regular file `name`; TooLargeError if it holds more."""
    with open_regular(name) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise TooLargeError(f"it is over {limit:,} bytes; the limit is that")
    return data


def _stdin_status() -> os.stat_result | None:
    try:
        return os.fstat(0)
    except OSError:
        return None


@contextlib.contextmanager
def open_input(name: str, what: str) -> Iterator[BinaryIO]:
    """A binary stream of file `name` (a regular file or a pipe, such as `<(...)` names), or of
    stdin for "-" (or a path that is this run's stdin, such as /dev/stdin). Anything else (a
    device, a directory) is refused (exit 2) without blocking. The file (stdin's too, when it is
    one) is remembered as read."""
    if name != "-":
        try:
            handle = open_regular(name, pipe=True)
        except NotRegularFileError as error:
            status = _stdin_status()
            if status is None or not os.path.samestat(error.status, status):
                raise UsageError(f"{what} {shown_name(name)} is {error.kind}; give a file, or - for stdin") from None
        except FileNotFoundError:
            raise UsageError(f"{what} {shown_name(name)} does not exist") from None
        except OSError as error:
            raise UsageError(f"{what} {shown_name(name)} cannot be read: {error.strerror}") from None
        except ValueError:  # a NUL byte in the name
            raise UsageError(f"{what} {shown_name(name)} is not a file name (it holds a NUL byte)") from None
        else:
            with handle:
                yield handle
            return
    stream = sys.stdin
    if stream is None or getattr(stream, "closed", False):
        raise UsageError(f"{what}: stdin is closed; give a file, or pipe the input in")
    status = _stdin_status()
    if status is not None and stat.S_ISREG(status.st_mode):
        READ[(status.st_dev, status.st_ino)] = "stdin"
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a text stream without bytes underneath (a test's StringIO)
        import io

        buffer = io.BytesIO(stream.read(MAX_INPUT_BYTES + 1).encode("utf-8", "surrogateescape"))
    yield buffer


def read_input(name: str, what: str, limit: int = MAX_INPUT_BYTES) -> str:
    """The UTF-8 text of file `name`, or of stdin for "-" (a leading byte-order mark dropped).
    Problems are usage errors (exit 2)."""
    where = "stdin" if name == "-" else shown_name(name)
    try:
        with open_input(name, what) as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        from mlpath.io.streams import failure

        if failure(error) is not None:
            raise  # stdin's: named where every stream's failure is (cli.application)
        raise UsageError(f"{what} {where} cannot be read: {error.strerror}") from None
    if len(data) > limit:
        raise UsageError(f"{what} {where} is over {limit:,} bytes; the limit is that")
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise UsageError(f"{what} {'on stdin' if name == '-' else where} is not UTF-8 text") from None


# --- writing ---------------------------------------------------------------------------------------


def check_target(name: str, what: str, *, mine: Path | None = None, replace_link: bool = False) -> Path:
    """The path a write to `name` goes to (a symlink's target), checked before anything is
    written: not a directory, device or FIFO, not read-only, in a directory that exists, not a
    file this run reads and not one of mlpath's own files. `mine`: the file this write owns (the
    plan, the cache entry): writing it is the point. With `replace_link` (a file mlpath names
    itself), a symlink in its place is replaced, not followed. Refusals are OperationErrors."""

    def refuse(why: str) -> OperationError:
        return OperationError(f"cannot write {what} to {shown_name(name)}: {why}")

    if not name:
        raise refuse("the name is empty; give a file name")
    if "\0" in name:
        raise refuse("a file name cannot hold a NUL byte")
    if _names_a_stream(name):
        raise refuse("it names an open stream, not a file; give a file name, or -o - for standard output")
    given = Path(name)
    path = Path(os.path.realpath(given.parent)) / given.name if replace_link else Path(os.path.realpath(name))
    try:
        status: os.stat_result | None = path.lstat() if replace_link else path.stat()
    except FileNotFoundError:
        status = None
    except NotADirectoryError:  # a file where the path needs a directory
        raise refuse(f"{shown_name(str(given.parent))} is not a directory") from None
    except OSError as error:
        raise refuse(error.strerror or str(error)) from None
    ours = mine is not None and _same(path, Path(os.path.realpath(mine)))
    if status is not None:
        if not stat.S_ISREG(status.st_mode) and not (replace_link and stat.S_ISLNK(status.st_mode)):
            raise refuse(f"it is {_kind(status.st_mode)}; give a file name")
        # No write bit at all is read-only even for root, whom os.access lets write anything.
        if not replace_link and (not os.access(path, os.W_OK) or not status.st_mode & 0o222):
            raise refuse("the file is read-only")
        read = READ.get((status.st_dev, status.st_ino))
        if read is not None and not ours:
            raise refuse(f"it is a file this run reads ({shown_name(read)})")
    if not ours:
        for own, called in OWN_FILES.items():
            if _same(path, Path(os.path.realpath(data_home() / own))):
                raise refuse(f"it is {called} ({shown_name(data_home() / own)})")
    if not path.parent.is_dir():
        raise refuse(f"the directory {shown_name(str(path.parent))} does not exist")
    return path


def _names_a_stream(name: str) -> bool:
    """Does `name`, or a link it leads through, name a descriptor (/dev/stdout, /dev/fd/N,
    /proc/self/fd/N)? The file behind one is a stream's, appended to or piped: a write there
    must never replace it by a rename."""
    path = Path(name).absolute()
    for _ in range(40):  # the kernel's own limit on links followed
        if STREAM_NAMES.match(str(path)):
            return True
        try:
            path = Path(os.path.normpath(path.parent / path.readlink()))
        except OSError:
            return False
    return False


def _same(one: Path, other: Path) -> bool:
    if one == other:
        return True
    try:
        return one.samefile(other)
    except OSError:
        return False


@contextlib.contextmanager
def atomic_file(
    name: str, what: str, *, private: bool = False, mine: Path | None = None, replace_link: bool = False
) -> Iterator[BinaryIO]:
    """A file to write `name` through: a temporary file beside it, renamed over it when the block
    ends without an error. A new file gets the umask's permissions, a replaced one keeps its own, a
    `private` one (the plan) is owner-only. A write the person asked for (not a file mlpath names
    itself: `replace_link`) is recorded, so an interrupt can say what was written. An error, an
    interrupt or a kill (see `cli.main`) leaves the old file as it was and no temporary file behind."""
    import secrets

    target = check_target(name, what, mine=mine, replace_link=replace_link)
    temp_name = None
    try:
        while True:  # the name is kept before the file exists, so an interrupt never leaves it behind
            random_part = "".join(secrets.choice("abcdefghijklmnopqrstuvwxyz0123456789_") for _ in range(8))
            temp_name = str(target.parent / f".{target.name}.{random_part}{TEMP_SUFFIX}")
            try:
                fd = os.open(temp_name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
                break
            except FileExistsError:  # another write's: never ours to remove
                temp_name = None
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if not private:
            Path(temp_name).chmod(_mode_for(target))
        Path(temp_name).replace(target)
        temp_name = None
        remove_temps(target, STALE_TEMP)
        if not replace_link:
            WRITTEN.append((what, name))
    except OSError as error:
        raise OperationError(f"cannot write {what} to {shown_name(name)}: {error.strerror}") from None
    finally:
        if temp_name is not None:
            with contextlib.suppress(OSError):
                Path(temp_name).unlink()


def write_atomic(name: str, text: str | bytes, what: str, **options: object) -> None:
    data = text.encode("utf-8") if isinstance(text, str) else text
    with atomic_file(name, what, **options) as out:  # type: ignore[arg-type]
        out.write(data)


def _mode_for(target: Path) -> int:
    """A replaced file's permissions (as with `>`), else the umask's."""
    try:
        status = target.lstat()
    except OSError:
        status = None
    if status is not None and stat.S_ISREG(status.st_mode):
        return stat.S_IMODE(status.st_mode) & 0o777
    mask = os.umask(0o022)  # the only way to read it is to set it; put it straight back
    os.umask(mask)
    return 0o666 & ~mask


def remove_temps(target: Path, older_than: float = 0) -> None:
    """Remove the temporary files (`.NAME.XXXXXXXX.tmp` beside `target`) that writes killed before
    their rename left, if last changed over `older_than` seconds ago (0 only when no other write
    of `target` can be under way: under the plan's lock)."""
    import glob
    import time

    limit = time.time() - older_than
    random_part = "[a-z0-9_]" * 8  # what `atomic_file` puts between the name and the suffix
    for temp in target.parent.glob(f".{glob.escape(target.name)}.{random_part}{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            status = temp.lstat()
            if (stat.S_ISREG(status.st_mode) or stat.S_ISLNK(status.st_mode)) and status.st_mtime <= limit:
                temp.unlink()
