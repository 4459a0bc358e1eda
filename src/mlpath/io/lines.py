"""Many answer sets (`quiz --batch`, `cohort`): JSON Lines, split into lines and parsed one by one,
or a form's CSV export, matched to the questions by key or prompt.

A file and stdin are split the same way: on "\\n" only (a "\\r" before it is dropped; U+2028
and U+0085 are characters, not line breaks), from the bytes, so that a line that is not UTF-8
costs only itself. No line is held beyond `MAX_LINE_BYTES`: the rest of a longer one is read
and dropped. Every way a line can be poisonous (nesting thousands deep, numbers of thousands
of digits, NaN, lone surrogates, duplicate keys) is a `LineError` for that line alone.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
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
_SEPARATOR = re.compile(r"sep=(.)\r?\n?")  # the first line Excel reads as "this file's delimiter"


def _plain(text: str) -> str:
    """A header or a cell as matched: case, spacing, underscores, curly quotes and a closing "?"
    ignored."""
    return " ".join(text.translate(_QUOTES).replace("_", " ").replace("-", " ").casefold().split()).rstrip("?: ")


_NUMBERED = re.compile(r"^\s*(?:q(?:uestion)?\s*)?\d+\s*[.):]\s*", re.IGNORECASE)  # "3. ", "Q3) ", "Question 3: "


def _named(title: str, names: dict[str, Any], prompts: dict[str, Any]) -> Any:
    """The question a header names: by key or prompt, whole or after a form's numbering ("3. How
    well do you program?"); or by the prompt that ends a form's grid of questions, in brackets
    ("Rate yourself [How curious are you about new technologies?]") or after a full stop ("Rate
    yourself.How curious ...")."""
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
    stream: IO[bytes], questions: Sequence[Any], id_column: str | None = None, needed: Collection[str] = ()
) -> tuple[list[tuple[str, str]], bool, Iterator[tuple[int, Id | None, dict[str, Any] | LineError]], Unheaded]:
    """A form's CSV export (RFC 4180, a header row) as answer sets: (the columns it ignores, each
    with a hint when it is near an answer's name; whether a column names the rows; each data row
    as (the line it starts on, id, raw answers) or its error; the columns without a header, which
    learn as the rows are read whether they held anything). A form's second header row (over each
    answer "Response", or a checkbox's choices) is passed over. Blank lines before the header are
    passed over. The delimiter is a comma, or the semicolon or tab that makes more of the header's
    columns answers (or what Excel's "sep=" line names). A column is an answer's by its key or by
    its question's prompt; a cell holds a value or its label as the quiz shows it, a list's items
    comma- or semicolon-separated. An ambiguous column, an `id_column` (default "id", optional)
    that no header names or that answers a question, or an answer of `needed` that no column
    holds (a list can be left out: none chosen), is a UsageError before any row is read. Blank
    rows are skipped; a line that is not UTF-8, a quoted cell never closed or a row over the
    bound is a UsageError naming its line."""
    import csv
    import itertools

    csv.field_size_limit(MAX_LINE_BYTES)
    prompts = {_plain(q.prompt): q for q in questions}
    names = {_plain(q.key): q for q in questions} | prompts
    identifier = _plain(id_column or "id")
    lines = _Lines(stream)
    first = lines.first()
    if chosen := _SEPARATOR.fullmatch(first):
        delimiter, first = chosen[1], lines.first()
    else:

        def matched(delimiter: str) -> int:
            try:
                titles = next(csv.reader([first], delimiter=delimiter), [])
            except csv.Error:
                return 0
            return sum(_named(title, names, prompts) is not None or _plain(title) == identifier for title in titles)

        delimiter = max(DELIMITERS, key=matched)  # the first of equals: a comma
    reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter, strict=True)
    try:
        header = next(reader, [])
    except csv.Error as error:
        raise _unreadable(lines.row_start, error) from None
    if not header:  # an empty file: no answer sets, as an empty JSON Lines file
        return [], True, iter(()), Unheaded(())
    ids = [index for index, title in enumerate(header) if _plain(title) == identifier]
    if len(ids) > 1 and id_column is not None:  # named outright: the column of that very name
        ids = [index for index in ids if header[index].strip() == id_column.strip()] or ids
    if len(ids) > 1:
        raise UsageError(f"two columns name the rows: {short(header[ids[0]])} and {short(header[ids[1]])}; keep one")
    id_at = ids[0] if ids else None
    if id_at is not None and _named(header[id_at], names, prompts) is not None:
        raise UsageError(f"--id-column {short(id_column)} names a column of answers; name the column of the rows' ids")
    columns: dict[int, Any] = {}
    ignored: list[tuple[str, str]] = []
    last = None  # the question of the last column named
    for index, title in enumerate(header):
        question = None if index == id_at else _named(title, names, prompts)
        if question is None and not title.strip():
            if last is not None and last.kind == "multiselect":  # a checkbox question, a column a choice
                columns[index] = last
            continue  # else an unnamed column: nothing to say
        last = question
        if index == id_at:
            continue
        if question is None:
            ignored.append(
                (title, nearest(title, [*(q.key for q in questions), *(q.prompt for q in questions)], 0.8, _plain))
            )
        elif question in columns.values():
            other = next(header[at] for at, asked in columns.items() if asked is question)
            raise UsageError(f"two columns answer {question.key!r}: {short(other)} and {short(title)}; keep one")
        else:
            columns[index] = question
    if id_column is not None and id_at is None:
        raise UsageError(
            f"no column of the CSV is named {short(id_column)} (--id-column); its columns are: "
            + ", ".join(short(title, 40) for title in header)
        )
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
    texts = {  # each question's choices by value and label (a label wins over another's value)
        q.key: {text: c.value for c in q.choices for text in (str(c.value), c.label)}
        | {_plain(str(c.value)): c.value for c in q.choices}
        | {_plain(c.label): c.value for c in q.choices}
        for q in columns.values()
    }
    rows = _unblank(reader, lines)
    head = next(rows, None)
    named = {id_at}  # columns that are no answer's but said or used
    if head is not None and _second_header(head[1], header, columns, texts, id_at):
        for index, question in list(columns.items()):  # a column of its own under a checkbox ("Other")
            cell = head[1][index].strip()
            if not header[index].strip() and _choice(cell, texts[question.key]) is None:
                del columns[index]
                named.add(index)
                ignored.append((cell, f" (beside {short(question.prompt, 80)})"))
        head = None
    unheaded = Unheaded(
        i for i, title in enumerate(header) if not title.strip() and i not in columns and i not in named
    )
    found = _rows(
        itertools.chain([head] if head else [], rows), len(header), columns, texts, id_at, delimiter, unheaded
    )
    return ignored, id_at is not None, found, unheaded


