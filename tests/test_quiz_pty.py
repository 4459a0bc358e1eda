"""The quiz as a person sees it: the screen read through a terminal emulator (pyte), so the tests
check what is on it, not bytes that may have been drawn over.

Where a real terminal is the point (the whole quiz at 80×24 and 40×20; Ctrl-C, SIGINT, SIGHUP and
SIGTERM mid-quiz), mlpath runs as a real process in a pseudo-terminal (conftest's `pty`: slow).
The ending's layout runs in-process: the run's Terminal, its prompts and its messages all draw on
one emulated screen (`Tty`), and the keys come through prompt_toolkit's pipe input.
"""

from __future__ import annotations

import io
import json
import re
import shlex
import signal
from collections.abc import Callable, Iterator
from pathlib import Path

import pyte
import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output.vt100 import Vt100_Output
from typer.testing import Result

from conftest import CTRL_C, DOWN, ENTER, UP, PtyScreen, Run, Spawn
from mlpath.cli import prompts
from mlpath.content import answers as contract
from mlpath.content.load import load_content, packaged_data_dir
from mlpath.engine.roadmap import build_roadmap
from mlpath.output.terminal import Terminal

CONTENT = load_content(packaged_data_dir())
QUESTIONS = CONTENT.questions.questions
KEEPER = 'cat > "$0"'  # a pager that keeps what it was given in the file named after it


def flowing(text: str) -> str:
    return " ".join(text.split())


# A real terminal -------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(("rows", "cols"), [(24, 80), (20, 40)], ids=["80x24", "40x20"])
def test_the_whole_quiz_on_a_real_terminal(pty: Spawn, tmp_path: Path, rows: int, cols: int) -> None:
    paged = tmp_path / "paged.txt"
    term = pty("quiz", rows=rows, cols=cols, env={"MLPATH_PAGER": shlex.join(["sh", "-c", KEEPER, str(paged)])})
    term.wait("1/17", "(↑↓ move · enter picks)")
    term.answer(1, 17, total=17)
    shown = term.wait("Save the roadmap as your")
    assert "Traceback" not in shown
    assert all(len(line) <= cols for line in shown.splitlines())
    assert "Grow your Python from scripts to programs" in flowing(shown)  # the first step, after the last answer
    if cols == 40:  # room for one first step, so no "Whole roadmap:" line; the reasons only counted
        assert "1  Grow your Python from scripts to\n    programs" in shown  # wrapped on a word, hanging under itself
        assert "First steps (1 of 12)" in shown and "Whole roadmap:" not in shown
        assert "Why: 1 note (listed in the full roadmap)\nFirst steps" in shown
    else:
        assert "First steps (3 of 12)" in shown and "Whole roadmap:" in flowing(shown)
    assert "Should you become a machine learning" in shown and "Verdict: mixed" in shown
    whole = flowing(re.sub(r"\x1b\[[0-9;]*m", "", paged.read_text()))
    assert "The full roadmap" in whole and "Level 3: Senior Machine Learning Engineer" in whole  # all of it, paged
    term.press(ENTER)  # yes, the default: save the plan
    assert term.exit_code() == 0
    assert "Saved your plan (12 steps). See it with: mlpath progress" in flowing(term.text)
    assert ("Replay these answers without the questions:" in term.text) is (rows == 24)  # where there is room
    home = tmp_path / "home"
    assert (home / "plan.yaml").is_file() and not (home / "quiz-resume.json").exists()


# How the quiz is stopped at 3/17, and the first words of the line it leaves.
INTERRUPTS: dict[str, tuple[str | signal.Signals, str]] = {
    "ctrl-c": (CTRL_C, "Interrupted at 3/17"),
    "SIGINT": (signal.SIGINT, "Interrupted at 3/17"),  # `kill -INT`, or Ctrl-C before raw mode
    "SIGHUP": (signal.SIGHUP, "The terminal closed"),  # the terminal window closed
    "SIGTERM": (signal.SIGTERM, "Stopped by a signal"),  # a kill
    "SIGUSR1": (signal.SIGUSR1, "Stopped by a signal"),  # any other signal that would end it at once
}


def interrupted_quiz(pty: Spawn, how: str) -> tuple[PtyScreen, str, int]:
    """A quiz at 3/17 after two answers, stopped `how`: the terminal, the line and the exit code."""
    term = pty("quiz")
    term.answer(1, 1, total=17, keys=DOWN + ENTER)  # education: bachelor-cs
    term.answer(2, 2, total=17)
    term.wait("3/17 How comfortable are you with statistics", "» Fair")
    assert term.line_mode() == (False, False) and term.screen.cursor.hidden  # raw, as the prompts need it
    key, first = INTERRUPTS[how]
    if isinstance(key, str):
        term.press(key)
    else:
        term.child.kill(key)
    line = f"{first}; 2 answers kept. Go on with: mlpath quiz --resume"
    return term, line, term.exit_code()


