"""Many answer sets (`quiz --batch`, `cohort`): JSON Lines, split into lines and parsed one by one,
or a form's CSV export, matched to the questions by key or prompt.

A file and stdin are split the same way: on "\\n" only (a "\\r" before it is dropped; U+2028
and U+0085 are characters, not line breaks), from the bytes, so that a line that is not UTF-8
costs only itself. No line is held beyond `MAX_LINE_BYTES`: the rest of a longer one is read
and dropped. Every way a line can be poisonous (nesting thousands deep, numbers of thousands
of digits, NaN, lone surrogates, duplicate keys) is a `LineError` for that line alone.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

from mlpath.errors import UsageError
from mlpath.text import LONE_SURROGATE, nearest, plural, short

MAX_LINE_BYTES = 1_000_000
MAX_NUMBER_DIGITS = 40  # a float written longer than twice this is refused (integers: Python's own limit)
_CHUNK = 1 << 16
_BOM = b"\xef\xbb\xbf"

Id = str | int | float  # an input line's `id`, echoed in its output line


class LineError(Exception):
    """What is wrong with one line."""


def read_lines(stream: IO[bytes], limit: int = MAX_LINE_BYTES) -> Iterator[bytes | None]:
    """Each line of `stream` as bytes, without its line end, as soon as it is read; None for a
    line over `limit` bytes. A last line without "\\n" is a line; an empty stream has none.
    A file that fails to read is a UsageError (exit 2), as for any input file; stdin's failure is
    named where every stream's is (cli.application)."""
    from mlpath.io.streams import failure

    try:
        # room for "\r\n" after a line of exactly `limit` bytes
        for number, line in enumerate(iter(lambda: stream.readline(limit + 2), b"")):
            if number == 0 and line.startswith(_BOM):
                if len(line) >= limit + 2 and not line.endswith(b"\n"):
                    line += stream.readline(len(_BOM))  # the bytes the mark took of the bound
                line = line[len(_BOM) :]
                if not line:  # a stream of the mark alone is empty
                    return
            if line.endswith(b"\n"):
                line = line[:-2] if line.endswith(b"\r\n") else line[:-1]
            elif len(line) >= limit + 2:  # cut at the bound: drop the rest of the line, chunk by chunk
                while (rest := stream.readline(_CHUNK)) and not rest.endswith(b"\n"):
                    pass
                yield None
                continue
            elif line.endswith(b"\r"):  # the last line, ended by "\r\n" cut short
                line = line[:-1]
            yield None if len(line) > limit else line
    except OSError as error:
        if failure(error) is not None:
            raise
        raise UsageError(f"the answer sets cannot be read: {error.strerror or error}") from None


def _refuse_constant(name: str) -> Any:
    raise LineError(f"{name} is not a number JSON allows")


def _finite_float(text: str) -> float:
    if len(text) > MAX_NUMBER_DIGITS * 2:
        raise LineError(f"a number written with {len(text):,} characters; answers are small whole numbers")
    value = float(text)
    if not math.isfinite(value):
        raise LineError(f"{text[:20]} is too large a number")
    return value


class RepeatedKeyError(Exception):
    """A JSON object names `key` twice (json would keep its last value): each caller words it."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A json object_pairs_hook: the object, or RepeatedKeyError for a key it names twice."""
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise RepeatedKeyError(key)
            seen.add(key)
    return found


