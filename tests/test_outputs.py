"""Outputs never destroy what they should not: -o, --save-answers and the plan are checked
together before anything is written, written atomically, through symlinks, with the umask."""

from __future__ import annotations

import os
import shlex
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from conftest import CTRL_C, Run, Spawn, within
from mlpath.io import files

ALL_BUT_ONE = {  # every answer but deadline_pressure: the quiz asks one question
    "education": "none", "programming": "beginner", "math": "fair", "path": "undecided", "residency": "in-state",
    "study": "full-time", "interests": [], "industries": [], "goal": "individual-contributor",
    "remote_work": "nice-to-have", "complex_problems": 3, "new_tech": 3, "continuous_learning": 3,
    "analytical": 3, "resilience": 3, "data_cleaning": 3,
}  # fmt: skip


def home() -> Path:
    return Path(os.environ["MLPATH_HOME"])


def nothing_written(*paths: Path) -> None:
    for path in paths:
        assert not path.exists(), path
    assert not (home() / "plan.yaml").exists()


@pytest.fixture
def umask() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


# What -o and --save-answers refuse -------------------------------------------------------------


@pytest.mark.parametrize("flag", ["-o", "--save-answers"])
@pytest.mark.parametrize("kind", ["fifo", "directory", "link to /dev/null", "read-only"])
def test_what_must_not_be_replaced_is_refused_before_anything_is_written(
    run: Run, tmp_path: Path, flag: str, kind: str
) -> None:
    target = tmp_path / "target"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "directory":
        target.mkdir()
    elif kind == "read-only":
        target.write_text("precious\n")
        target.chmod(0o444)
    else:
        target.symlink_to("/dev/null")
    other = tmp_path / ("answers.yaml" if flag == "-o" else "roadmap.md")
    other_flag = "--save-answers" if flag == "-o" else "-o"
    with within(30):
        result = run("quiz", "--defaults", "--save", flag, str(target), other_flag, str(other))
    assert result.exit_code == 1 and result.stderr.startswith("Error: cannot write")
    assert len(result.stderr.splitlines()) == 1
    nothing_written(other)
    if kind == "fifo":
        assert stat.S_ISFIFO(target.lstat().st_mode)
    elif kind == "directory":
        assert target.is_dir() and not any(target.iterdir())
    elif kind == "read-only":
        assert target.read_text() == "precious\n"
    else:
        assert target.is_symlink() and str(target.readlink()) == "/dev/null"


