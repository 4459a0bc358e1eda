"""The quiz prompts, fed keystrokes through prompt_toolkit's pipe input."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput

from mlpath import answers as contract
from mlpath.content.loader import load_content, packaged_data_dir
from mlpath.prompts import ask

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
