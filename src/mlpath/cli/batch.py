"""Many answer sets at once: `mlpath quiz --batch` (a line out for every line in, in order, written
as soon as it is read) and `mlpath cohort` (the whole group counted).

Both read the same lines (io.lines), check each set as any answers are checked, and build each
roadmap with the one engine (engine.roadmap) that `quiz --json` uses; a batch line is that
roadmap's JSON. On stdout every line is flushed as it is written, so a coprocess gets its answer
without closing its end; with -o FILE the lines stream into a temporary file beside FILE,
renamed over it at the end (a failed or killed run leaves any earlier FILE as it was).
"""

from __future__ import annotations

import contextlib
import io
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from typing import IO, TYPE_CHECKING, Annotated, Any

import typer

from mlpath.cli import options
from mlpath.cli.application import app, emit, examples, session, stdin_hint, tell
from mlpath.errors import ExitCode, OperationError, UsageError
from mlpath.io import streams
from mlpath.io.lines import DELIMITERS, MAX_LINE_BYTES, CellError, Id, LineError, Survey, parse_line, read_lines
from mlpath.model import encode
from mlpath.text import plural, short

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mlpath.cli.options import AnswerSource
    from mlpath.content import Content
    from mlpath.content.answers import Answers
    from mlpath.output.terminal import Terminal

    Checked = Iterator[tuple[int, Id | None, "Answers | str"]]

METER_EVERY = 2048  # lines between two updates of the progress bar
IDS_KEPT, ID_CHARS = 200_000, 200  # ids remembered to find one given twice, each if no longer than this
CSV_COLUMNS = (
    "id", "line", "verdict", "steps", "degree_years_min", "degree_years_max", "tuition_min", "tuition_max",
    "assumptions", "error",
)  # fmt: skip


