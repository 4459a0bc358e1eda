"""Ctrl-C keeps the answers; `mlpath quiz --resume` asks only what is left. In-process: the real
prompts read keys from a prompt_toolkit pipe, and the run believes it has a keyboard."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput

from conftest import Run
from mlpath import prompts
from mlpath.terminal import Terminal

ENTER, DOWN, LEFT, CTRL_C = "\r", "\x1b[B", "\x1b[D", "\x03"
LINE = "Interrupted at {at}/{total}; {kept} kept. Go on with: mlpath quiz --resume"


@pytest.fixture
def keyboard(monkeypatch: pytest.MonkeyPatch) -> Iterator[PipeInput]:
    """Keys for the quiz's prompts; the save question is answered no."""
    with create_pipe_input() as pipe:
        monkeypatch.setattr(prompts, "ask", functools.partial(prompts.ask, input=pipe))
        monkeypatch.setattr(prompts, "terminal_output", DummyOutput)
        monkeypatch.setattr(prompts, "confirm", lambda message, default: False)
        monkeypatch.setattr(
            Terminal,
            "detect",
            classmethod(lambda cls: Terminal(True, False, True, stdout=sys.stdout, stderr=sys.stderr, width=100)),
        )
        yield pipe


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"  # MLPATH_HOME of the `run` fixture


def kept(home: Path) -> dict[str, dict[str, object]]:
    document = json.loads((home / "quiz-resume.json").read_text())
    assert document["format"] == 1
    return {"given": document["given"], "answered": document["answered"]}


def test_ctrl_c_keeps_the_answers_and_says_how_to_go_on(run: Run, keyboard: PipeInput, home: Path) -> None:
    keyboard.send_text(ENTER + DOWN + ENTER + ENTER + CTRL_C)
    result = run("quiz", "--set", "goal=manager")
    assert result.exit_code == 130
    assert result.stderr.splitlines()[-1] == LINE.format(at=4, total=16, kept="3 answers")
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert kept(home) == {
        "given": {"goal": "manager"},
        "answered": {"education": "none", "programming": "intermediate", "math": "fair"},
    }
    assert not (home / "plan.yaml").exists()  # the plan is never touched


def test_resume_asks_only_what_is_left_and_a_finished_quiz_removes_the_file(
    run: Run, keyboard: PipeInput, home: Path, tmp_path: Path
) -> None:
    keyboard.send_text(ENTER + DOWN + ENTER + CTRL_C)
    assert run("quiz", "--set", "goal=manager").exit_code == 130
    keyboard.send_text(ENTER * 14)  # 3/16 to 16/16
    answers = tmp_path / "answers.yaml"
    result = run("quiz", "--resume", "--save-answers", str(answers))
    assert result.exit_code == 0, result.stderr
    assert "Going on with your quiz: 2 answers kept" in result.stderr
    saved = answers.read_text()
    assert "goal: manager" in saved and "programming: intermediate" in saved
    assert result.stdout.startswith("verdict")  # the roadmap, plain: stdout is not a terminal here
    assert not (home / "quiz-resume.json").exists()
    nothing = run("quiz", "--resume")
    assert nothing.exit_code == 2
    assert "there is no interrupted quiz to resume; start one with 'mlpath quiz'" in nothing.stderr


def test_resume_can_go_back_into_the_kept_answers(run: Run, keyboard: PipeInput, tmp_path: Path) -> None:
    keyboard.send_text(ENTER + ENTER + CTRL_C)
    run("quiz")
    keyboard.send_text(LEFT + DOWN + ENTER + ENTER * 15)  # from 3/17 back to 2/17: beginner -> intermediate
    answers = tmp_path / "answers.yaml"
    assert run("quiz", "--resume", "--save-answers", str(answers)).exit_code == 0
    assert "programming: intermediate" in answers.read_text()


def test_interrupted_before_the_first_answer_keeps_nothing(run: Run, keyboard: PipeInput, home: Path) -> None:
    keyboard.send_text(CTRL_C)
    result = run("quiz")
    assert result.exit_code == 130
    assert result.stderr.splitlines()[-1] == "Interrupted before the first answer; nothing was kept."
    assert not (home / "quiz-resume.json").exists()


