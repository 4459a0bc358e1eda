"""Interactive prompts: the only importer of questionary; prompts are drawn on the terminal.

Every question after the first can go back to the one before (Left arrow or Backspace): the earlier
answer is the default there, the later ones stay as defaults, so Enter walks forward again. Answers
are kept for --resume in plan.resume, never in the plan. Every line we print is wrapped on words
here: prompt_toolkit would fold a long one mid-word.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlpath.errors import InterruptError, OperationError
from mlpath.text import plural, wrap

if TYPE_CHECKING:
    from prompt_toolkit.input import Input
    from prompt_toolkit.output import Output
    from rich.console import Console

    from mlpath.content import Content
    from mlpath.content.rules import Question
    from mlpath.output.terminal import Terminal

RESUME = "mlpath quiz --resume"
SELECT_LEAD = 3  # " » " or three spaces before a choice
CHECKBOX_LEAD = SELECT_LEAD + 2  # and "○ " or "● "


BACK: Any = object()  # what a question returns when the person goes back


class QuizInterrupted(KeyboardInterrupt):
    """Ctrl-C, the end of input or a lost terminal mid-quiz, at question `at` of `total`."""

    def __init__(self, answers: dict[str, Any], at: int, total: int) -> None:
        super().__init__()
        self.answers, self.at, self.total = answers, at, total


def terminal_output() -> Output | None:
    """Where prompts are drawn: stdout if it is a terminal, else stderr or /dev/tty; never a file."""
    if sys.stdout.isatty():
        return None  # prompt_toolkit's default, the terminal on stdout
    from prompt_toolkit.output import create_output

    # /dev/tty is opened for as long as the prompts live
    return create_output(stdout=sys.stderr if sys.stderr.isatty() else Path("/dev/tty").open("w"))


def _screen(output: Output | None) -> Output:
    from prompt_toolkit.application.current import get_app_session

    return output or get_app_session().output


def _columns(output: Output | None) -> int:
    try:
        return max(20, _screen(output).get_size().columns)
    except OSError:  # the terminal went away
        return 80


def choice_title(label: str, columns: int, lead: int) -> str:
    """A choice's label wrapped on words, its later lines under its first (questionary draws `lead`
    columns before it); a plain string, not formatted text, keeps its highlight when pointed at."""
    return wrap(label, columns, " " * lead)[lead:]


def layout(prompt: str, tail: str, progress: str, columns: int, indent: str = "") -> tuple[str, str]:
    """The question and its tail (its hint; or its answer, after `indent`) wrapped as questionary
    draws them, "3/17 question hint": the tail on a line of its own when it would not fit."""
    lead = len(progress) + 1  # questionary puts a space between the counter and the question
    message = wrap(prompt, columns, " " * lead, "")[lead:]
    end = len(message.rsplit("\n", 1)[-1]) + (lead if "\n" not in message else 0)  # of its last line
    if end + 1 + len(tail) <= columns - 1:
        return message, indent + tail
    return message, "\n" + wrap(tail, columns, indent)


def answered_line(progress: str, prompt: str, answer: str, columns: int) -> Any:
    """What an answered question leaves, "3/17 question answer" wrapped (no `answer`: where it stopped)."""
    from prompt_toolkit.formatted_text import FormattedText

    message, tail = layout(prompt, answer, progress, columns, " ")
    parts = [("class:qmark", progress), ("class:question", " " + message), ("class:answer", tail)]
    return FormattedText(parts if answer else parts[:2])


def show_given(given: dict[str, Any], output: Output | None = None) -> None:
    """Answers from --set or --answers: counted once, and not asked."""
    if given:
        from prompt_toolkit import print_formatted_text

        said = f"{plural(len(given), 'answer')} given with --set or --answers, so not asked."
        print_formatted_text(wrap(said, _columns(output), ""), output=output)


def ask(
    questions: Sequence[Question],
    given: dict[str, Any],
    *,
    answered: dict[str, Any] | None = None,
    on_answer: Callable[[dict[str, Any]], None] | None = None,
    input: Input | None = None,
    output: Output | None = None,
    suggested: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Ask the questions not in `given` whose condition the answers so far meet; returns every answer
    (one not asked keeps its default). `answered`, an interrupted quiz's answers, are the defaults
    and asking starts at the first question without one; `suggested` (the plan's answers, on a
    retake) are the defaults of the others. `on_answer` sees the answers after each."""
    import logging

    from prompt_toolkit import print_formatted_text
    from prompt_toolkit.formatted_text import FormattedText
    from questionary.constants import DEFAULT_STYLE

    log = logging.getLogger("asyncio")
    defaults = {q.key: (suggested or {}).get(q.key, q.default) for q in questions}

    def asked(done: dict[str, Any]) -> list[Question]:
        known = {**defaults, **given, **done}
        return [q for q in questions if q.key not in given and q.asked(known)]

    done = {key: value for key, value in (answered or {}).items() if key not in given}
    todo = asked(done)
    index = next((i for i, q in enumerate(todo) if q.key not in done), len(todo))
    encoding = getattr(output, "encoding", None)
    encoding = (encoding() if callable(encoding) else getattr(sys.stdout, "encoding", None)) or "utf-8"
    utf8 = str(encoding).lower().replace("-", "").startswith("utf")
    if not done:
        back = "← goes back" if utf8 else "Left goes back"
        start = plural(len(todo), "question") + (", starting from your plan's answers" if suggested else "")
        intro = f"{start}; Enter takes the answer shown, {back}, Ctrl-C keeps your answers."
        print_formatted_text(wrap(intro, _columns(output), ""), output=output)
    drawn: dict[str, int] = {}  # lines each answered question left on screen, taken back on "back"
    while index < len(todo):
        question, progress = todo[index], f"{index + 1}/{len(todo)}"
        columns = _columns(output)
        help_text = wrap(question.help, columns)
        print_formatted_text(FormattedText([("fg:ansibrightblack", help_text)]), output=output)
        shown = done.get(question.key, defaults[question.key])
        prompt = _question(question, progress, shown, index > 0, utf8, columns, input, output)
        # When the terminal has gone, prompt_toolkit's last redraw fails as its event loop shuts down
        # and asyncio logs that with a traceback; the error still reaches us, so the log is only noise.
        quiet, log.disabled = log.disabled, True
        try:
            value = _ask(prompt)
        except (KeyboardInterrupt, EOFError, OSError) as error:  # EOF: the input ended (a closed terminal)
            if isinstance(error, OSError) and error.errno != errno.EIO:  # EIO: the terminal is gone
                raise
            line = answered_line(progress, question.prompt, "", columns)  # where it stopped
            with contextlib.suppress(OSError):  # if the terminal is still there to show it
                print_formatted_text(line, style=DEFAULT_STYLE, output=output)
            raise QuizInterrupted(done, index + 1, len(todo)) from None
        finally:
            log.disabled = quiet
        if value is None:  # questionary's own "no answer": never taken as an answer
            raise QuizInterrupted(done, index + 1, len(todo))
        if value is BACK:  # take back this question's help and the previous question's lines
            screen = _screen(output)
            screen.cursor_up(help_text.count("\n") + 1 + drawn.pop(todo[index - 1].key, 0))
            screen.write_raw("\r")
            screen.erase_down()
            screen.flush()
            index -= 1
            continue
        line = answered_line(progress, question.prompt, question.label(value), columns)
        print_formatted_text(line, style=DEFAULT_STYLE, output=output)
        drawn[question.key] = help_text.count("\n") + 1 + sum(text.count("\n") for _, text in line) + 1
        done[question.key] = value
        todo = asked(done)
        done = {key: value for key, value in done.items() if key in {q.key for q in todo}}  # not asked: default
        if on_answer is not None:
            on_answer(dict(done))
        index = todo.index(question) + 1
    return {**defaults, **given, **done}


