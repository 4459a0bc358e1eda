"""The quiz as a person sees it: an 80×24 pseudo-terminal, its screen read through a terminal
emulator (pyte), so the tests check what is on screen, not bytes that may have been overwritten.

Independent of the caller: the child gets the pty as stdin/stdout/stderr whatever the test runner's
stdin is; no shell is involved; the size comes from the pty and COLUMNS/LINES are set to match; the
pager is a small Python script named by MLPATH_PAGER; the prompts are told not to wait for
cursor-position replies (PROMPT_TOOLKIT_NO_CPR). The child is forked from the test process
(tests/forked_tty.py); the parity tests at the end run the same quizzes as new interpreters too.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import signal
import sys
import time
from pathlib import Path

import pexpect
import pyte
import pytest

import forked
import forked_tty
from forked_tty import ForkedTerminal

pytestmark = pytest.mark.slow  # whole quizzes in pseudo-terminals, and real processes for parity

ROWS, COLS = 24, 80
ENTER, DOWN, LEFT, CTRL_C = "\r", "\x1b[B", "\x1b[D", "\x03"
FAKE_PAGER = (
    "import sys, os; text = sys.stdin.read(); "
    "open(os.environ['PAGER_LOG'], 'w').write(text); print('[pager showed', text.count(chr(10)), 'lines]')"
)


class Screen:
    """mlpath in a pseudo-terminal, with the screen kept by a VT100 emulator."""

    def __init__(
        self, *args: str, home: Path, pager: str | None = "fake", rows: int = ROWS, cols: int = COLS, real: bool = False
    ) -> None:
        env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "PAGER", "LESS", "MANPAGER")}
        env.update(
            TERM="xterm", COLUMNS=str(cols), LINES=str(rows), MLPATH_HOME=str(home), PROMPT_TOOLKIT_NO_CPR="1",
            PAGER_LOG=str(home / "pager.log"),
        )  # fmt: skip
        if pager == "fake":
            env["MLPATH_PAGER"] = shlex.join([sys.executable, "-c", FAKE_PAGER])
        elif pager is None:
            env["MLPATH_PAGER"] = ""
        else:
            env["MLPATH_PAGER"] = pager
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.child: pexpect.spawn[bytes] | ForkedTerminal[bytes]
        if real:
            self.child = pexpect.spawn(
                sys.executable, ["-m", "mlpath", *args], env=env, dimensions=(rows, cols),
                preexec_fn=forked_tty.terminal_signals,
            )  # fmt: skip
        else:
            self.child = forked_tty.spawn(args, env, dimensions=(rows, cols))
        self.child.timeout = 15
        self.child.delaybeforesend = None  # every key waits for its screen instead

    @property
    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    def wait(self, *wanted: str, gone: tuple[str, ...] = (), timeout: float = 15) -> str:
        """Read output until every `wanted` text is on screen at once (and no `gone` text is)."""
        deadline = time.monotonic() + timeout
        while True:
            shown = self.text
            if all(w in shown for w in wanted) and not any(g in shown for g in gone):
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"not on screen: {wanted} (or still there: {gone})\n{shown}")
            try:
                self.stream.feed(self.child.read_nonblocking(65536, timeout=0.05))
                while True:  # the rest of what is written, before the screen is read again
                    self.stream.feed(self.child.read_nonblocking(65536, timeout=0.005))
            except pexpect.TIMEOUT:
                pass
            except pexpect.EOF:
                if not self.child.isalive() and all(w in self.text for w in wanted):
                    return self.text
                if not self.child.isalive():
                    raise AssertionError(f"ended before showing {wanted}\n{self.text}") from None

    def settled(self, quiet: float = 0.1) -> str:
        """The screen once the program has written nothing for `quiet` seconds."""
        while True:
            try:
                self.stream.feed(self.child.read_nonblocking(65536, timeout=quiet))
            except (pexpect.TIMEOUT, pexpect.EOF):
                return self.text

    def press(self, keys: str) -> None:
        self.child.send(keys)

    def answer(self, first: int, last: int, total: int = 17, keys: str = ENTER) -> None:
        for number in range(first, last + 1):
            self.wait(f"{number}/{total}")
            self.press(keys)

    def exit_code(self) -> int:
        self.child.expect(pexpect.EOF)
        before = self.child.before
        self.stream.feed(before if isinstance(before, bytes) else b"")
        self.child.close()
        assert self.child.exitstatus is not None, f"killed by signal {self.child.signalstatus}"
        return self.child.exitstatus


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path


def test_enter_throughout_ends_with_verdict_and_first_step_on_an_80x24_screen(home: Path) -> None:
    term = Screen("quiz", home=home)
    term.answer(1, 17)
    shown = term.wait("Verdict: mixed", "Grow your Python from scripts to programs", "Save this roadmap as your plan")
    assert "First steps (3 of" in shown and "Degree: 4 years" in shown and "Whole roadmap:" in shown
    assert "Should you become a machine learning engineer?" in shown  # the top of the summary has not scrolled off
    term.press("n")
    assert term.exit_code() == 0
    paged = (home / "pager.log").read_text()
    assert "The full roadmap" in paged and "Notes" in paged  # the whole roadmap went to the pager
    assert not (home / "quiz-resume.json").exists()  # a finished quiz leaves nothing to resume


def test_back_changes_an_earlier_answer_and_the_counter_follows(home: Path) -> None:
    answers = home / "answers.yaml"
    term = Screen("quiz", "--save-answers", str(answers), home=home)
    term.answer(1, 1)
    term.wait("2/17", "← back")
    term.press(DOWN + ENTER)  # programming: intermediate
    term.wait("3/17")
    term.press(LEFT)  # back to 2/17
    shown = term.wait("2/17", "» Intermediate", gone=("3/17",))  # the abandoned 3/17 is gone too
    assert shown.count("2/17") == 1
    term.press(DOWN + ENTER)  # now advanced
    term.answer(3, 17)
    term.wait("Save this roadmap as your plan")
    term.press("n")
    assert term.exit_code() == 0
    assert "programming: advanced" in answers.read_text()


def test_ctrl_c_keeps_the_answers_and_resume_asks_only_the_rest(home: Path) -> None:
    term = Screen("quiz", "--set", "goal=manager", home=home)
    term.answer(1, 3, total=16)
    term.wait("4/16")
    term.press(CTRL_C)
    shown = term.wait("Interrupted at 4/16; 3 answers kept. Go on with: mlpath quiz --resume")
    assert "Traceback" not in shown
    assert term.exit_code() == 130
    kept = json.loads((home / "quiz-resume.json").read_text())
    assert kept["given"] == {"goal": "manager"} and list(kept["answered"]) == ["education", "programming", "math"]
    assert not (home / "plan.yaml").exists()

    again = Screen("quiz", "--resume", "--save-answers", str(home / "a.yaml"), home=home)
    again.wait("4/16", "Going on with your quiz")
    assert "1/16" not in again.text and "3/16" not in again.text
    again.answer(4, 16, total=16)
    again.wait("Verdict:", "Save this roadmap as your plan")
    again.press("n")
    assert again.exit_code() == 0
    assert "goal: manager" in (home / "a.yaml").read_text()
    assert not (home / "quiz-resume.json").exists()


def test_resume_with_nothing_to_resume_says_so_and_exits_2(home: Path) -> None:
    result = forked.run(["quiz", "--resume"], {**os.environ, "MLPATH_HOME": str(home)}, stdin=Path(os.devnull))
    assert result.returncode == 2
    assert b"no interrupted quiz to resume" in result.stderr and result.stdout == b""


def test_a_closed_terminal_keeps_the_answers_and_exits_quietly(home: Path) -> None:
    term = Screen("quiz", home=home)
    term.answer(1, 2)
    term.wait("3/17")
    term.child.kill(1)  # SIGHUP, as when the terminal window closes
    assert term.exit_code() == 130
    assert list(json.loads((home / "quiz-resume.json").read_text())["answered"]) == ["education", "programming"]


def all_but_the_last() -> list[str]:
    """`--set` for every question's default but the last: the quiz asks one question and ends as
    after seventeen Enters (the tests of the ending that need no walk through the questions)."""
    from mlpath import answers as contract
    from mlpath.content.loader import load_content, packaged_data_dir

    questions = load_content(packaged_data_dir()).questions.questions
    defaults = contract.defaults(questions, contract.KEYS)
    shown = {key: ",".join(value) if isinstance(value, tuple) else str(value) for key, value in defaults.items()}
    return [arg for question in questions[:-1] for arg in ("--set", f"{question.key}={shown[question.key]}")]


@pytest.mark.skipif(shutil.which("less") is None, reason="less is not installed")
def test_the_real_less_pages_the_roadmap_and_q_returns_to_the_summary(home: Path) -> None:
    term = Screen("quiz", *all_but_the_last(), home=home, pager="less")
    term.answer(1, 1, total=1)
    term.wait("Verdict: mixed", "Grow your Python from scripts to programs", "The full roadmap")  # less, page 1
    term.press("q")
    term.wait("Save this roadmap as your plan", "Verdict: mixed")
    term.press("n")
    assert term.exit_code() == 0


def test_no_pager_prints_everything_and_ends_with_the_summary(home: Path) -> None:
    term = Screen("quiz", "--no-pager", *all_but_the_last(), home=home)
    term.answer(1, 1, total=1)
    shown = term.wait("Verdict: mixed", "First steps (3 of", "Save this roadmap as your plan")
    assert "Should you become a machine learning engineer?" in shown
    term.press("n")
    assert term.exit_code() == 0
    assert not (home / "pager.log").exists()


def test_at_40_columns_the_ending_keeps_the_verdict_and_the_first_step_whole(home: Path) -> None:
    term = Screen("quiz", *all_but_the_last(), home=home, cols=40)
    term.answer(1, 1, total=1)
    shown = term.wait("Verdict: mixed", "Save this roadmap")
    assert "Grow your Python from scripts to\n    programs" in shown  # wrapped on a word, hanging under itself
    term.press("n")
    assert term.exit_code() == 0


@pytest.mark.parametrize("cols", [30, 40])
def test_narrow_choices_wrap_on_words_and_hang_under_their_label(home: Path, cols: int) -> None:
    term = Screen("quiz", "--set", "education=none", home=home, cols=cols, rows=30)
    shown = term.wait("1/16", "Beginner", "Advanced")
    assert "Beginner (small scripts, tutorials)" in " ".join(shown.split())  # cut before: "Beginner (small scripts, tu"
    assert "Intermediate (I build working programs)" in " ".join(shown.split())
    term.answer(1, 5, total=16)
    shown = term.wait("6/16", "○ Natural language", "○ Data science")
    flowing = " ".join(shown.split())
    for label in ("Natural language processing", "Computer vision", "Reinforcement learning", "Data science"):
        assert f"○ {label}" in flowing
    assert "○ Natural language processing" in shown or "○ Natural language\n     processing" in shown  # hanging
    assert all(len(line) < cols for line in shown.splitlines())
    term.press("\x1b[A")  # up, from the first choice round to the last
    term.press(" " + ENTER)
    term.wait("7/16")
    term.press(CTRL_C)
    assert term.exit_code() == 130
    assert json.loads((home / "quiz-resume.json").read_text())["answered"]["interests"] == ["data-science"]


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


def expected_ending(answers: dict[str, str]) -> tuple[str, str]:
    """The verdict level and the first step's title of the roadmap for `answers` (the rest default)."""
    from mlpath import answers as contract
    from mlpath.content.loader import load_content, packaged_data_dir
    from mlpath.engine.roadmap import build_roadmap

    content = load_content(packaged_data_dir())
    raw = contract.parse_assignments([f"{key}={value}" for key, value in answers.items()])
    prepared, _ = contract.resolve(raw, content.questions.questions, use_defaults=True)
    built = build_roadmap(content, contract.build(prepared))
    assert built.verdict is not None
    return built.verdict.level, built.steps[0].title


