"""The end of an interactive quiz, fitted to one screen: the summary (verdict, reasons, first
steps), the question to save the plan, how to replay the answers and the comparisons worth a look.

Right after the last answer the verdict and the first step must be on screen, so what follows the
summary is counted before the summary is chosen. Rows are given up in this order: the comparisons
beyond the first (and the --save-answers tip), the reasons (the verdict's counts stay), the last
comparison, the replay command. Whatever is left out is in the pager (or printed whole with
--no-pager).
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typer

    from mlpath.answers import Answers
    from mlpath.cli.options import Delivery, Output
    from mlpath.content.model import Content

SAVE_QUESTION = "Save this roadmap as your plan, to track your progress?"
# With --what-if the screen shows two roadmaps; the plan is always the one of your own answers.
SAVE_BASE_QUESTION = "Save the roadmap of your own answers (not the what-if) as your plan?"
SAVED_LINE = 100  # about as long as "Saved your plan to PATH (N steps). See it with 'mlpath progress'."
PROMPT = 1  # the shell's prompt after the quiz


def end_of_quiz(
    ctx: typer.Context,
    content: Content,
    answers: Answers,
    delivery: Delivery,
    output: Output,
    saved: str | None,
    what_if: Mapping[str, Any],
) -> None:
    """The roadmap (or the comparison) with its summary left on screen, the question to save it,
    how to replay it and, without --what-if, the comparisons worth a look (at most
    data/roadmap.yaml's `offer`), all within the terminal's height."""
    from mlpath.cli.app import session
    from mlpath.cli.quiz import show_roadmap
    from mlpath.cli.whatif import offered

    terminal = session(ctx).terminal
    width = terminal.width
    offers = [] if what_if else offered(content, answers)
    text = SAVE_BASE_QUESTION if what_if else SAVE_QUESTION
    question = 0 if delivery.save else rows_of(len(text) + 9, width)  # "? " and " (Y/n) Yes" round it
    saved_line = rows_of(SAVED_LINE, width)
    rich, plain = hints(content, answers, saved, width, what_if, offers)
    tails = [*rich, *plain]
    after = question + (0 if delivery.save else saved_line) + PROMPT

    def choose(heights: Sequence[int]) -> int:
        for index, hint in preferred(len(heights), len(rich), len(plain)):
            if heights[index] + after + _rows(tails[hint]) <= terminal.height:
                return index
        return len(heights) - 1

    built, shown = show_roadmap(
        ctx, content, answers, delivery, output, what_if=what_if, ending=True, least=max(1, question), choose=choose
    )
    from mlpath import resume as unfinished

    unfinished.forget()  # only once shown: a terminal closed while the roadmap is read leaves a --resume
    saved_now = False  # with --save, the plan was saved (and said so) before the roadmap was shown
    if not delivery.save:
        from mlpath.cli.progress import save_plan
        from mlpath.prompts import confirm

        if confirm(text, default=True):
            save_plan(built)
            saved_now = True
    left = terminal.height - shown - question - (saved_line if saved_now else 0) - PROMPT
    hint = next((hint for hint in tails if _rows(hint) <= left), "")
    if hint:
        terminal.say(hint)


def preferred(summaries: int, rich: int, plain: int) -> list[tuple[int, int]]:
    """(summary, hint) pairs, best first. Summaries run from the most reasons to none; hints are
    the `rich` ones (with an offer) then the `plain` ones (see `hints`). A comparison offered
    matters more than the reasons beyond the verdict's counts (they are in the full roadmap);
    a reason more than the replay command alone."""
    last = summaries - 1
    pairs = [(index, hint) for index in range(summaries) for hint in range(rich)]
    pairs += [(index, rich + hint) for index in (max(0, last - 1), last) for hint in range(plain)]
    return pairs


def hints(
    content: Content,
    answers: Answers,
    saved: str | None,
    width: int,
    what_if: Mapping[str, Any] | None,
    offers: Sequence[str],
) -> tuple[list[str], list[str]]:
    """What may follow the save question, longest first: the rich hints (the replay command with
    every offer and the --save-answers tip, then with the first offer only) and the plain ones
    (the replay command alone, then nothing). Without offers, the rich hint has the tip only."""
    rich = [replay_hint(content, answers, saved, width, what_if, offers, tip=True)]
    if len(offers) > 1:
        rich.append(replay_hint(content, answers, saved, width, what_if, offers[:1]))
    bare = replay_hint(content, answers, saved, width, what_if)
    return rich, [bare, ""] if bare not in rich else [""]


def replay_hint(
    content: Content,
    answers: Answers,
    saved: str | None,
    width: int,
    what_if: Mapping[str, Any] | None = None,
    offers: Sequence[str] = (),
    tip: bool = False,
) -> str:
    """After an interactive quiz: how to get the same roadmap (or comparison) again without the
    questions, the comparisons `offers` (--what-if flags) to add to that command and, with
    `tip`, how to keep the answers in a file.

    Wrapped on words at `width`; a command too long for one line goes on with a backslash, so
    it can still be copied and pasted whole.
    """
    from mlpath.answers import assignment

    extra = "".join(f" --what-if {assignment(key, value)}" for key, value in (what_if or {}).items())
    lines = [_sentence("Replay these answers without the questions:", width)]  # right under the save question
    if saved:
        lines.append(_command(f"mlpath quiz --answers {saved}{extra}", width))
    lines.append(_command(_defaults_command(content, answers) + extra, width))
    if offers:
        listed = ", ".join(offers[:-1]) + " or " + offers[-1] if len(offers) > 1 else offers[0]
        lines.append(_sentence(f"To see what one change would do, add {listed}.", width))
    if tip and not saved:
        lines.append(_sentence("Add --save-answers FILE to keep the answers in a file.", width))
    return "\n".join(lines)


def rows_of(length: int, width: int) -> int:
    """The rows a line of `length` characters takes at `width`."""
    return -(-length // width)


def _rows(text: str) -> int:
    """The rows that text takes on screen (its lines already wrapped); none for no text."""
    return text.count("\n") + 1 if text else 0


def _defaults_command(content: Content, answers: Answers) -> str:
    """`mlpath quiz --defaults` with a --set for every answer that is not the default."""
    from mlpath.answers import assignment

    document = answers.document()
    changed = []
    for question in content.questions.questions:
        value = document[question.key]
        default = list(question.default) if isinstance(question.default, tuple) else question.default
        if value != default:
            changed.append(f" --set {assignment(question.key, value)}")
    return "mlpath quiz --defaults" + "".join(changed)


def _command(text: str, width: int) -> str:
    lines = textwrap.wrap(
        text, width - 3, initial_indent="  ", subsequent_indent="    ", break_long_words=False, break_on_hyphens=False
    )  # a break after a hyphen would split a value ("part- \ time") and the command would not run
    return " \\\n".join(lines)


def _sentence(text: str, width: int) -> str:
    return textwrap.fill(text, width - 1, break_long_words=False, break_on_hyphens=False)
