"""The quiz and the roadmap (the Plan commands of the help), and where they write files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from mlpath.cli import options
from mlpath.cli.application import app, emit, examples, session, stdin_hint
from mlpath.cli.ending import end_of_quiz, show_roadmap
from mlpath.content import answers as contract
from mlpath.errors import OperationError, UsageError
from mlpath.output.formats import OutputFormat

if TYPE_CHECKING:
    from mlpath.content import Content
    from mlpath.output.terminal import Terminal

PLAN = "Plan"
NEEDS_ANSWERS = (
    "--what-if compares your roadmap with the roadmap for your answers changed, so it needs answers: "
    "give them with --answers FILE, --set KEY=VALUE or --defaults"
)


@app.command(rich_help_panel=PLAN, help=examples(
    '"Should I become one?": asks the questions, prints a verdict and a roadmap tailored to your answers.',
    "mlpath quiz", "mlpath quiz --resume", "mlpath quiz --defaults --set programming=none --json",
    "mlpath quiz --answers answers.yaml --what-if study=part-time", "mlpath quiz --batch < answers.jsonl",
    "mlpath quiz --batch --answers survey.csv --format csv -o roadmaps.csv",
))  # fmt: skip
def quiz(
    ctx: typer.Context,
    answers_file: options.AnswersOption = None,
    assignments: options.SetOption = None,
    defaults: options.DefaultsOption = False,
    save: options.SaveOption = False,
    save_answers: Annotated[
        str | None,
        typer.Option("--save-answers", metavar="FILE", help="Save the answers where --answers can read them back."),
    ] = None,
    what_if: options.WhatIfOption = None,
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
    input_format: options.InputFormatOption = None,
    id_column: options.IdColumnOption = None,
    output_file: options.OutputFileOption = None,
    no_pager: options.NoPagerOption = False,
    fmt: options.FormatOption = None,
    as_json: options.JsonOption = False,
) -> None:
    source = options.AnswerSource(answers_file, tuple(assignments or ()), defaults)
    delivery, output = options.Delivery(save, output_file, not no_pager), options.Output.of(fmt, as_json)
    if batch:  # what --batch cannot do is an error, never silently ignored
        flags = {"--save": save, "--save-answers": save_answers, "--questions": questions}
        if clashes := ", ".join(flag for flag, given in flags.items() if given):
            raise UsageError(f"--batch cannot be combined with {clashes}; it writes one result per input line")
        if output.format not in (None, OutputFormat.json, OutputFormat.csv):
            raise UsageError(
                f"--batch writes JSON Lines (json) or CSV (csv), not {output.format.value}; use --format json or csv"
            )
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
    raw = raw_answers(source, state.terminal)
    # before any question: a bad -o must not cost the quiz
    check_outputs(delivery, save_answers, "the comparison" if changes else "the roadmap")
    answered = {key: value for key, value in kept.answered.items() if key not in raw} if kept else {}
    base = {**kept.given, **answered} if kept else {}
    prepared, missing, _ = contract.resolve(
        {**base, **raw}, content.questions.questions, source.defaults, asking=state.terminal.interactive
    )
    # The end of an interactive quiz (asked here, or resumed on a terminal with nothing left to ask)
    # shows the summary last, asks to save the plan, and says how to replay the answers.
    ending = state.terminal.interactive and (kept is not None or bool(missing))
    if missing:
        if not state.terminal.interactive:
            raise UsageError(
                f"the quiz needs answers for: {', '.join(missing)}; there is no terminal to ask on, so give them "
                "with --answers FILE, --set KEY=VALUE, or --defaults (see mlpath quiz --questions)"
            )
        from mlpath.cli.prompts import ask_quiz

        # given: what --set and --answers gave (now or in the interrupted run), never what the rules
        # filled in, so a question skipped for now is asked once a changed answer calls for it
        given = {key: prepared[key] for key in {**base, **raw} if key not in answered}
        asked = ask_quiz(state.terminal, content, given, {key: prepared[key] for key in answered}, plan_answers())
        prepared, missing = contract.check(asked)
    answers = contract.build(prepared)
    if save_answers is not None:
        from mlpath.io import yaml
        from mlpath.io.files import write_atomic
        from mlpath.output.formats import to_json

        json = Path(save_answers).suffix == ".json"
        text = to_json(answers, pretty=True) if json else yaml.dump(answers.document())
        write_atomic(save_answers, text, "answers")
    if ending:
        end_of_quiz(ctx, content, answers, delivery, output, save_answers, changes)
        return
    show_roadmap(ctx, content, answers, delivery, output, changes)
    if kept is not None:  # --resume --defaults, or --resume without a terminal: finished all the same
        unfinished.forget()


@app.command(rich_help_panel=PLAN, help=examples(
    "The path as ordered steps: foundations, education, practice, specialty, the ladder. With a plan saved: "
    "your roadmap, each step with its status (--save makes it anew from your answers, keeping the statuses; "
    "--set changes some of them); with --answers (or --set, --defaults): the roadmap of those answers; "
    "otherwise, or with --general: the general one. --what-if compares it with the roadmap for your answers "
    "changed that way.",
    "mlpath roadmap", "mlpath roadmap --general",
    "mlpath roadmap --answers answers.yaml --format markdown -o roadmap.md",
    "mlpath roadmap --defaults --what-if study=part-time",
))  # fmt: skip
def roadmap(
    ctx: typer.Context,
    answers_file: options.AnswersOption = None,
    assignments: options.SetOption = None,
    defaults: options.DefaultsOption = False,
    save: options.SaveOption = False,
    what_if: options.WhatIfOption = None,
    general: Annotated[bool, typer.Option("--general", help="The general roadmap, even with a plan saved.")] = False,
    output_file: options.OutputFileOption = None,
    no_pager: options.NoPagerOption = False,
    fmt: options.FormatOption = None,
    as_json: options.JsonOption = False,
) -> None:
    source = options.AnswerSource(answers_file, tuple(assignments or ()), defaults)
    delivery, output = options.Delivery(save, output_file, not no_pager), options.Output.of(fmt, as_json)
    changes = checked_changes(what_if)
    given = source.file is not None or bool(source.assignments)
    if general and (given or source.defaults or changes):
        raise UsageError("--general shows the general roadmap; it does not combine with answers or --what-if")
    content = session(ctx).content()
    answers = None
    if source.file is None:  # your answers, when a plan of them is saved: --defaults fills only what it lacks
        from mlpath.plan import store

        plan = store.load()
        answers = None if general or plan is None else plan.answers
        if general and plan is not None and plan.answers is not None and delivery.save:
            delivery = delivery._replace(save=drop_answers(content, session(ctx).terminal))
        elif plan is not None and not (general or given or changes or delivery.save):  # a general plan is yours too
            check_outputs(delivery, None, "your roadmap")
            show_roadmap(ctx, content, None, delivery, output, plan=plan)
            return
    if changes and answers is None and not (given or source.defaults):
        raise UsageError(NEEDS_ANSWERS + ", or save a plan of your answers (mlpath quiz --save)")
    raw = raw_answers(source, session(ctx).terminal) if given or source.defaults else None
    if raw is not None and answers is not None:  # --set alone changes answers of your plan
        raw = {**answers.document(), **raw}
    check_outputs(delivery, None, "the comparison" if changes else "the roadmap")
    if raw is not None:
        prepared, missing, _ = contract.resolve(raw, content.questions.questions, source.defaults)
        if missing:
            raise UsageError(
                f"the answers lack: {', '.join(missing)}; add them to --answers or --set, "
                "or pass --defaults to fill them"
            )
        answers = contract.build(prepared)
    show_roadmap(ctx, content, answers, delivery, output, changes)


def drop_answers(content: Content, terminal: Terminal) -> bool:
    """May `roadmap --general --save` drop the answers of the plan saved? On a terminal, only if
    the person says so (No by default), as a quiz replaces a plan; a script's --save is its say."""
    from mlpath.cli.ending import save_question
    from mlpath.cli.prompts import confirm

    if not terminal.interactive:
        return True
    if confirm(save_question(content, None, False)[0], default=False):
        return True
    terminal.say("Your plan and its answers are kept as they were.")
    return False


