"""Ctrl-C keeps the answers; `mlpath quiz --resume` asks only what is left. In-process: the real
prompts read keys from a prompt_toolkit pipe (conftest's `keyboard`), and the run believes it has
a keyboard. A real terminal, its signals and its restored settings: tests/test_quiz_pty.py."""

from __future__ import annotations

import json
import stat
from collections.abc import Sequence
from pathlib import Path

import pytest
import yaml
from prompt_toolkit.input import PipeInput

from conftest import CTRL_C, DOWN, ENTER, LEFT, UP, Run
from mlpath.content.load import load_content, packaged_data_dir
from mlpath.content.rules import Question
from mlpath.output.terminal import Terminal
from mlpath.plan import resume

LINE = "Interrupted at {at}/{total}; {kept} kept. Go on with: mlpath quiz --resume"
QUESTIONS = load_content(packaged_data_dir()).questions.questions
ANOTHER = "Another mlpath quiz is running: this one's answers are not kept if it is interrupted."


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"  # MLPATH_HOME of the `run` fixture


def kept(home: Path) -> dict[str, dict[str, object]]:
    document = json.loads((home / "quiz-resume.json").read_text())
    assert document["format"] == 1
    return {"given": document["given"], "answered": document["answered"]}


def given(questions: Sequence[Question]) -> list[str]:
    """--set for the default of each of `questions`: the quiz asks only the others."""
    values = {q.key: ",".join(q.default) if isinstance(q.default, tuple) else str(q.default) for q in questions}
    return [arg for key, value in values.items() for arg in ("--set", f"{key}={value}")]


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
    assert stat.S_IMODE((home / "quiz-resume.json").stat().st_mode) == 0o600  # private, as the plan is


def test_resume_asks_only_what_is_left_and_a_finished_quiz_removes_the_file(
    run: Run, keyboard: PipeInput, home: Path, tmp_path: Path
) -> None:
    rest = [q for q in QUESTIONS[3:] if q.key != "goal"]
    keyboard.send_text(ENTER + DOWN + ENTER + CTRL_C)
    assert run("quiz", "--set", "goal=manager", *given(rest)).exit_code == 130
    keyboard.send_text(ENTER + "n")  # 3/3; the plan: no
    answers = tmp_path / "answers.yaml"
    result = run("quiz", "--resume", "--save-answers", str(answers))
    assert result.exit_code == 0, result.stderr
    assert "Going on with your quiz: 2 answers kept (← goes back to them)." in result.stderr
    saved = answers.read_text()
    assert "goal: manager" in saved and "programming: intermediate" in saved and "math: fair" in saved
    assert result.stdout.startswith("verdict\t")  # the roadmap, plain: stdout is not a terminal here
    assert not (home / "quiz-resume.json").exists() and not (home / "plan.yaml").exists()
    nothing = run("quiz", "--resume")
    assert nothing.exit_code == 2
    assert "there is no interrupted quiz to resume; start one with 'mlpath quiz'" in nothing.stderr
    assert nothing.stdout == ""


def test_resume_can_go_back_into_the_kept_answers(run: Run, keyboard: PipeInput, tmp_path: Path) -> None:
    keyboard.send_text(ENTER + ENTER + CTRL_C)
    run("quiz", *given(QUESTIONS[3:]))
    keyboard.send_text(LEFT + DOWN + ENTER + ENTER + "n")  # from 3/3 back to 2/3: beginner -> intermediate
    answers = tmp_path / "answers.yaml"
    assert run("quiz", "--resume", "--save-answers", str(answers)).exit_code == 0
    assert "programming: intermediate" in answers.read_text()


def test_a_question_skipped_before_the_interrupt_is_asked_once_a_changed_answer_calls_for_it(
    run: Run, keyboard: PipeInput, tmp_path: Path
) -> None:
    keyboard.send_text(DOWN * 3 + ENTER + ENTER + CTRL_C)  # a master's degree: residency and study are not asked
    run("quiz")
    # back from 3/15 to 1/15, "No degree yet"; then 17 questions again, residency (3 down: out-of-state)
    keyboard.send_text(LEFT + LEFT + UP * 3 + ENTER + ENTER + ENTER + ENTER + DOWN + ENTER + ENTER * 12 + "n")
    answers = tmp_path / "answers.yaml"
    result = run("quiz", "--resume", "--save-answers", str(answers))
    assert result.exit_code == 0, result.stderr
    assert "given with --set or --answers" not in result.stderr  # nothing was
    saved = yaml.safe_load(answers.read_text())
    assert (saved["education"], saved["residency"]) == ("none", "out-of-state")


def test_interrupted_before_the_first_answer_keeps_nothing(run: Run, keyboard: PipeInput, home: Path) -> None:
    keyboard.send_text(CTRL_C)
    result = run("quiz")
    assert result.exit_code == 130
    assert result.stderr.splitlines()[-1] == "Interrupted before the first answer; nothing was kept."
    assert not (home / "quiz-resume.json").exists()


