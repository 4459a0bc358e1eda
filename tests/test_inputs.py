"""Every input is read with a bound: special files are refused at once, never read or waited on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import pytest

from conftest import Run, within
from mlpath.engine.search import MAX_QUERY

MLPATH = [sys.executable, "-m", "mlpath"]
DEVICES = ["/dev/zero", "/dev/urandom", "/dev/null"]


def special(tmp_path: Path, kind: str) -> Path:
    """A path that is `kind`: a FIFO with no writer, or a symlink to a device."""
    path = tmp_path / f"special-{kind.strip('/').replace('/', '-')}"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to(kind)
    return path


# Content files under --data-dir --------------------------------------------------------------


@pytest.mark.parametrize("kind", ["fifo", *DEVICES, "/dev/stdin"])
def test_a_content_file_that_is_not_a_file_is_a_content_error(run: Run, content_dir: Path, kind: str) -> None:
    target = content_dir / "salary.yaml"
    target.unlink()
    if kind == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to(kind)
    with within(20):
        result = run("--data-dir", str(content_dir), "salary")
    assert result.exit_code == 3
    assert f"{target}: " in result.stderr and ("a pipe (FIFO)" in result.stderr or "a device" in result.stderr)
    assert "Traceback" not in result.stderr


def test_data_check_names_a_fifo_in_the_content_directory(run: Run, content_dir: Path) -> None:
    target = content_dir / "ladder.yaml"
    target.unlink()
    os.mkfifo(target)
    with within(20):
        result = run("data", "check", str(content_dir), "--json")
    assert result.exit_code == 3 and '"valid":false' in result.stdout
    assert "ladder.yaml" in result.stdout and "a pipe (FIFO)" in result.stdout


def test_a_content_file_through_a_symlink_to_a_regular_file_is_read(
    run: Run, content_dir: Path, tmp_path: Path
) -> None:
    moved = tmp_path / "elsewhere.yaml"
    (content_dir / "salary.yaml").rename(moved)
    (content_dir / "salary.yaml").symlink_to(moved)
    assert run("--data-dir", str(content_dir), "salary", "--json").exit_code == 0


def test_a_content_directory_that_is_a_fifo(run: Run, tmp_path: Path) -> None:
    fifo = special(tmp_path, "fifo")
    with within(20):
        result = run("--data-dir", str(fifo), "salary")
    assert result.exit_code == 3 and "is not a directory" in result.stderr


# --answers -----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["/dev/zero", "/dev/urandom"])  # /dev/null may be the run's stdin
def test_answers_that_are_a_device_are_refused_at_once(run: Run, tmp_path: Path, kind: str) -> None:
    path = special(tmp_path, kind)
    with within(20):
        result = run("roadmap", "--answers", str(path), "--json")
    assert result.exit_code == 2
    assert result.stderr == f"Error: answers file '{path}' is a device; give a file, or - for stdin\n"


def test_answers_through_a_pipe_are_read(run: Run, piped: Callable[[bytes], str]) -> None:
    result = run("roadmap", "--answers", piped(b"programming: none\n"), "--defaults", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["answers"]["programming"] == "none"


def test_answers_from_a_fifo_with_no_writer_are_empty_at_once(run: Run, tmp_path: Path) -> None:
    with within(20):
        result = run("roadmap", "--answers", str(special(tmp_path, "fifo")), "--defaults", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["tailored"] is True


def mlpath(*args: str, stdin: IO[Any] | bytes, home: Path) -> subprocess.CompletedProcess[str]:
    """`mlpath ARGS` as a real process with `stdin` (an open file, or bytes through a pipe)."""
    env = {"PATH": os.environ.get("PATH", os.defpath), "MLPATH_HOME": str(home)}
    fed = {"input": stdin} if isinstance(stdin, bytes) else {"stdin": stdin}
    done = subprocess.run([*MLPATH, *args], capture_output=True, env=env, timeout=60, check=False, **fed)
    stdout, stderr = (output.decode(errors="replace") for output in (done.stdout, done.stderr))
    return subprocess.CompletedProcess(args, done.returncode, stdout, stderr)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["/dev/stdin", "link"])
def test_answers_from_dev_stdin_or_a_link_to_it_read_stdin(tmp_path: Path, name: str) -> None:
    """A real process: /dev/stdin names the process's own descriptor 0, here a pipe."""
    path = name
    if name == "link":
        (tmp_path / "link").symlink_to("/dev/stdin")
        path = str(tmp_path / "link")
    result = mlpath("roadmap", "--answers", path, "--defaults", "--json", stdin=b"programming: none\n", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert '"programming":"none"' in result.stdout


@pytest.mark.slow
def test_endless_stdin_is_cut_at_the_limit(tmp_path: Path) -> None:
    """`mlpath roadmap --answers - < /dev/zero`: read up to the limit, then refused (never
    unbounded: a run that read on would fail by its timeout)."""
    with Path("/dev/zero").open("rb") as endless:
        result = mlpath("roadmap", "--answers", "-", "--json", stdin=endless, home=tmp_path)
    assert result.returncode == 2 and "over 1,000,000 bytes" in result.stderr
    assert result.stdout == ""


# search --------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["", " ", "\t  "])
def test_an_empty_search_is_a_usage_error(run: Run, query: str) -> None:
    result = run("search", query)
    assert result.exit_code == 2 and "search needs a word to find" in result.stderr
    assert result.stdout == ""


def test_a_huge_search_query_is_refused_and_never_echoed(run: Run) -> None:
    query = "pytorch " * 12_800  # 100 KB
    result = run("search", query)
    assert result.exit_code == 2 and result.stdout == ""
    assert f"the limit is {MAX_QUERY}" in result.stderr and len(result.stderr) < 200


def test_the_longest_query_allowed_is_answered(run: Run) -> None:
    query = " ".join(f"word{n}" for n in range(40))[:MAX_QUERY]
    result = run("search", query, "--json")
    assert result.exit_code == 0 and '"count":0' in result.stdout
    assert len(result.stderr) < MAX_QUERY + 200


@pytest.mark.parametrize("query", ["\x1b[31mred", "py\x00torch", "a\u202eb", "line\nbreak"])
def test_control_characters_in_a_query_are_refused(run: Run, query: str) -> None:
    result = run("search", query)
    assert result.exit_code == 2 and "control character" in result.stderr
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr


@pytest.mark.slow
def test_a_query_that_is_not_utf8_is_searched_not_a_crash(tmp_path: Path) -> None:
    """`mlpath search $'\\xff'`: a real process, whose argv Python decodes (the byte as a lone surrogate)."""
    result = mlpath("search", "\udcff", stdin=b"", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        "No match for '\ufffd'; try fewer or shorter words (a single letter finds only itself, as a word)\n"
    )  # the byte shown as the replacement character, one letter
    assert result.stdout == "query\t\ufffd\ncount\t0\n"


# Duplicate keys ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "says"),
    [
        ("a.yaml", "goal: manager\nprogramming: none\ngoal: director\n", "a.yaml:3:1: the key 'goal' is given twice"),
        ("a.yml", "interests: [nlp]\n'interests': [robotics]\n", "a.yml:2:1: the key 'interests' is given twice"),
        ("a.json", '{"goal": "manager",\n "goal": "director"}', "a.json: the key 'goal' is given twice"),
        ("a.txt", '{"id": {"x": 1, "x": 2}, "goal": "manager"}', "a.txt: the key 'x' is given twice"),
    ],
)
def test_a_key_given_twice_in_an_answers_file_is_an_error(
    run: Run, tmp_path: Path, name: str, text: str, says: str
) -> None:
    (tmp_path / name).write_text(text)
    result = run("roadmap", "--answers", str(tmp_path / name), "--defaults", "--json")
    assert result.exit_code == 2 and says in result.stderr and "give each answer once" in result.stderr
    assert result.stdout == ""


