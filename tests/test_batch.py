"""`mlpath quiz --batch`: one line out per line in, streamed, with ids; poison costs one line only."""

from __future__ import annotations

import csv
import io
import json
import os
import select
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Run, Spawn, examples, within
from mlpath.content.answers import CONTRACT
from mlpath.io.lines import MAX_LINE_BYTES, read_lines

MLPATH = [sys.executable, "-m", "mlpath"]
GOOD = '{"goal": "manager"}'

# Lines that must each give their own error line, and nothing else.
POISON: dict[str, bytes] = {
    "nested deep": b"[" * 100_000 + b"]" * 100_000,
    "nested in a value": b'{"goal": ' + b"[" * 900 + b"]" * 900 + b"}",
    "long integer": b'{"complex_problems": ' + b"9" * 5000 + b"}",
    "long float": b'{"complex_problems": 1.' + b"5" * 5000 + b"}",
    "NaN": b'{"complex_problems": NaN}',
    "Infinity": b'{"complex_problems": -Infinity}',
    "overflowing float": b'{"new_tech": 1e999}',
    "lone surrogate id": b'{"id": "\\ud800", "goal": "manager"}',
    "lone surrogate value": b'{"goal": "\\udfff"}',
    "invalid UTF-8": b'\xff\xfe{"goal": "manager"}',
    "over 1 MB": b'{"goal": "manager", "note": "' + b"x" * (MAX_LINE_BYTES + 10) + b'"}',
    "duplicate key": b'{"goal": "manager", "goal": "director"}',
    "not an object": b"[1, 2, 3]",
    "garbage": b"{goal: manager",
    "id true": b'{"id": true, "goal": "manager"}',
    "id list": b'{"id": [1], "goal": "manager"}',
    "id null": b'{"id": null}',
    "unknown key": b'{"gaol": "manager"}',
}


def batch(run: Run, text: str, *flags: str) -> tuple[int, list[dict[str, Any]], str]:
    result = run("quiz", "--batch", "--defaults", *flags, input=text)
    return result.exit_code, [json.loads(line) for line in result.stdout.splitlines()], result.stderr


def test_ids_are_echoed_on_roadmaps_and_errors_and_are_not_answers(run: Run) -> None:
    text = '{"id": "p-1", "goal": "manager"}\n{"id": 42, "goal": "boss"}\n{"id": 2.5}\n{"goal": "director"}\n'
    code, lines, _ = batch(run, text)
    assert code == 2
    assert lines[0]["id"] == "p-1" and lines[0]["answers"]["goal"] == "manager" and "id" not in lines[0]["answers"]
    assert lines[1] == {"id": 42, "line": 2, "error": lines[1]["error"]} and "boss" in lines[1]["error"]
    assert lines[2]["id"] == 2.5 and lines[2]["steps"]
    assert "id" not in lines[3] and lines[3]["answers"]["goal"] == "director"
    assert list(lines[0])[:2] == ["id", "tailored"]


def test_an_id_line_is_the_roadmap_without_id_plus_the_id(run: Run) -> None:
    plain = run("quiz", "--batch", "--defaults", input=GOOD + "\n").stdout
    with_id = run("quiz", "--batch", "--defaults", input='{"id": "x", "goal": "manager"}\n').stdout
    assert with_id == '{"id":"x",' + plain[1:]


@pytest.mark.parametrize("name", list(POISON))
def test_a_poisonous_line_gives_its_error_line_and_the_run_goes_on(run: Run, tmp_path: Path, name: str) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(GOOD.encode() + b"\n" + POISON[name] + b"\n" + GOOD.encode() + b"\n")
    result = run("quiz", "--batch", "--defaults", "--answers", str(path))
    lines = result.stdout.splitlines()
    assert result.exit_code == 2
    assert len(lines) == 3
    error = json.loads(lines[1])
    assert error["line"] == 2 and error["error"] and set(error) == {"line", "error"}
    assert len(lines[1]) < 400  # the poison is never echoed whole
    assert json.loads(lines[0])["steps"] and json.loads(lines[2])["steps"]
    assert result.stderr == ""


@pytest.mark.parametrize("blank", [b"", b"   \t", b"\r"])
def test_a_blank_line_is_no_answer_set_and_is_skipped(run: Run, tmp_path: Path, blank: bytes) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\n".join([GOOD.encode(), blank, GOOD.encode(), blank, b"[1]", b""]))
    result = run("quiz", "--batch", "--defaults", "--answers", str(path))
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 2 and result.stderr == ""
    assert len(lines) == 3 and lines[0]["steps"] and lines[1]["steps"]
    assert lines[2] == {"line": 5, "error": 'expected a JSON object of answers, e.g. {"programming": "beginner"}'}
    only_blank = run("quiz", "--batch", "--defaults", input=blank.decode() + "\n" + blank.decode() + "\n")
    assert (only_blank.exit_code, only_blank.stdout, only_blank.stderr) == (0, "", "")


def test_lines_split_on_newline_only_and_crlf_is_accepted(run: Run, tmp_path: Path) -> None:
    text = '{"goal": "manager"}\r\n{"goal": "director\u2028"}\n{"goal": "tech-lead\u0085"}\n{"goal": "manager"}'
    by_stdin = run("quiz", "--batch", "--defaults", input=text).stdout
    path = tmp_path / "in.jsonl"
    path.write_bytes(text.encode())
    by_file = run("quiz", "--batch", "--defaults", "--answers", str(path)).stdout
    assert by_stdin == by_file
    assert len(by_stdin.splitlines()) == 4  # U+2028 and U+0085 break no line; the last line has no "\n"


def test_a_byte_order_mark_and_a_trailing_newline_make_no_line(run: Run) -> None:
    code, lines, _ = batch(run, "\ufeff" + GOOD + "\n")
    assert code == 0 and len(lines) == 1


@pytest.mark.parametrize("size", [98, 99, 100])
def test_a_byte_order_mark_takes_nothing_from_the_first_line_s_bound(size: int) -> None:
    data = b"\xef\xbb\xbf" + b"a" * size + b"\r\nb\n"
    assert list(read_lines(io.BytesIO(data), limit=100)) == [b"a" * size, b"b"]


def test_read_lines_never_asks_for_more_than_the_bound() -> None:
    class Spy(io.BytesIO):
        largest = 0

        def readline(self, size: int | None = -1) -> bytes:
            Spy.largest = max(Spy.largest, size or 0)
            return super().readline(size)

    stream = Spy(b"a" * 300 + b"\nb\r\nc" + b"\r")
    assert list(read_lines(stream, limit=100)) == [None, b"b", b"c"]
    assert Spy.largest <= 1 << 16  # the rest of a long line is dropped in chunks, never held


