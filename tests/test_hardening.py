"""Adversarial input: whatever a user or a script throws at mlpath, a one-line error and the right code."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import forked
from conftest import Run, examples
from mlpath.cli.app import COMMAND_MODULES

MLPATH = [sys.executable, "-m", "mlpath"]
ANSI_COLOUR = re.compile(rb"\x1b\[(?:\d+;)*(?:3[0-79]|38;)")  # a foreground colour, e.g. \x1b[36m (not italic, 3m)


def bomb(levels: int = 10) -> str:
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]']
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ",".join([f"*a{level - 1}"] * 9) + "]")
    return "\n".join(lines) + f"\ninterests: *a{levels - 1}\n"


# Files -------------------------------------------------------------------------------------


def test_python_tags_in_answers_are_refused_and_never_run(run: Run, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    answers = tmp_path / "a.yaml"
    answers.write_text(f"education: !!python/object/apply:os.system ['touch {marker}']\n")
    result = run("quiz", "--answers", str(answers), "--defaults")
    assert result.exit_code == 2
    assert f"{answers}:1:" in result.stderr and "python/object/apply" in result.stderr
    assert not marker.exists()


def test_an_alias_bomb_in_answers_is_refused_before_it_is_built(tmp_path: Path) -> None:
    """Forked, so that a bomb that went off would take the child's memory and hit its timeout."""
    answers = tmp_path / "bomb.yaml"
    answers.write_text(bomb())
    result = forked.run(["quiz", "--answers", str(answers), "--defaults"], {**os.environ, "MLPATH_HOME": str(tmp_path)})
    assert result.returncode == 2
    assert b"refused: the document expands to more than 100,000 values" in result.stderr


def test_an_alias_bomb_in_content_is_refused(run: Run, content_dir: Path) -> None:
    (content_dir / "work_life.yaml").write_text(bomb().replace("interests:", "summary:"))
    result = run("--data-dir", str(content_dir), "work-life")
    assert result.exit_code == 3
    assert "work_life.yaml" in result.stderr and "expands to more than" in result.stderr


def test_very_large_files_are_refused(run: Run, tmp_path: Path, content_dir: Path) -> None:
    answers = tmp_path / "big.yaml"
    answers.write_text("# " + "x" * 10_000_001 + "\n")
    result = run("quiz", "--answers", str(answers))
    assert result.exit_code == 2 and "over 10,000,000 bytes" in result.stderr
    (content_dir / "salary.yaml").write_text("# " + "x" * 1_000_001 + "\n")
    result = run("--data-dir", str(content_dir), "salary")
    assert result.exit_code == 3 and "the limit is 1,000,000" in result.stderr


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        ("a.json", '{"education": "none",\n "goal": }\n', ":2:10: not valid JSON: Expecting value"),
        ("a.yaml", "education: none\n  bad: [\n", ":2:"),
        ("a.json", "[1, 2\n", ":2:1: not valid JSON"),
        ("a.yaml", "education: none\n\tgoal: manager\n", ":2:1: not valid YAML or JSON"),
    ],
)
def test_malformed_answers_name_line_and_column(run: Run, tmp_path: Path, name: str, text: str, where: str) -> None:
    answers = tmp_path / name
    answers.write_text(text)
    result = run("quiz", "--answers", str(answers))
    assert result.exit_code == 2
    assert f"{answers}{where}" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("document", ["[1, 2]", "just words", "42"])
def test_answers_that_are_not_a_mapping(run: Run, document: str) -> None:
    result = run("quiz", "--answers", "-", "--defaults", input=document)
    assert result.exit_code == 2
    assert "answers must be a mapping" in result.stderr


def test_a_directory_or_a_missing_file_where_a_file_is_expected(run: Run, tmp_path: Path, content_dir: Path) -> None:
    assert "is a directory" in run("quiz", "--answers", str(tmp_path)).stderr
    (content_dir / "ladder.yaml").unlink()
    (content_dir / "ladder.yaml").mkdir()
    result = run("--data-dir", str(content_dir), "ladder")
    assert result.exit_code == 3 and "is a directory, expected a YAML file" in result.stderr


def test_unwritable_save_answers_keeps_the_earlier_file(run: Run, tmp_path: Path) -> None:
    result = run("quiz", "--defaults", "--save-answers", str(tmp_path / "no" / "such" / "dir.yaml"))
    assert result.exit_code == 1
    assert "cannot write answers to" in result.stderr
    earlier = tmp_path / "answers.yaml"
    earlier.write_text("earlier")
    result = run("quiz", "--defaults", "--set", "goal=boss", "--save-answers", str(earlier))
    assert result.exit_code == 2 and earlier.read_text() == "earlier"


# No terminal -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "says"),
    [(["quiz"], "--answers FILE"), (["ladder", "--walk"], "mlpath ladder LEVEL"), (["progress", "reset"], "--yes")],
)
def test_no_terminal_never_hangs_and_names_the_flags(args: list[str], says: str, tmp_path: Path) -> None:
    env = {**os.environ, "MLPATH_HOME": str(tmp_path)}
    assert forked.run(["quiz", "--defaults", "--save"], env).returncode == 0
    for stdin in (Path(os.devnull), b""):  # /dev/null, and a pipe closed at once
        result = forked.run(args, env, stdin=stdin, timeout=20)
        assert result.returncode == 2
        stderr = result.stderr.decode()
        assert says in stderr and "Traceback" not in stderr


# Pipes and interrupts ----------------------------------------------------------------------


