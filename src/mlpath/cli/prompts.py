"""Interactive prompts. The only importer of questionary; prompts are drawn on the terminal.

Every question after the first can go back to the one before (Left arrow or Backspace; its hint
line says so): the earlier answer is the default there, and the later ones stay as defaults, so
Enter walks forward again. An interrupt (Ctrl-C, the end of input, a terminal that went away)
raises `QuizInterrupted` with the answers given so far, so the CLI can keep them for --resume.
Every line we print is wrapped on words here: prompt_toolkit would fold a long one mid-word.
"""

from __future__ import annotations

import contextlib
import errno
import sys
import textwrap
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlpath.text import plural

if TYPE_CHECKING:
    from prompt_toolkit.input import Input
    from prompt_toolkit.output import Output
    from rich.console import Console

    from mlpath.content import Content
    from mlpath.content.rules import Question

BACK_KEYS = ("left", "backspace")  # Backspace arrives as c-h; both read as "one step back"
HELP_INDENT = "  "
SELECT_LEAD = 3  # " » " or three spaces before a choice
CHECKBOX_LEAD = SELECT_LEAD + 2  # and "○ " or "● "


class _Back:
    def __repr__(self) -> str:
        return "BACK"


BACK: Any = _Back()  # what a question returns when the person goes back


class QuizInterrupted(KeyboardInterrupt):
    """Ctrl-C, the end of input or a lost terminal mid-quiz at question `at` of `total`;
    `answers` holds what was answered."""

    def __init__(self, answers: dict[str, Any], at: int, total: int) -> None:
        super().__init__()
        self.answers, self.at, self.total = answers, at, total


def terminal_output() -> Output | None:
    """Where prompts are drawn: stdout if it is a terminal, else stderr or /dev/tty; never a file."""
    if sys.stdout.isatty():
        return None  # prompt_toolkit's default, the terminal on stdout
    from prompt_toolkit.output import create_output

    if sys.stderr.isatty():
        return create_output(stdout=sys.stderr)
    tty = Path("/dev/tty").open("w")  # noqa: SIM115 - lives as long as the prompts
    return create_output(stdout=tty)


def _screen(output: Output | None) -> Output:
    from prompt_toolkit.application.current import get_app_session

    return output or get_app_session().output


def _columns(output: Output | None) -> int:
    try:
        return max(20, _screen(output).get_size().columns)
    except OSError:  # the terminal went away
        return 80