def assert_whole_summary_on_screen(shown: str, level: str, first: str) -> None:
    lines = shown.splitlines()
    top = next(i for i, line in enumerate(lines) if line == "Should you become a machine learning engineer?")
    assert lines[top + 1].startswith("╭─ Verdict: ") or lines[top + 1].startswith("Verdict: "), shown
    assert f"Verdict: {level}" in shown and first in " ".join(shown.split()), shown
    bottom = next(i for i, line in enumerate(lines) if line.startswith("Whole roadmap"))
    assert top < bottom and lines[bottom + 1].startswith("? Save this roadmap as your plan"), shown
    assert all(len(line) <= COLS for line in lines)


@pytest.mark.parametrize("path", sorted(ENDINGS))
def test_every_ending_keeps_the_whole_summary_on_an_80x24_screen(home: Path, path: str) -> None:
    """The answers given with --set but the last, asked: the same ending as after 17 answers."""
    given = ENDINGS[path]
    sets = [arg for key, value in given.items() for arg in ("--set", f"{key}={value}")]
    term = Screen("quiz", *sets, home=home)
    total = 17 - len(given)
    term.answer(1, total, total=total, keys=DOWN + DOWN + ENTER if path == "all-high" else ENTER)
    term.wait("Save this roadmap as your plan")
    term.press("n")
    assert term.exit_code() == 0
    level, first = expected_ending({**given, "deadline_pressure": "5"} if path == "all-high" else given)
    assert_whole_summary_on_screen(term.text, level, first)