def test_a_key_given_twice_on_stdin_is_an_error(run: Run) -> None:
    result = run("roadmap", "--answers", "-", "--defaults", input='{"goal": "manager", "goal": "director"}')
    assert result.exit_code == 2 and "stdin: the key 'goal' is given twice" in result.stderr


def test_keys_that_only_look_alike_are_not_duplicates(run: Run, tmp_path: Path) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("goal: manager\nx:\n  1: one\n  '1': the string one\n")
    result = run("roadmap", "--answers", str(answers), "--defaults")
    assert "given twice" not in result.stderr  # 'x' is an unknown key: that is the error
    assert result.exit_code == 2 and "unknown answer key 'x'" in result.stderr


def test_a_key_given_twice_in_content_is_a_content_error(run: Run, content_dir: Path) -> None:
    path = content_dir / "work_life.yaml"
    path.write_text(path.read_text() + "summary: again\n")
    result = run("--data-dir", str(content_dir), "work-life")
    assert result.exit_code == 3 and f"{path}:" in result.stderr and "the key 'summary' is given twice" in result.stderr


# Long arguments are never echoed whole -----------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("ladder", "x" * 100_000),
        ("schema", "x" * 100_000),
        ("roadmap", "--defaults", "--what-if", "x" * 100_000),
        ("quiz", "--defaults", "--set", "x" * 100_000),
    ],
)
def test_a_huge_argument_is_not_echoed_whole(run: Run, args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == 2 and len(result.stderr) < 400


def test_a_huge_step_is_not_echoed_whole(run: Run) -> None:
    assert run("quiz", "--defaults", "--save").exit_code == 0
    result = run("progress", "set", "x" * 100_000, "done")
    assert result.exit_code == 2 and "100,000 characters long" in result.stderr and len(result.stderr) < 400


def test_json_answers_nested_too_deep_are_refused(run: Run, tmp_path: Path) -> None:
    answers = tmp_path / "deep.json"
    answers.write_text('{"goal": ' + "[" * 100_000 + "]" * 100_000 + "}")
    result = run("roadmap", "--answers", str(answers), "--defaults")
    assert result.exit_code == 2 and "nested too deep" in result.stderr


# The unfinished quiz ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero", "deep"])
def test_an_odd_resume_file_is_refused_at_once(run: Run, tmp_path: Path, kind: str) -> None:
    home = tmp_path / "home"
    home.mkdir()
    path = home / "quiz-resume.json"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "deep":
        path.write_text("[" * 50_000 + "]" * 50_000)
    else:
        path.symlink_to(kind)
    with within(20):
        result = run("quiz", "--resume", "--defaults")
    assert result.exit_code == 2 and "the unfinished quiz in" in result.stderr and "cannot be used" in result.stderr


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--data-dir", "d" * 5000, "salary"], 3),  # a name the system refuses as too long
        (["data", "check", "d" * 5000], 3),
        (["roadmap", "--answers", "a" * 5000], 2),
        (["roadmap", "--defaults", "-o", "o" * 5000], 1),
        (["roadmap", "--answers", "a\0b"], 2),
        (["roadmap", "--defaults", "-o", "o\0b"], 1),
    ],
)
def test_impossible_file_names_are_one_short_line_never_an_internal_error(run: Run, args: list[str], code: int) -> None:
    result = run(*args)
    assert result.exit_code == code, result.stderr
    assert "internal error" not in result.stderr
    assert result.stderr.startswith("Error: ") and all(len(line) < 400 for line in result.stderr.splitlines())