class Unheaded(set[int]):
    """The columns with no header that are no answer's; `held` gathers those whose cells hold
    something (0-based), for one line saying they were ignored."""

    def __init__(self, columns: Iterable[int]) -> None:
        super().__init__(columns)
        self.held: set[int] = set()


def _second_header(
    row: list[str], header: list[str], columns: dict[int, Any], texts: dict[str, dict[str, Any]], id_at: int | None
) -> bool:
    """Is the first row a form's second header row (SurveyMonkey): no id, and over every answer
    "Response", or for a checkbox question a column per choice, its choice's label (or a name of
    its own, "Other (please specify)")?"""
    if id_at is not None and id_at < len(row) and row[id_at].strip():
        return False
    spread = said = False  # a checkbox question over several columns, each named by a choice; "Response"
    for index, question in columns.items():
        cell = row[index].strip() if index < len(row) else ""
        if _plain(cell) in SUBHEADS:
            said = True
            continue
        if (
            not cell
            or question.kind != "multiselect"
            or (header[index].strip() and _choice(cell, texts[question.key]) is None)
        ):
            return False
        spread = spread or not header[index].strip()
    return spread or said


# The csv module's words for what it cannot read, in a person's (the rest are shown as they are).
CSV_ERRORS = {
    "unexpected end of data": 'opens a quoted cell that is never closed; close it with a " (a " inside a '
    'quoted cell is written twice: "")',
    "expected after": "has text after a quoted cell's closing quote; quote the whole cell",
    "field larger than field limit": f"holds a cell over {MAX_LINE_BYTES:,} characters, the limit",
    "new-line character seen in unquoted field": "ends its lines with a lone carriage return (CR); save it with "
    "LF or CRLF line ends (in a spreadsheet: CSV UTF-8)",
}


def _unreadable(line: int, error: Exception) -> UsageError:
    """A CSV the reader cannot go on with (where the next row starts is unknown): one error, at
    the line where the row began, so that no part of a cell is ever taken for a row."""
    said = next((words for found, words in CSV_ERRORS.items() if found in str(error)), None)
    return UsageError(f"line {line} of the CSV {said or 'cannot be read: ' + short(str(error), 80)}")


