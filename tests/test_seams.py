"""The seams between guards that a hostile pass found after round three: the open streams behind
/dev/stdout, a CSV quote left open, every shell's completion files, templates in every content
section, the pager's LESS options, user text in messages, mlpath's own lock files."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import MLPATH, Run
from mlpath.output.pager import for_less


@pytest.mark.slow
@pytest.mark.parametrize("target", ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"])
def test_an_output_file_naming_standard_output_never_replaces_what_it_is_appended_to(
    tmp_path: Path, target: str
) -> None:
    log = tmp_path / "run.log"
    log.write_text("old\n")
    env = {**os.environ, "MLPATH_HOME": str(tmp_path / "home")}
    with log.open("ab") as stdout:
        done = subprocess.run(
            [*MLPATH, "quiz", "--defaults", "--json", "-o", target],
            stdout=stdout,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            env=env,
            timeout=60,
        )
    assert done.returncode == 1
    message = done.stderr.decode()
    assert message.count("\n") == 1
    assert "standard output" in message and "-o -" in message
    assert log.read_text() == "old\n"


@pytest.mark.slow
def test_an_output_file_naming_a_pipe_says_how_to_write_to_standard_output(tmp_path: Path) -> None:
    env = {**os.environ, "MLPATH_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [*MLPATH, "quiz", "--defaults", "--save-answers", "/dev/stdout"],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        env=env,
        timeout=60,
    )
    assert done.returncode == 1
    assert "standard output" in done.stderr.decode() and "No such file" not in done.stderr.decode()


@pytest.mark.parametrize("rows", ['1,none\n"2,none\n3,none\n', '1,none\n2,"none\n3,none\n'])
@pytest.mark.parametrize("command", [["cohort"], ["quiz", "--batch", "--answers"]])
def test_a_quote_left_open_in_a_csv_is_an_error_not_lost_rows(
    run: Run, tmp_path: Path, rows: str, command: list[str]
) -> None:
    survey = tmp_path / "survey.csv"
    survey.write_text("id,education\n" + rows)
    out = tmp_path / "out.txt"
    batch = command[0] == "quiz"
    result = run(*command, str(survey), "--defaults", *(["-o", str(out)] if batch else []))
    assert result.exit_code == 2
    assert "line 3" in result.stderr and "quote" in result.stderr
    assert not out.exists() and result.stdout == ""


def test_a_survey_with_a_byte_that_is_not_utf8_names_its_line(run: Run, tmp_path: Path) -> None:
    survey = tmp_path / "survey.csv"
    survey.write_bytes(b"id,education\nok,none\ncaf\xe9,none\n")
    result = run("cohort", str(survey), "--defaults", "--json")
    assert result.exit_code == 2  # an invalid row: it costs only itself
    report = json.loads(result.stdout)
    assert (report["valid"], report["invalid"]) == (1, 1)
    assert report["invalid_lines"] == [
        {
            "line": 3,
            "id": None,
            "error": "the row is not UTF-8 text (byte 0xe9 on line 3); save the file as UTF-8 (in a spreadsheet: "
            "CSV UTF-8)",
        }
    ]


def test_an_id_column_that_is_not_in_the_survey_is_an_error(run: Run, tmp_path: Path) -> None:
    survey = tmp_path / "survey.csv"
    survey.write_text("Email Address,education\na@example.org,none\n")
    result = run("cohort", str(survey), "--defaults", "--id-column", "Email")
    assert result.exit_code == 2
    assert "'Email'" in result.stderr and "Email Address" in result.stderr


@pytest.mark.parametrize(
    ("shell", "blocker", "what"),
    [
        ("zsh", ".zshrc", "dir"),
        ("zsh", ".zfunc", "file"),
        ("zsh", ".zfunc/_mlpath", "dir"),
        ("fish", ".config/fish/completions/mlpath.fish", "dir"),
        ("fish", ".config", "file"),
        ("bash", ".bash_completions/mlpath.sh", "dir"),
    ],
)
def test_completion_files_in_the_way_give_one_line(
    run: Run, tmp_path: Path, shell: str, blocker: str, what: str
) -> None:
    home = tmp_path / "user"
    path = home / blocker
    path.parent.mkdir(parents=True, exist_ok=True)
    if what == "dir":
        path.mkdir()
    else:
        path.write_text("")
    result = run("--install-completion", shell, env={"HOME": str(home), "SHELL": f"/bin/{shell}"})
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    assert "internal error" not in result.stderr


@pytest.mark.parametrize("shell", ["zsh", "bash"])
def test_completion_keeps_bytes_of_a_startup_file_it_cannot_decode(run: Run, tmp_path: Path, shell: str) -> None:
    home = tmp_path / "user"
    home.mkdir()
    rc = home / f".{shell}rc"
    rc.write_bytes(b"# caf\xe9\n")
    result = run("--install-completion", shell, env={"HOME": str(home), "SHELL": f"/bin/{shell}"})
    assert result.exit_code == 0, result.stderr
    assert rc.read_bytes().startswith(b"# caf\xe9\n") and len(rc.read_bytes()) > 7


def test_fish_completion_is_installed_where_fish_reads_it(run: Run, tmp_path: Path) -> None:
    home = tmp_path / "user"
    home.mkdir()
    result = run("--install-completion", "fish", env={"HOME": str(home), "SHELL": "/bin/fish"})
    assert result.exit_code == 0, result.stderr
    script = home / ".config/fish/completions/mlpath.fish"
    assert "complete" in script.read_text() and "mlpath" in script.read_text()


@pytest.mark.parametrize("template", ["typically {years} years ({mode:d})", "{years:>300000000}", "{years!r} years"])
def test_templates_in_every_section_are_checked(run: Run, content_dir: Path, template: str) -> None:
    path = content_dir / "education.yaml"
    data = yaml.safe_load(path.read_text())
    data["durations"]["bachelor"]["length"] = template
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    result = run("data", "check", str(content_dir))
    assert result.exit_code == 3
    assert "education.yaml" in result.stdout and "takes no format" in result.stdout


@pytest.mark.parametrize(
    "less",
    [
        '-Ps"Press q to quit"',
        "-PmPress",
        "-x4 -Pm%f-more",
        "--use-color -Dd+r",
        "-+R",
        "-+r",
        "-Pshere are$",  # a prompt's words are no options, up to its "$"
        "-Psmore or less$ -i",
        "-x r",  # the value of -x, given as the next word
    ],
)
def test_less_gets_raw_control_unless_its_options_turn_it_on(less: str) -> None:
    argv, _ = for_less(["less"], {"LESS": less})
    assert "-R" in argv


@pytest.mark.parametrize("less", ["-R", "-r", "-iR", "--RAW-CONTROL-CHARS", "--raw-control-chars", "-FRX"])
def test_less_options_that_show_colour_are_kept_as_they_are(less: str) -> None:
    argv, _ = for_less(["less"], {"LESS": less})
    assert "-R" not in argv


def test_an_answers_file_name_with_escape_codes_is_shown_escaped(run: Run, tmp_path: Path) -> None:
    name = tmp_path / "f\x1b]0;pwn\x07\x1b[2J.yaml"
    name.write_text("x\n")
    result = run("roadmap", "--answers", str(name))
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    name.write_text("a: [\n")
    result = run("roadmap", "--answers", str(name))
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr


def test_a_null_key_in_answers_is_refused(run: Run, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("~: bogus\neducation: none\n")
    result = run("roadmap", "--answers", str(answers), "--defaults")
    assert result.exit_code == 2
    assert "key" in result.stderr


@pytest.mark.parametrize("lock", [".quiz.lock", ".plan.lock"])
def test_mlpaths_lock_files_are_never_an_output(run: Run, tmp_path: Path, lock: str) -> None:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    (home / lock).write_text("")
    result = run("quiz", "--defaults", "--json", "-o", str(home / lock))
    assert result.exit_code == 1
    assert "cannot write" in result.stderr
    assert (home / lock).read_text() == ""


def test_a_step_id_edited_by_hand_is_never_echoed_raw(run: Run, tmp_path: Path) -> None:
    assert run("quiz", "--defaults", "--save").exit_code == 0
    plan = tmp_path / "home" / "plan.yaml"
    plan.write_text(plan.read_text().replace("- id: programming", '- id: "\\e]0;pwn\\a\\e[2JX"', 1))
    result = run("progress", "set", "1", "done")
    assert "\x1b" not in result.stdout + result.stderr and "\x07" not in result.stdout + result.stderr


@pytest.mark.slow
def test_answers_read_from_a_terminal_say_how_to_end(tmp_path: Path) -> None:
    import pexpect

    env = {**os.environ, "MLPATH_HOME": str(tmp_path / "home"), "TERM": "xterm", "COLUMNS": "40"}
    argv = [*MLPATH[1:], "roadmap", "--answers", "-", "--defaults", "--json"]
    child = pexpect.spawn(MLPATH[0], argv, env=env, dimensions=(24, 40))
    child.expect(r"Ctrl-D to end\)\.\.\.", timeout=30)
    assert isinstance(child.before, bytes) and isinstance(child.after, bytes)
    hint = (child.before + child.after).decode()
    assert max(len(line) for line in hint.splitlines()) < 40  # wrapped on words at the terminal's width
    child.sendline("programming: none")
    child.sendeof()
    child.expect(pexpect.EOF, timeout=30)
    child.close()
    assert child.exitstatus == 0


@pytest.mark.slow
def test_a_closed_stdout_fails_a_status_change_before_it_is_saved(tmp_path: Path) -> None:
    env = {**os.environ, "MLPATH_HOME": str(tmp_path / "home")}
    subprocess.run([*MLPATH, "quiz", "--defaults", "--save"], env=env, capture_output=True, check=True, timeout=60)
    plan = (tmp_path / "home" / "plan.yaml").read_bytes()
    done = subprocess.run(
        ["sh", "-c", '"$@" progress set 2 done >&-', "sh", *MLPATH], env=env, capture_output=True, timeout=60
    )
    assert done.returncode == 1 and "stdout is closed" in done.stderr.decode()
    assert (tmp_path / "home" / "plan.yaml").read_bytes() == plan


def test_an_empty_output_name_says_so(run: Run) -> None:
    result = run("quiz", "--defaults", "-o", "")
    assert result.exit_code == 1 and "the name is empty" in result.stderr


def test_a_damaged_plan_names_the_line_of_the_file(run: Run, tmp_path: Path) -> None:
    assert run("quiz", "--defaults", "--save").exit_code == 0
    plan = tmp_path / "home" / "plan.yaml"
    lines = plan.read_text().splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("goal:") or "  goal:" in line)
    lines[number - 1] = lines[number - 1].split(":")[0] + ": !!python/name:os.system\n"
    plan.write_text("".join(lines))
    result = run("progress")
    assert result.exit_code != 0
    assert f"line {number}:" in result.stderr


@pytest.mark.parametrize("home", ["", "relative/home"])
def test_completion_needs_a_home_named_from_the_root(run: Run, home: str) -> None:
    result = run("--install-completion", "bash", env={"HOME": home, "SHELL": "/bin/bash"})
    assert result.exit_code == 1 and "HOME" in result.stderr


def test_completion_goes_where_zsh_and_fish_read_it(run: Run, tmp_path: Path) -> None:
    home, zdot, config = tmp_path / "user", tmp_path / "zdot", tmp_path / "config"
    for folder in (home, zdot, config):
        folder.mkdir()
    env = {"HOME": str(home), "ZDOTDIR": str(zdot), "XDG_CONFIG_HOME": str(config)}
    assert run("--install-completion", "zsh", env=env).exit_code == 0
    assert str(zdot / ".zfunc") in (zdot / ".zshrc").read_text() and (zdot / ".zfunc" / "_mlpath").is_file()
    assert run("--install-completion", "fish", env=env).exit_code == 0
    assert (config / "fish" / "completions" / "mlpath.fish").is_file()
    assert not (home / ".zshrc").exists() and not (home / ".config").exists()


def test_completion_keeps_every_byte_of_the_startup_file(run: Run, tmp_path: Path) -> None:
    home = tmp_path / "user"
    home.mkdir()
    (home / ".bashrc").write_bytes(b"echo hi\n\n\n")
    assert run("--install-completion", "bash", env={"HOME": str(home)}).exit_code == 0
    assert (home / ".bashrc").read_bytes().startswith(b"echo hi\n\n\nsource ")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            'id,education\na,none\nb,"' + "x" * 600_000 + "\n" + "y" * 600_000 + '\nmallory,master-cs\nz"\nc,none\n',
            [(2, "a"), (3, "the row (lines 3 to 6) is over 1,000,000 bytes"), (7, "c")],
        ),
        ('id,education\na,"none"x\nb,none\n', [(2, "the row has text after a quoted cell's closing quote"), (3, "b")]),
        (  # two quotes inside a quoted cell are one: the cell goes on over the lines
            'id,education\na,none\nb,"x""\nmallory,master-cs\n""",none\nc,none\n',
            [(2, "a"), (3, "the row has 3 cells where the header has 2"), (6, "c")],
        ),
    ],
    ids=["over", "after-quote", "quotes-twice"],
)
def test_a_row_the_reader_cannot_read_costs_only_itself_and_never_makes_up_rows(
    run: Run, tmp_path: Path, text: str, found: list[tuple[int, str]]
) -> None:
    survey = tmp_path / "survey.csv"
    survey.write_text(text)
    result = run("quiz", "--batch", "--answers", str(survey), "--defaults")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 2
    assert [
        (line.get("line", number), line["error"][: len(said)] if "error" in line else line["id"])
        for line, (number, said) in zip(lines, found, strict=True)
    ] == found


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        ('id,education\na,none\nb,"none\nmallory,master-cs\n', 3, "never closed"),
    ],
)
def test_a_csv_the_reader_cannot_follow_is_one_error_never_made_up_rows(
    run: Run, tmp_path: Path, text: str, line: int, says: str
) -> None:
    survey = tmp_path / "survey.csv"
    survey.write_text(text)
    result = run("cohort", str(survey), "--defaults", "--json")
    assert result.exit_code == 2 and result.stdout == ""
    assert f"line {line} of the CSV" in result.stderr and says in result.stderr