def test_the_reviewers_answers_end_with_the_verdict_the_steps_and_an_offer(home: Path) -> None:
    term = Screen("quiz", home=home)
    term.answer(1, 10)
    term.answer(11, 15, keys=DOWN + DOWN + ENTER)
    term.answer(16, 17, keys="\x1b[A\x1b[A" + ENTER)
    term.wait("Save this roadmap as your plan")
    term.press("n")
    assert term.exit_code() == 0
    shown = term.text
    assert_whole_summary_on_screen(shown, "mixed", "Grow your Python from scripts to programs")
    assert "Why: 5 strengths, 2 concerns" in shown
    assert "add --what-if study=part-time" in shown and "mlpath quiz --defaults --set" in shown


PARITY = {  # the command, then what is on screen before each key; the last key ends the run
    "answered, with a step back": (("quiz",), [
        ("1/17", ENTER), ("2/17", DOWN + ENTER), ("3/17", LEFT), ("2/17", DOWN + DOWN + ENTER),
        *((f"{number}/17", ENTER) for number in range(3, 18)), ("Save this roadmap as your plan", "n"),
    ]),
    "hung up": (("quiz",), [("1/17", ENTER), ("2/17", "SIGHUP")]),
    "ladder walk, SIGINT": (("ladder", "--walk"), [("Level 1 of 6", ENTER), ("Level 2 of 6", "SIGINT")]),
    # No prompt: Python's own SIGINT handling (a prompt handles the signal itself).
    "batch typed in, SIGINT": (
        ("quiz", "--batch", "--defaults"),
        [("", '{"goal": "manager"}\r'), ('the facts come from the article."}', "SIGINT")],  # the line, answered
    ),
}  # fmt: skip


@pytest.mark.parametrize("scenario", sorted(PARITY))
def test_a_forked_terminal_is_a_real_terminal(tmp_path: Path, scenario: str) -> None:
    """The forked terminals above stand for real processes: the same first and last screen
    before a key, the same screen at the end, exit code and files (but the content cache, which
    a fork finds loaded). The bytes between differ from run to run, as keys and renders
    interleave."""
    args, steps = PARITY[scenario]
    seen: dict[bool, list[object]] = {}
    for real in (True, False):
        home = tmp_path / str(real)
        home.mkdir()
        term = Screen(*args, home=home, real=real)
        screens = []
        for number, (shown, key) in enumerate(steps):
            term.wait(shown)
            if number in (0, len(steps) - 1):
                screens.append(term.settled())
            if key.startswith("SIG"):  # as the terminal sends it (a Ctrl-C outside a prompt, a closed window)
                term.child.kill(getattr(signal, key))
            else:
                term.press(key)
        code = term.exit_code()
        files = {path.name: path.read_text() for path in sorted(home.iterdir()) if path.name != "cache"}
        seen[real] = [code, files, *screens, term.text]
    assert seen[False] == seen[True]