NOT_AN_ID: dict[type, str] = {bool: "true/false", dict: "an object", list: "a list", type(None): "null"}
_DECODER = json.JSONDecoder(
    parse_float=_finite_float,
    parse_constant=_refuse_constant,
    object_pairs_hook=unique_pairs,
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
    except RepeatedKeyError as error:
        raise LineError(f"the key {short(error.key, 40)} is given twice") from None
    except RecursionError:
        raise LineError("JSON nested too deeply; expected a flat object of answers") from None
    except ValueError:  # the only other way to fail: an integer past Python's limit on digits
        raise LineError("a number of thousands of digits; answers are small whole numbers") from None
    if not isinstance(found, dict):
        raise LineError('expected a JSON object of answers, e.g. {"programming": "beginner"}')
    if "id" not in found:
        return None, found
    ident = found.pop("id")
    if type(ident) in NOT_AN_ID:
        raise LineError(f"id must be a string or a number, not {NOT_AN_ID[type(ident)]}")
    if isinstance(ident, str) and LONE_SURROGATE.search(ident):
        raise LineError("id holds a lone surrogate (\\ud800-\\udfff), which is not text")
    return ident, found


# --- a form's CSV export -----------------------------------------------------------------------------


_QUOTES = str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")  # a word processor's curly quotes
DELIMITERS = (",", ";", "\t")  # a spreadsheet in a locale whose decimal mark is "," writes ";"
# The first line Excel reads as "this file's delimiter" (quoted, or followed by empty cells, as a
# spreadsheet may save it again); `_NAMED` finds one that names no delimiter mlpath reads.
_SEPARATOR = re.compile(r'"?sep=([,;\t])"?[,;\t]*[ \r\n]*', re.IGNORECASE)
_NAMED = re.compile(r'"?sep=', re.IGNORECASE)
SUBHEADS = {"response", "open ended response"}  # what a form's second header row says over its answers


def _plain(text: str) -> str:
    """A header or a cell as matched: case, spacing, underscores, curly quotes, a closing "?" and a
    form's mark of a required question ("*") ignored."""
    return " ".join(text.translate(_QUOTES).replace("_", " ").replace("-", " ").casefold().split()).rstrip("?:* ")


_NUMBERED = re.compile(r"^\s*(?:q(?:uestion)?\s*)?\d+\s*[.):]\s*", re.IGNORECASE)  # "3. ", "Q3) ", "Question 3: "


def _named(title: str, names: dict[str, Any], prompts: dict[str, Any]) -> Any:
    """The question a header names: by key or prompt, whole or after a form's numbering ("3. How
    well do you program?"); or by the prompt that ends a form's grid of questions, in brackets
    ("Rate yourself [How curious are you about new technologies?]") or after a full stop ("Rate
    yourself.How curious ...")."""
    title = title.strip(" *")  # a required question's mark, before or after
    plain = _plain(title)
    found = names.get(plain) or names.get(_plain(_NUMBERED.sub("", title, count=1)))
    if found is None and title.rstrip().endswith("]") and "[" in title:
        found = names.get(_plain(title.rstrip()[title.rfind("[") + 1 : -1]))
    if found is None:
        found = next(
            (
                q
                for prompt, q in prompts.items()
                if plain.endswith(prompt) and plain[: -len(prompt)].rstrip().endswith(".")
            ),
            None,
        )
    return found


def csv_sets(
    stream: IO[bytes],
    questions: Sequence[Any],
    id_column: str | None = None,
    needed: Collection[str] = (),
    given: Collection[str] = (),
) -> Survey:
    """A form's CSV export (RFC 4180, a header row) as answer sets, and what was passed over.

    Blank lines before the header are passed over. The delimiter is a comma, or the semicolon or
    tab that makes more of the header's columns answers (or what Excel's "sep=" line names). A
    column is an answer's by its key or by its question's prompt; a cell holds a value or its
    label as the quiz shows it, a list's items comma- or semicolon-separated. A form's second
    header row (`_second_header`) is passed over, and may name more columns. An ambiguous column,
    an `id_column` (default "id", optional) that no header names or that answers a question, or an
    answer of `needed` that no column holds (a list can be left out: none chosen), is a UsageError
    before any set is given. The columns of the answers `given` (--set, which wins) are not read.
    Blank rows are skipped; a row that cannot be read is an error of its own (`_Rows`)."""
    import csv

    csv.field_size_limit(MAX_LINE_BYTES + 2)  # no cell is longer than its row
    prompts = {_plain(q.prompt): q for q in questions}
    names = {_plain(q.key): q for q in questions} | prompts
    identifier = _plain(id_column or "id")
    source = _Rows(stream)
    first = source.first()
    if chosen := _SEPARATOR.fullmatch(first.decode("utf-8", "replace")):
        delimiter, first = chosen[1], source.first()
    elif _NAMED.match(named := first.decode("utf-8", "replace").strip()):
        raise UsageError(
            f"line {source.start} of the CSV names its delimiter with {short(named)}; mlpath reads a comma, a "
            "semicolon or a tab (sep=, sep=; or a tab after sep=)"
        )
    else:

        def matched(delimiter: str) -> int:
            try:
                titles = next(csv.reader([first.decode("utf-8", "replace")], delimiter=delimiter), [])
            except csv.Error:
                return 0
            return sum(_named(title, names, prompts) is not None or _plain(title) == identifier for title in titles)

        delimiter = max(DELIMITERS, key=matched)  # the first of equals: a comma
    rows = source.rows(first, delimiter)
    start, header = next(rows, (1, []))
    if isinstance(header, RowError):
        raise UsageError(f"line {start} of the CSV: {header}")
    if not header:  # an empty file: no answer sets, as an empty JSON Lines file
        return Survey([], True, iter(()))
    ids = [index for index, title in enumerate(header) if _plain(title) == identifier]
    if len(ids) > 1 and id_column is not None:  # named outright: the column of that very name
        ids = [index for index in ids if header[index].strip() == id_column.strip()] or ids
    if len(ids) > 1:
        raise UsageError(f"two columns name the rows: {short(header[ids[0]])} and {short(header[ids[1]])}; keep one")
    id_at = ids[0] if ids else None
    if id_column is not None and id_at is None:
        raise UsageError(
            f"no column of the CSV is named {short(id_column)} (--id-column); its columns are: "
            + ", ".join(short(title, 40) for title in header)
        )
    columns: dict[int, Any] = {}
    ignored: dict[int, tuple[str, str]] = {}
    keys = [*(q.key for q in questions), *(q.prompt for q in questions)]  # what a misspelt header may mean
    for index, title in enumerate(header):
        question = _named(title, names, prompts) if title.strip() else None
        if index == id_at:
            if question is not None:
                raise UsageError(
                    f"--id-column {short(id_column)} names a column of answers; name the column of the rows' ids"
                )
        elif question is not None and question in columns.values():
            other = next(header[at] for at, asked in columns.items() if asked is question)
            raise UsageError(f"two columns answer {question.key!r}: {short(other)} and {short(title)}; keep one")
        elif question is not None:
            columns[index] = question
        elif title.strip():
            ignored[index] = (title, nearest(title, keys, 0.8, _plain))
    texts = {  # each question's choices by value and label (a label wins over another's value)
        q.key: {text: c.value for c in q.choices for text in (str(c.value), c.label)}
        | {_plain(str(c.value)): c.value for c in q.choices}
        | {_plain(c.label): c.value for c in q.choices}
        for q in questions
    }
    head = next(rows, None)
    second_at, apart = None, set()  # the line of a second header row; the columns it names apart
    fallback: dict[int, int] = {}  # a question's column: the column read when it is empty ("Other")
    labels = head[1] if head and not isinstance(head[1], RowError) else None  # a second header row's, if one
    second = _second_header(labels, header, columns, texts, id_at, prompts) if labels is not None else None
    if head is not None and labels is not None and second is not None:
        added, others = second
        apart = set(others)
        columns |= added
        for index in added:
            ignored.pop(index, None)  # a grid's title, over its first question
        for index, (question, beside) in others.items():
            main = next((at for at, asked in columns.items() if asked is question), None)
            near = nearest(labels[index], keys, 0.8, _plain)  # a grid's question, misspelt
            if near:
                ignored[index] = (labels[index].strip(), near)
            elif main is not None and question.kind == "select" and main not in fallback:
                fallback[main] = index  # the answer written in, where no choice was picked
            else:  # a checkbox's ticks come in its choices' columns; a grid's comment is no answer
                ignored[index] = (labels[index].strip(), f" (beside {short(beside, 80)})")
        second_at, head = head[0], None
    if not columns:
        raise UsageError(
            "no column of the CSV holds an answer: its header row names no answer key or question prompt "
            "(see mlpath quiz --questions)"
        )
    held = {question.key for question in columns.values()}
    # a list can be left out (none chosen), and so can a question asked only when others call for it
    # (residency, study): a row that needs it says so on its own
    missing = [
        q.key for q in questions if q.key in needed and q.key not in held and q.kind != "multiselect" and not q.when
    ]
    if missing:
        raise UsageError(
            f"no column of the CSV answers: {', '.join(missing)}; add them (a question's key or prompt as the "
            "header), or give --defaults to fill them"
        )
    used = {*columns, *apart, id_at}
    survey = Survey(list(ignored.values()), id_at is not None, iter(()), second_at)
    survey.unheaded = {i for i, title in enumerate(header) if not title.strip() and i not in used}
    rows = itertools.chain([head] if head else [], rows)
    read = {index: question for index, question in columns.items() if question.key not in given}
    fallback = {index: other for index, other in fallback.items() if index in read}
    survey.sets = _sets(rows, header, read, fallback, texts, id_at, delimiter, survey)
    return survey


@dataclass
class Survey:
    """What `csv_sets` found in a form's CSV export."""

    ignored: list[tuple[str, str]]  # the columns that answer nothing, each with a hint (or "")
    named: bool  # a column names the rows
    sets: Iterator[tuple[int, Id | None, dict[str, Any] | LineError]]  # (line, id, raw answers or error)
    second_header: int | None = None  # the line of a form's second header row, passed over
    header_again: tuple[int, int] = (0, 0)  # rows that repeat the header (two exports joined), the first's line
    unheaded: set[int] = field(default_factory=set)  # columns without a header that answer nothing
    held: set[int] = field(default_factory=set)  # those whose cells held something, as the sets are read


def _second_header(
    row: list[str],
    header: list[str],
    columns: dict[int, Any],
    texts: dict[str, dict[str, Any]],
    id_at: int | None,
    prompts: dict[str, Any],
) -> tuple[dict[int, Any], dict[int, tuple[Any, str]]] | None:
    """If the first row is a form's second header row (SurveyMonkey's), the columns it names: (a
    question's, by index: a grid's questions, a checkbox question's later choices; the columns it
    names apart, such as "Other (please specify)", each with the question it stands beside (None
    for one mlpath does not ask) and that question's title); else None.

    Such a row gives no id and says "Response" over each answer the header names (a choice, over
    a checkbox question's first column). What no student writes tells it apart: "Response" itself,
    or a question's prompt under a column (a grid's). A row of choices alone is one only where the
    form's own columns (the id, a date, an address) are there and all left empty in it."""
    if id_at is not None and id_at < len(row) and row[id_at].strip():
        return None
    added: dict[int, Any] = {}
    apart: dict[int, tuple[Any, str]] = {}
    said = spread = False  # "Response" or a grid's question; a checkbox question's later choice
    own: list[str] = []  # the cells under the form's own columns and the questions mlpath does not ask
    last: tuple[Any, str] | None = None  # the question of the nearest headed column to the left, and its title
    for index, title in enumerate(header):
        cell = row[index].strip() if index < len(row) else ""
        question = columns.get(index)
        if question is not None:
            if _plain(cell) in SUBHEADS:
                said = True
            elif not cell or question.kind != "multiselect":
                return None
            last = (question, question.prompt)
            continue
        grid = _named(cell, prompts, prompts) if cell and index != id_at else None
        if grid is not None and grid not in columns.values() and grid not in added.values():
            added[index], last, said = grid, (grid, grid.prompt), True
        elif index == id_at:  # left empty: the form's own column
            last = None
            own.append(cell)
        elif title.strip():  # a question mlpath does not ask, or a form's own column
            said, last = said or _plain(cell) in SUBHEADS, (None, title.strip())
            own.append(cell)
        elif cell and last is not None and last[0] is not None and _choice(cell, texts[last[0].key]) is not None:
            added[index], spread = last[0], True  # a checkbox question's later choice
        elif cell and last is not None:
            apart[index] = last
        elif cell:
            return None
    return (added, apart) if said or (spread and own and not any(own)) else None


# The csv module's words for what it cannot read, in a person's (the rest are shown as they are).
CSV_ERRORS = {"expected after": "has text after a quoted cell's closing quote; quote the whole cell"}
UNCLOSED = 'opens a quoted cell that is never closed; close it with a " (a " inside a quoted cell is written twice: "")'
TOO_LONG = f"is over {MAX_LINE_BYTES:,} bytes, the limit; an answer set is far shorter (a cell may hold pasted text)"
_HEAD = 1 << 16  # bytes of a row over the bound kept to find its id
_BLANK = b',;\t "\r\n'  # what a spreadsheet's empty row holds
_QUOTE, _LF = ord('"'), ord("\n")
_LINE_END = re.compile(rb"\r\n?|\n")
_LINE_ENDS = (b"\n", b"\r")


class _Rows:
    """The rows of a CSV's bytes, each with the line it starts on. A row ends at a line end outside
    quotes, found from its quotes and delimiters as the csv module reads them (`_scan`), so a row
    that cannot be read costs only itself: one over MAX_LINE_BYTES is read to its end and never
    held; one that is not UTF-8 or breaks the quoting rules is said. A quoted cell never closed
    takes the rest of the file, so it is a UsageError. A byte-order mark at the start is dropped.
    A line ends at LF, CRLF or a lone CR (as a spreadsheet on an old Mac wrote them)."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self._rest = b""  # what was read of the stream after a lone CR, not yet given
        self.line = 1  # the line the next byte read is on
        self.start = 1  # the line the row being read starts on

    def _piece(self) -> bytes:
        """The next line, or as much of it as the bound reads at once (b"" at the end)."""
        if self._rest:
            piece, self._rest = self._rest, b""
        else:
            piece = self._stream.readline(MAX_LINE_BYTES + 2)
            if self.line == 1 and piece.startswith(_BOM):
                piece = piece[len(_BOM) :]
            if piece.endswith(b"\r") and len(piece) >= MAX_LINE_BYTES + 2:  # the bound fell in a CRLF?
                after = self._stream.read(1)
                piece, self._rest = (piece + after, b"") if after == b"\n" else (piece, after)
        lone = piece.find(b"\r")
        if 0 <= lone < len(piece) - 1 and piece[lone + 1] != _LF:  # a lone CR: the rest is the next line's
            piece, self._rest = piece[: lone + 1], piece[lone + 1 :]
        self.line += piece.endswith(_LINE_ENDS)
        return piece

    def first(self) -> bytes:
        """The first line that is not blank (nor a spreadsheet's empty row, ",,,,"); b"" at the end."""
        while True:
            self.start = self.line
            piece = self._piece()
            if not piece or piece.strip(_BLANK):
                return piece

    def rows(self, piece: bytes, delimiter: str) -> Iterator[tuple[int, list[str] | RowError]]:
        """Each row that is not blank, from `piece` (the first line of the first) on: its cells,
        or what is wrong with it."""
        mark = ord(delimiter)
        while piece:
            held: list[bytes] = []
            size, state, head = 0, (False, True, False), b""
            while True:
                size += len(piece)
                if size <= MAX_LINE_BYTES + 2:
                    held.append(piece)
                elif not head:  # over the bound: only the start is kept, for the id
                    head = (held[0] if held else piece)[:_HEAD]
                    held.clear()
                state = _scan(piece, state, mark)
                if not state[0] and piece.endswith(_LINE_ENDS):
                    break
                piece = self._piece()
                if not piece:
                    if state[0]:
                        raise UsageError(f"line {self.start} of the CSV {UNCLOSED}")
                    break
            end = self.line - piece.endswith(_LINE_ENDS)  # the row's last line
            if held:
                cells = _cells(b"".join(held), self.start, end, delimiter)
            else:  # what comes before the last cell the head holds: the id, as a rule
                cells = RowError(f"the row{_span(self.start, end)} {TOO_LONG}", _lenient(head, delimiter)[:-1])
            if isinstance(cells, RowError) or any(cell.strip() for cell in cells):
                yield self.start, cells
            self.start = self.line
            piece = self._piece()


def _scan(piece: bytes, state: tuple[bool, bool, bool], mark: int) -> tuple[bool, bool, bool]:
    """The quoting after `piece`, given `state` before it: (inside a quoted cell, a cell starts at
    the next byte, the last byte closed a quoted cell). A quote opens a cell only as its first
    byte (after the delimiter `mark`); inside, two quotes are one."""
    quoted, starts, closed = state
    end = len(piece) - 1
    if not quoted and _QUOTE not in piece:
        return False, piece[end] == mark, False
    shut = -1 if closed else -2  # the quote that last closed a quoted cell
    at = piece.find(b'"')
    while at >= 0:
        if quoted:
            quoted, shut = False, at
        elif at - 1 == shut or (piece[at - 1] == mark if at else starts):  # two quotes, or a cell's first byte
            quoted = True
        at = piece.find(b'"', at + 1)
    return quoted, not quoted and piece[end] == mark, shut == end


class RowError(LineError):
    """A row that cannot be read, with the cells that could be read all the same (for its id)."""

    def __init__(self, message: str, cells: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.cells = cells


def _cells(data: bytes, start: int, end: int, delimiter: str) -> list[str] | RowError:
    """The cells of the row on lines `start` to `end`, or what is wrong with it."""
    import csv

    try:
        return next(csv.reader([data.decode("utf-8")], delimiter=delimiter, strict=True), [])
    except UnicodeDecodeError as error:
        line = start + len(_LINE_END.findall(data, 0, error.start))
        said = (
            f"is not UTF-8 text (byte 0x{data[error.start]:02x} on line {line}); save the file as UTF-8 (in a "
            "spreadsheet: CSV UTF-8)"
        )
    except csv.Error as error:
        said = next((words for found, words in CSV_ERRORS.items() if found in str(error)), None) or (
            f"cannot be read: {short(str(error), 80)}"
        )
    return RowError(f"the row{_span(start, end)} {said}", _lenient(data, delimiter))


def _span(start: int, end: int) -> str:
    """The lines of a row that holds line breaks, for a message about it."""
    return f" (lines {start} to {end})" if end > start else ""


def _lenient(data: bytes, delimiter: str) -> list[str]:
    """What a lenient reading makes of a row that cannot be read, each damaged cell left empty."""
    import csv

    try:
        found = next(csv.reader([data.decode("utf-8", "replace")], delimiter=delimiter), [])
    except csv.Error:
        return []
    return [cell if "\ufffd" not in cell else "" for cell in found]


class CellError(LineError):
    """A row whose cells hold what no answer's value or label is."""


def _sets(
    rows: Iterator[tuple[int, list[str] | RowError]],
    header: list[str],
    columns: dict[int, Any],
    fallback: dict[int, int],
    texts: dict[str, dict[str, Any]],
    id_at: int | None,
    delimiter: str,
    survey: Survey,
) -> Iterator[tuple[int, Id | None, dict[str, Any] | LineError]]:
    # cells left off at the end are empty if only lists' (none chosen) are among them: a row reaches
    # past the last column of an answer that is no list
    lists = (index for index, question in columns.items() if question.kind != "multiselect")
    reaches = 1 + max([*lists, *fallback.values()], default=-1)
    hints: dict[Any, str] = {}  # what was said of a cell that is no answer (`_cell`)
    width = len(header)
    for start, row in rows:
        read = row.cells if isinstance(row, RowError) else row
        ident = read[id_at].strip() or None if id_at is not None and id_at < len(read) else None
        if isinstance(row, RowError):
            yield start, ident, row
            continue
        if row == header:  # passed over, and said
            count, first = survey.header_again
            survey.header_again = (count + 1, first or start)
            continue
        if len(row) >= reaches:
            row += [""] * (width - len(row))
        if len(row) < width or any(cell.strip() for cell in row[width:]):
            # a cell holding the delimiter unquoted shifts every cell after it: no answer can be trusted
            said = f"the row has {plural(len(row), 'cell')} where the header has {width}"
            if len(row) > width:
                said += f"; quote a cell that holds a {delimiter!r}"
            else:
                said += f": a cell is missing, or a header holds a {delimiter!r} unquoted"
            yield start, ident, LineError(said)
            continue
        if survey.unheaded:
            survey.held.update(index for index in survey.unheaded if row[index].strip())
        cells = {index: row[index].strip() for index in columns}
        for index, other in fallback.items():
            cells[index] = cells[index] or row[other].strip()
        if cells and not any(cells.values()):  # a timestamp and nothing else
            yield start, ident, LineError("the row answers no question: every answer cell is empty")
            continue
        raw: dict[str, Any] = {}
        wrong: list[str] = []
        for index, question in columns.items():
            value = _cell(question, cells[index], texts[question.key], wrong, hints)
            if question.kind == "multiselect" and question.key in raw:  # a checkbox's further column
                raw[question.key] = [*raw[question.key], *value]
            elif cells[index] or question.kind == "multiselect":  # an empty list cell: none chosen
                raw[question.key] = value
        yield start, ident, CellError("; ".join(wrong)) if wrong else raw


SAID_CELLS = 3  # the items of one list cell named as no answer; the rest are counted
SAID_KEPT = 10_000  # what was said of a cell that is no answer, kept for the rows that repeat it


def _cell(question: Any, cell: str, by_text: dict[str, Any], wrong: list[str], hints: dict[Any, str]) -> Any:
    """A cell as an answer: a choice's value or label (`by_text`: as written, or by its `_plain`
    text); for a list, the whole cell, or its items split at ";" and then at ",", or "none" alone.
    What is neither goes to `wrong`, said with the label it may mean (for a list, its first few);
    `hints` keeps what was said of each, as a form's every row may repeat it."""
    whole = _choice(cell, by_text)
    if question.kind != "multiselect":
        if whole is not None or not cell:
            return cell if whole is None else whole
        parts = [cell]
    elif whole is not None:
        return [whole]
    elif _plain(cell) == "none":  # as the quiz shows a list with nothing chosen
        return []
    else:
        pieces = cell.split(";")  # a piece that is a choice keeps its commas; a lone piece is the cell, none
        parts = [
            item.strip()
            for piece in pieces
            for item in (
                [piece] if len(pieces) > 1 and _choice(piece.strip(), by_text) is not None else piece.split(",")
            )
            if item.strip()
        ]
        if any(_plain(part) == "none" for part in parts):
            wrong.append(
                f"{short(cell)} has 'none' beside choices for {short(question.prompt, 80)}; keep one or the other"
            )
            return []
    found: list[Any] = []
    unknown: dict[str, None] = {}  # in order, once each
    for part in parts:
        value = _choice(part, by_text)
        if value is None:
            unknown[part] = None
        else:
            found.append(value)
    for part in list(unknown)[:SAID_CELLS]:
        text = hints.get((question.key, part))
        if text is None:
            text = _no_answer(question, part)
            if len(hints) < SAID_KEPT:
                hints[question.key, part] = text
        wrong.append(text)
    if len(unknown) > SAID_CELLS:
        more = len(unknown) - SAID_CELLS
        said = "item of that cell is no answer" if more == 1 else "items of that cell are no answers"
        wrong.append(f"{more:,} more {said} either")
    return found if question.kind == "multiselect" else cell if whole is None else whole


def _no_answer(question: Any, part: str) -> str:
    """What is said of `part`, no answer to `question`: the label it may mean, or what is allowed."""
    labels = [c.label for c in question.choices]
    near = nearest(part, labels, 0.6, _plain) or nearest(part, [str(c.value) for c in question.choices], 0.6)
    if not near:  # what is allowed, as the answers check says it
        ends = (question.choices[0].value, question.choices[-1].value)
        scale = f" (a whole number from {ends[0]} to {ends[1]}, or its label)"
        near = scale if question.kind == "scale" else f" (its answers: {', '.join(labels)})"
    return f"{short(part)} is no answer to {short(question.prompt, 80)}{near}"


def _choice(text: str, by_text: dict[str, Any]) -> Any:
    found = by_text.get(text)
    return by_text.get(_plain(text)) if found is None else found
