"""Options that several commands share, declared once and handed to each command as one object.

`@output_options` gives a command `--format/-f` (csv included: for commands whose output is a
list of records) and `--json` and passes it an `Output`; `@document_output_options` is the
same without csv;
`@answer_options` gives quiz and roadmap `--answers`, `--set`, `--defaults`, `--save`,
`--output/-o` and `--no-pager` and passes them an `AnswerSource` and a `Delivery`;
`WhatIfOption` is their `--what-if`. This is
sqlite-utils' shared `output_options`, done for Typer: the decorator rewrites the signature
Typer reads.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Annotated, Any, NamedTuple, TypeVar

import typer

from mlpath.cli.completion import complete_answer
from mlpath.errors import UsageError
from mlpath.render import DocumentFormat, OutputFormat

F = TypeVar("F", bound=Callable[..., Any])


class Output(NamedTuple):
    """How a command's result should be written: the chosen --format, and --json."""

    format: OutputFormat | None = None
    json: bool = False

    def resolve(self, stdout_isatty: bool) -> OutputFormat:
        """The format to use: --json, else --format, else table on a terminal and plain when piped."""
        if self.json and self.format not in (None, OutputFormat.json):
            raise UsageError(f"--json and --format {self.format.value} disagree; give one of them")
        if self.json:
            return OutputFormat.json
        if self.format is not None:
            return self.format
        return OutputFormat.table if stdout_isatty else OutputFormat.plain


class AnswerSource(NamedTuple):
    """Where answers come from: a file (or '-' for stdin), --set flags (which win), and --defaults."""

    file: str | None = None
    assignments: tuple[str, ...] = ()
    defaults: bool = False

    @property
    def given(self) -> bool:
        return self.file is not None or bool(self.assignments) or self.defaults


class Delivery(NamedTuple):
    """Where a roadmap goes besides the screen: the saved plan (--save) and a file (--output);
    and whether a long one may open in a pager on the screen (not with --no-pager)."""

    save: bool = False
    output: str | None = None
    pager: bool = True


def _bundle(
    target: str, build: Callable[..., Any], options: list[inspect.Parameter], first: bool = False
) -> Callable[[F], F]:
    """A decorator that adds `options` to a command (after its own, or before them with `first`)
    and passes `build(**their values)` to it as `target`."""
    names = [option.name for option in options]

    def decorate(command: F) -> F:
        signature = inspect.signature(command, eval_str=True)
        kept = [p for p in signature.parameters.values() if p.name != target]

        @functools.wraps(command)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            kwargs[target] = build(**{name: kwargs.pop(name) for name in names})
            return command(*args, **kwargs)

        ordered = [*options, *kept] if first else [*kept, *options]
        # Typer passes every value by keyword, so all may be keyword-only, in any order.
        parameters = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in ordered]
        wrapper.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
        wrapper.__annotations__ = {p.name: p.annotation for p in parameters}
        return wrapper  # type: ignore[return-value]

    return decorate


def _option(name: str, annotation: Any, default: Any) -> inspect.Parameter:
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)


def _output_bundle(formats: type[OutputFormat] | type[DocumentFormat]) -> Callable[[F], F]:
    names = "|".join(f.value for f in formats)
    return _bundle(
        "output",
        lambda fmt, as_json: Output(OutputFormat(fmt.value) if fmt is not None else None, as_json),
        [
            _option(
                "fmt",
                Annotated[
                    formats | None,
                    typer.Option(
                        "--format",
                        "-f",
                        metavar=f"<{names}>",
                        help="Output format. Default: table on a terminal, plain when piped.",
                        case_sensitive=False,
                        show_default=False,
                    ),
                ],
                None,
            ),
            _option("as_json", Annotated[bool, typer.Option("--json", help="Short for --format json.")], False),
        ],
    )


output_options = _output_bundle(OutputFormat)
document_output_options = _output_bundle(DocumentFormat)

_answer_source = _bundle(
    "source",
    lambda answers_file, assignments, defaults: AnswerSource(answers_file, tuple(assignments or ()), defaults),
    [
        _option(
            "answers_file",
            Annotated[
                str | None,
                typer.Option(
                    "--answers",
                    metavar="FILE",
                    help="Answers as YAML or JSON; '-' reads stdin. With --batch: JSON Lines.",
                ),
            ],
            None,
        ),
        _option(
            "assignments",
            Annotated[
                list[str] | None,
                typer.Option(
                    "--set",
                    metavar="KEY=VALUE",
                    help="One answer; repeatable; lists comma-separated. Wins over --answers.",
                    autocompletion=complete_answer,
                ),
            ],
            None,
        ),
        _option(
            "defaults",
            Annotated[bool, typer.Option("--defaults", help="Fill every unanswered question with its default.")],
            False,
        ),
    ],
    first=True,
)

_delivery = _bundle(
    "delivery",
    lambda save, output_file, no_pager: Delivery(save, output_file, not no_pager),
    [
        _option(
            "save",
            Annotated[
                bool,
                typer.Option(
                    "--save", help="Save the answers and roadmap as your plan, to track with 'mlpath progress'."
                ),
            ],
            False,
        ),
        _option(
            "output_file",
            Annotated[
                str | None,
                typer.Option(
                    "--output",
                    "-o",
                    metavar="FILE",
                    help="Write the result to FILE (atomically) instead of stdout; format from --format or extension.",
                ),
            ],
            None,
        ),
        _option(
            "no_pager",
            Annotated[
                bool,
                typer.Option("--no-pager", help="Print the whole roadmap instead of opening a pager on a terminal."),
            ],
            False,
        ),
    ],
)


# quiz and roadmap: compare the roadmap with the roadmap for the answers changed this way.
WhatIfOption = Annotated[
    list[str] | None,
    typer.Option(
        "--what-if",
        metavar="KEY=VALUE",
        help="Compare with the roadmap for this answer changed; repeatable; lists comma-separated.",
        autocompletion=complete_answer,
    ),
]


def answer_options(command: F) -> F:
    """--answers, --set, --defaults (as `source`), then --save, --output and --no-pager (as `delivery`)."""
    return _answer_source(_delivery(command))