def plan_answers() -> dict[str, Any] | None:
    """The answers of the plan saved, which a retake shows to start from; none when there is no plan
    of answers, or none that can be read (saving then says what is wrong with it)."""
    import os

    from mlpath.errors import MlpathError
    from mlpath.plan import plan_path

    if not os.path.lexists(plan_path()):  # the usual first quiz: none to read (nor its code to import)
        return None
    from mlpath.plan import store

    try:
        plan = store.load()
    except MlpathError:
        return None
    return None if plan is None or plan.answers is None else plan.answers.document()


def checked_changes(assignments: list[str] | None) -> dict[str, Any]:
    """The --what-if flags as checked answers (key: value), the last of a key winning, as --set."""
    if not assignments:
        return {}
    raw = contract.parse_assignments(assignments, "--what-if")
    try:
        prepared, _ = contract.check(raw)  # a what-if names some answers only: none is "missing"
    except UsageError as error:
        raise UsageError(f"--what-if: {error}") from None
    return {key: prepared[key] for key in raw}  # in the order given


def raw_answers(source: options.AnswerSource, terminal: Terminal) -> dict[str, Any]:
    """Answers from the file, then --set (which wins), unchecked."""
    from mlpath.io.files import read_input

    raw: dict[str, Any] = {}
    if source.file is not None:
        name = "stdin" if source.file == "-" else source.file
        stdin_hint(terminal, source.file, "answers (YAML or JSON)")
        document = contract.parse_document(read_input(source.file, "answers file", contract.MAX_BYTES), name)
        if "schema_version" in document and isinstance(document.get("answers"), dict):
            document = document["answers"]  # a saved plan: its answers
        raw.update(document)
    raw.update(contract.parse_assignments(source.assignments))
    return raw


def check_outputs(delivery: options.Delivery, save_answers: str | None, what: str) -> None:
    """Refuse, before a question is asked or a file written, any target that cannot or must not be
    written, and one file named twice: so a bad `-o` never leaves the answers or the plan saved."""
    from mlpath.io.files import check_target

    if save_answers == "-":
        raise UsageError("--save-answers needs a file name; '-' would mix the answers into the output")
    target = check_target(delivery.output, what) if delivery.output not in (None, "-") else None
    if save_answers is not None and check_target(save_answers, "answers") == target:
        raise OperationError(f"-o and --save-answers both name {save_answers!r}; give each its own file")
    if delivery.save:
        from mlpath.plan import store

        store.check_writable()