@pytest.mark.slow
@pytest.mark.parametrize("how", sorted(INTERRUPTS))
def test_an_interrupted_quiz_restores_the_terminal_and_keeps_the_answers(pty: Spawn, tmp_path: Path, how: str) -> None:
    term, line, code = interrupted_quiz(pty, how)
    assert code == 130
    assert line in flowing(term.text)
    assert "Traceback" not in term.text
    assert term.line_mode() == (True, True)  # echo and line editing back, as the shell needs them
    assert not term.screen.cursor.hidden
    home = tmp_path / "home"
    kept = json.loads((home / "quiz-resume.json").read_text())
    assert kept == {"format": 1, "given": {}, "answered": {"education": "bachelor-cs", "programming": "beginner"}}
    assert not (home / "plan.yaml").exists()
    assert [path.name for path in home.iterdir() if path.name.endswith(".tmp")] == []


@pytest.mark.slow
@pytest.mark.parametrize("key", [CTRL_C, "\x04"], ids=["ctrl-c", "ctrl-d"])
def test_ctrl_c_at_the_question_to_save_keeps_the_answers_and_resume_comes_back_to_it(
    pty: Spawn, tmp_path: Path, key: str
) -> None:
    term = pty("quiz", "--no-pager")
    term.answer(1, 17, total=17)
    term.wait("Save the roadmap as your plan")
    term.press(key)
    said = "Interrupted at the question to save; your answers are kept. Go on with: mlpath quiz --resume"
    assert said in flowing(term.wait("Go on with")) and term.exit_code() == 130
    assert len(json.loads((tmp_path / "home" / "quiz-resume.json").read_text())["answered"]) == 17
    again = pty("quiz", "--resume", "--no-pager")
    shown = again.wait("Save the roadmap as your plan")
    assert "/17" not in shown and "Verdict: mixed" in shown  # nothing asked again: straight to the ending
    again.press(ENTER)
    assert again.exit_code() == 0
    assert (tmp_path / "home" / "plan.yaml").exists() and not (tmp_path / "home" / "quiz-resume.json").exists()


@pytest.mark.slow
def test_a_kill_mid_quiz_says_so_on_a_line_of_its_own(pty: Spawn) -> None:
    term, line, code = interrupted_quiz(pty, "SIGTERM")
    assert code == 130
    assert any(shown.startswith(line[:40]) for shown in term.text.splitlines()), term.text


# The ending, in-process ---------------------------------------------------------------------------


class Tty(io.StringIO):
    """A terminal for in-process runs: whatever is written to it (by mlpath's consoles, its
    messages and the prompts alike) goes through a VT100 emulator of `rows` × `cols`."""

    def __init__(self, rows: int, cols: int) -> None:
        super().__init__()
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.Stream(self.screen)

    def write(self, text: str) -> int:
        self.stream.feed(text.replace("\n", "\r\n"))  # as the terminal's line discipline does
        return len(text)

    def isatty(self) -> bool:
        return True

    @property
    def lines(self) -> list[str]:
        return [line.rstrip() for line in self.screen.display]


Quiz = Callable[..., tuple[Result, Tty]]


@pytest.fixture
def quiz(run: Run, monkeypatch: pytest.MonkeyPatch) -> Iterator[Quiz]:
    """`mlpath quiz ARGS` in-process on a Tty of `rows` × `cols` (stdout, stderr and the prompts),
    `keys` typed; no pager unless MLPATH_PAGER is set."""
    monkeypatch.setenv("MLPATH_PAGER", "")

    def quiz(*args: str, keys: str, rows: int = 24, cols: int = 80) -> tuple[Result, Tty]:
        tty = Tty(rows, cols)
        output = Vt100_Output(tty, lambda: Size(rows=rows, columns=cols), term="xterm", enable_cpr=False)
        terminal = Terminal(True, True, True, stdout=tty, stderr=tty, width=cols, height=rows)
        monkeypatch.setattr(Terminal, "detect", classmethod(lambda cls: terminal))
        monkeypatch.setattr(prompts, "terminal_output", lambda: output)
        with create_pipe_input() as pipe, create_app_session(input=pipe, output=output):
            pipe.send_text(keys)
            result = run("quiz", *args)
        return result, tty

    yield quiz


def but_the_last(answers: dict[str, str]) -> list[str]:
    """--set for `answers`, and for every other question's default but the last: the quiz asks one
    question and ends as after seventeen."""
    defaults = {q.key: ",".join(q.default) if isinstance(q.default, tuple) else str(q.default) for q in QUESTIONS}
    given = {**{key: defaults[key] for key in defaults if key != QUESTIONS[-1].key}, **answers}
    return [arg for key, value in given.items() for arg in ("--set", f"{key}={value}")]