def _question(
    question: Question,
    progress: str,
    previous: Any,
    can_go_back: bool,
    utf8: bool,
    columns: int,
    input: Input | None,
    output: Output | None,
) -> Any:
    """The questionary prompt; it erases itself when done, as `ask` prints the answered line wrapped."""
    import questionary

    kind = question.kind
    move, back, between = ("↑↓", "← back", " · ") if utf8 else ("up/down", "left: back", ", ")
    parts = [f"{move} move", "space picks", "enter done"] if kind == "multiselect" else [f"{move} move", "enter picks"]
    if kind == "scale":
        parts.insert(1, "1-5 picks")
    if can_go_back:
        parts.append(back)
    message, instruction = layout(question.prompt, "(" + between.join(parts) + ")", progress, columns)
    common: Any = dict(qmark=progress, instruction=instruction, erase_when_done=True, input=input, output=output)
    current: Any = previous if previous is not None else question.default
    scale = kind == "scale"
    lead = CHECKBOX_LEAD if kind == "multiselect" else SELECT_LEAD + (3 if scale else 0)  # a scale's "1) "
    titles = [(choice_title(c.label, columns, lead), c.value) for c in question.choices]
    if kind == "multiselect":
        ticked = tuple(current) if isinstance(current, (tuple, list)) else ()
        choices = [questionary.Choice(title, value, checked=value in ticked) for title, value in titles]
        prompt = questionary.checkbox(message, choices=choices, **common)
    else:
        choices = [
            questionary.Choice(title, value, shortcut_key=str(value) if scale else None) for title, value in titles
        ]
        prompt = questionary.select(message, choices=choices, default=current, use_shortcuts=scale, **common)
        if scale:
            _add_keys(prompt.application, {str(c.value): {"result": c.value} for c in question.choices})
    if can_go_back:  # questionary has no "back" of its own
        # Backspace arrives as c-h; both read as "one step back"
        _add_keys(prompt.application, {key: {"result": BACK} for key in ("left", "backspace")})
    return prompt