class Sets:
    """The answer sets of a file or stdin, read one by one: JSON Lines, or a form's CSV export
    (io.lines). Each is checked as any answers are; the --set `assignments` (checked once: a bad
    one is one usage error before any line) win over each set's; with `use_defaults`, what a set
    leaves out takes the question's default, and the sets so filled are counted. A set can fail
    in any way without costing the ones after it."""

    def __init__(self, content: Content, assignments: Sequence[str], use_defaults: bool) -> None:
        from mlpath.content import answers as contract

        self.content, self.use_defaults = content, use_defaults
        self.overrides = contract.check(contract.parse_assignments(assignments))[0]
        self.filled: Counter[str] = Counter()  # answers filled with their default, by key
        self.filled_sets = 0
        self.missing = 0  # sets that lacked answers (without --defaults)
        self.csv = False  # reading a form's CSV export, whose cells may hold labels
        self.unknown_cells = 0  # CSV cells that held no value and no label
        self.looks_csv = False  # read as JSON Lines, its first line looked like a CSV header
        self.survey: Survey | None = None  # what a CSV export's header rows said
        self.ids: dict[Id, int] = {}  # each id seen, with the line or row it was first on
        self.repeated = 0  # sets whose id an earlier set had
        self.first_repeat: tuple[Id, int, int] | None = None  # (id, its first line, the line repeating it)

    @contextlib.contextmanager
    def read(self, terminal: Terminal, name: str, input_format: str | None, id_column: str | None) -> Iterator[Checked]:
        """(line or row number, id, the checked answers or what is wrong) for each set of `name`
        ('-' is stdin), in order: a CSV export with --input-format csv or a .csv name, else JSON
        Lines. A CSV's header is read (and its columns matched, or refused) before this yields."""
        from mlpath.content import answers as contract
        from mlpath.io.files import open_input
        from mlpath.io.lines import csv_sets

        self.csv = input_format == "csv" or (input_format is None and name.lower().endswith(".csv"))
        if id_column is not None and not id_column.strip():
            raise UsageError("--id-column needs the name of a column of the CSV; it was empty")
        if id_column is not None and not self.csv:
            raise UsageError(
                "--id-column names a column of a CSV export, but the input is read as JSON Lines, where an "
                '"id" key names a line; for a CSV, give --input-format csv'
            )
        with open_input(name, "answers file") as stream:
            stdin_hint(terminal, name, "CSV" if self.csv else "JSON Lines")
            found = self._json_lines(stream)
            if self.csv:
                needed = () if self.use_defaults else tuple(k for k in contract.KEYS if k not in self.overrides)
                questions = self.content.questions.questions
                self.survey = csv_sets(stream, questions, id_column, needed, tuple(self.overrides))
                found, ignored = self.survey.sets, self.survey.ignored
                if self.survey.second_header is not None:
                    terminal.say(
                        f"Passed over line {self.survey.second_header}: a form's second header row, as "
                        "SurveyMonkey writes one, not a student's answers."
                    )
                if ignored:
                    verb = "holds" if len(ignored) == 1 else "hold"
                    listed = ", ".join(repr(title) + hint for title, hint in ignored)
                    said = f"Ignored {plural(len(ignored), 'column')} that {verb} no answer: {listed}."
                    others = [title for title, hint in ignored if not hint]  # not a misspelt answer's
                    if not self.survey.named and others:
                        one = "it" if len(ignored) == 1 else "one of them"
                        if len(others) < len(ignored):
                            one = repr(others[0]) if len(others) == 1 else "one of " + ", ".join(map(repr, others))
                        said += f" To name each row by {one}: --id-column NAME."
                    terminal.say(said)
            yield self._each(found)

    def _json_lines(self, stream: IO[bytes]) -> Iterator[tuple[int, Id | None, dict[str, Any] | LineError]]:
        for number, data in enumerate(read_lines(stream), 1):
            if data is None:
                too_long = f"line longer than {MAX_LINE_BYTES:,} bytes; an answer set is far shorter"
                yield number, None, LineError(too_long)
                continue
            if not data.strip():
                continue  # a blank line is no answer set
            try:
                ident, raw = parse_line(data)
            except LineError as error:
                if number == 1 and not data.lstrip().startswith(b"{"):
                    self.looks_csv = any(mark.encode() in data for mark in DELIMITERS)
                yield number, None, error
            else:
                yield number, ident, raw

    def _each(self, found: Iterator[tuple[int, Id | None, dict[str, Any] | LineError]]) -> Checked:
        import gc

        # Nothing read can make a reference cycle (JSON and CSV have none, records hold values), so
        # reference counting frees it all: the cycle collector's passes over the engine's growing
        # tables would only cost time (a tenth of it).
        enabled = gc.isenabled()
        gc.disable()
        try:
            for number, ident, raw in found:
                if ident is not None and ident != "":  # an empty id names no set
                    self._seen(ident, number)
                yield number, ident, self._checked(raw)
        finally:
            if enabled:
                gc.enable()

    def _seen(self, ident: Id, number: int) -> None:
        """Count an id given to an earlier set too (a form sent twice is two students); the ids
        remembered are bounded, as the rest of a run's memory is."""
        first = self.ids.get(ident)
        if first is not None:  # (1 and 1.0 are one number, as JSON has it)
            self.repeated += 1
            self.first_repeat = self.first_repeat or (ident, first, number)
        elif len(self.ids) < IDS_KEPT and len(str(ident)) <= ID_CHARS:
            self.ids[ident] = number

    def _checked(self, raw: dict[str, Any] | LineError) -> Answers | str:
        from mlpath.content import answers as contract

        if isinstance(raw, LineError):
            self.unknown_cells += isinstance(raw, CellError)
            return str(raw)
        try:
            questions = self.content.questions.questions
            prepared, missing, filled = contract.resolve({**raw, **self.overrides}, questions, self.use_defaults)
            if missing:
                self.missing += 1
                raise UsageError(f"missing answers: {', '.join(missing)}")
            if filled:
                self.filled_sets += 1
                self.filled.update(filled)
            return contract.build(prepared)
        except UsageError as error:
            return str(error)
        except RecursionError:
            return "nested too deeply; expected a flat object of answers"

    def hints(self, say: Callable[[str], None]) -> None:
        """What applies to many sets, said once."""
        if self.missing:
            lacked = f"{self.missing:,} answer {'set' if self.missing == 1 else 'sets'} lacked answers"
            say(f"{lacked}: give --defaults to fill them with each question's default.")
        if self.unknown_cells:
            say("A cell holds an answer's value or its label, as 'mlpath quiz --questions' lists them.")
        if self.looks_csv:
            say("The input looks like a CSV export, read as JSON Lines: give --input-format csv.")
        count, first = self.survey.header_again if self.survey else (0, 0)
        if count:
            rows = "1 row that repeats" if count == 1 else f"{count:,} rows that repeat"
            say(f"Passed over {rows} the header row (the first on line {first}), as two exports joined have.")
        held = sorted(self.survey.held) if self.survey else []
        if held:
            listed = ", ".join(str(index + 1) for index in held)
            said = (
                f"column {listed} (counting from 1): it has"
                if len(held) == 1
                else f"columns {listed} (counting from 1): they have"
            )
            say(f"Ignored the cells of {said} no header; a question's key or prompt as the header reads them.")
        if self.first_repeat is not None:
            ident, first, again = self.first_repeat
            where = "rows" if self.csv else "lines"
            sets = f"{self.repeated:,} {'set has' if self.repeated == 1 else 'sets have'}"
            say(
                f"{sets} the id of an earlier one ({short(ident)}: {where} {first} and {again}); each is counted: "
                "a form sent twice counts twice."
            )