lines_strategy = st.lists(
    st.one_of(
        st.fixed_dictionaries({"goal": st.sampled_from(["manager", "director", "boss"])}).map(json.dumps),
        st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\n\r"), max_size=30),
        st.sampled_from([p.decode("utf-8", "replace") for p in POISON.values() if len(p) < 5000]),
    ).map(lambda line: line.replace("\n", " ").replace("\r", " ")),
    max_size=12,
)


@pytest.mark.slow
@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=lines_strategy)
def test_one_output_line_per_input_line_in_order(run: Run, lines: list[str]) -> None:
    result = run("quiz", "--batch", "--defaults", input="".join(line + "\n" for line in lines))
    out = [json.loads(line) for line in result.stdout.splitlines()]
    first = [lines[0].removeprefix("\ufeff")] if lines else []  # a byte order mark opens no line
    answer_sets = [n for n, line in enumerate(first + lines[1:], 1) if line.encode().strip()]  # blank: skipped
    assert len(out) == len(answer_sets)
    for number, found in zip(answer_sets, out, strict=True):
        assert found.get("line", number) == number
    assert result.exit_code == (2 if any("error" in found for found in out) else 0)


answer_sets = st.fixed_dictionaries(
    {
        key: st.lists(st.sampled_from(values), max_size=4, unique=True)
        if kind == "multiselect"
        else st.sampled_from(values)
        for key, (kind, values) in CONTRACT.items()
    }
)


@pytest.mark.slow
@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sets=st.lists(answer_sets, min_size=1, max_size=5))
def test_batch_lines_are_the_bytes_of_quiz_json_and_the_same_every_time(run: Run, sets: list[dict[str, Any]]) -> None:
    text = "".join(json.dumps(answers) + "\n" for answers in sets)
    first = run("quiz", "--batch", input=text)
    assert first.exit_code == 0, first.stdout
    lines = first.stdout_bytes.splitlines(keepends=True)
    assert len(lines) == len(sets)
    for answers, line in zip(sets, lines, strict=True):
        single = run("quiz", "--answers", "-", "--json", input=json.dumps(answers))
        assert single.exit_code == 0, single.stderr
        assert line == single.stdout_bytes  # compact JSON, one line, byte for byte
    assert run("quiz", "--batch", input=text).stdout_bytes == first.stdout_bytes
    backwards = "".join(json.dumps(answers) + "\n" for answers in reversed(sets))
    assert run("quiz", "--batch", input=backwards).stdout_bytes.splitlines(keepends=True) == lines[::-1]


def test_csv_has_a_header_and_one_row_per_answer_set(run: Run) -> None:
    text = '{"id": "a", "education": "master-cs"}\n{"id": "b", "goal": "boss"}\n{"path": "degree"}\n'
    result = run("quiz", "--batch", "--defaults", "--format", "csv", input=text)
    assert result.exit_code == 2
    assert result.stdout_bytes.count(b"\r\n") == 4
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert [row["id"] for row in rows] == ["a", "b", ""]
    assert [row["line"] for row in rows] == ["1", "2", "3"]
    assert rows[0]["verdict"] and "degree" not in rows[0]["steps"] and rows[0]["degree_years_min"] == ""
    assert "boss" in rows[1]["error"] and rows[1]["verdict"] == ""
    assert rows[2]["steps"].split(",")[2].startswith("degree") and int(rows[2]["tuition_min"]) > 0
    assert list(rows[0])[-2:] == ["assumptions", "error"]  # the degree figures' assumptions, by id
    assert [row["assumptions"] for row in rows] == ["", "", "tuition-per-year,costs-exclude-living"]


def test_a_forms_csv_export_is_read_as_it_is_and_says_which_columns_it_ignored(run: Run, tmp_path: Path) -> None:
    form = tmp_path / "form.csv"
    form.write_text(
        "Timestamp,Email,goal,programming,Note\n2024,a@b,manager,none,x\n,,,,\n2024,c@d,director,advanced,y\n"
    )
    result = run("quiz", "--batch", "--defaults", "--answers", str(form))
    assert result.exit_code == 0
    assert result.stderr == (
        "Ignored 3 columns that hold no answer: 'Timestamp', 'Email', 'Note'. "
        "To name each row by one of them: --id-column NAME.\n"
    )
    lines = [json.loads(line) for line in result.stdout.splitlines()]  # the blank row: skipped
    assert [(line["answers"]["goal"], line["answers"]["programming"]) for line in lines] == [
        ("manager", "none"),
        ("director", "advanced"),
    ]
    group = run("cohort", str(form), "--defaults", "--json")
    assert (json.loads(group.stdout)["count"], group.stderr) == (2, result.stderr)


