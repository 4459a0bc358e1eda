"""Shell completion: commands, formats, ladder levels, answer keys and values, plan steps."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from conftest import Run
from mlpath.cli import app


def complete(words: str, shell: str = "bash") -> list[str]:
    parts = words.split(" ")
    env = {
        "_MLPATH_COMPLETE": f"complete_{shell}",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(parts) - 1),
        "_TYPER_COMPLETE_ARGS": words,
    }
    result = CliRunner().invoke(app, [], env=env, prog_name="mlpath")
    return result.stdout.split()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("mlpath sal", ["salary"]),
        ("mlpath ladder s", ["senior"]),
        ("mlpath ladder d", ["director"]),
        ("mlpath salary --format m", ["markdown"]),
        ("mlpath quiz --set go", ["goal="]),
        ("mlpath quiz --set goal=m", ["goal=manager"]),
        ("mlpath quiz --set interests=nlp,ro", ["interests=nlp,robotics"]),
        ("mlpath progress set sk", []),  # no saved plan: nothing to offer
    ],
)
def test_bash_completes(run: Run, words: str, expected: list[str]) -> None:
    assert complete(words) == expected


def test_plan_steps_complete_from_the_saved_plan(run: Run) -> None:
    run("quiz", "--defaults", "--save")
    assert complete("mlpath progress set lad") == ["ladder-junior", "ladder-engineer", "ladder-senior"]
    assert complete("mlpath progress set math d") == ["done"]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_every_shell_gets_a_script(shell: str) -> None:
    result = CliRunner().invoke(app, ["--show-completion", shell], prog_name="mlpath")
    assert result.exit_code == 0
    assert "_MLPATH_COMPLETE" in result.stdout