class _Lines:
    """The lines of a CSV's bytes, decoded one by one so that a byte that is not UTF-8 is named by
    its line (a byte-order mark at the start is dropped, as spreadsheets write one). A row, over
    as many lines as its cells hold, is never held past MAX_LINE_BYTES: a longer one stops the
    reading, naming the line it starts on."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self.number = 0  # lines read
        self.row_start = 1  # the line the row being read starts on
        self._held = 0  # bytes of that row read so far

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = self._stream.readline(MAX_LINE_BYTES + 2)
        if not line:
            raise StopIteration
        self.number += 1
        self._held += len(line)
        if self._held > MAX_LINE_BYTES + 2 or (len(line) == MAX_LINE_BYTES + 2 and not line.endswith(b"\n")):
            raise UsageError(f"line {self.row_start} of the CSV starts a row over {MAX_LINE_BYTES:,} bytes, the limit")
        try:
            return line.decode("utf-8-sig" if self.number == 1 else "utf-8")
        except UnicodeDecodeError as error:
            raise UsageError(
                f"line {self.number} of the CSV is not UTF-8 text (byte 0x{line[error.start]:02x}); save it as UTF-8 "
                "(in a spreadsheet: CSV UTF-8)"
            ) from None

    def next_row(self) -> None:
        """The next line read starts a row."""
        self.row_start, self._held = self.number + 1, 0

    def first(self) -> str:
        """The next line that is not blank (nor a spreadsheet's empty row, ",,,,"), as the first of
        a row ("" at the end)."""
        while True:
            self.next_row()
            line = next(self, "")
            if line.strip("".join(DELIMITERS) + ' "\r\n') or not line:
                return line


class CellError(LineError):
    """A row whose cells hold what no answer's value or label is."""


SUBHEADS = {"response", "open ended response"}  # what a form's second header row says over its answers


def _unblank(reader: Any, lines: _Lines) -> Iterator[tuple[int, list[str]]]:
    """Each row that is not blank, with the line it starts on."""
    import csv

    while True:
        lines.next_row()
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:  # the reader cannot find where the next row starts: stop here
            raise _unreadable(lines.row_start, error) from None
        if any(cell.strip() for cell in row):
            yield lines.row_start, row


def _rows(
    rows: Iterator[tuple[int, list[str]]],
    width: int,
    columns: dict[int, Any],
    texts: dict[str, dict[str, Any]],
    id_at: int | None,
    delimiter: str,
    unheaded: Unheaded | None = None,
) -> Iterator[tuple[int, Id | None, dict[str, Any] | LineError]]:
    # cells left off at the end are empty if only lists' (none chosen) are among them: a row reaches
    # past the last column of an answer that is no list
    reaches = 1 + max((index for index, question in columns.items() if question.kind != "multiselect"), default=-1)
    for start, row in rows:
        if len(row) >= reaches:
            row += [""] * (width - len(row))
        ident = row[id_at].strip() if id_at is not None and id_at < len(row) and row[id_at].strip() else None
        if len(row) < width or any(cell.strip() for cell in row[width:]):
            # a cell holding the delimiter unquoted shifts every cell after it: no answer can be trusted
            said = f"the row has {plural(len(row), 'cell')} where the header has {width}"
            if len(row) > width:
                said += f"; quote a cell that holds a {delimiter!r}"
            else:
                said += f": a cell is missing, or a header holds a {delimiter!r} unquoted"
            yield start, ident, LineError(said)
            continue
        if unheaded:
            unheaded.held.update(index for index in unheaded if row[index].strip())
        cells = {index: row[index].strip() for index in columns}
        if not any(cells.values()):  # a timestamp and nothing else
            yield start, ident, LineError("the row answers no question: every answer cell is empty")
            continue
        raw: dict[str, Any] = {}
        wrong: list[str] = []
        for index, question in columns.items():
            value = _cell(question, cells[index], texts[question.key], wrong)
            if question.kind == "multiselect" and question.key in raw:  # a checkbox's further column
                raw[question.key] = [*raw[question.key], *value]
            elif cells[index] or question.kind == "multiselect":  # an empty list cell: none chosen
                raw[question.key] = value
        yield start, ident, CellError("; ".join(wrong)) if wrong else raw


def _cell(question: Any, cell: str, by_text: dict[str, Any], wrong: list[str]) -> Any:
    """A cell as an answer: a choice's value or label (`by_text`: as written, or by its `_plain`
    text); for a list, the whole cell, or its items split at ";" and then at ",", or "none" alone.
    What is neither goes to `wrong`, said with the label it may mean."""
    whole = _choice(cell, by_text)
    if question.kind != "multiselect":
        parts = [cell] if cell and whole is None else []
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
    found = []
    for part in parts:
        value = _choice(part, by_text)
        if value is not None:
            found.append(value)
            continue
        labels = [c.label for c in question.choices]
        near = nearest(part, labels, 0.6, _plain) or nearest(part, [str(c.value) for c in question.choices], 0.6)
        if not near:  # what is allowed, as the answers check says it
            ends = (question.choices[0].value, question.choices[-1].value)
            scale = f" (a whole number from {ends[0]} to {ends[1]}, or its label)"
            near = scale if question.kind == "scale" else f" (its answers: {', '.join(labels)})"
        wrong.append(f"{short(part)} is no answer to {short(question.prompt, 80)}{near}")
    return found if question.kind == "multiselect" else cell if whole is None else whole


def _choice(text: str, by_text: dict[str, Any]) -> Any:
    found = by_text.get(text)
    return by_text.get(_plain(text)) if found is None else found
