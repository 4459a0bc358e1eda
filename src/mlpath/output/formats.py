"""Turn a report into output, in every format. Never decides content.

- json: the document's JSON (`model.encode`): compact for scripts and files, indented for a
  person at a terminal, non-ASCII escaped (losslessly) for a stdout that cannot encode it.
- yaml: the same values as block YAML.
- plain: one record per line, tab-separated (`output.records`): `head`, `grep` and `cut` work.
- csv: RFC 4180 with a header row; a text cell a spreadsheet would run as a formula is
  neutralised with a leading apostrophe (OWASP), numbers stay numbers.
- markdown and table: the report's blocks, for people.
Every format a person reads shows no control characters or escape sequences (`text.shown`).
"""

from __future__ import annotations

import csv
import io
import json
from enum import Enum
from typing import TYPE_CHECKING, Any, TextIO

from mlpath.model import dump, encode
from mlpath.output.blocks import Report
from mlpath.text import shown

if TYPE_CHECKING:
    from rich.console import RenderableType

    from mlpath.output.terminal import Terminal


class OutputFormat(str, Enum):
    table = "table"
    plain = "plain"
    json = "json"
    yaml = "yaml"
    markdown = "markdown"
    csv = "csv"  # only where the document is a list of records (see DocumentFormat)


class DocumentFormat(str, Enum):
    """The formats of a command whose document is not a list of records: all but csv."""

    table = "table"
    plain = "plain"
    json = "json"
    yaml = "yaml"
    markdown = "markdown"


def to_json(document: Any, names: Any = None, pretty: bool = False, ascii_only: bool = False) -> str:
    """One JSON document: compact (one line, as a batch line is) unless `pretty`."""
    if pretty:
        return json.dumps(dump(document, names), indent=2, ensure_ascii=ascii_only) + "\n"
    if ascii_only:
        return json.dumps(dump(document, names), separators=(",", ":")) + "\n"
    return encode(document, names).decode() + "\n"


def render_text(report: Report, output_format: OutputFormat, pretty: bool = False, ascii_only: bool = False) -> str:
    """The report as a finished document (ending in a newline), for every format but table."""
    if output_format is OutputFormat.json:
        return to_json(report.document, report.names, pretty, ascii_only)
    if output_format is OutputFormat.yaml:
        from mlpath.io.yaml import dump as yaml_dump

        return yaml_dump(dump(report.document, report.names))
    if output_format is OutputFormat.markdown:
        from mlpath.output.markdown import to_markdown

        return to_markdown(safe_report(report))
    from mlpath.output.records import csv_table, records, text

    values = dump(report.document, report.names)
    if output_format is OutputFormat.plain:
        # A tab or newline inside a value would split the record: whitespace folds to single spaces.
        found = records(type(report.document), values)
        return "".join("\t".join(" ".join(shown(text(f)).split()) for f in fields) + "\n" for fields in found)
    if output_format is OutputFormat.csv:
        header, rows = csv_table(type(report.document), values)
        buffer = io.StringIO(newline="")
        out = csv_writer(buffer)
        out.writerow(header)
        out.writerows([csv_cell(cell) for cell in row] for row in rows)
        return buffer.getvalue()
    raise ValueError(f"{output_format.value} is not a text format")


def csv_writer(stream: TextIO) -> Any:
    """A csv writer in mlpath's dialect (comma, CRLF, quotes where needed) on `stream`."""
    return csv.writer(stream, dialect="excel", lineterminator="\r\n")


def csv_cell(value: Any) -> str:
    """A value as one CSV cell: text safe to show and never a formula; numbers as JSON writes them."""
    from mlpath.output.records import text

    cell = shown(text(value))
    if isinstance(value, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell


def safe_report(value: Any) -> Any:
    """The report with every string in its title, blocks and summary made safe to show; its
    document, a model, is left as it is."""
    if isinstance(value, str):
        return shown(value)
    if isinstance(value, tuple):
        items = [safe_report(item) for item in value]
        return type(value)(*items) if hasattr(value, "_fields") else tuple(items)
    return value


def render_table(report: Report, whole: bool = True) -> RenderableType:
    """The table format; without `whole`, the title and the summary alone: what one screen shows first."""
    from mlpath.output.tables import to_renderable

    return to_renderable(safe_report(report), whole)


def drawn(renderable: RenderableType, terminal: Terminal) -> str:
    """What the terminal's stdout console would print for `renderable`, as text (with its colours)."""
    console = terminal.console()
    with console.capture() as captured:
        console.print(renderable)
    return captured.get()


def write(report: Report, output_format: OutputFormat, terminal: Terminal) -> None:
    """The report on the terminal's stdout: drawn by its console, or as a finished document."""
    if output_format is OutputFormat.table:
        text = drawn(render_table(report), terminal)
    else:
        text = render_text(report, output_format, pretty=terminal.stdout_isatty, ascii_only=not terminal.utf8)
    terminal.write(text)


def table_text(report: Report, width: int = 100) -> str:
    """The table format as plain text of a given width, without colour: for writing to a file."""
    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None, force_terminal=False).print(render_table(report))
    return buffer.getvalue()
