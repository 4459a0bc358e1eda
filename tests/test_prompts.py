"""The quiz prompts, in-process: keystrokes through prompt_toolkit's pipe input, and what is drawn
read through a VT100 emulator (pyte) where the drawing is the point. Most tests ask a question or
two; only the tests about the whole quiz ask all seventeen."""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

import pyte
import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.vt100 import Vt100_Output

from mlpath.cli.prompts import QuizInterrupted, ask, show_given
from mlpath.content import answers as contract
from mlpath.content.load import load_content, packaged_data_dir
from mlpath.content.rules import Question
from mlpath.text import wrap

ENTER, UP, DOWN, LEFT, SPACE, BACKSPACE, CTRL_C = "\r", "\x1b[A", "\x1b[B", "\x1b[D", " ", "\x7f", "\x03"
CONTENT = load_content(packaged_data_dir())
QUESTIONS = CONTENT.questions.questions


@pytest.fixture
def keys() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe:
        yield pipe


def run_prompts(
    pipe: PipeInput, questions: Sequence[Question] = QUESTIONS, given: dict[str, Any] | None = None, **more: Any
) -> dict[str, Any]:
    answers: dict[str, Any] = ask(questions, given or {}, input=pipe, output=more.pop("output", DummyOutput()), **more)
    return answers


def only(key: str) -> list[Question]:
    return [q for q in QUESTIONS if q.key == key]


def test_enter_through_every_question_gives_the_defaults(keys: PipeInput) -> None:
    keys.send_text(ENTER * len(QUESTIONS))
    answers = run_prompts(keys)
    expected = {question.key: question.default for question in QUESTIONS}
    assert {k: (tuple(v) if isinstance(v, list) else v) for k, v in answers.items()} == expected
    prepared, missing = contract.check(answers)
    assert missing == []
    contract.build(prepared)


def test_arrow_keys_pick_other_values(keys: PipeInput) -> None:
    # education: down once -> bachelor-cs; programming: default beginner, down -> intermediate
    keys.send_text(DOWN + ENTER + DOWN + ENTER)
    assert run_prompts(keys, QUESTIONS[:2]) == {"education": "bachelor-cs", "programming": "intermediate"}


def test_space_ticks_specialties_in_the_checkbox(keys: PipeInput) -> None:
    keys.send_text(SPACE + DOWN + SPACE + ENTER)
    assert run_prompts(keys, only("interests")) == {"interests": ["nlp", "computer-vision"]}


def test_scales_start_at_their_default_and_move(keys: PipeInput) -> None:
    keys.send_text(DOWN + DOWN + ENTER)
    assert run_prompts(keys, only("resilience")) == {"resilience": 5}


def test_a_digit_picks_its_point_on_a_scale_at_once(keys: PipeInput) -> None:
    keys.send_text("1" + "4")  # no Enter: the digit is the answer
    assert run_prompts(keys, [*only("resilience"), *only("new_tech")]) == {"resilience": 1, "new_tech": 4}


def test_questions_already_answered_are_not_asked(keys: PipeInput) -> None:
    given = {q.key: q.default for q in QUESTIONS[1:]}
    keys.send_text(DOWN + DOWN + ENTER)
    answers = run_prompts(keys, given=given)
    assert answers == {**given, "education": "bachelor-other"}


def test_ctrl_c_raises_keyboard_interrupt(keys: PipeInput) -> None:
    keys.send_text(CTRL_C)
    with pytest.raises(KeyboardInterrupt):
        run_prompts(keys)


# Going back, resuming, and what is drawn. All keys can be sent at once: what one prompt does not
# read stays as typeahead for the next.


def test_left_goes_back_and_the_later_answers_stay_as_defaults(keys: PipeInput) -> None:
    # education: bachelor-cs; programming: intermediate; at math, back to programming and one
    # further down (advanced); math again: Enter.
    keys.send_text(DOWN + ENTER + DOWN + ENTER + LEFT + DOWN + ENTER + ENTER)
    answers = run_prompts(keys, QUESTIONS[:3])
    assert answers == {"education": "bachelor-cs", "programming": "advanced", "math": "fair"}


def test_backspace_goes_back_too_and_back_on_the_first_question_does_nothing(keys: PipeInput) -> None:
    keys.send_text(LEFT + BACKSPACE + DOWN + ENTER + BACKSPACE + ENTER + ENTER)
    answers = run_prompts(keys, QUESTIONS[:2])
    assert answers == {"education": "bachelor-cs", "programming": "beginner"}  # asked again with the earlier answer


