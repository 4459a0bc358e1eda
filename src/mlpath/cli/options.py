"""The options several commands share, declared once as annotated types, and what they add up to."""

from __future__ import annotations

from typing import Annotated, Any, Literal, NamedTuple

import typer

from mlpath.cli.completion import complete_answer
from mlpath.errors import UsageError
from mlpath.output.formats import DocumentFormat, OutputFormat


def _format(formats: type[OutputFormat | DocumentFormat]) -> Any:
    metavar = f"<{'|'.join(kind.value for kind in formats)}>"
    help = "Output format. Default: table on a terminal, plain when piped."
    return typer.Option("--format", "-f", metavar=metavar, help=help, case_sensitive=False)


FormatOption = Annotated[OutputFormat | None, _format(OutputFormat)]
DocumentFormatOption = Annotated[DocumentFormat | None, _format(DocumentFormat)]  # not a list of records: no csv
JsonOption = Annotated[bool, typer.Option("--json", help="Short for --format json.")]
AnswersOption = Annotated[
    str | None,
    typer.Option("--answers", metavar="FILE", help="Answers as YAML or JSON (a saved plan too); '-' reads stdin."),
]
SetOption = Annotated[
    list[str] | None,
    typer.Option(
        "--set",
        metavar="KEY=VALUE",
        help="One answer; repeatable; lists comma-separated. Wins over the answers read.",
        autocompletion=complete_answer,
    ),
]
DefaultsOption = Annotated[bool, typer.Option("--defaults", help="Fill every unanswered question with its default.")]
SaveOption = Annotated[
    bool, typer.Option("--save", help="Save the answers and roadmap as your plan, to track with 'mlpath progress'.")
]
OutputFileOption = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write the result to FILE (atomically) instead of stdout; format from --format or extension.",
    ),
]
InputFormatOption = Annotated[
    Literal["jsonl", "csv"] | None,
    typer.Option("--input-format", help="How the answer sets are written (default: csv for a .csv file, else jsonl)."),
]
IdColumnOption = Annotated[
    str | None, typer.Option("--id-column", metavar="NAME", help="The CSV column that names each row (default: id).")
]
NoPagerOption = Annotated[bool, typer.Option("--no-pager", help="Print everything instead of opening a pager.")]
WhatIfOption = Annotated[
    list[str] | None,
    typer.Option(
        "--what-if",
        metavar="KEY=VALUE",
        help="Compare with the roadmap for this answer changed; repeatable; lists comma-separated.",
        autocompletion=complete_answer,
    ),
]


class Output(NamedTuple):
    """How a result is written: the --format chosen, and --json."""

    format: OutputFormat | None = None
    json: bool = False

    @classmethod
    def of(cls, chosen: OutputFormat | DocumentFormat | None, as_json: bool) -> Output:
        return cls(OutputFormat(chosen.value) if chosen is not None else None, as_json)

    def resolve(self, stdout_isatty: bool) -> OutputFormat:
        if self.json and self.format not in (None, OutputFormat.json):
            raise UsageError(f"--json and --format {self.format.value} disagree; give one of them")
        if self.json:
            return OutputFormat.json
        return self.format or (OutputFormat.table if stdout_isatty else OutputFormat.plain)


class AnswerSource(NamedTuple):
    """Where answers come from: a file ('-' is stdin), --set flags (which win), and --defaults."""

    file: str | None = None
    assignments: tuple[str, ...] = ()
    defaults: bool = False


class Delivery(NamedTuple):
    """Where a roadmap goes besides the screen (--save, --output), and whether it may page."""

    save: bool = False
    output: str | None = None
    pager: bool = True