def test_output_file_gets_the_same_lines_and_a_message(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    text = GOOD + '\n{"goal": "boss"}\n'
    result = run("quiz", "--batch", "--defaults", "-o", str(target), input=text)
    assert result.exit_code == 2 and result.stdout == ""
    assert target.read_text() == run("quiz", "--batch", "--defaults", input=text).stdout
    assert "Wrote 2 lines" in result.stderr and "1 invalid" in result.stderr
    assert [p.name for p in tmp_path.iterdir() if p.name != "home"] == ["out.jsonl"]  # no temporary file left


def test_output_file_csv_by_extension_and_dash_is_stdout(run: Run, tmp_path: Path) -> None:
    run("quiz", "--batch", "--defaults", "-o", str(tmp_path / "out.csv"), input=GOOD + "\n")
    assert (tmp_path / "out.csv").read_text().startswith("id,line,verdict")
    assert run("quiz", "--batch", "--defaults", "-o", "-", input=GOOD + "\n").stdout.startswith('{"tailored"')


def test_a_bad_output_target_is_refused_before_any_work(run: Run, tmp_path: Path) -> None:
    answers = tmp_path / "in.jsonl"
    answers.write_text(GOOD + "\n")
    result = run("quiz", "--batch", "--defaults", "--answers", str(answers), "-o", str(answers))
    assert result.exit_code == 1 and "it is a file this run reads" in result.stderr
    assert answers.read_text() == GOOD + "\n"
    missing = run("quiz", "--batch", "--defaults", "-o", str(tmp_path / "no" / "x.jsonl"), input=GOOD + "\n")
    assert missing.exit_code == 1 and "does not exist" in missing.stderr
    (tmp_path / "dir").mkdir()
    assert run("quiz", "--batch", "--defaults", "-o", str(tmp_path / "dir"), input=GOOD).exit_code == 1


@pytest.mark.parametrize(
    ("flags", "says"),
    [
        (["--format", "table"], "not table"),
        (["--format", "plain"], "not plain"),
        (["--format", "markdown"], "not markdown"),
        (["--json", "--format", "csv"], "disagree"),
        (["--what-if", "goal=manager"], "--what-if"),
        (["--save"], "--save"),
    ],
)
def test_what_batch_cannot_do_is_a_usage_error(run: Run, flags: list[str], says: str) -> None:
    result = run("quiz", "--batch", "--defaults", *flags, input=GOOD + "\n")
    assert result.exit_code == 2 and result.stdout == ""
    assert says in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_bad_set_is_one_usage_error_not_one_per_line(run: Run) -> None:
    result = run("quiz", "--batch", "--defaults", "--set", "goal=boss", input=GOOD + "\n" + GOOD + "\n")
    assert result.exit_code == 2 and result.stdout == "" and "goal" in result.stderr


def test_set_wins_over_every_line(run: Run) -> None:
    code, lines, _ = batch(run, '{"interests": ["nlp"]}\n{"goal": "manager"}\n', "--set", "interests=robotics,nlp")
    assert code == 0 and [line["answers"]["interests"] for line in lines] == [["nlp", "robotics"]] * 2


def test_missing_answers_without_defaults_are_an_error_line(run: Run) -> None:
    result = run("quiz", "--batch", input=GOOD + "\n")
    assert result.exit_code == 2 and "missing answers" in json.loads(result.stdout)["error"]


def test_a_batch_file_has_no_size_limit(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    line = json.dumps({"id": "x" * 20_000, "goal": "manager"}) + "\n"
    path.write_text(line * 600)  # 12 MB, over the 10 MB limit of an answers file
    result = run("quiz", "--batch", "--defaults", "--answers", str(path), "--format", "csv")
    assert result.exit_code == 0 and result.stdout_bytes.count(b"\r\n") == 601


def environment(tmp_path: Path) -> dict[str, str]:
    """A real process's whole environment: no PYTHONUNBUFFERED (Python's own buffering is the point)."""
    return {"PATH": os.environ.get("PATH", os.defpath), "MLPATH_HOME": str(tmp_path / "home"), "COLUMNS": "100"}


@pytest.mark.slow
def test_a_coprocess_gets_each_answer_without_closing_stdin(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [*MLPATH, "quiz", "--batch", "--defaults"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=environment(tmp_path),
    )  # fmt: skip
    assert process.stdin is not None and process.stdout is not None
    try:
        for ident in ("first", "second"):
            process.stdin.write(json.dumps({"id": ident, "goal": "manager"}).encode() + b"\n")
            process.stdin.flush()
            ready, _, _ = select.select([process.stdout], [], [], 30)
            assert ready, f"no answer to the {ident} line while stdin stays open"
            assert json.loads(process.stdout.readline())["id"] == ident
        process.stdin.close()
        assert process.wait(timeout=30) == 0
    finally:
        process.kill()
        process.wait()


@pytest.mark.slow
def test_a_reader_that_goes_away_ends_the_run_quietly(tmp_path: Path) -> None:
    """`mlpath quiz --batch --defaults < big.jsonl | head -1`: a real pipe whose reader goes."""
    path = tmp_path / "big.jsonl"
    path.write_text((GOOD + "\n") * 5000)  # far more than a pipe holds
    with path.open("rb") as stdin:
        process = subprocess.Popen(
            [*MLPATH, "quiz", "--batch", "--defaults"],
            stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment(tmp_path),
        )  # fmt: skip
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()
        stderr = process.stderr.read()
        code = process.wait(timeout=60)
    assert json.loads(first)["steps"]
    assert stderr == b"", stderr.decode()
    assert code == 0  # as for every command: a reader that stops reading is no failure


@pytest.mark.slow
def test_typed_at_a_terminal_the_batch_says_it_reads_stdin(run: Run, pty: Spawn, tmp_path: Path) -> None:
    """`mlpath quiz --batch --defaults > out.jsonl` with the keyboard as stdin: it says what it waits for."""
    out = tmp_path / "out.jsonl"
    term = pty("quiz", "--batch", "--defaults", stdout=out)
    term.wait("Reading JSON Lines from standard input (Ctrl-D to end)...")
    term.press(GOOD + "\r")
    term.press("\x04")  # Ctrl-D at the start of a line: the end of input
    assert term.exit_code() == 0
    assert out.read_text() == run("quiz", "--batch", "--defaults", input=GOOD + "\n").stdout


@given(
    lines=st.lists(
        st.binary(max_size=40).map(lambda line: line.replace(b"\n", b"").replace(b"\r", b"")), min_size=1, max_size=20
    ),
    crlf=st.booleans(),
    last_ended=st.booleans(),
    marked=st.booleans(),
)
def test_read_lines_gives_back_every_line_whatever_its_bytes(
    lines: list[bytes], crlf: bool, last_ended: bool, marked: bool
) -> None:
    end = b"\r\n" if crlf else b"\n"
    while lines[0].startswith(b"\xef\xbb\xbf"):  # a byte-order mark opening the stream is dropped
        lines[0] = lines[0][3:]
    data = (
        b"\xef\xbb\xbf" * marked
        + b"".join(line + end for line in lines[:-1])
        + lines[-1]
        + (end if last_ended else b"")
    )
    expected = lines if last_ended or lines[-1] else lines[:-1]  # an unended empty last line is no line
    assert list(read_lines(io.BytesIO(data), limit=30)) == [line if len(line) <= 30 else None for line in expected]


def test_the_progress_bar_shows_lines_and_invalid_ones_on_a_terminal_only() -> None:
    from mlpath.cli.batch import line_meter
    from mlpath.output.terminal import Terminal

    class Screen(io.StringIO):
        def __init__(self, tty: bool) -> None:
            super().__init__()
            self.tty = tty

        def isatty(self) -> bool:
            return self.tty

    for on_terminal in (True, False):
        stderr = Screen(on_terminal)
        terminal = Terminal(False, False, on_terminal, stderr=stderr, width=100)
        with line_meter(terminal) as meter:
            meter(4096, 3)
        assert ("4,096 lines" in stderr.getvalue() and "3 invalid" in stderr.getvalue()) == on_terminal


@pytest.mark.slow
@pytest.mark.parametrize(
    ("redirect", "said"),
    [
        (">&-", b"Error: cannot write the results to stdout: stdout is closed\n"),  # Python's text stream says so
        (">/dev/full", b"Error: cannot write the roadmaps to stdout: No space left on device\n"),
    ],
)
def test_a_closed_or_full_stdout_is_one_line_and_exit_1(tmp_path: Path, redirect: str, said: bytes) -> None:
    """`mlpath quiz --batch --defaults >&-` and `>/dev/full`: real descriptors, the real exit code."""
    done = subprocess.run(
        ["/bin/sh", "-c", f'exec "$@" {redirect}', "sh", *MLPATH, "quiz", "--batch", "--defaults"],
        input=GOOD.encode() + b"\n", capture_output=True, env=environment(tmp_path), timeout=60, check=False,
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (1, said)


def test_a_stream_that_fails_to_read_is_a_usage_error() -> None:
    from mlpath.errors import UsageError

    class Broken(io.BytesIO):
        def readline(self, size: int | None = -1) -> bytes:
            raise OSError(5, "Input/output error")

    with pytest.raises(UsageError, match="cannot be read: Input/output error"):
        list(read_lines(Broken()))


def test_a_pipe_as_the_batch_file_is_read(run: Run, piped: Callable[[bytes], str]) -> None:
    lines = b'{"id": "a", "programming": "none"}\n{"id": "b", "programming": "advanced"}\n'
    result = run("quiz", "--batch", "--defaults", "--answers", piped(lines))
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a", "b"]


def test_a_fifo_with_no_writer_reads_as_empty_at_once(run: Run, tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with within(20):
        result = run("quiz", "--batch", "--defaults", "--answers", str(fifo))
    assert result.exit_code == 0 and result.stdout == ""


def batch_of(run: Run, tmp_path: Path, text: str, *args: str) -> tuple[list[dict[str, Any]], str]:
    """`quiz --batch --defaults` over a CSV of `text`: its lines as objects, and its stderr."""
    survey = tmp_path / "survey.csv"
    survey.write_text(text, encoding="utf-8")
    result = run("quiz", "--batch", "--defaults", "--answers", str(survey), *args)
    return [json.loads(line) for line in result.stdout.splitlines()], result.stderr


@pytest.mark.parametrize(
    "text",
    [
        "id;education;programming\na;Bachelor's in computer science;none\n",  # a spreadsheet in a "," locale
        "sep=;\nid;education;programming\na;bachelor-cs;None\n",  # Excel's line naming the delimiter
        "id\teducation\tprogramming\na\tbachelor-cs\tnone\n",
        "id,education,programming\na,Bachelor\u2019s in computer science,none\n",  # a word processor's apostrophe
    ],
    ids=["semicolons", "sep-line", "tabs", "curly-apostrophe"],
)
def test_a_csv_is_read_whatever_its_delimiter_and_quotes(run: Run, tmp_path: Path, text: str) -> None:
    lines, stderr = batch_of(run, tmp_path, text)
    assert [(line["id"], line["answers"]["education"], line["answers"]["programming"]) for line in lines] == [
        ("a", "bachelor-cs", "none")
    ]
    assert stderr == ""


def test_a_row_is_named_by_the_line_it_starts_on_past_a_sep_line_and_line_breaks_in_cells(
    run: Run, tmp_path: Path
) -> None:
    text = 'sep=;\nid;education;note\na;none;"two\nlines"\nb;phd;x\n'
    lines, _ = batch_of(run, tmp_path, text)
    assert [(line["id"], line.get("line")) for line in lines] == [("a", None), ("b", 5)]
    assert lines[1]["error"] == (
        "'phd' is no answer to 'What is the highest education you have finished?' (its answers: No degree yet, "
        "Bachelor's in computer science, Bachelor's in another field, Master's in computer science, Master's in "
        "another field)"
    )


def test_a_forms_grid_of_questions_is_read_by_the_prompt_in_brackets(run: Run, tmp_path: Path) -> None:
    text = "id,Rate yourself [How curious are you about new technologies?]\na,5\n"
    lines, stderr = batch_of(run, tmp_path, text)
    assert lines[0]["answers"]["new_tech"] == 5 and stderr == ""


def test_a_column_near_an_answers_key_says_which_it_may_mean(run: Run, tmp_path: Path) -> None:
    lines, stderr = batch_of(run, tmp_path, "id,education,programing,Email Address\na,none,advanced,a@b.org\n")
    assert lines[0]["answers"]["programming"] == "beginner"  # the default: the column is not an answer's
    assert stderr == (
        "Ignored 2 columns that hold no answer: 'programing' (did you mean 'programming'?), 'Email Address'.\n"
    )


def test_a_csv_read_as_json_lines_says_how_to_read_it(run: Run) -> None:
    result = run("quiz", "--batch", "--defaults", input="id,programming\na,none\n")
    assert result.exit_code == 2
    assert result.stderr.endswith("The input looks like a CSV export, read as JSON Lines: give --input-format csv.\n")
    json_lines = run("quiz", "--batch", "--defaults", input='{"programming": "none"}\n{"programming": nope}\n')
    assert "--input-format" not in json_lines.stderr


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("id,ID,education\na,b,none\n", "Error: two columns name the rows: 'id' and 'ID'; keep one\n"),
        (
            "id,programming,How well do you program?\na,none,none\n",
            "Error: two columns answer 'programming': 'programming' and 'How well do you program?'; keep one\n",
        ),
        ("id,education" + "x" * 1_000_002 + "\na,none\n", "Error: line 1 of the CSV: the row is over 1,000,000 bytes"),
    ],
    ids=["two-ids", "two-answers", "long-header"],
)
def test_a_csv_that_cannot_be_read_as_answers_says_why_before_any_row(
    run: Run, tmp_path: Path, text: str, says: str
) -> None:
    lines, stderr = batch_of(run, tmp_path, text)
    assert lines == [] and stderr.startswith(says)


def test_an_empty_csv_is_an_empty_group_as_an_empty_json_lines_file_is(run: Run, tmp_path: Path) -> None:
    survey = tmp_path / "survey.csv"
    survey.write_bytes(b"")
    result = run("cohort", str(survey), "--json")
    assert (result.exit_code, json.loads(result.stdout)["count"], result.stderr) == (0, 0, "")


def test_none_in_a_list_cell_is_nothing_chosen(run: Run, tmp_path: Path) -> None:
    lines, stderr = batch_of(run, tmp_path, "id,interests,industries\na,None,none\n")
    assert (lines[0]["answers"]["interests"], lines[0]["answers"]["industries"], stderr) == ([], [], "")


def test_an_id_column_for_json_lines_is_a_usage_error(run: Run) -> None:
    result = run("quiz", "--batch", "--defaults", "--id-column", "Email", input='{"programming": "none"}\n')
    assert result.exit_code == 2 and result.stdout == ""
    assert "--id-column names a column of a CSV export" in result.stderr and "--input-format csv" in result.stderr


def test_a_value_of_the_wrong_kind_is_quoted_as_json_writes_it(run: Run) -> None:
    lines = ['{"goal": true}', '{"interests": [["nlp"]]}', '{"goal": {"a": 1}}', '{"goal": null}']
    result = run("quiz", "--batch", "--defaults", input="\n".join(lines) + "\n")
    quoted = [json.loads(line)["error"].split(" for ")[0] for line in result.stdout.splitlines()]
    assert quoted == ["invalid value true", 'invalid value ["nlp"]', 'invalid value {"a": 1}', "invalid value null"]


def test_a_row_with_no_answer_at_all_is_invalid_not_a_student_of_defaults(run: Run, tmp_path: Path) -> None:
    lines, _ = batch_of(run, tmp_path, "Timestamp,id,education,interests\n2024,a,,\n2024,b,none,\n")
    assert lines[0] == {"id": "a", "line": 2, "error": "the row answers no question: every answer cell is empty"}
    assert lines[1]["answers"]["education"] == "none"


@pytest.mark.parametrize("before", ["\n", "\r\n\n", "sep=,\n\n"], ids=["blank", "blanks", "sep-then-blank"])
def test_blank_lines_before_the_header_are_passed_over(run: Run, tmp_path: Path, before: str) -> None:
    lines, stderr = batch_of(run, tmp_path, before + "id,programming\nx,advanced\n")
    assert [(line["id"], line["answers"]["programming"], line.get("line")) for line in lines] == [
        ("x", "advanced", None)
    ]
    assert stderr == ""


UNQUOTED = "a cell is missing, or a header holds a ',' unquoted"


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        (
            "id,How much do you like technical, analytical work?,programming\nb,5,advanced\n",  # header split
            2,
            f"the row has 3 cells where the header has 4: {UNQUOTED}",
        ),
        (
            "id,programming,education\nlong,advanced,none,extra\n",
            2,
            "the row has 4 cells where the header has 3; quote a cell that holds a ','",
        ),
        (
            "id,programming,education\nok,none,none\nshort,advanced\n",
            3,
            f"the row has 2 cells where the header has 3: {UNQUOTED}",
        ),
    ],
    ids=["unquoted-header", "longer-row", "shorter-row"],
)
def test_a_row_whose_cells_do_not_line_up_with_the_header_is_invalid(
    run: Run, tmp_path: Path, text: str, line: int, says: str
) -> None:
    lines, _ = batch_of(run, tmp_path, text)
    wrong = [found for found in lines if "error" in found]
    assert len(wrong) == 1 and (wrong[0]["line"], wrong[0]["error"]) == (line, says)


def test_trailing_empty_cells_and_unnamed_columns_are_nothing_to_say(run: Run, tmp_path: Path) -> None:
    lines, stderr = batch_of(run, tmp_path, "id,programming,,\nx,advanced,,\n")
    assert lines[0]["answers"]["programming"] == "advanced" and stderr == ""


@pytest.mark.parametrize(
    ("cell", "lines"),
    [
        ('"' + ("y" * 99_999 + "\n") * 11 + '"', " (lines 3 to 14)"),
        ("y" * 1_100_000, ""),
        ('"' + "y" * 1_100_000 + '"', ""),
    ],
)
def test_a_row_over_the_bound_is_an_error_of_its_own_with_its_id_and_the_reading_goes_on(
    run: Run, tmp_path: Path, cell: str, lines: str
) -> None:
    found, _ = batch_of(run, tmp_path, f"id,programming,note\na,none,x\nb,none,{cell}\nc,none,x\n")
    assert [line.get("id") for line in found] == ["a", "b", "c"]
    assert (found[1]["line"], found[1]["error"]) == (
        3,
        f"the row{lines} is over 1,000,000 bytes, the limit; an answer set is far shorter (a cell may hold "
        "pasted text)",
    )


def test_id_column_names_one_column_of_the_ids_and_never_one_of_answers(run: Run, tmp_path: Path) -> None:
    lines, _ = batch_of(run, tmp_path, "id,ID,programming\na,A,none\n", "--id-column", "ID")
    assert lines[0]["id"] == "A"
    _, stderr = batch_of(run, tmp_path, "id,programming\na,none\n", "--id-column", "programming")
    assert stderr == "Error: --id-column 'programming' names a column of answers; name the column of the rows' ids\n"


def test_a_form_without_the_questions_asked_only_for_a_degree_is_read(run: Run, tmp_path: Path) -> None:
    keys = [q for q in CONTRACT if q not in ("residency", "study", "interests", "industries")]
    values = {key: "3" for key in keys}  # the scales
    values |= {
        "education": "none",
        "programming": "none",
        "math": "weak",
        "goal": "manager",
        "remote_work": "important",
    }
    rows = [{**values, "path": "online"}, {**values, "path": "degree"}]
    text = ",".join(keys) + "\n" + "\n".join(",".join(row[key] for key in keys) for row in rows) + "\n"
    survey = tmp_path / "survey.csv"
    survey.write_text(",,,,\n" + text)  # a spreadsheet's empty row above the header too
    result = run("quiz", "--batch", "--answers", str(survey))  # no --defaults: every answer it needs, given
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 2 and lines[0]["verdict"]["level"] == "mixed"
    assert (lines[1]["line"], lines[1]["error"]) == (4, "missing answers: residency, study")


PASSED_OVER = "Passed over line 2: a form's second header row, as SurveyMonkey writes one, not a student's answers.\n"
SURVEYMONKEY = (  # a checkbox question: a column per choice, the later ones unnamed; a second header row
    "Respondent ID,What is the highest education you have finished?,Which specialties interest you?,,,"
    "How well do you program?\n"
    ",Response,Robotics,Computer vision,Natural language processing,Response\n"
    "101,No degree yet,Robotics,Computer vision,,Advanced (I write production code)\n"
    "102,Master's in computer science,,,Natural language processing,Not at all yet\n"
)


def test_a_checkbox_question_over_several_columns_keeps_every_choice(run: Run, tmp_path: Path) -> None:
    lines, stderr = batch_of(run, tmp_path, SURVEYMONKEY, "--id-column", "Respondent ID")
    answers = [(line["id"], line["answers"]["interests"], line["answers"]["programming"]) for line in lines]
    assert answers == [("101", ["computer-vision", "robotics"], "advanced"), ("102", ["nlp"], "none")]
    assert stderr == PASSED_OVER  # the second header row is no student, and that is said
    survey = tmp_path / "survey.csv"
    group = json.loads(run("cohort", str(survey), "--defaults", "--json").stdout)
    assert (group["count"], group["invalid"]) == (2, 0)
    assert {share["id"]: share["count"] for share in group["interests"]} == {
        "computer-vision": 1,
        "robotics": 1,
        "nlp": 1,
    }


@pytest.mark.parametrize(
    "header",
    [
        "3. How well do you program?",  # a form's numbering
        "Q3) How well do you program?",
        "About you.How well do you program?",  # a grid's title before a full stop
        "How well do you program? *",  # a required question
        "About you [How well do you program?] *",
        "* How well do you program?",
    ],
)
def test_a_numbered_or_grid_header_names_its_question(run: Run, tmp_path: Path, header: str) -> None:
    lines, stderr = batch_of(run, tmp_path, f"id,{header}\na,Advanced (I write production code)\n")
    assert (lines[0]["answers"]["programming"], stderr) == ("advanced", "")


def test_a_misspelt_prompt_says_which_question_it_may_mean_and_is_never_offered_as_ids(
    run: Run, tmp_path: Path
) -> None:
    _, stderr = batch_of(run, tmp_path, "Email,How well do you programme,education\na@b,advanced,none\n")
    assert stderr == (
        "Ignored 2 columns that hold no answer: 'Email', 'How well do you programme' (did you mean "
        "'How well do you program?'). To name each row by 'Email': --id-column NAME.\n"
    )


def test_every_cell_that_answers_no_choice_is_said_with_the_label_it_may_mean(run: Run, tmp_path: Path) -> None:
    text = "id,education,How well do you program?,new_tech\na,No degree,Expert,9\n"
    lines, stderr = batch_of(run, tmp_path, text)
    assert lines[0]["error"] == (
        "'No degree' is no answer to 'What is the highest education you have finished?' (did you mean "
        "'No degree yet'?); 'Expert' is no answer to 'How well do you program?' (its answers: Not at all yet, "
        "Beginner (small scripts, tutorials), Intermediate (I build working programs), Advanced (I write production "
        "code)); '9' is no answer to "
        "'How curious are you about new technologies?' (a whole number from 1 to 5, or its label)"
    )
    assert stderr == "A cell holds an answer's value or its label, as 'mlpath quiz --questions' lists them.\n"


def test_an_id_given_twice_is_counted_twice_and_said_once(run: Run, tmp_path: Path) -> None:
    text = "id,education,programming\n1,none,none\n2,none,none\n1,master-cs,none\n"
    lines, stderr = batch_of(run, tmp_path, text)
    assert [line["id"] for line in lines] == ["1", "2", "1"]
    assert stderr == (
        "1 set has the id of an earlier one ('1': rows 2 and 4); each is counted: a form sent twice counts twice.\n"
    )
    group = run("cohort", "-", "--defaults", "--json", input='{"id": 7}\n{"id": 7}\n{"id": 8}\n')
    assert json.loads(group.stdout)["valid"] == 3
    assert group.stderr == (
        "1 set has the id of an earlier one (7: lines 1 and 2); each is counted: a form sent twice counts twice.\n"
    )


def test_a_first_row_is_a_second_header_only_without_an_id_and_over_every_answer(run: Run, tmp_path: Path) -> None:
    lines, _ = batch_of(run, tmp_path, "id,programming,goal,interests\nx1,response,manager,nlp\nx2,none,manager,\n")
    assert [(line["id"], "error" in line) for line in lines] == [("x1", True), ("x2", False)]  # a student's row
    checkboxes_only = (
        "Respondent ID,Which specialties interest you?,,,Which industries would you like to work in?,\n"
        ",Natural language processing,Robotics,Computer vision,Finance and banking,Healthcare\n"
        "101,Natural language processing,,,Finance and banking,\n"
    )
    lines, _ = batch_of(run, tmp_path, checkboxes_only, "--id-column", "Respondent ID")
    assert [(line["id"], line["answers"]["interests"], line["answers"]["industries"]) for line in lines] == [
        ("101", ["nlp"], ["finance"])
    ]


def test_a_column_the_second_header_row_names_apart_from_the_choices_is_ignored_and_said(
    run: Run, tmp_path: Path
) -> None:
    text = (
        "Respondent ID,How far up the ladder do you want to go?,Which specialties interest you?,,\n"
        ",Response,Natural language processing,Robotics,Other (please specify)\n"
        "11,manager,Natural language processing,,quantum ML\n"
    )
    lines, stderr = batch_of(run, tmp_path, text, "--id-column", "Respondent ID")
    assert lines[0]["answers"]["interests"] == ["nlp"]
    assert stderr == PASSED_OVER + (
        "Ignored 1 column that holds no answer: 'Other (please specify)' (beside 'Which specialties interest you?').\n"
    )


def test_list_cells_left_off_at_the_end_of_a_row_are_none_chosen(run: Run, tmp_path: Path) -> None:
    lines, _ = batch_of(run, tmp_path, "id,goal,industries,interests,,\nx,manager\ny,manager,Healthcare,nlp\n")
    assert [(line["answers"]["industries"], line["answers"]["interests"]) for line in lines] == [
        ([], []),
        (["healthcare"], ["nlp"]),
    ]


def test_cells_under_no_header_are_said_to_be_ignored(run: Run, tmp_path: Path) -> None:
    lines, stderr = batch_of(run, tmp_path, "id,programming,,goal,\nu1,none,advanced,manager,\n")
    assert lines[0]["answers"]["programming"] == "none"
    assert stderr == (
        "Ignored the cells of column 3 (counting from 1): it has no header; a question's key or prompt as the "
        "header reads them.\n"
    )


@pytest.mark.parametrize(
    "header", ["Teacher notes - How well do you program?", "Why did you answer as you did to: How well do you program?"]
)
def test_a_header_that_only_ends_with_a_prompt_names_no_question(run: Run, tmp_path: Path, header: str) -> None:
    lines, stderr = batch_of(run, tmp_path, f"id,{header},programming\nh1,Needs work,none\n")
    assert lines[0]["answers"]["programming"] == "none" and stderr.startswith("Ignored 1 column")


@pytest.mark.parametrize(
    ("cell", "chosen"),
    [
        ("Natural language processing; Robotics, Computer vision", ["nlp", "computer-vision", "robotics"]),
        ("nlp,robotics", ["nlp", "robotics"]),
    ],
)
def test_a_list_cell_splits_at_semicolons_then_commas(run: Run, tmp_path: Path, cell: str, chosen: list[str]) -> None:
    lines, _ = batch_of(run, tmp_path, f'id,interests\na,"{cell}"\n')
    assert lines[0]["answers"]["interests"] == chosen


def test_none_beside_choices_says_to_keep_one(run: Run, tmp_path: Path) -> None:
    lines, _ = batch_of(run, tmp_path, 'id,interests\na,"nlp, none"\n')
    assert lines[0]["error"] == (
        "'nlp, none' has 'none' beside choices for 'Which specialties interest you?'; keep one or the other"
    )


def test_empty_ids_are_no_ids_and_an_empty_id_column_is_refused(run: Run, tmp_path: Path) -> None:
    _, stderr = batch_of(run, tmp_path, "id,programming\n,none\n,none\n")
    assert stderr == ""
    _, refused = batch_of(run, tmp_path, "id,programming\na,none\n", "--id-column", "")
    assert refused == "Error: --id-column needs the name of a column of the CSV; it was empty\n"
    lines, _ = batch_of(run, tmp_path, "id,programming,education\nshort\n")
    assert lines[0]["error"].startswith("the row has 1 cell where the header has 3")


def test_an_answer_written_in_where_no_choice_was_picked_is_read_as_the_answer(run: Run, tmp_path: Path) -> None:
    text = (  # SurveyMonkey: a single-choice question with "Other (please specify)"
        "Respondent ID,What is the highest education you have finished?,,How well do you program?\n"
        ",Response,Other (please specify),Response\n"
        "1,,PhD,Advanced (I write production code)\n"
        "2,,Master's in computer science,none\n"
        "3,No degree yet,,none\n"
    )
    lines, stderr = batch_of(run, tmp_path, text, "--id-column", "Respondent ID")
    assert lines[0]["error"] == (
        "'PhD' is no answer to 'What is the highest education you have finished?' (its answers: No degree yet, "
        "Bachelor's in computer science, Bachelor's in another field, Master's in computer science, Master's in "
        "another field)"
    )
    assert [line["answers"]["education"] for line in lines[1:]] == ["master-cs", "none"]
    assert stderr.startswith(PASSED_OVER) and "Other" not in stderr


def test_a_grid_named_by_the_second_header_row_reads_each_of_its_questions(run: Run, tmp_path: Path) -> None:
    scales = ["complex_problems", "new_tech", "continuous_learning", "analytical"]
    prompts = {q["key"]: q["prompt"] for q in json.loads(run("quiz", "--questions", "--json").stdout)["questions"]}
    text = (
        "Respondent ID,How well do you program?,Rate yourself" + "," * (len(scales) - 1) + "\n"
        ",Response," + ",".join(f'"{prompts[key]}"' for key in scales) + "\n"
        "7,none,5,4,2,1\n"
    )
    lines, stderr = batch_of(run, tmp_path, text, "--id-column", "Respondent ID")
    assert [lines[0]["answers"][key] for key in scales] == [5, 4, 2, 1]
    assert stderr == PASSED_OVER  # the grid's title is no ignored column


def test_a_column_without_a_header_after_a_checkbox_is_no_choice_without_a_second_header_row(
    run: Run, tmp_path: Path
) -> None:
    text = "id,Which industries would you like to work in?,\n1,Healthcare,called back 5 Jan\n"
    lines, stderr = batch_of(run, tmp_path, text)
    assert lines[0]["answers"]["industries"] == ["healthcare"]
    assert stderr.startswith("Ignored the cells of column 3 (counting from 1)")


def test_a_list_cell_of_many_items_that_are_no_answers_names_a_few_and_counts_the_rest(
    run: Run, tmp_path: Path
) -> None:
    cell = ",".join(f"zz{number}" for number in range(5000)) + ",nlp"
    lines, _ = batch_of(run, tmp_path, f'id,interests\n1,"{cell}"\n')
    said = lines[0]["error"].split("; ")
    assert [part.split(" is ")[0] for part in said[:3]] == ["'zz0'", "'zz1'", "'zz2'"]
    assert said[3:] == ["4,997 more items of that cell are no answers either"]
    lines, _ = batch_of(run, tmp_path, 'id,interests\n1,"zz0,zz1,zz2,zz3"\n')
    assert lines[0]["error"].endswith("; 1 more item of that cell is no answer either")


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    ids=st.lists(st.text(alphabet="ab \"',;\t\r\né", max_size=8), min_size=1, max_size=6),
    delimiter=st.sampled_from([",", ";", "\t"]),
    line_end=st.sampled_from(["\r\n", "\n", "\r"]),
)
def test_a_csv_is_split_into_the_rows_a_csv_reader_finds(
    run: Run, tmp_path: Path, ids: list[str], delimiter: str, line_end: str
) -> None:
    """Where a row ends is found from its quotes and delimiters alone: the same rows, starting on
    the same lines, as Python's csv reader finds in whatever a spreadsheet may write."""
    written = io.StringIO()
    writer = csv.writer(written, delimiter=delimiter, lineterminator=line_end)
    writer.writerows([["id", "programming"], *([ident, "zz"] for ident in ids)])  # each row an error: its line said
    text = written.getvalue()
    survey = tmp_path / "survey.csv"
    survey.write_text(text, encoding="utf-8", newline="")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    next(reader)
    start, expected = reader.line_num + 1, []
    for row in reader:  # (a lone CR the writer left unquoted ends a line: a blank row, skipped)
        if any(cell.strip() for cell in row):
            expected.append((start, row[0].strip() or None))
        start = reader.line_num + 1
    result = run("quiz", "--batch", "--defaults", "--answers", str(survey))
    assert [(line["line"], line.get("id")) for line in map(json.loads, result.stdout.splitlines())] == expected


