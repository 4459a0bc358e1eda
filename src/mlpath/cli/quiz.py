"""Plan commands: the quiz and the roadmap."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from mlpath.cli.app import FormatOption, JsonOption, app, emit, output_format, session
from mlpath.cli.completion import complete_answer
from mlpath.errors import UsageError
from mlpath.render import OutputFormat

if TYPE_CHECKING:
    from mlpath.answers import Answers
    from mlpath.content.model import Content
    from mlpath.report import Report

PLAN = "Plan"
EXTENSION_FORMATS = {
    ".json": OutputFormat.json,
    ".yaml": OutputFormat.yaml,
    ".yml": OutputFormat.yaml,
    ".md": OutputFormat.markdown,
    ".markdown": OutputFormat.markdown,
    ".txt": OutputFormat.plain,
}

AnswersOption = Annotated[
    str | None,
    typer.Option(
        "--answers", metavar="FILE", help="Answers as YAML or JSON; '-' reads stdin. With --batch: JSON Lines."
    ),
]
SetOption = Annotated[
    list[str] | None,
    typer.Option(
        "--set",
        metavar="KEY=VALUE",
        help="One answer; repeatable; lists comma-separated. Wins over --answers.",
        autocompletion=complete_answer,
    ),
]
DefaultsOption = Annotated[bool, typer.Option("--defaults", help="Fill every unanswered question with its default.")]
SaveAnswersOption = Annotated[
    str | None,
    typer.Option("--save-answers", metavar="FILE", help="Save the answers where --answers can read them back."),
]
SaveOption = Annotated[
    bool, typer.Option("--save", help="Save the answers and roadmap as your plan, to track with 'mlpath progress'.")
]
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write the result to FILE (atomically) instead of stdout; format from --format or extension.",
    ),
]


@app.command(rich_help_panel=PLAN)
def quiz(
    ctx: typer.Context,
    answers_file: AnswersOption = None,
    assignments: SetOption = None,
    defaults: DefaultsOption = False,
    save_answers: SaveAnswersOption = None,
    questions: Annotated[
        bool, typer.Option("--questions", help="List the questions, keys, values and defaults.")
    ] = False,
    batch: Annotated[
        bool, typer.Option("--batch", help="Read JSON Lines of answers (stdin or --answers); write one JSON line each.")
    ] = False,
    save: SaveOption = False,
    output: OutputOption = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """ "Should I become one?": asks the questions, prints a verdict and a tailored roadmap.

    Examples: mlpath quiz | mlpath quiz --defaults --set programming=none --json |
    mlpath quiz --answers answers.yaml | mlpath quiz --batch < answers.jsonl
    """
    state = session(ctx)
    content = state.content()
    if questions:
        from mlpath.views.roadmap import questions_report

        emit(ctx, questions_report(content), fmt, as_json)
        return
    if batch:
        from mlpath.cli.batch import run_batch

        raise typer.Exit(run_batch(content, answers_file, assignments or [], defaults))
    prepared, missing = gather(content, answers_file, assignments or [], defaults)
    prompted = False
    if missing:
        if not state.terminal.interactive:
            raise UsageError(
                f"the quiz needs answers for: {', '.join(missing)}; there is no terminal to ask on, so give them "
                "with --answers FILE, --set KEY=VALUE, or --defaults (see mlpath quiz --questions)"
            )
        from mlpath import answers as contract
        from mlpath.prompts import ask, terminal_output

        asked = ask(content.questions.questions, content.questions.scale_labels, prepared, output=terminal_output())
        prepared, missing = contract.check(asked)
        prompted = True
    answers = finish(prepared, save_answers)
    document = deliver(ctx, content, answers, output, fmt, as_json, save)
    if prompted:
        if not save:
            from mlpath.cli.progress import save_plan
            from mlpath.prompts import confirm

            if confirm("Save this roadmap as your plan, to track your progress?", default=True):
                save_plan(document)
        replay_hint(content, answers, save_answers)


@app.command(rich_help_panel=PLAN)
def roadmap(
    ctx: typer.Context,
    answers_file: AnswersOption = None,
    assignments: SetOption = None,
    defaults: DefaultsOption = False,
    save: SaveOption = False,
    output: OutputOption = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """The path as ordered steps: foundations, education, practice, specialty, the ladder.

    General without answers; tailored with --answers (or --set / --defaults).
    Example: mlpath roadmap --answers answers.yaml --format markdown -o roadmap.md
    """
    content = session(ctx).content()
    answers = None
    if answers_file is not None or assignments or defaults:
        prepared, missing = gather(content, answers_file, assignments or [], defaults)
        if missing:
            raise UsageError(
                f"the answers lack: {', '.join(missing)}; add them to --answers or --set, "
                "or pass --defaults to fill them"
            )
        answers = finish(prepared, None)
    deliver(ctx, content, answers, output, fmt, as_json, save)


def gather(
    content: Content, answers_file: str | None, assignments: list[str], defaults: bool
) -> tuple[dict[str, Any], list[str]]:
    """Answers from file, then --set (which wins), then defaults if asked: (checked answers, missing keys)."""
    from mlpath import answers as contract
    from mlpath.files import read_input

    raw: dict[str, Any] = {}
    if answers_file is not None:
        name = "stdin" if answers_file == "-" else answers_file
        raw.update(contract.parse_document(read_input(answers_file, "answers file"), name))
    raw.update(contract.parse_assignments(assignments))
    return contract.resolve(raw, content.questions.questions, defaults)


def finish(prepared: dict[str, Any], save_answers: str | None) -> Answers:
    from mlpath import answers as contract

    answers = contract.build(prepared)
    if save_answers is not None:
        from mlpath.files import write_atomic
        from mlpath.render.data import to_json, to_yaml

        document = answers.document()
        text = to_json(document, pretty=True) if Path(save_answers).suffix == ".json" else to_yaml(document)
        write_atomic(save_answers, text, "answers")
    return answers


def deliver(
    ctx: typer.Context,
    content: Content,
    answers: Answers | None,
    output: str | None,
    fmt: OutputFormat | None,
    as_json: bool,
    save: bool = False,
) -> dict[str, Any]:
    """Build the roadmap, save it as the plan if asked, and show or write it; returns its document."""
    from mlpath.engine.roadmap import build_roadmap
    from mlpath.views.roadmap import roadmap_report

    report = roadmap_report(content, build_roadmap(content, answers))
    if save:
        from mlpath.cli.progress import save_plan

        save_plan(report.document)
    if output is None:
        emit(ctx, report, fmt, as_json)
        return report.document
    chosen = (
        output_format(ctx, fmt, as_json)
        if (fmt or as_json)
        else EXTENSION_FORMATS.get(Path(output).suffix.lower(), OutputFormat.plain)
    )
    from mlpath.files import write_atomic

    write_atomic(output, document_text(report, chosen), "the roadmap")
    typer.echo(f"Wrote the roadmap to {output} ({chosen.value}).", err=True)
    return report.document


def document_text(report: Report, chosen: OutputFormat) -> str:
    if chosen is OutputFormat.table:
        import io

        from rich.console import Console

        from mlpath.render import render_table

        buffer = io.StringIO()
        Console(file=buffer, width=100, color_system=None, force_terminal=False).print(render_table(report))
        return buffer.getvalue()
    from mlpath.render import render_text

    return render_text(report, chosen)


def replay_hint(content: Content, answers: Answers, saved: str | None) -> None:
    """After an interactive quiz: how to get the same roadmap again without the questions."""
    document = answers.document()
    changed = []
    for question in content.questions.questions:
        value = document[question.key]
        default = list(question.default) if isinstance(question.default, tuple) else question.default
        if value != default:
            shown = ",".join(value) if isinstance(value, list) else str(value)
            changed.append(f"--set {question.key}={shown}")
    lines = ["", "Replay these answers without the questions:"]
    if saved:
        lines.append(f"  mlpath quiz --answers {saved}")
    lines.append("  mlpath quiz --defaults " + " ".join(changed))
    if not saved:
        lines.append("Save them to a file with --save-answers FILE, e.g. mlpath quiz --save-answers answers.yaml")
    sys.stderr.write("\n".join(lines) + "\n")
