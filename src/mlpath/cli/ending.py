"""Where a roadmap ends up: a file (-o), the screen (its summary, the pager), the saved plan; and
the end of an interactive quiz, fitted to one screen: the summary (verdict, reasons, first
steps), the question to save the plan, how to replay the answers and the comparisons worth a look.

Right after the last answer the verdict and the first step must be on screen, so what follows the
summary is counted before the summary is chosen. Rows are given up in this order: the comparisons
beyond the first (and the --save-answers tip), the reasons (the verdict's counts stay), the last
comparison, the replay command. Whatever is left out is in the pager (or printed whole with
--no-pager).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlpath.cli.application import emit, session
from mlpath.content.answers import assignment
from mlpath.errors import InterruptError, MlpathError
from mlpath.output.formats import OutputFormat
from mlpath.text import wrap

if TYPE_CHECKING:
    import typer

    from mlpath.cli.options import Delivery, Output
    from mlpath.content import Content
    from mlpath.content.answers import Answers
    from mlpath.engine.roadmap import Roadmap
    from mlpath.plan.model import Plan

PROMPT = 1  # the shell's prompt after the quiz
# -o FILE without --format or --json: the format its extension names (plain otherwise)
EXTENSION_FORMATS = {
    ".json": OutputFormat.json, ".yaml": OutputFormat.yaml, ".yml": OutputFormat.yaml, ".md": OutputFormat.markdown,
    ".markdown": OutputFormat.markdown, ".txt": OutputFormat.plain, ".csv": OutputFormat.csv,
}  # fmt: skip


def show_roadmap(
    ctx: typer.Context,
    content: Content,
    answers: Answers | None,
    delivery: Delivery,
    output: Output,
    what_if: Mapping[str, Any] | None = None,
    plan: Plan | None = None,
    saved: bool = False,
    **fit: Any,
) -> tuple[Roadmap, int]:
    """The roadmap, its comparison with `what_if`, or with the saved `plan` each step's status: to
    -o's file (checked before: `quiz.check_outputs`) or shown as `emit` does with `fit`; saved as
    the plan if asked (`saved`: the plan holds it already). Returns the roadmap and the rows it
    left at the foot of the screen."""
    import os

    from mlpath.engine.roadmap import build_roadmap
    from mlpath.output import roadmap as views
    from mlpath.output.pager import pager_command

    built = build_roadmap(content, answers if plan is None else plan.answers)
    to_file = delivery.output not in (None, "-")  # "-" is stdout, as for --answers
    # the ways to the whole output the person already took, so a summary does not offer them
    # (all of it is printed already with no pager, as MLPATH_PAGER= asks, or off a terminal)
    printed = not delivery.pager or not session(ctx).terminal.stdout_isatty or pager_command(os.environ) is None
    ways = {"no-pager": printed, "save": delivery.save or saved, "output": to_file}
    taken = frozenset(way for way, done in ways.items() if done)
    if plan is not None:
        from mlpath.output.plan import saved_report
        from mlpath.plan import plan_path

        report = saved_report(content, plan, built, str(plan_path()))
        shorter, what = [report], "your roadmap"
    elif what_if:
        from mlpath.engine.compare import what_if as compare

        report = views.comparison_report(content, compare(content, built, what_if), what_if, taken=taken)
        shorter, what = views.shorter_comparisons(content, report, taken), "the comparison"
    else:
        report = views.roadmap_report(content, built, taken=taken)
        shorter, what = views.shorter_roadmaps(content, report, taken), "the roadmap"
    terminal = session(ctx).terminal
    if to_file:
        from mlpath.io.files import write_atomic
        from mlpath.output.formats import render_text, table_text

        given = output.resolve(terminal.stdout_isatty) if output.format or output.json else None
        chosen = given or EXTENSION_FORMATS.get(Path(str(delivery.output)).suffix.lower(), OutputFormat.plain)
        text = table_text(report) if chosen is OutputFormat.table else render_text(report, chosen)
        write_atomic(str(delivery.output), text, what)
        terminal.say(f"Wrote {what} to {delivery.output} ({chosen.value}).")
    # After every file (one that fails leaves the plan as it was), and before the roadmap is drawn
    # (the line saving prints takes no row after the summary).
    if delivery.save:
        from mlpath.cli.progress import save_plan
        from mlpath.io import streams

        if not to_file:
            streams.require_stdout()
        save_plan(built)
    return built, 0 if to_file else emit(ctx, report, output, delivery.pager, shorter, **fit)


def save_question(content: Content, answers: Answers | None, what_if: bool) -> tuple[str, bool, str]:
    """(the question, its default, the line saving would print): with a plan saved, what saving
    would change, and No by default (the safe choice); no question when the plan saved holds these
    very answers and steps (the line then says so)."""
    from mlpath.engine.roadmap import build_roadmap
    from mlpath.output.plan import saved_line
    from mlpath.plan import model, store

    old, result = None, None
    try:  # the plan saved (none when there is none, or none readable), and what saving would do to it
        with contextlib.suppress(store.DamagedPlanError, store.NewerPlanError):
            old = store.load()
        result = model.replan(old, build_roadmap(content, answers), store.now())
    except MlpathError:  # the plan cannot be read: asked as for a first plan; saving says what is wrong
        old, result = None, None
    own = " of your own answers (not the what-if)" if what_if else ""
    if old is not None and result is not None and old.answers == answers and old.steps == result.plan.steps:
        return "", False, "Your saved plan already holds this roadmap and your answers: nothing to save."
    if result is None or old is None:
        line = "" if result is None else saved_line(result, True)
        return f"Save the roadmap{own} as your plan, to track your progress?", True, line
    change = saved_line(result, False).removeprefix("Plan updated: ").removesuffix(" — mlpath progress")
    change = change.replace(" (their work changed)", "")  # one level of brackets in a question
    this = "the general roadmap, dropping your answers" if answers is None else f"this roadmap{own}"
    return f"Replace your saved plan with {this}: {change}?", False, saved_line(result, False)


def end_of_quiz(
    ctx: typer.Context,
    content: Content,
    answers: Answers,
    delivery: Delivery,
    output: Output,
    saved: str | None,
    what_if: Mapping[str, Any],
) -> None:
    """The end of the quiz in the module's doc; at most data/roadmap.yaml's `offer` comparisons."""
    from mlpath.cli.progress import save_plan
    from mlpath.cli.prompts import RESUME, confirm
    from mlpath.engine.compare import worth_trying
    from mlpath.plan import resume as unfinished

    terminal = session(ctx).terminal
    width = terminal.width
    offers = [] if what_if else [f"--what-if {assignment(k, v)}" for k, v in worth_trying(content, answers)]
    text, default, line = save_question(content, answers, bool(what_if))
    asking = bool(text) and not delivery.save
    question = -(-(len(text) + 9) // width) if asking else 0  # "? " and " (Y/n) Yes" round it
    saved_line = _rows(wrap(line, width, ""))
    # What may follow the save question, longest first: the rich hints (the replay command with
    # every offer and the --save-answers tip, then with the first offer only) and the plain ones
    # (the replay command alone, then nothing). Without offers, the rich hint has the tip only.
    rich = [replay_hint(content, answers, saved, width, what_if, offers, tip=True)]
    if len(offers) > 1:
        rich.append(replay_hint(content, answers, saved, width, what_if, offers[:1]))
    bare = replay_hint(content, answers, saved, width, what_if)
    plain = [bare, ""] if bare not in rich else [""]
    tails = [*rich, *plain]
    after = question + (0 if delivery.save else saved_line) + PROMPT

    def choose(heights: Sequence[int]) -> int:
        for index, hint in preferred(len(heights), len(rich), len(plain)):
            if heights[index] + after + _rows(tails[hint]) <= terminal.height:
                return index
        return len(heights) - 1

    built, shown = show_roadmap(
        ctx,
        content,
        answers,
        delivery,
        output,
        what_if,
        saved=not text,
        repeat=True,
        least=max(1, question),
        choose=choose,
    )
    # with --save, the plan was saved (and said so) before the roadmap was shown
    try:
        saved_now = asking and confirm(text, default=default)
    except KeyboardInterrupt:  # the answers stay kept, as the quiz's first line promised
        if not _kept_for_resume(answers):
            raise
        from mlpath.io.files import written

        done = written()
        files = f", after writing {done}" if done else ""
        raise InterruptError(
            f"Interrupted at the question to save{files}; your answers are kept. Go on with: {RESUME}"
        ) from None
    if saved_now:
        save_plan(built)
    elif not text and not delivery.save:
        terminal.say(line)
    unfinished.forget()  # only once answered: a terminal closed before leaves a --resume
    left = terminal.height - shown - question - (saved_line if saved_now or not text else 0) - PROMPT
    hint = next((hint for hint in tails if _rows(hint) <= left), "")
    if hint:
        terminal.say(hint, laid_out=True)  # `tails` fitted it to the screen


def _kept_for_resume(answers: Answers) -> bool:
    """Does the unfinished quiz kept for --resume hold these answers (and not another quiz's)?"""
    from mlpath.plan import resume

    try:
        kept = resume.load()
    except MlpathError:
        return False
    document = answers.document()
    return kept is not None and all(
        document.get(key) == value for key, value in {**kept.given, **kept.answered}.items()
    )


def preferred(summaries: int, rich: int, plain: int) -> list[tuple[int, int]]:
    """(summary, hint) pairs in the order the module's doc gives, best first. Summaries run from the
    most reasons to none; hints are the `rich` ones (with an offer), then the `plain` ones."""
    last = summaries - 1
    pairs = [(index, hint) for index in range(summaries) for hint in range(rich)]
    pairs += [(index, rich + hint) for index in (max(0, last - 1), last) for hint in range(plain)]
    return pairs


def replay_hint(
    content: Content,
    answers: Answers,
    saved: str | None,
    width: int,
    what_if: Mapping[str, Any] | None = None,
    offers: Sequence[str] = (),
    tip: bool = False,
) -> str:
    """How to get the same roadmap again without the questions (a --set for every answer not the
    default), the comparisons `offers` to add and, with `tip`, how to keep the answers in a file."""
    extra = "".join(f" --what-if {assignment(key, value)}" for key, value in (what_if or {}).items())
    lines = [wrap("Replay these answers without the questions:", width, "")]  # right under the save question
    if saved:
        lines.append(_command(f"mlpath quiz --answers {saved}{extra}", width))
    document = answers.document()
    command = "mlpath quiz --defaults"
    for question in content.questions.questions:
        default = list(question.default) if isinstance(question.default, tuple) else question.default
        if document[question.key] != default:
            command += f" --set {assignment(question.key, document[question.key])}"
    lines.append(_command(command + extra, width))
    if offers:
        listed = ", ".join(offers[:-1]) + " or " + offers[-1] if len(offers) > 1 else offers[0]
        lines.append(wrap(f"To see what one change would do, add {listed}.", width, ""))
    if tip and not saved:
        lines.append(wrap("Add --save-answers FILE to keep the answers in a file.", width, ""))
    return "\n".join(lines)


def _rows(text: str) -> int:
    return text.count("\n") + 1 if text else 0


def _command(text: str, width: int) -> str:
    """A command wrapped between its arguments, an option beside its value ("--set KEY=VALUE")
    where the two fit on a line."""
    room = width - 7  # the indent and the backslash
    joined = re.sub(
        r"(--set|--what-if|--answers) (\S+)", lambda m: m[0].replace(" ", "\0") if len(m[0]) <= room else m[0], text
    )
    # a break after a hyphen would split a value ("part- \ time") and the command would not run
    return wrap(joined, width - 2, "  ", "    ").replace("\n", " \\\n").replace("\0", " ")