def expected_ending(answers: dict[str, str]) -> tuple[str, str]:
    """The verdict level and the first step's title of the roadmap for `answers` (the rest default)."""
    raw = contract.parse_assignments([f"{key}={value}" for key, value in answers.items()])
    prepared, _, _ = contract.resolve(raw, QUESTIONS, use_defaults=True)
    built = build_roadmap(CONTENT, contract.build(prepared))
    assert built.verdict is not None
    return built.verdict.level, built.steps[0].title


def assert_whole_summary_on_screen(lines: list[str], level: str, first: str, cols: int = 80) -> None:
    """The summary from its title to its last line, then the save question, all on the screen. The
    "Whole roadmap:" line ends a summary that shows three first steps; a shorter one has none."""
    shown = "\n".join(lines)
    top = next(i for i, line in enumerate(lines) if line.startswith("Should you become a machine learning"))
    verdict = next(i for i, line in enumerate(lines) if f"Verdict: {level}" in line)
    assert top < verdict <= top + 3 and first in flowing(shown), shown
    question = next(i for i, line in enumerate(lines) if line.startswith("? Save the roadmap as your"))
    steps = next(i for i, line in enumerate(lines) if line.startswith("First steps ("))
    assert verdict < steps < question, shown
    whole = [i for i, line in enumerate(lines) if line.startswith("Whole roadmap")]
    if lines[steps].startswith("First steps (3 of "):
        assert len(whole) == 1 and steps < whole[0] < question <= whole[0] + 2, shown
    else:
        assert whole == [], shown
    assert all(len(line) <= cols for line in lines)


SCALES = ("complex_problems", "new_tech", "continuous_learning", "analytical", "resilience", "data_cleaning")
ENDINGS = {
    "all-defaults": {},
    "all-low": {
        "education": "none", "programming": "none", "math": "weak", "path": "undecided", "residency": "out-of-state",
        "study": "part-time", "interests": "", "industries": "", "goal": "individual-contributor",
        "remote_work": "unimportant", **dict.fromkeys(SCALES, "1"),
    },
    "all-high": {
        "education": "master-cs", "programming": "advanced", "math": "strong", "path": "degree",
        "residency": "in-state", "study": "full-time", "goal": "director", "remote_work": "important",
        **dict.fromkeys(SCALES, "5"),
    },
    "many-interests": {
        "education": "bachelor-other", "programming": "beginner", "math": "fair", "path": "degree",
        "residency": "out-of-state", "study": "part-time",
        "interests": "nlp,computer-vision,reinforcement-learning,robotics,data-science",
        "industries": "software,finance,healthcare,automotive,e-commerce,consulting,research,government",
        "goal": "manager", "remote_work": "important", **dict.fromkeys(SCALES[:5], "5"), "data_cleaning": "1",
    },
}  # fmt: skip


@pytest.mark.parametrize("path", sorted(ENDINGS))
def test_every_ending_keeps_the_whole_summary_on_an_80x24_screen(quiz: Quiz, path: str) -> None:
    """All but the last answer given with --set, the last asked: the same ending as after 17 answers."""
    given = ENDINGS[path]
    last = {"deadline_pressure": "5"} if path == "all-high" else {}
    result, tty = quiz(*but_the_last(given), keys=(DOWN + DOWN if last else "") + ENTER + "n")
    assert result.exit_code == 0, result.stderr
    assert_whole_summary_on_screen(tty.lines, *expected_ending({**given, **last}))
    assert "? Save the roadmap as your plan, to track your progress? No" in tty.lines


def test_a_long_ending_counts_the_reasons_and_shows_one_first_step(quiz: Quiz) -> None:
    result, tty = quiz(*but_the_last(ENDINGS["many-interests"]), keys=ENTER + "n")
    assert result.exit_code == 0, result.stderr
    lines = tty.lines
    why = lines.index("Why: 5 strengths, 1 concern (listed in the full roadmap)")  # no reason fits: no extra line
    assert lines[why + 1 : why + 6] == [
        "First steps (1 of 18)",
        " 1  Grow your Python from scripts to programs",
        "Degree: roughly 2 to 4 years, part-time; tuition $25,678 to $51,356,",
        "out-of-state (worked out in the full roadmap)",
        "? Save the roadmap as your plan, to track your progress? No",
    ]  # the formulas stay in the full roadmap