def test_back_to_a_checkbox_keeps_its_ticks(keys: PipeInput) -> None:
    interests = next(i for i, q in enumerate(QUESTIONS) if q.key == "interests")
    three = QUESTIONS[interests - 1 : interests + 2]  # study, interests, industries
    given = {"education": "none", "path": "degree"}  # study is asked only after answers like these
    keys.send_text(
        ENTER + SPACE + ENTER  # study; tick NLP
        + LEFT + LEFT  # from industries back to interests, and once more
        + ENTER  # the question before interests, unchanged
        + DOWN + SPACE + ENTER  # interests: NLP still ticked; tick computer vision too
        + ENTER
    )  # fmt: skip
    assert run_prompts(keys, three, given) == {
        **given,
        "study": "full-time",
        "interests": ["nlp", "computer-vision"],
        "industries": [],
    }


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
    assert (stop.value.at, stop.value.total) == (2, len(QUESTIONS))


def test_every_answer_is_reported_as_it_comes(keys: PipeInput) -> None:
    seen: list[dict[str, Any]] = []
    keys.send_text(ENTER + DOWN + ENTER + CTRL_C)
    with pytest.raises(QuizInterrupted):
        run_prompts(keys, on_answer=seen.append)
    assert seen == [{"education": "none"}, {"education": "none", "programming": "intermediate"}]


def test_resuming_starts_at_the_first_open_question_and_can_go_back_into_the_kept_ones(keys: PipeInput) -> None:
    kept = {"education": "master-cs", "programming": "advanced", "math": "strong"}
    keys.send_text(LEFT + UP + ENTER + ENTER)  # from 4/4 back to 3/4: one up from "strong"; path: Enter
    answers = run_prompts(keys, QUESTIONS[:4], answered=kept)
    assert answers == {**kept, "math": "fair", "path": "undecided"}


class Frames(io.StringIO):
    """A terminal's stream that keeps the screen (pyte) as it was at each flush: a prompt erases
    itself when answered, so what it showed is read from the frames drawn before."""

    def __init__(self, columns: int, rows: int = 40) -> None:
        super().__init__()
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.Stream(self.screen)
        self.frames: list[list[str]] = []

    def write(self, text: str) -> int:
        self.stream.feed(text.replace("\n", "\r\n"))  # as a terminal's line discipline does
        return len(text)

    def flush(self) -> None:
        self.frames.append(self.lines)

    @property
    def lines(self) -> list[str]:
        return [line.rstrip() for line in self.screen.display]


def screen_output(columns: int = 80, rows: int = 40) -> tuple[Vt100_Output, Frames]:
    """A real VT100 output drawing on an emulated screen of `columns` × `rows`."""
    stream = Frames(columns, rows)
    return Vt100_Output(stream, lambda: Size(rows=rows, columns=columns), term="xterm"), stream


def test_the_counter_goes_on_after_a_resume_and_the_hint_offers_back(keys: PipeInput) -> None:
    output, screen = screen_output()
    keys.send_text(CTRL_C)
    kept = {"education": "none", "programming": "beginner", "math": "fair"}
    with pytest.raises(QuizInterrupted) as stop:
        run_prompts(keys, answered=kept, output=output)
    drawn = "\n".join(line for frame in screen.frames for line in frame)
    assert "4/17 How would you rather learn?" in drawn and "3/17" not in drawn
    assert "← back" in drawn
    assert stop.value.answers == kept and stop.value.at == 4


def test_going_back_takes_the_later_question_off_the_screen(keys: PipeInput) -> None:
    output, screen = screen_output(rows=24)
    keys.send_text(ENTER + DOWN + ENTER + LEFT)  # programming: intermediate; at 3/3, back
    keys.send_text(DOWN + ENTER + ENTER)  # programming again: advanced; math: Enter
    answers = run_prompts(keys, QUESTIONS[:3], output=output)
    assert answers["programming"] == "advanced"
    assert any("3/3" in line for frame in screen.frames for line in frame)  # it was drawn, then taken back
    final = [line for line in screen.lines if line]
    assert sum(line.startswith("2/3 ") for line in final) == 1 and sum(line.startswith("3/3 ") for line in final) == 1
    assert "2/3 How well do you program? Advanced (I write production code)" in final
    assert not any("Intermediate" in line or "← back" in line for line in final)  # the abandoned answer, the hint
    assert final[-1] == "3/3 How comfortable are you with statistics and probability? Fair"
    assert final[:2] == ["3 questions; Enter takes the answer shown, ← goes back, Ctrl-C keeps your", "answers."]
    helps = sum(len(wrap(question.help, 80).split("\n")) for question in QUESTIONS[:3])
    assert len(final) == 2 + helps + 3  # the intro, three questions and their help, nothing left over