@pytest.mark.parametrize(
    ("second", "ignored"),
    [
        (",Response,Other (please specify),Response", "'Other (please specify)' (beside 'How did you hear about us?')"),
        (",Friends,Posters,Response", "'Posters' (beside 'How did you hear about us?')"),
    ],
    ids=["other", "choices"],
)
def test_a_second_header_row_is_known_beside_a_question_mlpath_does_not_ask(
    run: Run, tmp_path: Path, second: str, ignored: str
) -> None:
    text = f"Respondent ID,How did you hear about us?,,How well do you program?\n{second}\n1,Friends,,none\n"
    lines, stderr = batch_of(run, tmp_path, text, "--id-column", "Respondent ID")
    assert [(line["id"], line["answers"]["programming"]) for line in lines] == [("1", "none")]
    assert stderr == PASSED_OVER + (
        f"Ignored 2 columns that hold no answer: 'How did you hear about us?', {ignored}.\n"
    )


def test_a_first_row_of_choices_alone_is_a_student_where_no_form_column_is_left_empty(run: Run, tmp_path: Path) -> None:
    text = "Which specialties interest you?,\nNatural language processing,Robotics\nComputer vision,\n"
    lines, stderr = batch_of(run, tmp_path, text)
    assert [line["answers"]["interests"] for line in lines] == [["nlp"], ["computer-vision"]]
    assert "Passed over" not in stderr and "column 2" in stderr  # a column without a header: said, not read


