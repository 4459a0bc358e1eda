"""Turn reports into output. Text formats return strings; the table format returns a rich renderable."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from mlpath.report import Report

if TYPE_CHECKING:
    from rich.console import RenderableType

    from mlpath.terminal import Terminal


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


def render_text(report: Report, output_format: OutputFormat, pretty: bool = False, ascii_only: bool = False) -> str:
    """The report as a finished document (ending in a newline) for every format but table.

    JSON is indented for a person at a terminal (`pretty`), compact for scripts and files,
    and escapes non-ASCII characters (losslessly) for a stdout that cannot encode them.
    """
    if output_format is OutputFormat.json:
        from mlpath.render.data import to_json

        return to_json(report.document, pretty, ascii_only)
    if output_format is OutputFormat.yaml:
        from mlpath.render.data import to_yaml

        return to_yaml(report.document)
    from mlpath.render.safe import safe_report

    report = safe_report(report)  # the formats a person reads show no control characters
    if output_format is OutputFormat.markdown:
        from mlpath.render.markdown import to_markdown

        return to_markdown(report)
    if output_format is OutputFormat.plain:
        from mlpath.render.plain import to_plain

        return to_plain(report)
    if output_format is OutputFormat.csv:
        from mlpath.render.csv import to_csv

        return to_csv(report)
    raise ValueError(f"{output_format.value} is not a text format")


def render_table(report: Report) -> RenderableType:
    from mlpath.render.safe import safe_report
    from mlpath.render.tables import to_renderable

    return to_renderable(safe_report(report))


def render_summary(report: Report) -> RenderableType:
    """The title and the summary of a report that has one: what one screen shows first."""
    from mlpath.render.safe import safe_report
    from mlpath.render.tables import to_summary

    return to_summary(safe_report(report))


def drawn(renderable: RenderableType, terminal: Terminal) -> str:
    """What the terminal's stdout console would print for `renderable`, as text (with its colours)."""
    console = terminal.console()
    with console.capture() as captured:
        console.print(renderable)
    return captured.get()


def write(report: Report, output_format: OutputFormat, terminal: Terminal) -> None:
    """The report on the terminal's stdout: drawn by its console, or as a finished document."""
    if output_format is OutputFormat.table:
        terminal.console().print(render_table(report))
    else:
        terminal.write(render_text(report, output_format, pretty=terminal.stdout_isatty, ascii_only=not terminal.utf8))


def table_text(report: Report, width: int = 100) -> str:
    """The table format as plain text of a given width, without colour: for writing to a file."""
    import io

    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None, force_terminal=False).print(render_table(report))
    return buffer.getvalue()
