"""`mlpath quiz --batch`: one line out for every line in, in order, written as soon as it is read.

Output is JSON Lines (a roadmap, or {"line": N, "error": ...}), or CSV with one row per
answer set. On stdout every line is flushed as it is written, so a coprocess gets its answer
without closing its end; with -o FILE the lines stream into a temporary file beside FILE,
renamed over it at the end (a failed run leaves any earlier FILE as it was).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterator
from typing import IO, TYPE_CHECKING, Any, cast

from mlpath.answer_lines import MAX_LINE_BYTES, Id, LineError, parse_line, read_lines
from mlpath.cli.meter import METER_EVERY
from mlpath.errors import ExitCode, OperationError, UsageError
from mlpath.render import OutputFormat
from mlpath.render.data import COMPACT

if TYPE_CHECKING:
    from mlpath.cli.options import AnswerSource, Output
    from mlpath.content.model import Content
    from mlpath.planner import Key, Planner
    from mlpath.terminal import Terminal

CSV_COLUMNS = (
    "id",
    "line",
    "verdict",
    "steps",
    "degree_years_min",
    "degree_years_max",
    "tuition_min",
    "tuition_max",
    "error",
)


def answer_lines(planner: Planner, stream: IO[bytes]) -> Iterator[tuple[int, Id | None, Key | str]]:
    """(line number, id, checked answers or the line's error) for every line of `stream`, in order.
    A line can fail in any way without costing the lines after it."""
    for number, data in enumerate(read_lines(stream), 1):
        ident: Id | None = None
        try:
            if data is None:
                raise LineError(f"line longer than {MAX_LINE_BYTES:,} bytes; an answer set is far shorter")
            ident, raw = parse_line(data)
            yield number, ident, planner.key(raw)
        except (LineError, UsageError) as error:
            yield number, ident, str(error)
        except RecursionError:
            yield number, ident, "nested too deeply; expected a flat object of answers"


def encode(value: Any) -> bytes:
    return COMPACT.encode(value).encode("utf-8")


class JsonLines:
    """Each answer set as one JSON document on a line: its roadmap, or its error."""

    def __init__(self, planner: Planner) -> None:
        self.planner = planner

    def header(self) -> bytes:
        return b""

    def roadmap(self, number: int, ident: Id | None, key: Key) -> bytes:
        line = self.planner.line(key)
        return line + b"\n" if ident is None else b'{"id":' + encode(ident) + b"," + line[1:] + b"\n"

    def error(self, number: int, ident: Id | None, message: str) -> bytes:
        found: dict[str, Any] = {} if ident is None else {"id": ident}
        found.update(line=number, error=message)
        return encode(found) + b"\n"


class CsvRows:
    """Each answer set as one CSV row (RFC 4180): its verdict, step ids and degree, or its error."""

    def __init__(self, planner: Planner) -> None:
        from mlpath.render.csv import writer

        self.planner = planner
        self.buffer = io.StringIO(newline="")
        self.writer = writer(self.buffer)

    def _row(self, cells: tuple[Any, ...]) -> bytes:
        from mlpath.render.records import text

        self.buffer.seek(0)
        self.buffer.truncate()
        self.writer.writerow([text(cell) for cell in cells])
        return self.buffer.getvalue().encode("utf-8")

    def header(self) -> bytes:
        return self._row(CSV_COLUMNS)

    def roadmap(self, number: int, ident: Id | None, key: Key) -> bytes:
        outline = self.planner.outline(key)
        degree = outline.degree or (None, None, None, None)
        return self._row((ident, number, outline.level, list(outline.steps), *degree, None))

    def error(self, number: int, ident: Id | None, message: str) -> bytes:
        return self._row((ident, number, None, None, None, None, None, None, message))


def batch(terminal: Terminal, content: Content, source: AnswerSource, output: Output, output_file: str | None) -> int:
    """`quiz --batch`: returns the exit code, 0 if every line was valid, else 2."""
    from mlpath.answers import parse_assignments
    from mlpath.cli.meter import line_meter
    from mlpath.files import atomic_file, open_input
    from mlpath.planner import Planner

    output.resolve(False)  # --json with --format csv is a usage error
    to_file = output_file not in (None, "-")
    csv = output.format is OutputFormat.csv or (
        output.format is None and not output.json and to_file and str(output_file).lower().endswith(".csv")
    )
    planner = Planner(content, parse_assignments(source.assignments), source.defaults)
    name = source.file or "-"
    with open_input(name, "answers file") as stream:
        if not to_file:
            try:
                invalid = run_batch(planner, stream, stdout_bytes(), csv, lambda done, invalid: None, flush_each=True)
            except BrokenPipeError:
                raise  # the reader went away (`| head -1`): the stream policy ends the run quietly
            except OSError as error:  # a full disk behind stdout, ...
                raise OperationError(f"cannot write the roadmaps to stdout: {error.strerror}") from None
        else:
            with atomic_file(str(output_file), "the roadmaps", protect=(name,)) as out, line_meter(terminal) as meter:
                invalid = run_batch(planner, stream, out, csv, meter, flush_each=False)
            lines = "line" if meter.done == 1 else "lines"
            kind = "csv" if csv else "JSON Lines"
            terminal.say(f"Wrote {meter.done:,} {lines} to {output_file} ({kind}; {invalid:,} invalid).")
    return int(ExitCode.USAGE if invalid else ExitCode.OK)


def run_batch(planner: Planner, stream: IO[bytes], out: IO[bytes], csv: bool, meter: Meter, flush_each: bool) -> int:
    """Write a line for every line of `stream` to `out`; returns how many lines were invalid."""
    writer = CsvRows(planner) if csv else JsonLines(planner)
    write = out.write
    flush = out.flush if flush_each else _nothing
    write(writer.header())
    invalid = 0
    number = 0
    for number, ident, found in answer_lines(planner, stream):
        if type(found) is str:
            invalid += 1
            line = writer.error(number, ident, found)
        else:
            line = writer.roadmap(number, ident, found)  # type: ignore[arg-type]
        write(line)
        flush()
        if not number % METER_EVERY:
            meter(number, invalid)
    meter(number, invalid)
    return invalid


Meter = Callable[[int, int], None]  # (lines done, invalid so far)


def _nothing() -> None:
    pass


def stdout_bytes() -> IO[bytes]:
    """stdout as bytes (a test's text-only stdout gets an adapter)."""
    if sys.stdout is None:
        raise OperationError("cannot write the roadmaps: stdout is closed")
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        return buffer  # type: ignore[no-any-return]
    return cast(IO[bytes], _TextBytes(sys.stdout))


class _TextBytes(io.RawIOBase):
    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, data: Any) -> int:
        self.stream.write(bytes(data).decode("utf-8"))
        return len(data)

    def flush(self) -> None:
        self.stream.flush()