def test_the_reviewers_answers_end_with_the_verdict_the_steps_and_an_offer(quiz: Quiz) -> None:
    """Enter at the first ten questions, the scales two down (5) and the last two two up (1)."""
    given = {**dict.fromkeys(SCALES[:5], "5"), "data_cleaning": "1"}
    result, tty = quiz(*but_the_last(given), keys=UP + UP + ENTER + "n")
    assert result.exit_code == 0, result.stderr
    assert_whole_summary_on_screen(tty.lines, "mixed", "Grow your Python from scripts to programs")
    shown = "\n".join(tty.lines)
    assert "Why: 5 strengths, 2 concerns" in shown
    assert "? Save the roadmap as your plan, to track your progress? No" in shown
    assert "add --what-if study=part-time" in flowing(shown) and "mlpath quiz --defaults --set" in shown


@pytest.mark.parametrize("rows", [24, 20])
def test_a_narrow_ending_keeps_the_verdict_and_the_first_step_whole(quiz: Quiz, rows: int) -> None:
    result, tty = quiz(*but_the_last({}), keys=ENTER + "n", rows=rows, cols=40)
    assert result.exit_code == 0, result.stderr
    shown = "\n".join(tty.lines)
    assert " 1  Grow your Python from scripts to\n    programs" in shown  # wrapped on a word, hanging under itself
    assert "? Save the roadmap as your" in shown and all(len(line) <= 40 for line in tty.lines)
    assert "Verdict: mixed" in shown  # right after the last answer, the verdict and the first step


@pytest.mark.parametrize("how", ["--no-pager", "MLPATH_PAGER="])
def test_no_pager_prints_everything_and_ends_with_the_summary(quiz: Quiz, how: str) -> None:
    flags = [how] if how == "--no-pager" else []  # else the quiz fixture's MLPATH_PAGER= (no pager) alone
    result, tty = quiz(*flags, *but_the_last({}), keys=ENTER + "n")
    assert result.exit_code == 0, result.stderr
    assert_whole_summary_on_screen(tty.lines, "mixed", "Grow your Python from scripts to programs")
    assert "Whole roadmap: -o roadmap.md exports it, --save keeps it." in flowing("\n".join(tty.lines))


def test_the_pager_shows_the_whole_roadmap_and_the_summary_stays(
    quiz: Quiz, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paged = tmp_path / "paged.txt"
    monkeypatch.setenv("MLPATH_PAGER", shlex.join(["sh", "-c", KEEPER, str(paged)]))
    result, tty = quiz(*but_the_last({}), keys=ENTER + ENTER)  # the plan: yes
    assert result.exit_code == 0, result.stderr
    whole = paged.read_text()
    assert "The full roadmap" in whole and "Notes" in whole and "Level 3: Senior Machine Learning Engineer" in whole
    assert_whole_summary_on_screen(tty.lines, "mixed", "Grow your Python from scripts to programs")
    assert "The full roadmap" not in "\n".join(tty.lines)
    assert "Whole roadmap: --no-pager prints it, -o roadmap.md" in flowing("\n".join(tty.lines))
    assert result.stderr == "Saved your plan (12 steps). See it with: mlpath progress\n"
    assert (tmp_path / "home" / "plan.yaml").is_file()


def test_with_the_same_answers_as_the_plan_saved_there_is_nothing_to_ask(quiz: Quiz, run: Run, tmp_path: Path) -> None:
    assert run("quiz", "--defaults", "--save").exit_code == 0
    plan = (tmp_path / "home" / "plan.yaml").read_bytes()
    result, tty = quiz(*but_the_last({}), keys=ENTER)
    assert result.exit_code == 0, result.stderr
    shown = flowing("\n".join(tty.lines))
    assert "Your saved plan already holds this roadmap and your answers: nothing to save." in shown
    assert "Save the roadmap" not in shown and "Replace your saved plan" not in shown and "--save keeps it" not in shown
    assert (tmp_path / "home" / "plan.yaml").read_bytes() == plan


def test_with_a_plan_saved_the_question_is_to_replace_it_and_no_is_the_default(
    quiz: Quiz, run: Run, tmp_path: Path
) -> None:
    assert run("quiz", "--defaults", "--save").exit_code == 0
    assert run("progress", "set", "1", "done").exit_code == 0
    plan = (tmp_path / "home" / "plan.yaml").read_bytes()
    result, tty = quiz(*but_the_last({"goal": "manager"}), keys=ENTER + ENTER)  # Enter at the question: No
    assert result.exit_code == 0, result.stderr
    shown = flowing("\n".join(tty.lines))
    # the internship's work changes with the goal: new, with the two levels up to manager
    assert "? Replace your saved plan with this roadmap: 11 kept (1 done), 3 new, 0 dropped? No" in shown
    assert "Plan updated" not in shown and (tmp_path / "home" / "plan.yaml").read_bytes() == plan  # left as it was