def test_given_answers_are_shown_once_and_not_counted(keys: PipeInput) -> None:
    output, screen = screen_output()
    keys.send_text(CTRL_C)
    with pytest.raises(QuizInterrupted):
        show_given({"study": "part-time", "interests": ("nlp", "robotics")}, output)
        run_prompts(keys, given={"study": "part-time", "interests": ("nlp",)}, output=output)
    drawn = " ".join(line for line in screen.lines if line)
    assert drawn.count("2 answers given with --set or --answers, so not asked.") == 1
    assert "study" not in drawn and "robotics" not in drawn  # counted, not listed
    assert f"1/{len(QUESTIONS) - 2} What is the highest education" in drawn


def test_the_help_wrap_keeps_every_word_whole() -> None:
    for question in QUESTIONS:
        lines = wrap(question.help, 40).split("\n")
        assert all(len(line) <= 39 for line in lines)
        assert " ".join(" ".join(lines).split()) == " ".join(question.help.split())


def choices_drawn(question: Question, keys: PipeInput, columns: int, typed: str) -> tuple[list[str], Drawn]:
    """After `typed` and Enter: the lines of the last frame that showed `question`'s choices, the
    lines left once it was answered, and the answers."""
    output, screen = screen_output(columns)
    keys.send_text(typed + ENTER)
    given = {key: values[0] for key, values in question.when[0].items()} if question.when else {}  # so it is asked
    answers = run_prompts(keys, [question], given, output=output)
    answers = {key: value for key, value in answers.items() if key not in given}
    last = [frame for frame in screen.frames if any(line.startswith(" » ") for line in frame)][-1]
    return [line for line in last if line.strip()], Drawn([line for line in screen.lines if line.strip()], answers)


class Drawn(NamedTuple):
    left: list[str]  # on the screen once the question is answered
    answers: dict[str, Any]


def choice_labels(question: Question) -> list[str]:
    return [choice.label for choice in question.choices]


@pytest.mark.slow
@pytest.mark.parametrize("columns", [30, 80])
@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.key)
def test_questions_and_choices_wrap_on_words_and_down_still_picks_the_next_choice(
    keys: PipeInput, question: Question, columns: int
) -> None:
    checkbox = question.kind == "multiselect"
    values: list[Any] = [choice.value for choice in question.choices]
    shown, (left, answers) = choices_drawn(question, keys, columns, DOWN + (SPACE if checkbox else ""))
    enter = max(index for index, line in enumerate(shown) if "enter" in line)  # the hint ends the question
    hint = next(index for index in range(enter, len(shown)) if shown[index].endswith(")"))  # wrapped, it goes on
    asked, lines = shown[: hint + 1], shown[hint + 1 :]
    for drawn in (asked, left):  # the help and the question as asked, and once answered: whole words
        assert all(len(line) <= columns - 1 for line in drawn), drawn
        for text in (question.help, question.prompt):
            assert " ".join(text.split()) in " ".join(" ".join(drawn).split())  # no word cut, lost or merged
    labels = choice_labels(question)
    assert all(len(line) <= columns - 1 for line in lines), lines
    scale = question.kind == "scale"
    lead = 5 if checkbox else 6 if scale else 3  # " » " and, in a checkbox, "○ ", on a scale "3) "
    marks = ("", "»", "○", "●", "» ○", "» ●") if not scale else ("", *(f"{m}{n})" for m in ("", "» ") for n in values))
    assert all(line[lead] != " " and line[:lead].strip() in marks for line in lines), lines
    if scale:  # each point's digit, which picks it, before its words
        assert [line[:lead].strip(" »") for line in lines if line[:lead].strip()] == [f"{n})" for n in values]
    assert " ".join(" ".join(line[lead:] for line in lines).split()) == " ".join(" ".join(labels).split())  # in order
    pointed = next(line for line in lines if line.startswith(" » "))
    first = " ".join(pointed[lead:].split())
    assert any(" ".join(label.split()).startswith(first) for label in labels)  # the pointer is on a label's first line
    # Down moved the pointer one choice, not one line, and Enter (or Space) took its value
    default: Any = question.default
    if checkbox:
        ticked = set(default) ^ {values[1]}
        assert answers == {question.key: [value for value in values if value in ticked]}
    else:
        assert answers == {question.key: values[(values.index(default) + 1) % len(values)]}
