"""mlpath in a real pseudo-terminal, driven as a person would (conftest's `pty`): the ladder walk,
which takes the whole screen, and prompts that stay on the terminal when stdout is a file. The
quiz on a real terminal, and its interrupts: tests/test_quiz_pty.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CTRL_C, DOWN, ENTER, Spawn
from mlpath.content.load import load_content, packaged_data_dir

pytestmark = pytest.mark.slow  # real processes in pseudo-terminals

QUESTIONS = load_content(packaged_data_dir()).questions.questions


def test_the_ladder_walk_steps_through_levels_and_back(pty: Spawn) -> None:
    term = pty("ladder", "--walk")
    shown = term.wait("? Level 1 of 6", "» Next: Machine Learning Engineer")
    assert "Career ladder: level 1" in shown and "Back:" not in shown  # nothing before the first level
    assert "enter picks" in shown and "Use arrow keys" not in shown  # the quiz's words for the keys
    term.press(ENTER)  # Next
    shown = term.wait("? Level 2 of 6", "Back: Junior Machine Learning Engineer")
    assert "Career ladder: level 2" in shown and "Career ladder: level 1" not in shown  # one level at a time
    term.press(DOWN + ENTER)  # Back
    shown = term.wait("? Level 1 of 6", gone=("Career ladder: level 2",))
    term.press(DOWN + ENTER)  # Done
    assert term.exit_code() == 0
    assert "Traceback" not in term.text and term.line_mode() == (True, True)


def test_enter_walks_the_ladder_to_its_last_level_and_then_ends(pty: Spawn) -> None:
    term = pty("ladder", "--walk")
    term.wait("? Level 1 of 6")
    for level in range(2, 7):
        term.press(ENTER)
        shown = term.wait(f"? Level {level} of 6")
    assert "» Done" in shown and "» Back" not in shown  # at the top, Enter ends the walk
    term.press(ENTER)
    assert term.exit_code() == 0


def test_ctrl_c_in_the_ladder_walk_exits_130_with_the_terminal_restored(pty: Spawn) -> None:
    term = pty("ladder", "--walk")
    term.wait("? Level 1 of 6", "» Next: Machine Learning Engineer")
    assert term.screen.cursor.hidden
    term.press(CTRL_C)
    assert term.exit_code() == 130
    assert "Interrupted; nothing was saved." in term.text and "Traceback" not in term.text
    assert term.line_mode() == (True, True) and not term.screen.cursor.hidden


def test_prompts_stay_on_the_terminal_when_stdout_is_a_file(pty: Spawn, tmp_path: Path) -> None:
    out = tmp_path / "roadmap.json"
    defaults = {q.key: ",".join(q.default) if isinstance(q.default, tuple) else str(q.default) for q in QUESTIONS}
    sets = [arg for q in QUESTIONS[:-1] for arg in ("--set", f"{q.key}={defaults[q.key]}")]
    term = pty("quiz", "--json", *sets, stdout=out)  # mlpath quiz --json ... > roadmap.json
    shown = term.wait("1/1 How well do you cope with pressure to deliver fast?", "» 3) Fairly well")
    assert "16 answers given with --set or --answers, so not asked." in shown  # counted, not listed
    assert "1 question; Enter takes the answer shown, ← goes back, Ctrl-C keeps your" in shown
    term.press(ENTER)
    term.wait("Save the roadmap as your plan, to track your progress? (Y/n)")
    term.press("n")
    assert term.exit_code() == 0
    document = json.loads(out.read_text())
    assert document["verdict"]["level"] == "mixed" and document["answers"]["deadline_pressure"] == 3
    assert "{" not in term.text  # the roadmap went to the file, not to the screen