def wrap(text: str, columns: int, indent: str = HELP_INDENT) -> str:
    """`text` wrapped on words to fit `columns` (one to spare: the last column wraps on some
    terminals); a word longer than a line stays whole."""
    return textwrap.fill(
        text,
        max(len(indent) + 10, columns - 1),
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _fill(text: str, width: int, lead: int) -> str:
    """`text` wrapped to `width`, its first line starting `lead` columns in (returned without them)."""
    return textwrap.fill(
        text, max(lead + 10, width), initial_indent=" " * lead, break_long_words=False, break_on_hyphens=False
    )[lead:]


def choice_title(label: str, columns: int, lead: int) -> str:
    """A choice's label wrapped on words, its later lines hanging under its first. questionary
    draws `lead` columns before it (" » ", and "○ " in a checkbox) and a title with line breaks
    as it is; a plain string (not formatted text) keeps its highlight when pointed at."""
    lines = textwrap.wrap(label, max(10, columns - 1 - lead), break_long_words=False, break_on_hyphens=False)
    return ("\n" + " " * lead).join(lines) or label


def layout(prompt: str, instruction: str, progress: str, columns: int) -> tuple[str, str]:
    """The question and its hint wrapped on words, as questionary draws them: "3/17 question hint".
    The hint follows the question's last line, or starts a line of its own when it would not fit."""
    width = columns - 1
    lead = len(progress) + 1  # questionary puts a space between the counter and the question
    message = _fill(prompt, width, lead)
    if _end(message, lead) + 1 + len(instruction) <= width:
        return message, instruction
    return message, "\n" + _fill(instruction, width, 0)


def _end(message: str, lead: int) -> int:
    """The column where the last line of `message` ends, its first line starting at `lead`."""
    last = message.rsplit("\n", 1)[-1]
    return len(last) + (lead if "\n" not in message else 0)


def answered(progress: str, prompt: str, answer: str, columns: int) -> list[tuple[str, str]]:
    """The line(s) an answered question leaves: "3/17 question answer", wrapped on words; an answer
    that does not fit after the question starts a line of its own."""
    width = columns - 1
    lead = len(progress) + 1
    message = _fill(prompt, width, lead)
    tail = " " + answer if _end(message, lead) + 1 + len(answer) <= width else "\n" + wrap(answer, columns, " ")
    return [("class:qmark", progress), ("class:question", " " + message), ("class:answer", tail)]


def _instruction(kind: str, can_go_back: bool, utf8: bool) -> str:
    move, back, between = ("↑↓", "← back", " · ") if utf8 else ("up/down", "left: back", ", ")
    parts = [f"{move} move", "space picks", "enter done"] if kind == "multiselect" else [f"{move} move", "enter picks"]
    if kind == "scale":
        parts.insert(1, "1-5 picks")
    if can_go_back:
        parts.append(back)
    return "(" + between.join(parts) + ")"


def _utf8(output: Output | None) -> bool:
    encoding = getattr(output, "encoding", None)
    name = (encoding() if callable(encoding) else getattr(sys.stdout, "encoding", None)) or "utf-8"
    return str(name).lower().replace("-", "").startswith("utf")


def show_given(given: dict[str, Any], output: Output | None = None) -> None:
    """Answers from --set or --answers: counted once, and not asked."""
    if not given:
        return
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
) -> dict[str, Any]:
    """Ask the questions not in `given` whose condition the answers so far meet, showing progress
    like "3/12"; returns every answer (a question not asked keeps its default).

    `answered` holds the answers of an interrupted quiz: they are the defaults, and asking starts
    at the first question without one, so the counter goes on. `on_answer` sees the answers asked
    so far after each one (the CLI keeps them for --resume).
    """
    from prompt_toolkit import print_formatted_text
    from prompt_toolkit.formatted_text import FormattedText
    from questionary.constants import DEFAULT_STYLE

    defaults = {q.key: q.default for q in questions}

    def asked(done: dict[str, Any]) -> list[Question]:
        known = {**defaults, **given, **done}
        return [q for q in questions if q.key not in given and q.asked(known)]

    done = {key: value for key, value in (answered or {}).items() if key not in given}
    todo = asked(done)
    index = next((i for i, q in enumerate(todo) if q.key not in done), len(todo))
    utf8 = _utf8(output)
    if not done:
        back = "← goes back" if utf8 else "Left goes back"
        intro = f"{plural(len(todo), 'question')}; Enter takes the answer shown, {back}, Ctrl-C keeps your answers."
        print_formatted_text(wrap(intro, _columns(output), ""), output=output)
    drawn: dict[str, int] = {}  # lines each answered question left on screen, taken back on "back"
    while index < len(todo):
        question, progress = todo[index], f"{index + 1}/{len(todo)}"
        columns = _columns(output)
        help_text = wrap(question.help, columns)
        print_formatted_text(FormattedText([("fg:ansibrightblack", help_text)]), output=output)
        prompt = _question(question, progress, done.get(question.key), index > 0, utf8, columns, input, output)
        try:
            with _quiet_asyncio():
                value = _ask(prompt)
        except (KeyboardInterrupt, EOFError, OSError) as error:  # EOF: the input ended (a closed terminal)
            if isinstance(error, OSError) and error.errno != errno.EIO:  # EIO: the terminal is gone
                raise
            _leave(answered_line(progress, question.prompt, "", columns), output)  # where it stopped
            raise QuizInterrupted(done, index + 1, len(todo)) from None
        if value is None:  # questionary's own "no answer": never taken as an answer
            raise QuizInterrupted(done, index + 1, len(todo))
        if value is BACK:  # take back this question's help and the previous question's lines
            _erase_lines(output, help_text.count("\n") + 1 + drawn.pop(todo[index - 1].key, 0))
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


def answered_line(progress: str, prompt: str, answer: str, columns: int) -> Any:
    from prompt_toolkit.formatted_text import FormattedText

    return FormattedText(
        answered(progress, prompt, answer, columns) if answer else answered(progress, prompt, "", columns)[:2]
    )


def _leave(line: Any, output: Output | None) -> None:
    """Print `line` if the terminal is still there to show it."""
    import questionary
    from prompt_toolkit import print_formatted_text

    with contextlib.suppress(OSError):
        print_formatted_text(line, style=questionary.constants.DEFAULT_STYLE, output=output)


