"""mlpath in a pseudo-terminal, driven like a person would (forked: tests/forked_tty.py)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

import forked
import forked_tty
from forked_tty import ForkedTerminal

MLPATH = [sys.executable, "-m", "mlpath"]

pytestmark = pytest.mark.slow  # pseudo-terminals, and one new interpreter


def spawn(*args: str, tmp_path: Path, stdout: Path | None = None) -> ForkedTerminal[str]:
    # A pseudo-terminal never answers prompt_toolkit's cursor-position request; don't wait for it.
    env = {
        **os.environ,
        "COLUMNS": "100",
        "LINES": "40",
        "TERM": "xterm",
        "MLPATH_HOME": str(tmp_path),
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "MLPATH_PAGER": "",  # no pager: the whole roadmap is in the byte stream (tests/test_quiz_pty.py pages)
    }
    env.pop("NO_COLOR", None)
    return forked_tty.spawn(args, env, encoding="utf-8", timeout=20, dimensions=(40, 100), stdout=stdout)


def assert_interrupted(child: ForkedTerminal[str]) -> None:
    """Press Ctrl-C: mlpath says nothing was saved and exits 130, with no traceback."""
    child.sendintr()
    child.expect("Interrupted; nothing was saved.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in (child.before or "")


def test_enter_through_the_quiz_gives_a_verdict_and_a_roadmap(tmp_path: Path) -> None:
    child = spawn("quiz", tmp_path=tmp_path)
    for number in range(1, 18):
        child.expect(f"{number}/17")
        child.send("\r")
    child.expect("Verdict: mixed")
    child.expect("Your roadmap")
    child.expect("Save this roadmap as your plan")
    child.send("\r")  # yes, the default
    child.expect("Saved your plan to")
    child.expect("Replay these answers without the questions")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert (tmp_path / "plan.yaml").is_file()


def test_ctrl_c_in_the_quiz_exits_130_and_keeps_the_answers_for_resume(tmp_path: Path) -> None:
    child = spawn("quiz", "--save-answers", str(tmp_path / "a.yaml"), tmp_path=tmp_path)
    child.expect("1/17")
    child.send("\r")
    child.expect("2/17")
    child.sendintr()
    child.expect("Interrupted at 2/17; 1 answer kept. Go on with: mlpath quiz --resume")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in (child.before or "")
    assert not (tmp_path / "a.yaml").exists()
    assert (tmp_path / "quiz-resume.json").is_file() and not (tmp_path / "plan.yaml").exists()


def test_prompts_stay_on_the_terminal_when_stdout_is_a_file(tmp_path: Path) -> None:
    out = tmp_path / "roadmap.json"
    child = spawn("quiz", "--json", tmp_path=tmp_path, stdout=out)  # mlpath quiz --json > roadmap.json
    for number in range(1, 18):
        child.expect(f"{number}/17")
        child.send("\r")
    child.expect("Save this roadmap as your plan")
    child.send("n")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    document = json.loads(out.read_text())
    assert document["verdict"]["level"] == "mixed"


def test_ladder_walk_steps_through_levels(tmp_path: Path) -> None:
    child = spawn("ladder", "--walk", tmp_path=tmp_path)
    child.expect("Level 1 of 6")
    child.send("\r")  # Next
    child.expect("Level 2 of 6")
    child.send("\x1b[B\x1b[B\r")  # Next, Back, Done: pick Done
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_quiz_with_stdin_from_dev_null_does_not_hang(tmp_path: Path) -> None:
    result = forked.run(["quiz"], {**os.environ, "MLPATH_HOME": str(tmp_path)}, stdin=Path(os.devnull), timeout=20)
    assert result.returncode == 2
    assert b"--answers FILE" in result.stderr


def test_python_dash_m_and_console_script_agree() -> None:
    module = subprocess.run([*MLPATH, "--version"], capture_output=True, text=True, check=True).stdout
    assert module.startswith("mlpath ")


def test_ctrl_c_in_the_ladder_walk_exits_130(tmp_path: Path) -> None:
    child = spawn("ladder", "--walk", tmp_path=tmp_path)
    child.expect("Level 1 of 6")
    assert_interrupted(child)


def test_a_sigint_that_is_no_key_press_ends_the_question_as_ctrl_c_does(tmp_path: Path) -> None:
    """`kill -INT`, or Ctrl-C before the terminal is in raw mode: the same end as the key."""
    child = spawn("quiz", tmp_path=tmp_path)
    child.expect("1/17")
    child.send("\r")
    child.expect("2/17")
    child.kill(signal.SIGINT)
    child.expect("Interrupted at 2/17; 1 answer kept. Go on with: mlpath quiz --resume")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert list(json.loads((tmp_path / "quiz-resume.json").read_text())["answered"]) == ["education"]
