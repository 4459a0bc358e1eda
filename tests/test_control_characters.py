"""What reaches the terminal: text from content files cannot drive it with control characters."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Run

HOSTILE = "\x1b[2J\x1b]0;pwned\x07\x9b31m\u202eevil\x07\x00\r"


def test_control_characters_are_stripped_for_display() -> None:
    from mlpath.text import shown

    assert shown(f"Entry{HOSTILE} level\tand\nmore") == "Entryevil level\tand\nmore"
    assert shown("plain × text ✓ 👩\u200d💻") == "plain × text ✓ 👩\u200d💻"  # joiners and symbols stay


def hostile_content(content_dir: Path) -> None:
    lines = (
        ("ladder.yaml", "summary: Entry level. You learn on the job and work under supervision."),
        ("salary.yaml", "name: Entry level"),
    )
    for name, old in lines:
        path = content_dir / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        # Double-quoted YAML: \e is ESC, \x9b the one-character CSI, \u202e a right-to-left override.
        key, value = old.split(": ", 1)
        path.write_text(text.replace(old, f'{key}: "{value} \\e[2J\\x9b31m\\u202e\\e]0;title\\a"', 1), encoding="utf-8")


@pytest.mark.parametrize("fmt", ["table", "plain", "markdown", "csv"])
@pytest.mark.parametrize("command", [["ladder"], ["ladder", "1"], ["salary"]])
def test_content_cannot_drive_the_terminal(run: Run, content_dir: Path, command: list[str], fmt: str) -> None:
    hostile_content(content_dir)
    assert run("data", "check", str(content_dir)).exit_code == 0
    if fmt == "csv" and command == ["ladder", "1"]:
        return
    result = run("--data-dir", str(content_dir), *command, "--format", fmt, env={"FORCE_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    for bad in ("\x1b[2J", "\x9b", "\u202e", "\x1b]0;", "\x07"):
        assert bad not in result.stdout
    assert "Entry level" in result.stdout


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_data_formats_carry_the_content_exactly(run: Run, content_dir: Path, fmt: str) -> None:
    hostile_content(content_dir)
    result = run("--data-dir", str(content_dir), "salary", "--format", fmt)
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout  # escaped by the encoder, not stripped
    assert "\\e[2J" in result.stdout if fmt == "yaml" else "\\u001b[2J" in result.stdout


def test_a_content_problem_cannot_drive_the_terminal(run: Run, content_dir: Path) -> None:
    path = content_dir / "skills.yaml"
    path.write_text(path.read_text().replace("languages:", '"lang\\e[2J": 5\n      languages:', 1))
    result = run("--data-dir", str(content_dir), "skills")
    assert result.exit_code == 3 and "lang[2J" not in result.stderr and "\x1b" not in result.stderr
    assert "tools.lang" in result.stderr
