"""Odd numbers: other scripts' digits, superscripts, thousands of digits, floats and booleans
where whole numbers belong. Each is a one-line usage error (2) or a content error (3)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import Run
from mlpath.output.terminal import DEFAULT_HEIGHT, DEFAULT_WIDTH, screen_height, screen_width
from mlpath.text import MAX_DIGITS, TooLongError, json_integer, short, whole_number

THOUSANDS = "1" * 5000  # past Python's 4,300-digit limit for int()
ODD = ["²", "①", "٣", "１", "1²", "٣٣", THOUSANDS, "9" * 400, "1" * (MAX_DIGITS + 1), "3.0", "0x3", "1_0", "+3"]


# The helper --------------------------------------------------------------------------------


@given(st.integers(min_value=0, max_value=10**MAX_DIGITS - 1), st.sampled_from(["", " ", "\t", "  "]))
def test_a_whole_number_reads_back(number: int, space: str) -> None:
    assert whole_number(f"{space}{number}{space}") == number


@given(st.text())
def test_anything_else_is_none_never_an_error(text: str) -> None:
    number = whole_number(text)
    digits = text.strip()
    if number is None:
        assert not (digits and digits.isascii() and digits.isdigit() and len(digits) <= MAX_DIGITS)
    else:
        assert digits.isascii() and digits.isdigit() and number == int(digits)


@given(st.text(alphabet=st.characters(categories=["Nd", "No", "Nl"]), min_size=1))
def test_digits_of_other_scripts_are_not_numbers(text: str) -> None:
    if not text.isascii():
        assert whole_number(text) is None


@pytest.mark.parametrize("text", ODD)
def test_odd_numbers_are_not_whole_numbers(text: str) -> None:
    assert whole_number(text) is None


def test_json_integers_have_a_length_limit() -> None:
    assert json.loads('{"a": -12}', parse_int=json_integer) == {"a": -12}
    with pytest.raises(TooLongError, match="5,000 digits"):
        json.loads(f'{{"a": {THOUSANDS}}}', parse_int=json_integer)


def test_a_huge_number_in_a_message_stays_short() -> None:
    assert short(10**4400) == "<a number of about 4400 digits>"
    assert len(short("1" * 10_000)) == 60


@pytest.mark.parametrize("value", ["0", "-5", "abc", "99999999999", "٣٠", "1" * 5000, "", " "])
def test_nonsense_screen_sizes_fall_back(value: str) -> None:
    assert screen_width({"COLUMNS": value}) == DEFAULT_WIDTH
    assert screen_height({"LINES": value}) == DEFAULT_HEIGHT


# The command line --------------------------------------------------------------------------


def one_line_usage_error(result: object, *needles: str) -> None:
    assert result.exit_code == 2, result.stderr  # type: ignore[attr-defined]
    stderr: str = result.stderr  # type: ignore[attr-defined]
    assert len(stderr.strip().splitlines()) == 1 and len(stderr) < 400, stderr
    assert "internal error" not in stderr and "Traceback" not in stderr
    for needle in needles:
        assert needle in stderr


@pytest.mark.parametrize("level", [*ODD, "0", "7"])
def test_ladder_levels(run: Run, level: str) -> None:
    one_line_usage_error(run("ladder", level), "choose one of: 1 junior")


def test_ladder_takes_ascii_numbers(run: Run) -> None:
    assert run("ladder", "3", "--json").exit_code == 0
    assert run("ladder", " 3 ", "--json").exit_code == 0


@pytest.mark.parametrize("step", [*ODD, "0", "99"])
def test_progress_set_steps(run: Run, step: str) -> None:
    assert run("roadmap", "--defaults", "--save").exit_code == 0
    one_line_usage_error(run("progress", "set", step, "done"), "choose one of: 1 ")


def test_progress_set_takes_ascii_numbers(run: Run) -> None:
    assert run("roadmap", "--defaults", "--save").exit_code == 0
    assert run("progress", "set", "1", "done").exit_code == 0


@pytest.mark.parametrize("flag", ["--set", "--what-if"])
@pytest.mark.parametrize("value", [*ODD, "0", "6", "true", ""])
def test_scale_answers_in_flags(run: Run, flag: str, value: str) -> None:
    result = run("roadmap", "--defaults", flag, f"complex_problems={value}", "--json")
    one_line_usage_error(result, "allowed: a whole number from 1 to 5")


@pytest.mark.parametrize("value", ["٣", "²", "3.0", "true", "'٣'", ".inf", ".nan", "[3]"])
def test_scale_answers_in_yaml(run: Run, tmp_path: Path, value: str) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text(f"complex_problems: {value}\n", encoding="utf-8")
    one_line_usage_error(run("roadmap", "--answers", str(answers), "--defaults"), "allowed: a whole number from 1 to 5")


@pytest.mark.parametrize("value", ["3.0", "true", '"３"', "9" * 400 + ".5", "1e999", "NaN", "-Infinity"])
def test_scale_answers_in_json(run: Run, tmp_path: Path, value: str) -> None:
    answers = tmp_path / "a.json"
    answers.write_text(f'{{"complex_problems": {value}}}', encoding="utf-8")
    one_line_usage_error(run("roadmap", "--answers", str(answers), "--defaults"), "allowed: a whole number from 1 to 5")


@pytest.mark.parametrize("name", ["a.yaml", "a.json"])
@pytest.mark.parametrize("digits", [MAX_DIGITS + 1, 400, 5000])
def test_thousands_of_digits_in_answer_files(run: Run, tmp_path: Path, name: str, digits: int) -> None:
    answers = tmp_path / name
    number = "7" * digits
    answers.write_text(
        f'{{"complex_problems": {number}}}' if name.endswith("json") else f"complex_problems: {number}\n"
    )
    result = run("roadmap", "--answers", str(answers), "--defaults")
    one_line_usage_error(result, f"refused: a number of {digits:,} digits")
    if name.endswith("yaml"):
        assert f"{answers}:1:19:" in result.stderr


def test_unicode_digits_in_json_are_not_json(run: Run, tmp_path: Path) -> None:
    answers = tmp_path / "a.json"
    answers.write_text('{"complex_problems": ٣}', encoding="utf-8")
    one_line_usage_error(run("roadmap", "--answers", str(answers), "--defaults"), "not valid JSON")


@pytest.mark.parametrize("amount", [*ODD[:7], "７５０００", "75000 1", "0", "1e9", "100000001", "0.4"])
def test_salary_compare_amounts(run: Run, amount: str) -> None:
    result = run("salary", "--compare", amount)
    assert result.exit_code == 2 and "'--compare'" in result.stderr
    assert "internal error" not in result.stderr and len(result.stderr) < 600


@pytest.mark.parametrize("columns", ["0", "-5", "abc", "99999999999", "1" * 5000, "٣٠"])
def test_nonsense_columns_still_draw_tables_and_help(run: Run, columns: str) -> None:
    table = run("salary", "--format", "table", env={"COLUMNS": columns, "LINES": "0"})
    assert table.exit_code == 0 and max(map(len, table.stdout.splitlines())) <= DEFAULT_WIDTH
    assert run("--help", env={"COLUMNS": columns}).exit_code == 0
    assert run("ladder", "--help", env={"COLUMNS": columns}).exit_code == 0


# Content figures ---------------------------------------------------------------------------


def replace(content_dir: Path, name: str, pattern: str, value: str) -> None:
    path = content_dir / name
    text, count = re.subn(pattern, lambda match: match.group(1) + value, path.read_text(encoding="utf-8"), count=1)
    assert count == 1, pattern
    path.write_text(text, encoding="utf-8")


NATIONAL_AVERAGE = r"(national_average:\n  name: [^\n]*\n  amount: \{value: )59428"
ENTRY = r"(amount: \{value: )118000"
FIGURES = [
    ("salary.yaml", NATIONAL_AVERAGE, "0", "national_average.amount.value"),
    ("salary.yaml", NATIONAL_AVERAGE, "-59428", "national_average.amount.value"),
    ("salary.yaml", ENTRY, "9" * 400, ""),  # refused as it is read, before the schema
    ("salary.yaml", ENTRY, THOUSANDS, ""),
    ("salary.yaml", ENTRY, "118000.5", "tiers[0].amount.value"),
    ("salary.yaml", ENTRY, "true", "tiers[0].amount.value"),
    ("salary.yaml", ENTRY, "'118000'", "tiers[0].amount.value"),
    ("salary.yaml", ENTRY, ".inf", "tiers[0].amount.value"),
    ("salary.yaml", ENTRY, "٣", "tiers[0].amount.value"),
    ("education.yaml", r"(years: \{value: )4", "0", "durations.bachelor.years.value"),
    ("education.yaml", r"(years: \{value: )4", "4.5", "durations.bachelor.years.value"),
    ("education.yaml", r"(years_min: \{value: )1", "3", "durations.master.years_min"),
    ("education.yaml", r"(in_state: \{value: )10162", "-1", "tuition.undergraduate.in_state.value"),
    ("education.yaml", r"(in_state: \{value: )10162", "10000000000", "tuition.undergraduate.in_state.value"),
    ("outlook.yaml", r"(growth_percent: \{value: )40", "-40", "growth_percent.value"),
    ("outlook.yaml", r"(start: \{value: )2023", "2030", "period.start"),
    ("outlook.yaml", r"(end: \{value: )2027", "99999", "period.end.value"),
    ("assumptions.yaml", r"(    value: )2", ".inf", "assumptions[2].value"),
    ("assumptions.yaml", r"(    value: )2", "0", "assumptions[2].value"),
    ("assumptions.yaml", r"(    value: )2", "true", "assumptions[2].value"),
    ("assumptions.yaml", r"(    value: )2", "1e300", "assumptions[2].value"),
    ("assumptions.yaml", r"(  - id: )part-time-factor", "part-time-factr", "assumptions"),
    ("verdict.yaml", r"(strength_at: )\d+", "6", "strength_at"),
    ("verdict.yaml", r"(min_strengths: )\d+", "1" * 30, ""),
    ("verdict.yaml", r"(min_strengths: )\d+", "101", "levels[0].min_strengths"),
    ("roadmap.yaml", r"(  offer: )\d+", "-1", "what_if.offer"),
    ("questions.yaml", r"(key: complex_problems\n(?:.*\n)*?      - \{value: )1", "0", "questions[10].choices[0].value"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "pattern", "value", "field"), FIGURES)
def test_odd_figures_are_content_errors(
    run: Run, content_dir: Path, name: str, pattern: str, value: str, field: str
) -> None:
    replace(content_dir, name, pattern, value)
    check = run("data", "check", str(content_dir), "--json")
    assert check.exit_code == 3, check.stdout
    problems = json.loads(check.stdout)["problems"]
    assert any(p["file"].endswith(name) and p["line"] and p["field"].startswith(field) for p in problems), problems
    for command in (["salary"], ["education", "--masters"], ["outlook"], ["roadmap", "--defaults"]):
        result = run("--data-dir", str(content_dir), *command)
        assert result.exit_code == 3 and "internal error" not in result.stderr, (command, result.stderr)


EDGES = [
    ("education.yaml", r"(in_state: \{value: )10162", "0"),
    ("education.yaml", r"(years_max: \{value: )2", "20"),
    ("salary.yaml", NATIONAL_AVERAGE, "1"),
    ("salary.yaml", ENTRY, "100000000"),
    ("outlook.yaml", r"(growth_percent: \{value: )40", "0"),
    ("assumptions.yaml", r"(    value: )2", "0.001"),
    ("roadmap.yaml", r"(  offer: )\d+", "0"),
    ("verdict.yaml", r"(min_strengths: )\d+", "100"),
]
COMMANDS = [
    ["salary", "--compare", "1"],
    ["education", "--residency", "out-of-state", "--masters"],
    ["outlook"],
    ["sources"],
    ["roadmap", "--defaults", "--set", "study=part-time", "--set", "path=degree"],
    ["quiz", "--defaults", "--set", "education=bachelor-cs", "--set", "study=part-time", "--what-if", "goal=manager"],
]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "pattern", "value"), EDGES)
def test_figures_at_their_bounds_work_everywhere(
    run: Run, content_dir: Path, name: str, pattern: str, value: str
) -> None:
    replace(content_dir, name, pattern, value)
    assert run("data", "check", str(content_dir)).exit_code == 0
    for command in COMMANDS:
        for fmt in ("table", "plain"):
            result = run("--data-dir", str(content_dir), *command, "--format", fmt)
            assert result.exit_code == 0, (command, fmt, result.stderr)


@pytest.mark.parametrize(
    "args",
    [
        ["ladder", "--format", THOUSANDS],
        ["education", "--residency", THOUSANDS],
        ["roadmap", "--defaults", "--set", f"goal={THOUSANDS}"],
        ["roadmap", "--defaults", "--set", f"{THOUSANDS}=3"],
        ["schema", THOUSANDS],
        ["ladder", f"-{THOUSANDS}"],
        [THOUSANDS],
    ],
)
def test_a_huge_value_is_never_echoed_whole(run: Run, args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert len(result.stderr) < 1000 and "internal error" not in result.stderr


@pytest.mark.parametrize("point", ["٣", "²", THOUSANDS, "-1"])
def test_odd_completion_positions(run: Run, point: str) -> None:
    from typer.testing import CliRunner

    from mlpath.cli import app

    for env in (
        {"COMP_LINE": "mlpath lad", "COMP_POINT": point},
        {"COMP_WORDS": "mlpath lad", "COMP_CWORD": point},
    ):
        result = CliRunner().invoke(app, [], env={"_MLPATH_COMPLETE": "complete_bash", **env}, prog_name="mlpath")
        assert result.exit_code == 0 and "internal error" not in result.stderr, result.stderr