def run_batch(
    terminal: Terminal,
    content: Content,
    source: AnswerSource,
    output: options.Output,
    output_file: str | None,
    input_format: str | None = None,
    id_column: str | None = None,
) -> int:
    """`quiz --batch`: returns the exit code, 0 if every line was valid, else 2."""
    from mlpath.io.files import atomic_file
    from mlpath.output.formats import OutputFormat

    output.resolve(False)  # --json with --format csv is a usage error
    to_file = output_file not in (None, "-")
    csv = output.format is OutputFormat.csv or (
        output.format is None and not output.json and to_file and str(output_file).lower().endswith(".csv")
    )
    sets = Sets(content, source.assignments, source.defaults)
    with sets.read(terminal, source.file or "-", input_format, id_column) as lines:
        if not to_file:
            stdout = sys.stdout
            if stdout is None:
                raise OperationError("cannot write the roadmaps: stdout is closed")
            buffer = getattr(stdout, "buffer", None)  # none in a test's text-only stdout
            write = buffer.write if buffer is not None else lambda data: stdout.write(data.decode("utf-8"))
            try:
                done, invalid = _write(content, lines, csv, write, (buffer or stdout).flush, _unmetered)
            except OSError as error:  # a full disk behind stdout, ...
                if streams.failure(error) is not None:
                    raise  # the reader went away (`| head -1`), stdin failed: named as every stream's failure
                raise OperationError(f"cannot write the roadmaps to stdout: {error.strerror}") from None
        else:
            with atomic_file(str(output_file), "the roadmaps") as out, line_meter(terminal) as meter:
                done, invalid = _write(content, lines, csv, out.write, None, meter)
            kind = "csv" if csv else "JSON Lines"
            said = f"{done:,} {'line' if done == 1 else 'lines'}"
            terminal.say(f"Wrote {said} to {output_file} ({kind}; {invalid:,} invalid).")
    sets.hints(terminal.say)
    return int(ExitCode.USAGE if invalid else ExitCode.OK)


def _write(
    content: Content,
    lines: Checked,
    csv: bool,
    write: Callable[[bytes], Any],
    flush: Callable[[], Any] | None,
    meter: Callable[[int, int], None],
) -> tuple[int, int]:
    """Write a line for every answer set (each flushed, with `flush`): (lines, invalid ones)."""
    from mlpath.engine.roadmap import BatchError, build_roadmap
    from mlpath.output.formats import csv_cell, csv_writer

    buffer = io.StringIO(newline="")
    writer = csv_writer(buffer)

    def row(cells: tuple[Any, ...]) -> bytes:
        """One CSV row (RFC 4180): a set's verdict, step ids and degree, or its error."""
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([csv_cell(cell) for cell in cells])
        return buffer.getvalue().encode("utf-8")

    if csv:
        write(row(CSV_COLUMNS))
    invalid = written = 0
    for number, ident, found in lines:
        written += 1
        if isinstance(found, str):
            invalid += 1
            if csv:
                line = row((ident, number, None, None, None, None, None, None, None, found))
            else:
                line = encode(BatchError(id=ident, line=number, error=found)) + b"\n"
        else:
            roadmap = build_roadmap(content, found)
            if csv:
                study = roadmap.estimates.education
                degree: tuple[Any, ...] = (None,) * 5
                if study:
                    degree = (study.years_min, study.years_max, study.tuition_min, study.tuition_max, study.assumed)
                level = roadmap.verdict.level if roadmap.verdict else None
                line = row((ident, number, level, [s.id for s in roadmap.steps], *degree, None))
            else:
                text = encode(roadmap)
                line = text + b"\n" if ident is None else b'{"id":' + encode(ident) + b"," + text[1:] + b"\n"
        write(line)
        if flush is not None:
            flush()
        if not written % METER_EVERY:
            meter(written, invalid)
    meter(written, invalid)
    return written, invalid