@contextlib.contextmanager
def _quiet_asyncio() -> Iterator[None]:
    """When the terminal has gone, prompt_toolkit's last redraw fails as its event loop shuts down
    and asyncio logs that with a traceback; the error still reaches us, so the log is only noise."""
    import logging

    log = logging.getLogger("asyncio")
    before = log.disabled
    log.disabled = True
    try:
        yield
    finally:
        log.disabled = before


def _erase_lines(output: Output | None, count: int) -> None:
    screen = _screen(output)
    screen.cursor_up(count)
    screen.write_raw("\r")
    screen.erase_down()
    screen.flush()


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
    """The questionary prompt. It erases itself when done: `ask` prints the answered line, wrapped.
    On a scale a digit picks its point."""
    import questionary

    message, instruction = layout(question.prompt, _instruction(question.kind, can_go_back, utf8), progress, columns)
    common: dict[str, Any] = {
        "qmark": progress,
        "instruction": instruction,
        "erase_when_done": True,
        "input": input,
        "output": output,
    }
    current = previous if previous is not None else question.default
    if question.kind == "multiselect":
        ticked = tuple(current) if isinstance(current, (tuple, list)) else ()
        choices = [
            questionary.Choice(choice_title(c.label, columns, CHECKBOX_LEAD), c.value, checked=c.value in ticked)
            for c in question.choices
        ]
        prompt = questionary.checkbox(message, choices=choices, **common)
    else:
        scale = question.kind == "scale"
        lead = SELECT_LEAD + (3 if scale else 0)  # a scale's points start "1) "
        titles = [
            (choice_title(c.label, columns, lead), c.value, str(c.value) if scale else None) for c in question.choices
        ]
        choices = [questionary.Choice(title, value, shortcut_key=key) for title, value, key in titles]
        start: Any = current
        prompt = questionary.select(message, choices=choices, default=start, use_shortcuts=scale, **common)
        if scale:
            _add_keys(prompt.application, {str(c.value): c.value for c in question.choices})
    if can_go_back:
        _add_back_keys(prompt.application)
    return prompt


def _ask(prompt: Any) -> Any:
    """Ask `prompt`. A SIGINT that is no key press (`kill -INT`, or Ctrl-C before the terminal
    is in raw mode) ends the question as Ctrl-C does: prompt_toolkit turns the signal into a
    <sigint> key, which questionary leaves unbound, so the question would wait on."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
    from prompt_toolkit.keys import Keys

    bindings = KeyBindings()

    @bindings.add(Keys.SIGINT)
    def interrupt(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    prompt.application.key_bindings = merge_key_bindings([prompt.application.key_bindings, bindings])
    return prompt.unsafe_ask()


def _add_back_keys(application: Any) -> None:
    """Left arrow or Backspace ends the question with BACK; questionary has no "back" of its own."""
    _add_keys(application, dict.fromkeys(BACK_KEYS, BACK))


def _add_keys(application: Any, results: dict[str, Any]) -> None:
    """Each key of `results` ends the question with its value (a scale's digit, the back keys).
    Eager, so they win over questionary's own bindings (its shortcut keys only move)."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    bindings = KeyBindings()
    for key, result in results.items():

        def end(event: Any, result: Any = result) -> None:
            event.app.exit(result=result)

        bindings.add(key, eager=True)(end)
    application.key_bindings = merge_key_bindings([application.key_bindings, bindings])


def confirm(message: str, default: bool) -> bool:
    """A yes/no question on the terminal."""
    import questionary

    output = terminal_output()
    wrapped = _fill(message, _columns(output) - len(" (Y/n) Yes"), 2)  # "? " before it
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
        moves = []
        if index + 1 < len(levels):
            moves.append((f"Next: {levels[index + 1].title}", 1))
        if index > 0:
            moves.append((f"Back: {levels[index - 1].title}", -1))
        moves.append(("Done", 0))
        choices = [questionary.Choice(choice_title(label, columns, SELECT_LEAD), value=move) for label, move in moves]
        message, instruction = layout(f"Level {index + 1} of {len(levels)}", "(Use arrow keys)", "?", columns)
        move = _ask(questionary.select(message, choices=choices, instruction=instruction))
        if not move:
            return
        index += move