def test_the_interrupted_line_counts_the_questions_the_screen_counts(run: Run, keyboard: PipeInput) -> None:
    keyboard.send_text(DOWN * 3 + ENTER + ENTER + CTRL_C)  # a master's degree: residency and study are not asked
    result = run("quiz")
    assert result.exit_code == 130
    assert result.stderr.splitlines()[-1] == LINE.format(at=3, total=15, kept="2 answers")


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
    assert first.stderr.replace("\n", " ").endswith(  # wrapped on words: the test's stderr is a terminal
        "Interrupted before the first answer; the unfinished quiz from before is still kept for "
        "'mlpath quiz --resume'. "
    )
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


# One quiz at a time keeps answers -------------------------------------------------------------


def test_a_second_quiz_says_its_answers_are_not_kept_and_keeps_none(run: Run, keyboard: PipeInput, home: Path) -> None:
    keyboard.send_text(DOWN + ENTER + CTRL_C)
    assert run("quiz").exit_code == 130  # the first quiz's answer, kept
    before = (home / "quiz-resume.json").read_bytes()
    keyboard.send_text(ENTER + ENTER + CTRL_C)
    with resume.asking() as first_is_asking:  # the first quiz, asking again in another terminal
        assert first_is_asking
        second = run("quiz", "--resume")
    assert second.exit_code == 130
    assert ANOTHER in second.stderr
    assert second.stderr.splitlines()[-1] == "Interrupted at 4/17; 3 answers not kept: another mlpath quiz was running."
    assert (home / "quiz-resume.json").read_bytes() == before  # the first quiz's, untouched


def test_a_second_quiz_interrupted_says_where_it_stopped(run: Run, keyboard: PipeInput, home: Path) -> None:
    keyboard.send_text(ENTER + ENTER + CTRL_C)
    home.mkdir()
    with resume.asking():
        result = run("quiz")
    assert result.exit_code == 130 and ANOTHER in result.stderr
    assert result.stderr.splitlines()[-1] == "Interrupted at 3/17; 2 answers not kept: another mlpath quiz was running."
    assert not (home / "quiz-resume.json").exists()


def test_a_finished_quiz_leaves_the_file_of_a_quiz_still_asking(run: Run, keyboard: PipeInput, home: Path) -> None:
    keyboard.send_text(DOWN + ENTER + CTRL_C)
    run("quiz")
    before = (home / "quiz-resume.json").read_bytes()
    keyboard.send_text(ENTER + "n")
    with resume.asking():  # another quiz asks, and keeps its answers in the file
        finished = run("quiz", *given(QUESTIONS[:-1]))
    assert finished.exit_code == 0, finished.stderr
    assert (home / "quiz-resume.json").read_bytes() == before
    keyboard.send_text(ENTER + "n")
    assert run("quiz", *given(QUESTIONS[:-1])).exit_code == 0  # no other quiz now: a finished quiz removes it
    assert not (home / "quiz-resume.json").exists()


# The resume file --------------------------------------------------------------------------------


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
    assert (home / "quiz-resume.json").read_text() == text  # left for the person to look at


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
    keyboard.send_text(ENTER * 2 + "n")
    result = run("quiz", *given(QUESTIONS[:-2]), env={"MLPATH_HOME": str(blocked / "home")})  # a directory under a file
    assert result.exit_code == 0
    assert result.stderr.count("Warning: cannot keep the unfinished quiz") == 1
    assert result.stdout.startswith("verdict\t")


def test_an_interruption_never_says_kept_what_could_not_be_written(
    run: Run, keyboard: PipeInput, tmp_path: Path
) -> None:
    (tmp_path / "home" / "quiz-resume.json").mkdir(parents=True)
    keyboard.send_text(ENTER + CTRL_C)
    result = run("quiz", *given(QUESTIONS[:-3]))
    assert result.exit_code == 130
    assert "1 answer not kept" in result.stderr and "Go on with" not in result.stderr


def test_a_retake_starts_from_the_answers_of_the_plan(run: Run, keyboard: PipeInput, tmp_path: Path) -> None:
    mine = ("programming=advanced", "goal=manager", "interests=nlp,robotics", "resilience=5")
    assert run("quiz", "--defaults", *(arg for pair in mine for arg in ("--set", pair)), "--save").exit_code == 0
    keyboard.send_text(ENTER * 17)
    answers = tmp_path / "answers.yaml"
    retake = run("quiz", "--save-answers", str(answers))
    assert retake.exit_code == 0, retake.stderr
    saved = yaml.safe_load(answers.read_text())
    assert (saved["programming"], saved["goal"], saved["interests"], saved["resilience"]) == (
        "advanced", "manager", ["nlp", "robotics"], 5,
    )  # fmt: skip
    assert "Your saved plan already holds this roadmap and your answers: nothing to save." in retake.stderr
