"""The interactive quiz: asks what is not given, keeps every answer for `--resume` as it comes,
and turns an interrupt (Ctrl-C, a closed terminal, the end of input) into one line and exit 130.

The plan is never touched here: the answers go to the resume file (see mlpath.resume).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from mlpath.errors import InterruptError, OperationError

if TYPE_CHECKING:
    from mlpath.content.model import Content
    from mlpath.terminal import Terminal

RESUME = "mlpath quiz --resume"


def ask_quiz(terminal: Terminal, content: Content, given: dict[str, Any], answered: dict[str, Any]) -> dict[str, Any]:
    """Ask every question not in `given`, starting after those in `answered` (kept from an
    interrupted quiz, so the counter goes on); returns all the answers."""
    from mlpath import resume
    from mlpath.prompts import QuizInterrupted, ask, show_given, terminal_output

    questions = content.questions.questions
    total = sum(1 for question in questions if question.key not in given)
    earlier = resume.exists()
    if earlier and not answered:
        _notice(terminal, f"An unfinished quiz is kept for '{RESUME}'; answering replaces it.")
    output = terminal_output()
    show_given(given, output)
    if answered:
        back = "←" if terminal.utf8 else "Left"
        _notice(terminal, f"Going on with your quiz: {_answers(len(answered))} kept ({back} goes back to them).")
    so_far = dict(answered)
    problems: list[str] = []

    def keep(done: dict[str, Any]) -> None:
        so_far.clear()
        so_far.update(done)
        try:
            resume.keep(given, done)
        except OperationError as error:
            if not problems:  # once: the quiz goes on without the safety net
                problems.append(str(error))
                terminal.say(f"Warning: {error}; an interruption would lose the answers.")

    try:
        with _hangup_ends_quietly(lambda: _left(so_far, None, total, earlier, hangup=True)):
            return ask(
                questions, content.questions.scale_labels, given, answered=answered, on_answer=keep, output=output
            )
    except QuizInterrupted as stop:
        raise InterruptError(_left(stop.answers, stop.at, stop.total, earlier)) from None


def _notice(terminal: Terminal, text: str) -> None:
    """A line for the person at the terminal, wrapped on words."""
    import textwrap

    terminal.say(textwrap.fill(text, terminal.width - 1, break_long_words=False, break_on_hyphens=False))


def _answers(count: int) -> str:
    return f"{count} answer" if count == 1 else f"{count} answers"


def _left(answers: dict[str, Any], at: int | None, total: int, earlier: bool, hangup: bool = False) -> str:
    """The one line an interrupted quiz leaves on stderr."""
    what = "The terminal closed" if hangup else "Interrupted"
    where = f" at {at}/{total}" if at is not None else ""
    if answers:
        return f"{what}{where}; {_answers(len(answers))} kept. Go on with: {RESUME}"
    if earlier:
        return f"{what} before the first answer; the unfinished quiz from before is still kept for '{RESUME}'."
    return f"{what} before the first answer; nothing was kept."


@contextlib.contextmanager
def _hangup_ends_quietly(last_words: Callable[[], str]) -> Iterator[None]:
    """A closed terminal (SIGHUP) mid-quiz: say `last_words()` where it may still be read, exit 130.

    Raising KeyboardInterrupt from the handler is no good: it lands inside prompt_toolkit's event
    loop, whose clean-up redraws on the dead terminal (EIO) while asyncio logs three tracebacks.
    Every answer is on disk already (kept as it comes), so leaving at once loses nothing. An
    inherited "ignore" (nohup, trap '' HUP) is respected: the prompts then end on end of input.
    """
    if not hasattr(signal, "SIGHUP") or signal.getsignal(signal.SIGHUP) is signal.SIG_IGN:
        yield
        return

    def hang_up(signum: int, frame: object) -> None:
        with contextlib.suppress(OSError, ValueError):  # stderr is usually the terminal that went away
            sys.stderr.write(last_words() + "\n")
            sys.stderr.flush()
        os._exit(130)

    previous = signal.signal(signal.SIGHUP, hang_up)
    try:
        yield
    finally:
        signal.signal(signal.SIGHUP, previous)