@pytest.mark.parametrize("first", ["sep=;;", '"sep=;"', "SEP=;", "sep=; "])
def test_a_spreadsheets_separator_line_is_read_however_it_was_saved(run: Run, tmp_path: Path, first: str) -> None:
    lines, _ = batch_of(run, tmp_path, f"{first}\nid;programming\na;advanced\n")
    assert [(line["id"], line["answers"]["programming"]) for line in lines] == [("a", "advanced")]


def test_a_separator_line_naming_no_delimiter_mlpath_reads_says_so(run: Run, tmp_path: Path) -> None:
    lines, stderr = batch_of(run, tmp_path, "sep=é\nidéprogramming\naénone\n")
    assert lines == [] and stderr == (
        "Error: line 1 of the CSV names its delimiter with 'sep=é'; mlpath reads a comma, a semicolon or a tab "
        "(sep=, sep=; or a tab after sep=)\n"
    )


def test_a_row_that_cannot_be_read_keeps_the_id_that_can(run: Run, tmp_path: Path) -> None:
    survey = tmp_path / "survey.csv"
    survey.write_bytes(b'id,programming,note\na1,"none"x,\na2,none,caf\xe9\n\xe93,none,\n')
    result = run("quiz", "--batch", "--defaults", "--answers", str(survey))
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(line["line"], line.get("id"), line["error"][:22]) for line in lines] == [
        (2, "a1", "the row has text after"),
        (3, "a2", "the row is not UTF-8 t"),
        (4, None, "the row is not UTF-8 t"),  # an id that is not text is none
    ]


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("id,programming\ra1,none\ra2,none\r", ["a1", "a2"]),  # a spreadsheet on an old Mac
        ("id,programming\na1,none\ra2,none\r\na3,none\n", ["a1", "a2", "a3"]),  # one stray CR
    ],
)
def test_a_lone_carriage_return_ends_a_line_as_a_spreadsheet_reads_it(
    run: Run, tmp_path: Path, text: str, ids: list[str]
) -> None:
    lines, _ = batch_of(run, tmp_path, text)
    assert [line["id"] for line in lines] == ids


