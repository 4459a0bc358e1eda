"""The quiz prompts, fed keystrokes through prompt_toolkit's pipe input."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput

from mlpath import answers as contract
from mlpath.content.loader import load_content, packaged_data_dir
from mlpath.prompts import QuizInterrupted, ask, show_given, wrap

ENTER, DOWN, SPACE = "\r", "\x1b[B", " "
CONTENT = load_content(packaged_data_dir())
QUESTIONS = CONTENT.questions.questions


@pytest.fixture
def keys() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe:
        yield pipe


def run_prompts(pipe: PipeInput, given: dict[str, Any] | None = None) -> dict[str, Any]:
    return ask(QUESTIONS, CONTENT.questions.scale_labels, given or {}, input=pipe, output=DummyOutput())


def test_enter_through_every_question_gives_the_defaults(keys: PipeInput) -> None:
    keys.send_text(ENTER * len(QUESTIONS))
    answers = run_prompts(keys)
    expected = contract.defaults(QUESTIONS, contract.KEYS)
    assert {k: (tuple(v) if isinstance(v, list) else v) for k, v in answers.items()} == expected
    prepared, missing = contract.check(answers)
    assert missing == []
    contract.build(prepared)


def test_arrow_keys_pick_other_values(keys: PipeInput) -> None:
    # education: down once -> bachelor-cs; programming: default beginner, down -> intermediate
    keys.send_text(DOWN + ENTER + DOWN + ENTER + ENTER * (len(QUESTIONS) - 2))
    answers = run_prompts(keys)
    assert answers["education"] == "bachelor-cs"
    assert answers["programming"] == "intermediate"


def test_space_ticks_specialties_in_the_checkbox(keys: PipeInput) -> None:
    keys.send_text(SPACE + DOWN + SPACE + ENTER)
    only = [q for q in QUESTIONS if q.key == "interests"]
    answers = ask(only, CONTENT.questions.scale_labels, {}, input=keys, output=DummyOutput())
    assert answers == {"interests": ["nlp", "computer-vision"]}


def test_scales_start_at_their_default_and_move(keys: PipeInput) -> None:
    keys.send_text(DOWN + DOWN + ENTER)
    only = [q for q in QUESTIONS if q.key == "resilience"]
    assert ask(only, CONTENT.questions.scale_labels, {}, input=keys, output=DummyOutput()) == {"resilience": 5}


def test_questions_already_answered_are_not_asked(keys: PipeInput) -> None:
    given = {q.key: q.default for q in QUESTIONS[1:]}
    keys.send_text(DOWN + DOWN + ENTER)
    answers = run_prompts(keys, given)
    assert answers["education"] == "bachelor-other"


def test_ctrl_c_raises_keyboard_interrupt(keys: PipeInput) -> None:
    keys.send_text("\x03")
    with pytest.raises(KeyboardInterrupt):
        run_prompts(keys)


# Going back, resuming, and what is drawn. All keys can be sent at once: what one prompt does not
# read stays as typeahead for the next.
UP, LEFT, BACKSPACE, CTRL_C = "\x1b[A", "\x1b[D", "\x7f", "\x03"
LABELS = CONTENT.questions.scale_labels


def test_left_goes_back_and_the_later_answers_stay_as_defaults(keys: PipeInput) -> None:
    # education: bachelor-cs; programming: intermediate; at math, back to programming and one
    # further down (advanced); math again: Enter; then Enter through the rest.
    keys.send_text(DOWN + ENTER + DOWN + ENTER + LEFT + DOWN + ENTER + ENTER * (len(QUESTIONS) - 2))
    answers = run_prompts(keys)
    assert (answers["education"], answers["programming"], answers["math"]) == ("bachelor-cs", "advanced", "fair")


def test_backspace_goes_back_too_and_back_on_the_first_question_does_nothing(keys: PipeInput) -> None:
    keys.send_text(LEFT + BACKSPACE + DOWN + ENTER + BACKSPACE + ENTER + ENTER * (len(QUESTIONS) - 1))
    assert run_prompts(keys)["education"] == "bachelor-cs"  # asked again with the earlier answer, kept


def test_back_to_a_checkbox_keeps_its_ticks(keys: PipeInput) -> None:
    interests = next(i for i, q in enumerate(QUESTIONS) if q.key == "interests")
    keys.send_text(
        ENTER * interests + SPACE + ENTER  # tick NLP
        + LEFT + LEFT  # from industries back to interests, and once more
        + ENTER  # the question before interests, unchanged
        + DOWN + SPACE + ENTER  # interests: NLP still ticked; tick computer vision too
        + ENTER * (len(QUESTIONS) - interests - 1)
    )  # fmt: skip
    assert run_prompts(keys)["interests"] == ["nlp", "computer-vision"]


def test_ctrl_c_carries_the_answers_so_far_and_where_it_stopped(keys: PipeInput) -> None:
    keys.send_text(DOWN + ENTER + ENTER + CTRL_C)
    with pytest.raises(QuizInterrupted) as stop:
        run_prompts(keys)
    assert stop.value.answers == {"education": "bachelor-cs", "programming": "beginner"}
    assert (stop.value.at, stop.value.total) == (3, len(QUESTIONS))


def test_the_end_of_input_is_an_interrupt_too(keys: PipeInput) -> None:
    keys.send_text(ENTER)
    keys.close()
    with pytest.raises(QuizInterrupted) as stop:
        run_prompts(keys)
    assert stop.value.answers == {"education": "none"}


def test_every_answer_is_reported_as_it_comes(keys: PipeInput) -> None:
    seen: list[dict[str, Any]] = []
    keys.send_text(ENTER + ENTER + CTRL_C)
    with pytest.raises(QuizInterrupted):
        ask(QUESTIONS, LABELS, {}, on_answer=seen.append, input=keys, output=DummyOutput())
    assert [list(answers) for answers in seen] == [["education"], ["education", "programming"]]


def test_resuming_starts_at_the_first_open_question_and_can_go_back_into_the_kept_ones(keys: PipeInput) -> None:
    kept = {"education": "master-cs", "programming": "advanced", "math": "strong"}
    keys.send_text(LEFT + UP + ENTER * (len(QUESTIONS) - 2))  # from 4/17 back to 3/17: one up from "strong"
    answers = ask(QUESTIONS, LABELS, {}, answered=kept, input=keys, output=DummyOutput())
    assert (answers["education"], answers["programming"], answers["math"]) == ("master-cs", "advanced", "fair")


def screen_output(columns: int = 80) -> tuple[Any, io.StringIO]:
    """A real VT100 output into a StringIO: what the prompts draw, for the tests to read."""
    from prompt_toolkit.data_structures import Size
    from prompt_toolkit.output.vt100 import Vt100_Output

    stream = io.StringIO()
    return Vt100_Output(stream, lambda: Size(rows=24, columns=columns), term="xterm"), stream


def test_the_counter_goes_on_after_a_resume_and_the_hint_offers_back(keys: PipeInput) -> None:
    output, stream = screen_output()
    keys.send_text(CTRL_C)
    kept = {"education": "none", "programming": "beginner", "math": "fair"}
    with pytest.raises(QuizInterrupted) as stop:
        ask(QUESTIONS, LABELS, {}, answered=kept, input=keys, output=output)
    assert "4/17" in stream.getvalue() and "3/17" not in stream.getvalue()
    assert "← back" in stream.getvalue()
    assert stop.value.answers == kept and stop.value.at == 4


def test_given_answers_are_shown_once_and_not_counted(keys: PipeInput) -> None:
    output, stream = screen_output()
    keys.send_text(CTRL_C)
    with pytest.raises(QuizInterrupted):
        show_given({"study": "part-time", "interests": ("nlp", "robotics")}, output)
        ask(QUESTIONS, LABELS, {"study": "part-time", "interests": ("nlp",)}, input=keys, output=output)
    drawn = " ".join(plain_lines(stream.getvalue(), 80))
    assert "Given with --set or --answers, not asked: study = part-time, interests = nlp,robotics" in drawn
    assert f"1/{len(QUESTIONS) - 2} What is the highest education" in drawn


def plain_lines(drawn: str, columns: int) -> list[str]:
    """The lines on a screen of `columns` after what prompt_toolkit drew (a terminal emulator reads it)."""
    import pyte

    screen = pyte.Screen(columns, 24)
    pyte.Stream(screen).feed(drawn.replace("\n", "\r\n"))
    return [line.rstrip() for line in screen.display if line.strip()]


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.key)
def test_help_and_question_wrap_on_words_at_40_columns(keys: PipeInput, question: Any) -> None:
    output, stream = screen_output(columns=40)
    keys.send_text(ENTER)
    ask([question], LABELS, {}, input=keys, output=output)
    lines = plain_lines(stream.getvalue(), 40)
    assert all(len(line) <= 39 for line in lines), lines
    shown = " ".join(" ".join(lines).split())
    for text in (question.help, question.prompt):
        assert " ".join(text.split()) in shown  # no word cut, lost or merged


def test_the_help_wrap_keeps_every_word_whole() -> None:
    for question in QUESTIONS:
        lines = wrap(question.help, 40).split("\n")
        assert all(len(line) <= 39 for line in lines)
        assert " ".join(" ".join(lines).split()) == " ".join(question.help.split())


class Frames(io.StringIO):
    """A terminal's stream that keeps the screen as it was at each flush: a prompt erases itself
    when answered, so its choices are read from the frames drawn before."""

    def __init__(self, columns: int) -> None:
        import pyte

        super().__init__()
        self.screen = pyte.Screen(columns, 40)
        self.stream = pyte.Stream(self.screen)
        self.frames: list[list[str]] = []

    def write(self, text: str) -> int:
        self.stream.feed(text.replace("\n", "\r\n"))
        return len(text)

    def flush(self) -> None:
        self.frames.append([line.rstrip() for line in self.screen.display])


def choices_drawn(question: Any, keys: PipeInput, columns: int, typed: str) -> tuple[list[str], dict[str, Any]]:
    """The choice lines of the last frame that showed `question`'s choices, after `typed`, and
    the answers once Enter is pressed."""
    from prompt_toolkit.data_structures import Size
    from prompt_toolkit.output.vt100 import Vt100_Output

    stream = Frames(columns)
    output = Vt100_Output(stream, lambda: Size(rows=40, columns=columns), term="xterm")
    keys.send_text(typed + ENTER)
    answers = ask([question], LABELS, {}, input=keys, output=output)
    last = [frame for frame in stream.frames if any(line.startswith(" » ") for line in frame)][-1]
    lines = [line for line in last if line.strip()]
    hint = max(index for index, line in enumerate(lines) if "enter" in line)  # the hint ends the question
    return lines[hint + 1 :], answers


def choice_labels(question: Any) -> list[str]:
    if question.kind == "scale":
        return [f"{n}  {LABELS[n]}" for n in sorted(LABELS)]
    return [choice.label for choice in question.choices]


@pytest.mark.parametrize("columns", [30, 40, 80])
@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.key)
def test_choices_wrap_on_words_under_their_label_and_still_pick(keys: PipeInput, question: Any, columns: int) -> None:
    checkbox = question.kind == "multiselect"
    lines, answers = choices_drawn(question, keys, columns, DOWN + (SPACE if checkbox else ""))
    labels = choice_labels(question)
    assert all(len(line) <= columns - 1 for line in lines), lines
    lead = 5 if checkbox else 3  # " » " and, in a checkbox, "○ " before every line's text
    assert all(line[lead] != " " and line[:lead].strip() in ("", "»", "○", "●", "» ○", "» ●") for line in lines), lines
    assert " ".join(" ".join(line[lead:] for line in lines).split()) == " ".join(" ".join(labels).split())  # in order
    pointed = next(line for line in lines if line.startswith(" » "))
    first = " ".join(pointed[lead:].split())
    assert any(" ".join(label.split()).startswith(first) for label in labels)  # the pointer is on a label's first line
    # Down moved the pointer one choice, not one line, and Enter (or Space) took its value
    values = [choice.value for choice in question.choices] if question.kind != "scale" else sorted(LABELS)
    if checkbox:
        ticked = set(question.default) ^ {values[1]}
        assert answers == {question.key: [value for value in values if value in ticked]}
    else:
        assert answers == {question.key: values[(values.index(question.default) + 1) % len(values)]}
