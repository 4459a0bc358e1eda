"""Adversarial input: whatever a user or a script throws at mlpath, a one-line error and the right code."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Run, examples, within
from mlpath.cli.application import COMMAND_MODULES

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


EXPANDS = "the document expands to far more than it holds (too many aliases or items)"
REFUSED = f"refused: {EXPANDS}"


def test_an_alias_bomb_in_answers_is_refused_before_it_is_built(run: Run, tmp_path: Path) -> None:
    answers = tmp_path / "bomb.yaml"
    answers.write_text(bomb())  # a billion values from a dozen lines
    with within(60):  # a bomb that went off would not end
        result = run("quiz", "--answers", str(answers), "--defaults")
    assert result.exit_code == 2
    assert result.stderr == f"Error: {answers}: {REFUSED}\n"


def test_a_long_value_aliased_many_times_is_refused(run: Run, tmp_path: Path) -> None:
    """Few values, but far more characters than the file holds."""
    answers = tmp_path / "long.yaml"
    answers.write_text('note: &long "' + "x" * 5000 + '"\ninterests: [' + ", ".join(["*long"] * 200) + "]\n")
    result = run("quiz", "--answers", str(answers), "--defaults")
    assert result.exit_code == 2 and REFUSED in result.stderr


def test_an_alias_bomb_in_content_is_refused(run: Run, content_dir: Path) -> None:
    (content_dir / "work_life.yaml").write_text(bomb().replace("interests:", "summary:"))
    result = run("--data-dir", str(content_dir), "work-life")
    assert result.exit_code == 3
    assert f"work_life.yaml: {EXPANDS}" in result.stderr


def test_very_large_files_are_refused(run: Run, tmp_path: Path, content_dir: Path) -> None:
    answers = tmp_path / "big.yaml"
    answers.write_text("# " + "x" * 10_000_001 + "\n")
    result = run("quiz", "--answers", str(answers))
    assert result.exit_code == 2 and "over 1,000,000 bytes" in result.stderr
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
def test_no_terminal_never_hangs_and_names_the_flags(run: Run, args: list[str], says: str) -> None:
    assert run("quiz", "--defaults", "--save").exit_code == 0
    with within(30):
        result = run(*args, input="")  # stdin is not a terminal: nothing to ask, nothing to wait for
    assert result.exit_code == 2
    assert says in result.stderr and "Traceback" not in result.stderr
    assert (Path(os.environ["MLPATH_HOME"]) / "plan.yaml").exists()  # `progress reset` did not go ahead


# Pipes and interrupts ----------------------------------------------------------------------


def environment(tmp_path: Path, **settings: str) -> dict[str, str]:
    """A real process's whole environment."""
    return {"PATH": os.environ.get("PATH", os.defpath), "MLPATH_HOME": str(tmp_path / "home"), **settings}


@pytest.mark.slow
@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP", "SIGUSR1", "SIGALRM"])
def test_a_kill_during_batch_ends_as_ctrl_c_and_leaves_no_temporary_file(tmp_path: Path, name: str) -> None:
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen(
        [*MLPATH, "quiz", "--batch", "--defaults", "--output", str(out)],
        stdin=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment(tmp_path),
    )  # fmt: skip
    assert process.stdin is not None
    process.stdin.write('{"goal": "manager"}\n' * 100)
    process.stdin.flush()  # stdin stays open: mlpath waits for more lines, its output under way
    try:
        with within(60):  # the output under way: roadmaps in the temporary file (a kill as the file is
            # made: test_outputs.py's test_a_kill_as_the_temporary_file_is_made_leaves_none_behind)
            while not any(name.name.endswith(".tmp") and name.stat().st_size for name in tmp_path.iterdir()):
                time.sleep(0.01)
        process.send_signal(getattr(signal, name))
        _, stderr = process.communicate(timeout=60)
    finally:
        process.kill()
        process.wait()
    assert process.returncode == 130
    assert "Traceback" not in stderr and "nothing was saved" in stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["home"]  # no temporary file, no output


@pytest.mark.slow
def test_ctrl_c_during_batch_exits_130_without_a_traceback(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [*MLPATH, "quiz", "--batch", "--defaults"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment(tmp_path),
    )  # fmt: skip
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


@pytest.mark.parametrize(
    "env", [{"NO_COLOR": "1", "FORCE_COLOR": "1"}, {"TERM": "dumb"}, {"COLUMNS": "30"}], ids=lambda env: " ".join(env)
)
@pytest.mark.parametrize("command", ["salary", "ladder senior", "education --masters", "roadmap", "skills"])
def test_odd_terminals_get_readable_output(run: Run, env: dict[str, str], command: str) -> None:
    result = run(*command.split(), "--format", "table", env=env)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() and result.stderr == ""
    if "NO_COLOR" in env:
        assert not ANSI_COLOUR.search(result.stdout_bytes)


WARNING = (
    "Warning: stdout's encoding (ascii) cannot show some characters; they appear as '?'. "
    "Use a UTF-8 locale or PYTHONIOENCODING=utf-8, or --json, which escapes them.\n"
)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("settings", "command", "warning"),
    [
        ("LANG=C LC_ALL=C", "roadmap", ""),  # Python takes UTF-8 in the C locale
        ("PYTHONIOENCODING=ascii", "education --masters", WARNING),
        ("PYTHONIOENCODING=latin-1 COLUMNS=30", "roadmap", ""),  # lines and bullets drawn in ASCII
    ],
)
def test_odd_encodings_get_readable_output_and_one_warning(
    tmp_path: Path, settings: str, command: str, warning: str
) -> None:
    """Real processes: the interpreter picks stdout's encoding from the locale when it starts."""
    env = environment(tmp_path, **dict(word.split("=") for word in settings.split()))
    result = subprocess.run(
        [*MLPATH, *command.split(), "--format", "table"], env=env, capture_output=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.decode() == warning  # the warning once, however many characters it cannot show
    text = result.stdout.decode(env.get("PYTHONIOENCODING", "utf-8"))
    assert "Education" in text or "Foundations" in text
    width = int(env.get("COLUMNS", "80"))
    assert max(len(line.rstrip()) for line in text.splitlines()) <= width


def test_force_color_colours_piped_table_output(run: Run) -> None:
    result = run("ladder", "--format", "table", env={"FORCE_COLOR": "1"})
    assert ANSI_COLOUR.search(result.stdout_bytes)
    assert not ANSI_COLOUR.search(run("ladder", "--format", "table").stdout_bytes)


def test_thirty_columns_keeps_lines_within_the_width(run: Run) -> None:
    result = run("roadmap", "--format", "table", env={"COLUMNS": "30"})
    assert result.exit_code == 0, result.stderr
    assert max(len(line.rstrip()) for line in result.stdout.splitlines()) <= 30


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
    from mlpath.output import views

    def broken(*args: object) -> None:
        hidden = "local value"  # noqa: F841 - a local that must never be shown
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "salary", broken)
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

    from mlpath.cli import commands

    with tempfile.TemporaryDirectory() as scratch:
        cwd = Path.cwd()
        os.chdir(scratch)
        try:
            env = {"MLPATH_HOME": scratch}
            result = CliRunner().invoke(commands(argv), argv, input=stdin, catch_exceptions=True, env=env)
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
