"""The interactive quiz: asks what is not given, keeps every answer for `--resume` as it comes,
and turns an interrupt (Ctrl-C, a closed terminal, a kill, the end of input) into one line and
exit 130. The plan is never touched here: the answers go to the resume file (plan.resume).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from mlpath.errors import InterruptError, OperationError
from mlpath.text import plural

if TYPE_CHECKING:
    from mlpath.content import Content
    from mlpath.output.terminal import Terminal

RESUME = "mlpath quiz --resume"


def ask_quiz(terminal: Terminal, content: Content, given: dict[str, Any], answered: dict[str, Any]) -> dict[str, Any]:
    """Ask every question not in `given`, starting after those in `answered` (kept from an
    interrupted quiz, so the counter goes on); returns all the answers."""
    from mlpath.cli.prompts import QuizInterrupted, ask, show_given, terminal_output
    from mlpath.plan import resume

    questions = content.questions.questions
    total = sum(1 for question in questions if question.key not in given)
    with resume.asking() as keeping:
        earlier = resume.exists()
        if not keeping:
            _notice(terminal, "Another mlpath quiz is running: this one's answers are not kept if it is interrupted.")
        elif earlier and not answered:
            _notice(terminal, f"An unfinished quiz is kept for '{RESUME}'; answering replaces it.")
        output = terminal_output()
        show_given(given, output)
        if answered:
            back = "←" if terminal.utf8 else "Left"
            _notice(
                terminal, f"Going on with your quiz: {plural(len(answered), 'answer')} kept ({back} goes back to them)."
            )
        so_far = dict(answered)
        problems: list[str] = []

        def keep(done: dict[str, Any]) -> None:
            so_far.clear()
            so_far.update(done)
            if not keeping:
                return
            try:
                resume.keep(given, done)
            except OperationError as error:
                if not problems:  # once: the quiz goes on without the safety net
                    problems.append(str(error))
                    terminal.say(f"Warning: {error}; an interruption would lose the answers.")

        def left(answers: dict[str, Any], at: int | None, what: str) -> str:
            return _left(answers, at, total, earlier and keeping, what, keeping)

        try:
            with _ends_quietly(lambda what: left(so_far, None, what)):
                return ask(questions, given, answered=answered, on_answer=keep, output=output)
        except QuizInterrupted as stop:
            raise InterruptError(left(stop.answers, stop.at, "Interrupted")) from None


def _notice(terminal: Terminal, text: str) -> None:
    """A line for the person at the terminal, wrapped on words."""
    import textwrap

    terminal.say(textwrap.fill(text, terminal.width - 1, break_long_words=False, break_on_hyphens=False))


def _left(answers: dict[str, Any], at: int | None, total: int, earlier: bool, what: str, kept: bool = True) -> str:
    """The one line an interrupted quiz leaves on stderr (`kept`: whether its answers were kept)."""
    where = f" at {at}/{total}" if at is not None else ""
    if answers and not kept:
        return f"{what}{where}; {plural(len(answers), 'answer')} not kept: another mlpath quiz was running."
    if answers:
        return f"{what}{where}; {plural(len(answers), 'answer')} kept. Go on with: {RESUME}"
    if earlier:
        return f"{what} before the first answer; the unfinished quiz from before is still kept for '{RESUME}'."
    return f"{what} before the first answer; nothing was kept."


@contextlib.contextmanager
def _ends_quietly(last_words: Callable[[str], str]) -> Iterator[None]:
    """A closed terminal (SIGHUP) or a kill (SIGTERM) mid-quiz: the terminal as it was before the
    quiz (echo, line editing, the cursor shown), `last_words(...)` where it may still be read,
    exit 130.

    Raising from the handler is no good: it lands inside prompt_toolkit's event loop, whose
    clean-up redraws on a terminal that may be gone while asyncio logs tracebacks. Every answer is
    on disk already (kept as it comes), so leaving at once loses nothing. An inherited "ignore"
    (nohup, trap '' HUP) is respected.
    """
    settings = _terminal_settings()
    previous: dict[int, Any] = {}

    def end(signum: int, frame: object) -> None:
        what = "The terminal closed" if signum == getattr(signal, "SIGHUP", None) else "Stopped by a signal"
        with contextlib.suppress(Exception):
            _restore(settings)
        with contextlib.suppress(OSError, ValueError):  # stderr is usually the terminal that went away
            # on a line of its own, the question's choices below the cursor erased
            fresh = "\r\n\x1b[J" if sys.stderr.isatty() else ""
            sys.stderr.write(fresh + last_words(what) + "\n")
            sys.stderr.flush()
        os._exit(130)

    for name in ("SIGHUP", "SIGTERM"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) is not signal.SIG_IGN:
            previous[number] = signal.signal(number, end)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _terminal_settings() -> Any:
    """The terminal's line settings before the quiz (None without a terminal on stdin)."""
    try:
        import termios

        return termios.tcgetattr(sys.stdin.fileno())
    except (ImportError, OSError, ValueError, AttributeError):
        return None


def _restore(settings: Any) -> None:
    """Put the terminal back as it was: its line settings, and the cursor shown."""
    if settings is not None:
        import termios

        termios.tcsetattr(sys.stdin.fileno(), termios.TCSANOW, settings)
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and stream.isatty():
            stream.write("\x1b[?25h")
            stream.flush()
            break
