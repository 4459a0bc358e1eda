"""The quiz and the roadmap (the Plan commands of the help), and where they write files."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from mlpath.cli.application import app, emit, examples, session
from mlpath.cli.options import (
    AnswersOption,
    AnswerSource,
    DefaultsOption,
    Delivery,
    FormatOption,
    IdColumnOption,
    InputFormatOption,
    JsonOption,
    NoPagerOption,
    Output,
    OutputFileOption,
    SaveOption,
    SetOption,
    WhatIfOption,
)
from mlpath.errors import OperationError, UsageError
from mlpath.output.formats import OutputFormat

if TYPE_CHECKING:
    from mlpath.content import Content
    from mlpath.content.answers import Answers
    from mlpath.engine.roadmap import Roadmap
    from mlpath.output.blocks import Report

PLAN = "Plan"
NEEDS_ANSWERS = (
    "--what-if compares your roadmap with the roadmap for your answers changed, so it needs answers: "
    "give them with --answers FILE, --set KEY=VALUE or --defaults"
)
# -o FILE without --format or --json: the format its extension names (plain otherwise)
EXTENSION_FORMATS = {
    ".json": OutputFormat.json,
    ".yaml": OutputFormat.yaml,
    ".yml": OutputFormat.yaml,
    ".md": OutputFormat.markdown,
    ".markdown": OutputFormat.markdown,
    ".txt": OutputFormat.plain,
    ".csv": OutputFormat.csv,
}

SaveAnswersOption = Annotated[
    str | None,
    typer.Option("--save-answers", metavar="FILE", help="Save the answers where --answers can read them back."),
]


@app.command(rich_help_panel=PLAN, help=examples(
    '"Should I become one?": asks the questions, prints a verdict and a roadmap tailored to your answers.',
    "mlpath quiz",
    "mlpath quiz --resume",
    "mlpath quiz --defaults --set programming=none --json",
    "mlpath quiz --answers answers.yaml --what-if study=part-time",
    "mlpath quiz --batch < answers.jsonl",
    "mlpath quiz --batch --answers survey.csv --format csv -o roadmaps.csv",
))  # fmt: skip
def quiz(
    ctx: typer.Context,
    answers_file: AnswersOption = None,
    assignments: SetOption = None,
    defaults: DefaultsOption = False,
    save: SaveOption = False,
    save_answers: SaveAnswersOption = None,
    what_if: WhatIfOption = None,
    questions: Annotated[
        bool, typer.Option("--questions", help="List the questions, keys, values and defaults.")
    ] = False,
    batch: Annotated[
        bool,
        typer.Option(
            "--batch",
            help="Read answer sets, JSON Lines or a form's CSV export (stdin or --answers); write a line for "
            "each, as it is read (JSON Lines, or --format csv).",
        ),
    ] = False,
    resume: Annotated[
        bool, typer.Option("--resume", help="Go on with an interrupted quiz: asks only the questions left.")
    ] = False,
    input_format: InputFormatOption = None,
    id_column: IdColumnOption = None,
    output_file: OutputFileOption = None,
    no_pager: NoPagerOption = False,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    from mlpath.content import answers as contract

    source = AnswerSource(answers_file, tuple(assignments or ()), defaults)
    delivery, output = Delivery(save, output_file, not no_pager), Output.of(fmt, as_json)
    if batch:
        refuse_with_batch(delivery, save_answers, questions, output)
    state = session(ctx)
    if resume and (questions or batch):
        raise UsageError("--resume goes on with an interrupted quiz; it does not combine with --questions or --batch")
    if what_if and (questions or batch):
        raise UsageError("--what-if compares two roadmaps; it does not combine with --questions or --batch")
    changes = checked_changes(what_if)  # before any question: a typo must not cost the whole quiz
    content = state.content()
    if questions:
        from mlpath.output.roadmap import questions_report

        emit(ctx, questions_report(content), output)
        return
    if batch:
        from mlpath.cli.batch import run_batch

        raise typer.Exit(run_batch(state.terminal, content, source, output, delivery.output, input_format, id_column))
    kept = None
    if resume:
        from mlpath.plan import resume as unfinished

        kept = unfinished.load()
        if kept is None:
            raise UsageError("there is no interrupted quiz to resume; start one with 'mlpath quiz'")
    raw = raw_answers(source)
    # before any question: a bad -o must not cost the quiz
    check_outputs(delivery, save_answers, "the comparison" if changes else "the roadmap")
    answered = {key: value for key, value in kept.answered.items() if key not in raw} if kept else {}
    base = {**kept.given, **answered} if kept else {}
    prepared, missing, _ = contract.resolve(
        {**base, **raw}, content.questions.questions, source.defaults, asking=state.terminal.interactive
    )
    # The end of an interactive quiz (asked here, or resumed on a terminal with nothing left to ask)
    # shows the summary last, asks to save the plan, and says how to replay the answers.
    ending = kept is not None and state.terminal.interactive
    if missing:
        if not state.terminal.interactive:
            raise UsageError(
                f"the quiz needs answers for: {', '.join(missing)}; there is no terminal to ask on, so give them "
                "with --answers FILE, --set KEY=VALUE, or --defaults (see mlpath quiz --questions)"
            )
        from mlpath.cli.asking import ask_quiz

        given = {key: value for key, value in prepared.items() if key not in answered}
        asked = ask_quiz(state.terminal, content, given, {key: prepared[key] for key in answered})
        prepared, missing = contract.check(asked)
        ending = True
    answers = complete_answers(prepared, save_answers)
    if not ending:
        show_roadmap(ctx, content, answers, delivery, output, what_if=changes)
        if kept is not None:  # --resume --defaults, or --resume without a terminal: finished all the same
            unfinished.forget()
        return
    from mlpath.cli.ending import end_of_quiz

    end_of_quiz(ctx, content, answers, delivery, output, save_answers, changes)


@app.command(rich_help_panel=PLAN, help=examples(
    "The path as ordered steps: foundations, education, practice, specialty, the ladder. With a plan saved: "
    "your roadmap, each step with its status; with --answers (or --set, --defaults): the roadmap of those "
    "answers; otherwise, or with --general: the general one. --what-if compares it with the roadmap for your "
    "answers changed that way.",
    "mlpath roadmap",
    "mlpath roadmap --general",
    "mlpath roadmap --answers answers.yaml --format markdown -o roadmap.md",
    "mlpath roadmap --defaults --what-if study=part-time",
))  # fmt: skip
def roadmap(
    ctx: typer.Context,
    answers_file: AnswersOption = None,
    assignments: SetOption = None,
    defaults: DefaultsOption = False,
    save: SaveOption = False,
    what_if: WhatIfOption = None,
    general: Annotated[bool, typer.Option("--general", help="The general roadmap, even with a plan saved.")] = False,
    output_file: OutputFileOption = None,
    no_pager: NoPagerOption = False,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    from mlpath.content import answers as contract

    source = AnswerSource(answers_file, tuple(assignments or ()), defaults)
    delivery, output = Delivery(save, output_file, not no_pager), Output.of(fmt, as_json)
    changes = checked_changes(what_if)
    if general and (source.given or changes):
        raise UsageError("--general shows the general roadmap; it does not combine with answers or --what-if")
    if changes and not source.given:
        raise UsageError(NEEDS_ANSWERS)
    content = session(ctx).content()
    if not (source.given or general or delivery.save):
        from mlpath.plan import store

        plan = store.load()
        if plan is not None and plan.answers is not None:
            show_saved(ctx, content, plan, delivery, output)
            return
    raw = raw_answers(source) if source.given else None
    check_outputs(delivery, None, "the comparison" if changes else "the roadmap")
    answers = None
    if raw is not None:
        prepared, missing, _ = contract.resolve(raw, content.questions.questions, source.defaults)
        if missing:
            raise UsageError(
                f"the answers lack: {', '.join(missing)}; add them to --answers or --set, "
                "or pass --defaults to fill them"
            )
        answers = complete_answers(prepared, None)
    show_roadmap(ctx, content, answers, delivery, output, what_if=changes)


def show_saved(ctx: typer.Context, content: Content, plan: Any, delivery: Delivery, output: Output) -> None:
    """`mlpath roadmap` with a plan saved: your roadmap, each step with its status, in every format."""
    from mlpath.engine.roadmap import build_roadmap
    from mlpath.output.plan import saved_report
    from mlpath.plan.store import plan_path

    check_outputs(delivery, None, "your roadmap")
    report = saved_report(content, plan, build_roadmap(content, plan.answers), str(plan_path()))
    _deliver(ctx, report, [report], "your roadmap", delivery, output)


def refuse_with_batch(delivery: Delivery, save_answers: str | None, questions: bool, output: Output) -> None:
    """What --batch cannot do is an error, never silently ignored."""
    clashes = [
        flag
        for flag, given in (("--save", delivery.save), ("--save-answers", save_answers), ("--questions", questions))
        if given
    ]
    if clashes:
        raise UsageError(f"--batch cannot be combined with {', '.join(clashes)}; it writes one result per input line")
    if output.format not in (None, OutputFormat.json, OutputFormat.csv):
        raise UsageError(
            f"--batch writes JSON Lines (json) or CSV (csv), not {output.format.value}; use --format json or csv"
        )


def checked_changes(assignments: list[str] | None) -> dict[str, Any]:
    """The --what-if flags as checked answers (key: value), the last of a key winning, as --set."""
    if not assignments:
        return {}
    from mlpath.content import answers as contract

    raw = contract.parse_assignments(assignments, "--what-if")
    try:
        prepared, _ = contract.check(raw)  # a what-if names some answers only: none is "missing"
    except UsageError as error:
        raise UsageError(f"--what-if: {error}") from None
    return {key: prepared[key] for key in raw}  # in the order given


def raw_answers(source: AnswerSource) -> dict[str, Any]:
    """Answers from the file, then --set (which wins), unchecked."""
    from mlpath.content import answers as contract
    from mlpath.io.files import read_input

    raw: dict[str, Any] = {}
    if source.file is not None:
        name = "stdin" if source.file == "-" else source.file
        document = contract.parse_document(read_input(source.file, "answers file"), name)
        if "schema_version" in document and isinstance(document.get("answers"), dict):
            document = document["answers"]  # a saved plan: its answers
        raw.update(document)
    raw.update(contract.parse_assignments(source.assignments))
    return raw


def check_outputs(delivery: Delivery, save_answers: str | None, what: str) -> None:
    """Refuse, before a question is asked or a file written, any target that cannot or must not
    be written (see `io.files.check_target`), and one file named twice: so a bad `-o` never
    leaves the answers written or the plan saved without it."""
    from mlpath.io.files import check_target

    named = []
    if delivery.output not in (None, "-"):
        named.append(("-o", str(delivery.output), what))
    if save_answers is not None:
        if save_answers == "-":
            raise UsageError("--save-answers needs a file name; '-' would mix the answers into the output")
        named.append(("--save-answers", save_answers, "answers"))
    targets: dict[str, Path] = {}
    for flag, name, called in named:
        target = check_target(name, called)
        for other, path in targets.items():
            if path == target:
                raise OperationError(f"{other} and {flag} both name {name!r}; give each its own file")
        targets[flag] = target
    if delivery.save:
        from mlpath.plan import store

        store.check_writable()


def complete_answers(prepared: dict[str, Any], save_answers: str | None) -> Answers:
    """The checked answers as `Answers`; written to `save_answers` first when it is given."""
    from mlpath.content import answers as contract

    answers = contract.build(prepared)
    if save_answers is not None:
        from mlpath.io import yaml
        from mlpath.io.files import write_atomic
        from mlpath.output.formats import to_json

        document = answers.document()
        text = to_json(answers, pretty=True) if Path(save_answers).suffix == ".json" else yaml.dump(document)
        write_atomic(save_answers, text, "answers")
    return answers


def show_roadmap(
    ctx: typer.Context,
    content: Content,
    answers: Answers | None,
    delivery: Delivery,
    output: Output,
    *,
    what_if: Mapping[str, Any] | None = None,
    ending: bool = False,
    room: int = 1,
    least: int = 1,
    choose: Callable[[Sequence[int]], int] | None = None,
) -> tuple[Roadmap, int]:
    """Build the roadmap, write it to a file or show it, and save it as the plan if asked; with
    `what_if` (checked answers), show its comparison with the roadmap for the answers changed
    that way instead. The plan saved is always the roadmap of the answers as given. The plan is
    saved after every file is written (their targets were checked before: `check_outputs`) and
    before a roadmap is drawn on the screen.

    In the table format on a terminal it opens with a summary that fits the screen with `room`
    rows to spare (or at least `least`; `choose` picks it from the summaries' heights instead),
    and a long one goes to the pager (`ending`: the end of an interactive quiz, where the
    summary stays on screen after it). Returns the roadmap and the rows it left on the screen's
    last lines (0 when it drew nothing there).
    """
    from mlpath.engine.roadmap import build_roadmap

    built = build_roadmap(content, answers)
    report, shorter, what = _reports(content, built, what_if, delivery.taken)
    shown = _deliver(ctx, report, shorter, what, delivery, output, built, ending, room, least, choose)
    return built, shown


def _deliver(
    ctx: typer.Context,
    report: Report,
    shorter: Iterable[Report],
    what: str,
    delivery: Delivery,
    output: Output,
    built: Roadmap | None = None,
    ending: bool = False,
    room: int = 1,
    least: int = 1,
    choose: Callable[[Sequence[int]], int] | None = None,
) -> int:
    """Write `report` to the file of -o, or show it (see `show_roadmap`), saving `built` as the plan
    when asked; the rows it left at the foot of the screen."""
    terminal = session(ctx).terminal
    if delivery.output not in (None, "-"):  # "-" is stdout, as for --answers
        from mlpath.io.files import write_atomic
        from mlpath.output.formats import render_text, table_text

        given = output.resolve(terminal.stdout_isatty) if output.format or output.json else None
        chosen = given or EXTENSION_FORMATS.get(Path(delivery.output).suffix.lower(), OutputFormat.plain)
        text = table_text(report) if chosen is OutputFormat.table else render_text(report, chosen)
        write_atomic(str(delivery.output), text, what)
        terminal.say(f"Wrote {what} to {delivery.output} ({chosen.value}).")
        _save_if_asked(built, delivery)  # after every file: a file that fails leaves the plan as it was
        return 0
    _save_if_asked(built, delivery)  # before the roadmap is drawn: its line takes no row after the summary
    if output.resolve(terminal.stdout_isatty) is OutputFormat.table and terminal.stdout_isatty:
        from mlpath.output.screen import show_long

        return show_long(terminal, shorter, pager=delivery.pager, repeat=ending, room=room, least=least, choose=choose)
    emit(ctx, report, output)
    return 0


def _save_if_asked(built: Roadmap | None, delivery: Delivery) -> None:
    if delivery.save and built is not None:
        from mlpath.cli.progress import save_plan

        save_plan(built)


def _reports(
    content: Content, built: Roadmap, what_if: Mapping[str, Any] | None, taken: frozenset[str]
) -> tuple[Report, Iterable[Report], str]:
    """The report to show, the same with ever shorter summaries (for the screen), and its name."""
    from mlpath.output import roadmap as views

    if what_if:
        from mlpath.engine.compare import what_if as compare

        if built.answers is None:
            raise UsageError(NEEDS_ANSWERS)
        report = views.comparison_report(content, compare(content, built, what_if), what_if, taken=taken)
        return report, views.shorter_comparisons(content, report, taken), "the comparison"
    report = views.roadmap_report(content, built, taken=taken)
    return report, views.shorter_roadmaps(content, report, taken), "the roadmap"