def test_an_answer_given_with_set_wins_over_a_csv_cell_as_over_a_json_line(run: Run, tmp_path: Path) -> None:
    lines, _ = batch_of(run, tmp_path, "id,programming\na,zz\nb,none\n", "--set", "programming=advanced")
    assert [line["answers"]["programming"] for line in lines] == ["advanced", "advanced"]
    json_lines = run("quiz", "--batch", "--defaults", "--set", "programming=advanced", input='{"programming": "zz"}\n')
    assert json.loads(json_lines.stdout)["answers"]["programming"] == "advanced"


def test_a_row_of_choices_is_a_student_where_the_forms_own_columns_are_filled(run: Run, tmp_path: Path) -> None:
    text = (
        "Timestamp,Which specialties interest you?,,Comments\n"
        "2026-01-05 10:00,Robotics,Computer vision,\n"
        "2026-01-05 10:01,Data science,,\n"
    )
    lines, stderr = batch_of(run, tmp_path, text)
    assert [line["answers"]["interests"] for line in lines] == [["robotics"], ["data-science"]]
    assert "Passed over" not in stderr


def test_a_crlf_that_the_bound_splits_ends_one_line(run: Run, tmp_path: Path) -> None:
    survey = tmp_path / "survey.csv"
    row = b"ana,zz," + b"x" * (MAX_LINE_BYTES - 6)  # with its CRLF, over the bound by one byte
    survey.write_bytes(b"id,programming,note\r\n" + row + b"\r\nben,zz,\r\ncy,zz,\r\n")
    result = run("quiz", "--batch", "--defaults", "--answers", str(survey))
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(line["line"], line["id"]) for line in lines] == [(2, "ana"), (3, "ben"), (4, "cy")]
    assert "over 1,000,000 bytes" in lines[0]["error"]


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (
            b'id,programming\rcy,"one\rtwo\rthr\xffee"\r',
            "the row (lines 2 to 4) is not UTF-8 text (byte 0xff on line 4)",
        ),
        (b'id,programming\ncy,"one\ntwo"x\n', "the row (lines 2 to 3) has text after a quoted cell's closing quote"),
    ],
)
def test_a_row_that_cannot_be_read_names_the_lines_it_spans(run: Run, tmp_path: Path, data: bytes, says: str) -> None:
    survey = tmp_path / "survey.csv"
    survey.write_bytes(data)
    result = run("quiz", "--batch", "--defaults", "--answers", str(survey))
    assert json.loads(result.stdout)["error"].startswith(says)