@pytest.mark.slow
def test_a_closed_stdout_fails_a_save_before_the_plan_is_written(tmp_path: Path) -> None:
    env = {**os.environ, "MLPATH_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        ["sh", "-c", '"$@" roadmap --defaults --save >&-', "sh", *MLPATH], env=env, capture_output=True, timeout=60
    )
    assert done.returncode == 1 and "stdout is closed" in done.stderr.decode()
    assert not (tmp_path / "home" / "plan.yaml").exists()


def test_a_null_answer_is_called_null(run: Run, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("education: ~\n")
    result = run("roadmap", "--answers", str(answers), "--defaults")
    assert result.exit_code == 2 and "invalid value null for education" in result.stderr


@pytest.mark.slow
def test_a_schema_on_a_stdout_that_cannot_encode_it_is_escaped_not_lost(tmp_path: Path) -> None:
    import json

    env = {**os.environ, "MLPATH_HOME": str(tmp_path / "home")}
    exact = subprocess.run([*MLPATH, "schema", "roadmap"], env=env, capture_output=True, check=True, timeout=60)
    ascii_ = subprocess.run(
        [*MLPATH, "schema", "roadmap"], env={**env, "PYTHONIOENCODING": "ascii"}, capture_output=True, timeout=60
    )
    assert ascii_.returncode == 0 and ascii_.stderr == b""
    assert json.loads(ascii_.stdout) == json.loads(exact.stdout)


@pytest.mark.parametrize(("find", "bad"), [("status: pending", "status: bogus"), ("math: fair", "math: fairish")])
def test_a_plan_value_edited_wrong_names_its_line(run: Run, tmp_path: Path, find: str, bad: str) -> None:
    assert run("quiz", "--defaults", "--save").exit_code == 0
    plan = tmp_path / "home" / "plan.yaml"
    lines = plan.read_text().splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines, 1) if line.strip() == find)
    lines[number - 1] = lines[number - 1].replace(find, bad)
    plan.write_text("".join(lines))
    result = run("progress")
    assert result.exit_code != 0
    assert f"line {number}:" in result.stderr