def test_a_missing_directory_is_refused_before_the_plan_is_saved(run: Run, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    result = run("quiz", "--defaults", "--save", "--save-answers", str(answers), "-o", str(tmp_path / "no" / "r.md"))
    assert result.exit_code == 1 and "does not exist" in result.stderr
    nothing_written(answers)


def test_a_file_where_the_path_needs_a_directory_is_named(run: Run, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("precious\n")
    result = run("roadmap", "--defaults", "-o", str(tmp_path / "notes.txt" / "r.md"))
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: cannot write the roadmap to '{tmp_path}/notes.txt/r.md': '{tmp_path}/notes.txt' is not a directory\n",
    )


@pytest.mark.parametrize("flag", ["-o", "--save-answers"])
def test_the_answers_file_itself_is_refused(run: Run, tmp_path: Path, flag: str) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("programming: none\n")
    link = tmp_path / "link.yaml"
    link.symlink_to(answers)
    for name in (answers, link):
        result = run("quiz", "--answers", str(answers), "--defaults", "--save", flag, str(name))
        assert result.exit_code == 1 and "it is a file this run reads" in result.stderr
    assert answers.read_text() == "programming: none\n"
    assert not (home() / "plan.yaml").exists()
    assert run("roadmap", "--answers", str(answers), "--defaults", "-o", str(link)).exit_code == 1


def test_o_and_save_answers_naming_one_file_are_refused(run: Run, tmp_path: Path) -> None:
    first = tmp_path / "same.yaml"
    link = tmp_path / "alias.yaml"
    link.symlink_to(first)
    for other in (first, link):
        result = run("quiz", "--defaults", "--save", "-o", str(first), "--save-answers", str(other))
        assert result.exit_code == 1 and "both name" in result.stderr
        nothing_written(first)


def test_the_plan_and_the_unfinished_quiz_are_never_outputs(run: Run) -> None:
    home().mkdir(parents=True)
    for own in ("plan.yaml", "quiz-resume.json"):
        result = run("roadmap", "--defaults", "-o", str(home() / own))
        assert result.exit_code == 1 and "cannot write the roadmap" in result.stderr
        assert not (home() / own).exists()


@pytest.mark.parametrize("plan", ["newer", "fifo", "directory"])
def test_a_plan_that_cannot_be_saved_stops_the_run_before_any_file(run: Run, tmp_path: Path, plan: str) -> None:
    import hashlib

    from mlpath.plan import store
    from mlpath.plan.model import SCHEMA_VERSION

    home().mkdir(parents=True)
    path = home() / "plan.yaml"
    if plan == "newer":  # as a later mlpath would write it: checksum and end line, a schema to come
        body = f"schema_version: {SCHEMA_VERSION + 1}\nsteps: []\n{store.END}\n"
        digest = hashlib.sha256(body.encode()).hexdigest()
        path.write_text(f"{store.HEADER}{store.CHECKSUM}{digest}\n{body}", encoding="utf-8")
    elif plan == "fifo":
        os.mkfifo(path)
    else:
        path.mkdir()
    out, answers = tmp_path / "out.md", tmp_path / "answers.yaml"
    with within(30):
        result = run("quiz", "--defaults", "--save", "-o", str(out), "--save-answers", str(answers))
    assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1
    assert not out.exists() and not answers.exists()
    if plan == "newer":
        assert "saved by a newer mlpath" in result.stderr and "schema_version" in path.read_text()


def test_save_answers_to_stdout_is_refused(run: Run) -> None:
    result = run("quiz", "--defaults", "--save-answers", "-")
    assert result.exit_code == 2 and "--save-answers needs a file name" in result.stderr
    assert not Path("-").exists()


@pytest.mark.slow
def test_o_onto_the_file_that_is_stdin_is_refused(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("programming: none\n")
    env = {**os.environ, "MLPATH_HOME": str(tmp_path / "home")}
    with answers.open("rb") as stdin:
        result = subprocess.run(
            [sys.executable, "-m", "mlpath", "roadmap", "--answers", "-", "--defaults", "-o", str(answers)],
            stdin=stdin, capture_output=True, text=True, env=env, timeout=60, check=False,
        )  # fmt: skip
    assert result.returncode == 1 and "it is a file this run reads" in result.stderr
    assert answers.read_text() == "programming: none\n"


# How they are written ----------------------------------------------------------------------------


@pytest.mark.parametrize("flag", ["-o", "--save-answers"])
def test_through_a_symlink_the_target_is_written_and_the_link_kept(run: Run, tmp_path: Path, flag: str) -> None:
    real = tmp_path / "real" / "out.yaml"
    real.parent.mkdir()
    real.write_text("the old file\n")  # words no roadmap holds
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    assert run("quiz", "--defaults", flag, str(link)).exit_code == 0
    assert link.is_symlink() and link.readlink() == real
    assert "the old file" not in real.read_text() and yaml.safe_load(real.read_text())


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_outputs_follow_the_umask_and_the_plan_stays_private(
    run: Run, tmp_path: Path, umask: None, mask: int, mode: int
) -> None:
    os.umask(mask)
    out, answers = tmp_path / "out.md", tmp_path / "answers.yaml"
    assert run("quiz", "--defaults", "--save", "-o", str(out), "--save-answers", str(answers)).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == mode
    assert stat.S_IMODE(answers.stat().st_mode) == mode
    assert stat.S_IMODE((home() / "plan.yaml").stat().st_mode) == 0o600


def test_with_save_the_plan_line_comes_after_every_file(run: Run, tmp_path: Path) -> None:
    out, answers = tmp_path / "out.md", tmp_path / "answers.yaml"
    result = run("quiz", "--defaults", "--save", "-o", str(out), "--save-answers", str(answers))
    assert result.exit_code == 0
    steps = len(yaml.safe_load(run("roadmap", "--defaults", "--format", "yaml").stdout)["steps"])
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and lines[0].startswith(f"Wrote the roadmap to {out}")
    assert lines[1] == f"Saved your plan ({steps} steps). See it with: mlpath progress"


def test_a_write_that_fails_keeps_the_earlier_file_and_leaves_no_temp(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.md"
    out.write_text("earlier\n")

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = run("roadmap", "--defaults", "-o", str(out))
    assert result.exit_code == 1 and "No space left on device" in result.stderr
    assert out.read_text() == "earlier\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "out.md"]


# An interrupt says what was written ----------------------------------------------------------


def test_an_interrupt_after_a_write_names_it(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import mlpath.cli.quiz as quiz

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    answers = tmp_path / "answers.yaml"
    monkeypatch.setattr(quiz, "show_roadmap", interrupted)
    result = run("quiz", "--defaults", "--save-answers", str(answers))
    assert result.exit_code == 130
    assert f"Interrupted after writing answers to {answers}; nothing else was saved." in result.stderr
    assert answers.exists()
    result = run("quiz", "--defaults")  # a new run starts with nothing written
    assert result.exit_code == 130 and "Interrupted; nothing was saved." in result.stderr


def test_writes_mlpath_makes_for_itself_are_not_named() -> None:
    files.new_run()
    assert files.interrupted() == "Interrupted; nothing was saved."


@pytest.mark.slow
def test_ctrl_c_at_the_save_prompt_names_the_answers_file(tmp_path: Path, pty: Spawn) -> None:
    """A real terminal: Ctrl-C is the terminal's interrupt character, read by the prompt."""
    given = tmp_path / "given.yaml"
    given.write_text(yaml.safe_dump(ALL_BUT_ONE))
    answers = tmp_path / "answers.yaml"
    term = pty("quiz", "--answers", str(given), "--save-answers", str(answers), "--no-pager")
    term.answer(1, 1, total=1)
    term.wait("? Save the roadmap as your plan, to track your progress? (Y/n)")
    term.press(CTRL_C)
    shown = term.wait("Interrupted at the question to save, after writing answers to")
    said = f"{answers}; your answers are kept. Go on with: mlpath quiz --resume"
    assert "".join(said.split()) in "".join(shown.split())  # the path may be longer than a line
    assert term.exit_code() == 130
    assert answers.exists() and not (tmp_path / "home" / "plan.yaml").exists()
    assert (tmp_path / "home" / "quiz-resume.json").exists()


def test_a_kill_as_the_temporary_file_is_made_leaves_none_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = os.open

    def made_then_killed(path: str, flags: int, mode: int = 0o777) -> int:
        os.close(made(path, flags, mode))
        raise KeyboardInterrupt  # what SIGTERM's handler raises, as the file has just been made

    files.new_run()
    monkeypatch.setattr(os, "open", made_then_killed)
    with pytest.raises(KeyboardInterrupt):
        files.write_atomic(str(tmp_path / "roadmap.md"), "# Roadmap\n", "the roadmap")
    monkeypatch.undo()
    assert sorted(path.name for path in tmp_path.iterdir()) == []


def test_an_old_temp_file_of_a_killed_write_is_removed_by_the_next(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    old, fresh, mine = (tmp_path / name for name in (".out.md.k1ll3d00.tmp", ".out.md.n0wn0w00.tmp", ".out.md.bak.tmp"))
    for temp in (old, fresh, mine):
        temp.write_text("part of a roadmap")
    os.utime(old, (0, 0))
    os.utime(mine, (0, 0))
    assert run("roadmap", "--defaults", "-o", str(out)).exit_code == 0
    assert not old.exists()
    assert fresh.exists()  # it may be another run's write, under way
    assert mine.exists()  # not a name mlpath gives its temp files


def test_a_file_replaced_keeps_its_permissions(run: Run, tmp_path: Path, umask: None) -> None:
    out = tmp_path / "private.md"
    out.write_text("the old file\n")  # words no roadmap holds
    out.chmod(0o600)
    assert run("roadmap", "--defaults", "-o", str(out)).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and "the old file" not in out.read_text()


def test_installing_completion_never_blocks_on_a_fifo_bashrc(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    os.mkfifo(tmp_path / ".bashrc")
    with within(30):
        result = run("--install-completion", "bash")
    assert result.exit_code == 1 and "it is a pipe (FIFO)" in result.stderr
    assert stat.S_ISFIFO((tmp_path / ".bashrc").lstat().st_mode)


def test_installing_completion_writes_a_linked_bashrc_through_the_link(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    (dotfiles / "bashrc").write_text("alias ll='ls -l'\n")
    (tmp_path / ".bashrc").symlink_to(dotfiles / "bashrc")
    assert run("--install-completion", "bash").exit_code == 0
    assert (tmp_path / ".bashrc").is_symlink()
    script = tmp_path / ".bash_completions" / "mlpath.sh"
    assert (dotfiles / "bashrc").read_text() == f"alias ll='ls -l'\nsource {shlex.quote(str(script))}\n"


def test_a_content_file_in_use_is_never_an_output(run: Run, content_dir: Path) -> None:
    target = content_dir / "roadmap.yaml"
    before = target.read_text()
    result = run("--data-dir", str(content_dir), "roadmap", "--defaults", "-o", str(target))
    assert result.exit_code == 1 and "it is a file this run reads" in result.stderr
    assert target.read_text() == before