@pytest.mark.parametrize(
    ("fourth", "said"),
    [
        ("Other (please specify)", "(beside 'How curious are you about new technologies?')"),  # a grid's comment
        (
            "How ready are you to keep learning for your career?",  # a grid's question, misspelt
            "(did you mean 'How ready are you to keep learning for your whole career?')",
        ),
    ],
)
def test_a_grids_column_that_names_no_question_is_no_answer_and_says_why(
    run: Run, tmp_path: Path, fourth: str, said: str
) -> None:
    text = (
        "Respondent ID,How well do you program?,Rate yourself,\n"
        f",Response,How curious are you about new technologies?,{fourth}\n"
        "1,none,4,1\n"
    )
    lines, stderr = batch_of(run, tmp_path, text, "--id-column", "Respondent ID")
    assert (lines[0]["answers"]["new_tech"], lines[0]["answers"]["continuous_learning"]) == (4, 3)  # its default, not 1
    assert stderr.endswith(f"'{fourth}' {said}.\n")


def test_a_header_row_repeated_by_two_exports_joined_is_passed_over_and_said(run: Run, tmp_path: Path) -> None:
    text = "id,How well do you program?\nana,beginner\nid,How well do you program?\nben,advanced\n"
    lines, stderr = batch_of(run, tmp_path, text)
    assert [line["id"] for line in lines] == ["ana", "ben"]
    assert (
        stderr == "Passed over 1 row that repeats the header row (the first on line 3), as two exports joined have.\n"
    )


def test_a_cell_that_is_no_answer_is_said_the_same_on_every_row(run: Run, tmp_path: Path) -> None:
    lines, _ = batch_of(run, tmp_path, "id,programming\na,Intermediat\nb,Intermediat\n")
    assert (
        lines[0]["error"]
        == lines[1]["error"]
        == ("'Intermediat' is no answer to 'How well do you program?' (did you mean 'intermediate'?)")
    )