def test_the_end_of_input_is_an_interrupt_too(run: Run, keyboard: PipeInput, home: Path) -> None:
    keyboard.send_text(ENTER)
    keyboard.close()
    result = run("quiz")
    assert result.exit_code == 130
    assert result.stderr.splitlines()[-1] == LINE.format(at=2, total=17, kept="1 answer")
    assert kept(home)["answered"] == {"education": "none"}


def test_a_new_quiz_says_an_unfinished_one_is_kept_and_replaces_it_at_the_first_answer(
    run: Run, keyboard: PipeInput, home: Path
) -> None:
    keyboard.send_text(DOWN + ENTER + ENTER + CTRL_C)
    run("quiz")
    keyboard.send_text(CTRL_C)
    first = run("quiz")
    assert "An unfinished quiz is kept for 'mlpath quiz --resume'; answering replaces it." in first.stderr
    assert "the unfinished quiz from before is still kept" in first.stderr.splitlines()[-1]
    assert kept(home)["answered"] == {"education": "bachelor-cs", "programming": "beginner"}
    keyboard.send_text(ENTER + CTRL_C)
    run("quiz")
    assert kept(home)["answered"] == {"education": "none"}


def test_the_plan_is_never_touched_by_an_interrupted_quiz(run: Run, keyboard: PipeInput, home: Path) -> None:
    run("quiz", "--defaults", "--set", "programming=none", "--save")
    plan = (home / "plan.yaml").read_bytes()
    keyboard.send_text(ENTER * 5 + CTRL_C)
    assert run("quiz").exit_code == 130
    assert (home / "plan.yaml").read_bytes() == plan


def test_without_a_terminal_resume_fills_the_rest_with_defaults_or_names_what_is_missing(
    run: Run, keyboard: PipeInput, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyboard.send_text(ENTER + ENTER + DOWN + ENTER + CTRL_C)  # math: fair -> strong
    run("quiz")
    monkeypatch.setattr(Terminal, "detect", classmethod(lambda cls: Terminal(False, False, False)))
    missing = run("quiz", "--resume")
    assert missing.exit_code == 2 and "education" not in missing.stderr and "path" in missing.stderr
    assert (home / "quiz-resume.json").exists()
    filled = run("quiz", "--resume", "--defaults", "--set", "programming=advanced", "--json")
    assert filled.exit_code == 0
    document = json.loads(filled.stdout)
    assert document["answers"]["math"] == "strong"  # kept
    assert document["answers"]["programming"] == "advanced"  # --set wins over the kept answer
    assert not (home / "quiz-resume.json").exists()


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "[]",
        '{"format": 99, "given": {}, "answered": {}}',
        '{"format": 1, "given": {}, "answered": {"math": "x"}}',
    ],
)
def test_a_resume_file_that_is_not_a_kept_quiz_is_named_and_refused(run: Run, home: Path, text: str) -> None:
    home.mkdir(parents=True)
    (home / "quiz-resume.json").write_text(text)
    result = run("quiz", "--resume", "--defaults")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: the unfinished quiz in {home / 'quiz-resume.json'} cannot be used (")
    assert len(result.stderr.splitlines()) == 1


def test_a_directory_in_place_of_the_resume_file_is_refused(run: Run, home: Path) -> None:
    (home / "quiz-resume.json").mkdir(parents=True)
    result = run("quiz", "--resume")
    assert result.exit_code == 2 and "not a regular file" in result.stderr


@pytest.mark.parametrize("other", ["--batch", "--questions"])
def test_resume_does_not_combine_with_batch_or_questions(run: Run, other: str) -> None:
    result = run("quiz", "--resume", other)
    assert result.exit_code == 2 and "--resume" in result.stderr


def test_a_resume_file_that_cannot_be_written_warns_once_and_the_quiz_goes_on(
    run: Run, keyboard: PipeInput, tmp_path: Path
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    keyboard.send_text(ENTER * 17)
    result = run("quiz", env={"MLPATH_HOME": str(blocked / "home")})  # a directory under a file
    assert result.exit_code == 0
    assert result.stderr.count("Warning: cannot keep the unfinished quiz") == 1