@pytest.mark.slow
def test_ctrl_c_during_batch_exits_130_without_a_traceback() -> None:
    process = subprocess.Popen(
        [*MLPATH, "quiz", "--batch", "--defaults"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write('{"goal": "manager"}\n')
    process.stdin.flush()
    first = process.stdout.readline()
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=20)
    assert process.returncode == 130
    assert json.loads(first)["steps"][-1]["id"] == "ladder-manager"
    assert "Traceback" not in stderr and "nothing was saved" in stderr


# Terminals ---------------------------------------------------------------------------------


def mlpath(args: list[str], env: dict[str, str]) -> forked.Completed:
    """A forked run where the environment allows one, else a new process (locale, encoding, colour)."""
    if forked.refused(env):
        done = subprocess.run([*MLPATH, *args], env=env, capture_output=True, timeout=60, check=False)
        return forked.Completed(done.returncode, done.stdout, done.stderr)
    return forked.run(args, env)


def terminal(env: dict[str, str]) -> dict[str, str]:
    full = {**os.environ, **env}
    full.pop("FORCE_COLOR", None) if "FORCE_COLOR" not in env else None
    return full


def process(env: dict[str, str]) -> object:
    """`env` as a parameter, marked slow when it needs a real process."""
    return pytest.param(env, marks=pytest.mark.slow) if forked.refused(terminal(env)) else env


@pytest.mark.parametrize(
    "env",
    [
        process({"NO_COLOR": "1", "FORCE_COLOR": "1"}),
        process({"TERM": "dumb"}),
        process({"COLUMNS": "30"}),
        process({"LANG": "C", "LC_ALL": "C"}),
        process({"PYTHONIOENCODING": "ascii"}),
        process({"PYTHONIOENCODING": "latin-1", "COLUMNS": "30"}),
    ],
)
@pytest.mark.parametrize("command", ["salary", "ladder senior", "education --masters", "roadmap", "skills"])
def test_odd_terminals_get_readable_output(env: dict[str, str], command: str) -> None:
    result = mlpath([*command.split(), "--format", "table"], terminal(env))
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr and result.stdout.strip()
    if "NO_COLOR" in env:
        assert not ANSI_COLOUR.search(result.stdout)


@pytest.mark.slow
def test_force_color_colours_piped_table_output() -> None:
    env = {**os.environ, "FORCE_COLOR": "1"}
    env.pop("NO_COLOR", None)
    result = subprocess.run([*MLPATH, "ladder", "--format", "table"], env=env, capture_output=True, check=True)
    assert ANSI_COLOUR.search(result.stdout)


def test_thirty_columns_keeps_lines_within_the_width() -> None:
    env = {**os.environ, "COLUMNS": "30"}
    result = forked.run(["roadmap", "--format", "table"], env)
    assert result.returncode == 0, result.stderr
    assert max(len(line.rstrip()) for line in result.stdout.decode().splitlines()) <= 30


# Unknown input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "suggestion"),
    [
        (["ladr"], "ladder"),
        (["salary", "--jsn"], "--json"),
        (["progress", "sett"], "set"),
        (["education", "--residency", "instate"], "in-state"),
    ],
)
def test_unknown_commands_options_and_values_suggest(run: Run, args: list[str], suggestion: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert suggestion in result.stderr


def test_an_internal_error_is_one_line_asking_for_a_report(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    from mlpath.views import salary as salary_views

    def broken(*args: object) -> None:
        hidden = "local value"  # noqa: F841 - a local that must never be shown
        raise RuntimeError("boom")

    monkeypatch.setattr(salary_views, "salary", broken)
    result = run("salary")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: internal error (RuntimeError: boom). This is a bug in mlpath")
    assert "local value" not in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


# Fuzzing -----------------------------------------------------------------------------------

WORDS = [
    *COMMAND_MODULES, "path", "check", "set", "reset", "--json", "--format", "json", "yaml", "plain", "markdown",
    "table", "--compare", "75000", "-5", "1e9", "--residency", "in-state", "out-of-state", "--masters", "--walk",
    "--defaults", "--set", "goal=manager", "interests=nlp,robotics", "math=", "=", "--answers", "-", "missing.yaml",
    "--questions", "--batch", "--save", "--yes", "--output", "out.md", "/no/such/dir/x.json", "--save-answers",
    "saved.yaml", "--data-dir", ".", "--version", "--help", "senior", "7", "done", "programming", "", "\x00",
    "ünïcode", "--", "-x",
]  # fmt: skip


@pytest.mark.slow
@settings(max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=7), st.text(max_size=40))
def test_no_command_line_escapes_as_a_traceback(run: Run, argv: list[str], stdin: str) -> None:
    from typer.testing import CliRunner

    from mlpath.cli import app

    with tempfile.TemporaryDirectory() as scratch:
        cwd = Path.cwd()
        os.chdir(scratch)
        try:
            result = CliRunner().invoke(app, argv, input=stdin, catch_exceptions=True, env={"MLPATH_HOME": scratch})
        finally:
            os.chdir(cwd)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1, 2, 3)
    assert "Traceback" not in result.output


answer_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=12)),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
answer_keys = st.one_of(st.sampled_from(["education", "interests", "goal", "resilience", "math"]), st.text(max_size=10))


@pytest.mark.slow
@settings(max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.dictionaries(answer_keys, answer_values, max_size=6).map(json.dumps), st.text(max_size=200)))
def test_any_answers_document_gives_a_roadmap_or_a_one_line_error(run: Run, document: str) -> None:
    result = run("quiz", "--answers", "-", "--defaults", "--json", input=document)
    assert result.exit_code in (0, 2), result.stderr
    if result.exit_code == 2:
        assert result.stderr.startswith("Error: ") and len(result.stderr.strip().splitlines()) == 1
    else:
        assert json.loads(result.stdout)["steps"]
