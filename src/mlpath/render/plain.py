"""Plain output: one record per line, tab-separated fields, no colour, no box drawing.

The records are the command's JSON document laid out by `render.records`: the first field names
the record type and each type has a fixed number of fields, so `head`, `grep ^duty` and
`cut -f1` work, and every value the JSON carries is there.
"""

from __future__ import annotations

from mlpath.render.records import records, text
from mlpath.report import Report


def to_plain(report: Report) -> str:
    return "".join(_line(fields) + "\n" for fields in records(report.kind, report.document))


def _line(fields: tuple[object, ...]) -> str:
    # A tab or newline inside a value would split the record; fold all whitespace into single spaces.
    return "\t".join(" ".join(text(field).split()) for field in fields)