def _ask(prompt: Any) -> Any:
    """Ask `prompt`. A SIGINT that is no key press (`kill -INT`, or Ctrl-C before the terminal
    is in raw mode) ends the question as Ctrl-C does: prompt_toolkit turns the signal into a
    <sigint> key, which questionary leaves unbound, so the question would wait on."""
    from prompt_toolkit.keys import Keys

    _add_keys(prompt.application, {Keys.SIGINT: {"exception": KeyboardInterrupt, "style": "class:aborting"}}, False)
    try:
        return prompt.unsafe_ask()
    except EOFError:  # Ctrl-D, or the end of input: as Ctrl-C, whatever the question
        raise KeyboardInterrupt from None


def _add_keys(application: Any, ends: dict[str, dict[str, Any]], eager: bool = True) -> None:
    """Each key of `ends` ends the question as its arguments to `exit` say. Eager, so they win over
    questionary's own bindings (its shortcut keys only move)."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    bindings = KeyBindings()
    for key, end in ends.items():
        bindings.add(key, eager=eager)(lambda event, end=end: event.app.exit(**end))
    application.key_bindings = merge_key_bindings([application.key_bindings, bindings])


def confirm(message: str, default: bool) -> bool:
    import questionary

    output = terminal_output()
    wrapped = wrap(message, _columns(output) - len(" (Y/n) Yes") + 1, "  ", "")[2:]  # "? " before it
    answer = _ask(questionary.confirm(wrapped, default=default, output=output))
    if answer is None:
        raise KeyboardInterrupt
    return bool(answer)


def walk_ladder(content: Content, console: Console, start: int = 0) -> None:
    """Show one ladder level at a time on `console`; the user moves on, back, or stops."""
    import questionary

    from mlpath.output.formats import render_table
    from mlpath.output.views import ladder

    levels = content.ladder.levels
    index = start
    while True:
        console.clear()
        console.print(render_table(ladder(content, index)))
        columns = console.width
        near = [(word, move) for word, move in (("Next", 1), ("Back", -1)) if 0 <= index + move < len(levels)]
        moves = [(f"{word}: {levels[index + move].title}", move) for word, move in near] + [("Done", 0)]
        choices = [questionary.Choice(choice_title(label, columns, SELECT_LEAD), value=move) for label, move in moves]
        utf8 = console.encoding.lower().startswith("utf")
        hint = "(↑↓ move · enter picks)" if utf8 else "(up/down move, enter picks)"  # as the quiz says it
        message, instruction = layout(f"Level {index + 1} of {len(levels)}", hint, "?", columns)
        # Enter walks on: to the next level, and at the last one to Done (never back and forth)
        ahead = next(choice for choice in choices if choice.value in (1, 0))
        move = _ask(questionary.select(message, choices=choices, instruction=instruction, default=ahead))
        if not move:
            return
        index += move


def ask_quiz(
    terminal: Terminal,
    content: Content,
    given: dict[str, Any],
    answered: dict[str, Any],
    suggested: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """`ask` (`suggested`: its defaults), keeping every answer for --resume as it comes; an interrupt
    becomes one line and exit 130."""
    from mlpath.plan import resume

    questions = content.questions.questions

    with resume.asking() as keeping:
        earlier = resume.exists() and keeping
        if not keeping:
            terminal.say("Another mlpath quiz is running: this one's answers are not kept if it is interrupted.")
        elif earlier and not answered:
            terminal.say(f"An unfinished quiz is kept for '{RESUME}'; answering replaces it.")
        output = terminal_output()
        show_given(given, output)
        if answered:
            back = "←" if terminal.utf8 else "Left"
            terminal.say(f"Going on with your quiz: {plural(len(answered), 'answer')} kept ({back} goes back to them).")
        so_far = dict(answered)
        warned: list[OperationError] = []
        failing: list[OperationError] = []  # the last keep's failure: those answers are not kept

        def keep(done: dict[str, Any]) -> None:
            so_far.clear()
            so_far.update(done)
            failing.clear()
            try:
                if keeping:
                    resume.keep(given, done)
            except OperationError as error:
                failing.append(error)
                if not warned:  # once: the quiz goes on without the safety net
                    warned.append(error)
                    terminal.say(f"Warning: {error}; an interruption would lose the answers.")

        def left(answers: dict[str, Any], where: str, what: str) -> str:
            """The one line an interrupted quiz leaves on stderr; `where`: at which question, if known."""
            if not answers:
                before = f"the unfinished quiz from before is still kept for '{RESUME}'"
                return f"{what} before the first answer; {before if earlier else 'nothing was kept'}."
            count = f"{what}{where}; {plural(len(answers), 'answer')}"
            if not keeping:
                return f"{count} not kept: another mlpath quiz was running."
            return f"{count} not kept: {failing[0]}." if failing else f"{count} kept. Go on with: {RESUME}"

        try:
            with _ends_quietly(lambda what: left(so_far, "", what)):
                return ask(questions, given, answered=answered, on_answer=keep, output=output, suggested=suggested)
        except QuizInterrupted as stop:
            raise InterruptError(left(stop.answers, f" at {stop.at}/{stop.total}", "Interrupted")) from None


@contextlib.contextmanager
def _ends_quietly(last_words: Callable[[str], str]) -> Iterator[None]:
    """A closed terminal (SIGHUP) or a kill (SIGTERM, ...) mid-quiz: the terminal as it was before the
    quiz (echo, line editing, the cursor shown), `last_words(...)` where it may still be read,
    exit 130. Raising from the handler is no good: it lands inside prompt_toolkit's event loop, whose
    clean-up redraws on a terminal that may be gone while asyncio logs tracebacks. Every answer is
    on disk already (kept as it comes), so leaving at once loses nothing. An inherited "ignore"
    (nohup, trap '' HUP) is respected."""
    try:
        import termios

        settings = termios.tcgetattr(sys.stdin.fileno())
    except (ImportError, OSError, ValueError, AttributeError):  # no terminal on stdin
        settings = None
    previous: dict[int, Any] = {}

    def end(signum: int, frame: object) -> None:
        what = "The terminal closed" if signum == getattr(signal, "SIGHUP", None) else "Stopped by a signal"
        with contextlib.suppress(Exception):
            if settings is not None:
                termios.tcsetattr(sys.stdin.fileno(), termios.TCSANOW, settings)
            for stream in (sys.stdout, sys.stderr):
                if stream is not None and stream.isatty():
                    stream.write("\x1b[?25h")  # the cursor shown
                    stream.flush()
                    break
        with contextlib.suppress(OSError, ValueError):  # stderr is usually the terminal that went away
            # on a line of its own, the question's choices below the cursor erased
            fresh = "\r\n\x1b[J" if sys.stderr.isatty() else ""
            sys.stderr.write(fresh + last_words(what) + "\n")
            sys.stderr.flush()
        os._exit(130)

    from mlpath.cli import ENDING_SIGNALS

    for name in ENDING_SIGNALS:
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) is not signal.SIG_IGN:
            previous[number] = signal.signal(number, end)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
