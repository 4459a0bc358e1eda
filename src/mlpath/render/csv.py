"""CSV: RFC 4180 (comma-separated, double-quoted where needed, CRLF line ends), a header row, UTF-8.

The rows are those of the command's document (see `render.records.csv_table`). `writer` and
`csv_text` are the one way mlpath writes CSV, for any other table of rows as well.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from mlpath.render.records import csv_table
from mlpath.report import Report


def writer(stream: TextIO) -> Any:
    """A csv writer in mlpath's dialect on `stream` (for rows written one at a time)."""
    return csv.writer(stream, dialect="excel", lineterminator="\r\n")


def csv_text(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    buffer = io.StringIO(newline="")
    out = writer(buffer)
    out.writerow(header)
    out.writerows(rows)
    return buffer.getvalue()


def to_csv(report: Report) -> str:
    header, rows = csv_table(report.kind, report.document)
    return csv_text(header, rows)
