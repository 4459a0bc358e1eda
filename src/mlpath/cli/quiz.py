"""The quiz and the roadmap (the Plan commands of the help)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Annotated, Any

import typer

from mlpath.cli.app import commands, emit, session
from mlpath.cli.options import AnswerSource, Delivery, Output, WhatIfOption, answer_options, output_options
from mlpath.errors import UsageError
from mlpath.render import OutputFormat

if TYPE_CHECKING:
    from mlpath.answers import Answers
    from mlpath.content.model import Content
    from mlpath.engine.roadmap import Roadmap
    from mlpath.report import Report

PLAN = "Plan"

SaveAnswersOption = Annotated[
    str | None,
    typer.Option("--save-answers", metavar="FILE", help="Save the answers where --answers can read them back."),
]


@commands.command(rich_help_panel=PLAN)
@output_options
@answer_options
def quiz(
    ctx: typer.Context,
    source: AnswerSource,
    delivery: Delivery,
    output: Output,
    save_answers: SaveAnswersOption = None,
    what_if: WhatIfOption = None,
    questions: Annotated[
        bool, typer.Option("--questions", help="List the questions, keys, values and defaults.")
    ] = False,
    batch: Annotated[
        bool,
        typer.Option(
            "--batch",
            help="Read JSON Lines of answer sets (stdin or --answers); write a line for each, as it is read "
            "(JSON Lines, or --format csv).",
        ),
    ] = False,
    resume: Annotated[
        bool, typer.Option("--resume", help="Go on with an interrupted quiz: asks only the questions left.")
    ] = False,
) -> None:
    """ "Should I become one?": asks the questions, prints a verdict and a tailored roadmap.

    Examples: mlpath quiz | mlpath quiz --resume | mlpath quiz --defaults --set programming=none --json |
    mlpath quiz --answers answers.yaml --what-if study=part-time | mlpath quiz --batch < answers.jsonl
    """
    if batch:
        refuse_with_batch(delivery, save_answers, questions, output)
    state = session(ctx)
    if resume and (questions or batch):
        raise UsageError("--resume goes on with an interrupted quiz; it does not combine with --questions or --batch")
    if what_if and (questions or batch):
        raise UsageError("--what-if compares two roadmaps; it does not combine with --questions or --batch")
    from mlpath.cli.whatif import checked_changes

    changes = checked_changes(what_if)  # before any question: a typo must not cost the whole quiz
    content = state.content()
    if questions:
        from mlpath.views.roadmap import questions_report

        emit(ctx, questions_report(content), output)
        return
    if batch:
        from mlpath.cli.batch import batch as run_batch

        raise typer.Exit(run_batch(state.terminal, content, source, output, delivery.output))
    from mlpath import answers as contract
    from mlpath.cli.outputs import check_outputs

    # before any question: a bad -o must not cost the quiz
    check_outputs(source, delivery, save_answers, "the comparison" if changes else "the roadmap", state.data_dir)

    kept = None
    if resume:
        from mlpath import resume as unfinished

        kept = unfinished.load()
        if kept is None:
            raise UsageError("there is no interrupted quiz to resume; start one with 'mlpath quiz'")
    raw = raw_answers(source)
    answered = {key: value for key, value in kept.answered.items() if key not in raw} if kept else {}
    base = {**kept.given, **answered} if kept else {}
    prepared, missing = contract.resolve({**base, **raw}, content.questions.questions, source.defaults)
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


@commands.command(rich_help_panel=PLAN)
@output_options
@answer_options
def roadmap(
    ctx: typer.Context, source: AnswerSource, delivery: Delivery, output: Output, what_if: WhatIfOption = None
) -> None:
    """The path as ordered steps: foundations, education, practice, specialty, the ladder.

    General without answers; tailored with --answers (or --set / --defaults); with --what-if,
    compared with the roadmap for the answers changed that way.
    Examples: mlpath roadmap --answers answers.yaml --format markdown -o roadmap.md |
    mlpath roadmap --defaults --what-if study=part-time
    """
    from mlpath.cli.outputs import check_outputs
    from mlpath.cli.whatif import NEEDS_ANSWERS, checked_changes

    changes = checked_changes(what_if)
    if changes and not source.given:
        raise UsageError(NEEDS_ANSWERS)
    check_outputs(source, delivery, None, "the comparison" if changes else "the roadmap", session(ctx).data_dir)
    content = session(ctx).content()
    answers = None
    if source.given:
        prepared, missing = collect_answers(content, source)
        if missing:
            raise UsageError(
                f"the answers lack: {', '.join(missing)}; add them to --answers or --set, "
                "or pass --defaults to fill them"
            )
        answers = complete_answers(prepared, None)
    show_roadmap(ctx, content, answers, delivery, output, what_if=changes)


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


def collect_answers(content: Content, source: AnswerSource) -> tuple[dict[str, Any], list[str]]:
    """Answers from the file, then --set (which wins), then defaults if asked: (checked answers, missing keys)."""
    from mlpath import answers as contract

    return contract.resolve(raw_answers(source), content.questions.questions, source.defaults)


def raw_answers(source: AnswerSource) -> dict[str, Any]:
    """Answers from the file, then --set (which wins), unchecked."""
    from mlpath import answers as contract
    from mlpath.files import read_input

    raw: dict[str, Any] = {}
    if source.file is not None:
        name = "stdin" if source.file == "-" else source.file
        raw.update(contract.parse_document(read_input(source.file, "answers file"), name))
    raw.update(contract.parse_assignments(source.assignments))
    return raw


def complete_answers(prepared: dict[str, Any], save_answers: str | None) -> Answers:
    """The checked answers as `Answers`; written to `save_answers` first when it is given."""
    from mlpath import answers as contract

    answers = contract.build(prepared)
    if save_answers is not None:
        from mlpath.cli.outputs import write_answers

        write_answers(answers, save_answers)
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
    summary stays on screen after it). Returns the roadmap and
    the rows it left on the screen's last lines (0 when it drew nothing there).
    """
    from mlpath.engine.roadmap import build_roadmap

    built = build_roadmap(content, answers)
    report, shorter, what = _reports(content, built, what_if, taken_ways(delivery))
    terminal = session(ctx).terminal
    if delivery.output not in (None, "-"):  # "-" is stdout, as for --answers
        from mlpath.cli.outputs import file_format
        from mlpath.files import write_atomic
        from mlpath.render import render_text, table_text

        given = output.resolve(terminal.stdout_isatty) if output.format or output.json else None
        chosen = file_format(delivery.output, given)
        text = table_text(report) if chosen is OutputFormat.table else render_text(report, chosen)
        write_atomic(str(delivery.output), text, what)
        terminal.say(f"Wrote {what} to {delivery.output} ({chosen.value}).")
        _save_if_asked(built, delivery)  # after every file: a file that fails leaves the plan as it was
        return built, 0
    _save_if_asked(built, delivery)  # before the roadmap is drawn: its line takes no row after the summary
    if output.resolve(terminal.stdout_isatty) is OutputFormat.table and terminal.stdout_isatty:
        from mlpath.cli.longview import show_long

        shown = show_long(terminal, shorter, pager=delivery.pager, repeat=ending, room=room, least=least, choose=choose)
        return built, shown
    emit(ctx, report, output)
    return built, 0


def _save_if_asked(built: Roadmap, delivery: Delivery) -> None:
    if delivery.save:
        from mlpath.cli.progress import save_plan

        save_plan(built)


def taken_ways(delivery: Delivery) -> frozenset[str]:
    """The ways to the whole output the person already took, so the summary does not offer them."""
    taken = {"no-pager": not delivery.pager, "save": delivery.save, "output": delivery.output not in (None, "-")}
    return frozenset(way for way, done in taken.items() if done)


def _reports(
    content: Content, built: Roadmap, what_if: Mapping[str, Any] | None, taken: frozenset[str]
) -> tuple[Report, Iterable[Report], str]:
    """The report to show, the same with ever shorter summaries (for the screen), and its name."""
    if what_if:
        from mlpath.cli.whatif import comparison_reports

        report, shorter = comparison_reports(content, built, what_if, taken)
        return report, shorter, "the comparison"
    from mlpath.views.roadmap import SUMMARY_REASONS, roadmap_report, roadmap_summary

    report = roadmap_report(content, built, taken=taken)
    reasons = (
        report._replace(summary=roadmap_summary(content, report.document, shown, taken))
        for shown in range(SUMMARY_REASONS, -1, -1)
    )
    return report, reasons, "the roadmap"