def _unmetered(done: int, invalid: int) -> None:
    """No progress bar: nothing to show it on."""


@contextlib.contextmanager
def line_meter(terminal: Terminal) -> Iterator[Callable[[int, int], Any]]:
    """A progress bar on stderr (lines, lines per second, invalid so far), only when stderr is a
    terminal, so that it never lands in a log or a pipe."""
    if not terminal.stderr_isatty:
        yield _unmetered
        return
    from rich.progress import BarColumn, Progress, ProgressColumn, Task, TextColumn, TimeElapsedColumn
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task: Task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:,.0f} lines/s" if speed else "", style="progress.data.speed")

    counts = TextColumn("{task.completed:,} lines"), Rate(), TextColumn("{task.fields[invalid]:,} invalid")
    progress = Progress(BarColumn(), *counts, TimeElapsedColumn(), console=terminal.error_console(), transient=True)
    task = progress.add_task("lines", total=None, invalid=0)
    with progress:
        yield lambda done, invalid: progress.update(task, completed=done, invalid=invalid)


@app.command(rich_help_panel="Plan", help=examples(
    "The whole group of a survey export: verdicts, common first steps, interests, goals, degree time and cost, "
    "each step's share, and the invalid sets. Reads JSON Lines as quiz --batch does (an \"id\" names a line), or "
    "a form's CSV export as it is: headers are answer keys or question prompts, cells values or the labels the quiz "
    "shows. Exit 0, or 2 when any set was invalid (the report is printed all the same).",
    "mlpath cohort survey.csv", "mlpath cohort survey.csv --defaults --id-column 'Email Address'",
    "mlpath cohort - --json < survey.jsonl",
))  # fmt: skip
def cohort(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(metavar="FILE|-", help="The answer sets: JSON Lines, or a form's CSV export.")],
    assignments: options.SetOption = None,
    defaults: options.DefaultsOption = False,
    input_format: options.InputFormatOption = None,
    id_column: options.IdColumnOption = None,
    fmt: options.FormatOption = None,
    as_json: options.JsonOption = False,
    no_pager: options.NoPagerOption = False,
) -> None:
    from mlpath.engine.cohort import INVALID_LISTED, Tally, places
    from mlpath.engine.roadmap import build_roadmap
    from mlpath.output.formats import OutputFormat
    from mlpath.output.views import INVALID_SHOWN
    from mlpath.output.views import cohort as cohort_view

    state = session(ctx)
    output = options.Output.of(fmt, as_json)
    chosen = output.resolve(state.terminal.stdout_isatty)  # a clash of --json and --format before any line
    content = state.content()
    sets = Sets(content, assignments or (), defaults)
    tally = Tally()
    with sets.read(state.terminal, file, input_format, id_column) as lines, line_meter(state.terminal) as meter:
        for number, ident, found in lines:
            if isinstance(found, str):
                tally.add_invalid(number, ident, found)
            else:
                tally.add(build_roadmap(content, found))
            if not tally.count % METER_EVERY:
                meter(tally.count, tally.invalid)
        meter(tally.count, tally.invalid)
    report = cohort_view(tally.result(sets.filled_sets, sets.filled, places(content)), content)
    emit(ctx, report, output, pager=not no_pager)
    sets.hints(state.terminal.say)
    if tally.invalid:
        verb = "was" if tally.invalid == 1 else "were"
        what = "rows" if sets.csv else "lines"
        where, shown = "the report lists", INVALID_LISTED
        if chosen in (OutputFormat.table, OutputFormat.markdown):
            shown = INVALID_SHOWN
        elif chosen is OutputFormat.csv:  # a CSV's rows are counts
            where = "--json lists"
        which = "them" if tally.invalid <= shown else f"the first {shown:,}"
        tell(f"{tally.invalid:,} of {tally.count:,} {what} {verb} invalid ({where} {which}).")
        raise typer.Exit(int(ExitCode.USAGE))
