"""Interactive prompts. The only importer of questionary; prompts are drawn on the terminal.

Ctrl-C raises KeyboardInterrupt (we use `unsafe_ask`), which the CLI turns into exit 130.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlpath.content.model import Content
from mlpath.content.model.quiz import Question

if TYPE_CHECKING:
    from prompt_toolkit.input import Input
    from prompt_toolkit.output import Output
    from rich.console import Console


def terminal_output() -> Output | None:
    """Where prompts are drawn: stdout if it is a terminal, else stderr or /dev/tty; never a file."""
    if sys.stdout.isatty():
        return None  # prompt_toolkit's default, the terminal on stdout
    from prompt_toolkit.output import create_output

    if sys.stderr.isatty():
        return create_output(stdout=sys.stderr)
    tty = Path("/dev/tty").open("w")  # noqa: SIM115 - lives as long as the prompts
    return create_output(stdout=tty)


def ask(
    questions: Sequence[Question],
    scale_labels: dict[int, str],
    given: dict[str, Any],
    *,
    input: Input | None = None,
    output: Output | None = None,
) -> dict[str, Any]:
    """Ask every question not in `given`, showing progress like "3/17"; returns all answers."""
    import questionary
    from prompt_toolkit import print_formatted_text
    from prompt_toolkit.formatted_text import FormattedText

    answers = dict(given)
    todo = [q for q in questions if q.key not in given]
    for number, question in enumerate(todo, 1):
        print_formatted_text(FormattedText([("fg:ansibrightblack", f"  {question.help}")]), output=output)
        prompt = _question(questionary, question, scale_labels, f"{number}/{len(todo)}", input, output)
        value = prompt.unsafe_ask()
        if value is None:  # end of input: treat like an interrupt, never as an answer
            raise KeyboardInterrupt
        answers[question.key] = value
    return answers


def _question(
    questionary: Any, question: Question, scale_labels: dict[int, str], progress: str, input: Any, output: Any
) -> Any:
    common = {"qmark": progress, "input": input, "output": output}
    if question.kind == "multiselect":
        default = question.default if isinstance(question.default, tuple) else ()
        choices = [questionary.Choice(c.label, c.value, checked=c.value in default) for c in question.choices]
        return questionary.checkbox(question.prompt, choices=choices, **common)
    if question.kind == "scale":
        choices = [questionary.Choice(f"{n}  {scale_labels[n]}", n) for n in sorted(scale_labels)]
    else:
        choices = [questionary.Choice(c.label, c.value) for c in question.choices]
    return questionary.select(question.prompt, choices=choices, default=question.default, **common)


def confirm(message: str, default: bool) -> bool:
    """A yes/no question on the terminal."""
    import questionary

    answer = questionary.confirm(message, default=default, output=terminal_output()).unsafe_ask()
    if answer is None:
        raise KeyboardInterrupt
    return bool(answer)


def walk_ladder(content: Content, console: Console, start: int = 0) -> None:
    """Show one ladder level at a time on `console`; the user moves on, back, or stops."""
    import questionary

    from mlpath.render import render_table
    from mlpath.views.explore import ladder

    levels = content.ladder.levels
    index = start
    while True:
        console.clear()
        console.print(render_table(ladder(content, index)))
        choices = []
        if index + 1 < len(levels):
            choices.append(questionary.Choice(f"Next: {levels[index + 1].title}", value=1))
        if index > 0:
            choices.append(questionary.Choice(f"Back: {levels[index - 1].title}", value=-1))
        choices.append(questionary.Choice("Done", value=0))
        move = questionary.select(f"Level {index + 1} of {len(levels)}", choices=choices).unsafe_ask()
        if not move:
            return
        index += move
