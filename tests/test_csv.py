"""--format csv: RFC 4180 with a header row, one row per record of the command's list."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from conftest import Run
from golden import CASES, NOT_TABULAR


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def csv_of(run: Run, *argv: str) -> list[dict[str, str]]:
    result = run(*argv, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    return rows(result.stdout)


# command line -> (the JSON list(s) that the rows are, the key that identifies an item)
LISTS: dict[str, tuple[tuple[str, ...], str]] = {
    "salary": (("tiers",), "id"),
    "ladder": (("levels",), "id"),
    "skills": (("core", "on_the_job"), "id"),
    "specialties": (("specialties",), "id"),
    "aspects": (("best", "worst"), "id"),
    "resources": (("resources",), "id"),
    "internships": (("internships",), "id"),
    "industries": (("industries",), "id"),
    "companies": (("companies",), "id"),
    "roadmap": (("steps",), "id"),
    "sources": (("sources",), "id"),
    "search": (("results",), "item"),
}


@pytest.mark.parametrize("command", list(LISTS))
def test_one_row_per_item_with_its_values(run: Run, command: str) -> None:
    argv = ("search", "learning") if command == "search" else (command,)
    document = json.loads(run(*argv, "--json").stdout)
    names, key = LISTS[command]
    items: list[dict[str, Any]] = [item for name in names for item in document[name]]
    found = csv_of(run, *argv)
    assert [row[key] for row in found] == [str(item[key]) for item in items]
    for row, item in zip(found, items, strict=True):
        for name, value in item.items():
            if isinstance(value, (str, int)) and not isinstance(value, bool):
                assert row[name] == str(value), (command, name)
    if len(names) > 1:
        assert [row["list"] for row in found] == [name for name in names for _ in document[name]]


def test_lists_inside_a_row_are_one_item_per_line(run: Run) -> None:
    document = json.loads(run("ladder", "--json").stdout)
    found = csv_of(run, "ladder")
    assert found[0]["duties"].split("\n") == document["levels"][0]["duties"]
    skills = {row["id"]: row for row in csv_of(run, "skills")}
    assert "frameworks: TensorFlow, PyTorch, Keras" in skills["deep-learning"]["tools"].split("\n")
    sources = {row["id"]: row for row in csv_of(run, "sources")}
    assert sources["forbes"]["figures"] == "salary.national_average.amount: 59428"


def test_a_roadmap_row_per_step_with_its_actions(run: Run) -> None:
    argv = ("quiz", "--defaults", "--set", "interests=nlp,robotics", "--set", "programming=none")
    document = json.loads(run(*argv, "--json").stdout)
    found = csv_of(run, *argv)
    assert list(found[0]) == ["number", "id", "phase", "title", "why", "answers_used", "actions"]
    assert [row["id"] for row in found] == [step["id"] for step in document["steps"]]
    nlp = next(row for row in found if row["id"] == "specialty-nlp")
    assert nlp["answers_used"] == "interests"
    step = next(s for s in document["steps"] if s["id"] == "specialty-nlp")
    assert nlp["actions"].split("\n") == step["actions"]


def test_salary_rows_carry_the_comparison_when_asked(run: Run) -> None:
    plain = csv_of(run, "salary")
    assert plain[0]["compared_with_yours.difference"] == ""
    compared = csv_of(run, "salary", "--compare", "75000")
    assert compared[0]["compared_with_yours.difference"] == "43000"
    assert compared[0]["compared_with_yours.percent"] == "57.3"
    assert list(plain[0]) == list(compared[0])  # the same columns either way


def test_progress_and_questions_are_tables_too(run: Run) -> None:
    run("quiz", "--defaults", "--save")
    run("progress", "set", "math", "done")
    steps = csv_of(run, "progress")
    header = ["number", "id", "phase", "title", "why", "answers_used", "status", "updated", "actions"]
    assert list(steps[0]) == header  # the lists inside a row (actions) come last, as in every CSV
    document = json.loads(run("progress", "--json").stdout)
    assert [row["id"] for row in steps] == [step["id"] for step in document["steps"]]
    math = next(row for row in steps if row["id"] == "math")
    assert math["status"] == "done" and math["updated"]
    assert math["actions"].split("\n") == next(s for s in document["steps"] if s["id"] == "math")["actions"]
    questions = csv_of(run, "quiz", "--questions")
    assert list(questions[0]) == ["key", "kind", "prompt", "help", "default", "when", "choices"]
    scale = next(row for row in questions if row["key"] == "resilience")
    assert scale["choices"] == "1: Not well\n2: A little\n3: Fairly well\n4: Well\n5: Very well"
    assert scale["default"] == "3" and scale["when"] == ""
    study = next(row for row in questions if row["key"] == "study")
    assert study["when"] == (
        "education=none path=degree|undecided or education=bachelor-cs path=degree|undecided"
        " or education=bachelor-other path=degree"
    )


def test_rfc_4180_crlf_quotes_and_utf8(run: Run) -> None:
    result = run("salary", "--format", "csv")
    raw = result.stdout_bytes
    assert raw.startswith(b"id,name,amount,source,") and raw.count(b"\r\n") == 4
    assert '"$118,000 ÷ $59,428 = 1.99"'.encode() in raw  # a comma inside: quoted; ÷ in UTF-8


@pytest.mark.parametrize("name", sorted(NOT_TABULAR))
def test_a_document_that_is_not_a_list_has_no_csv(run: Run, name: str) -> None:
    result = run(*CASES[name], "--format", "csv")
    assert result.exit_code == 2
    assert "'csv' is not one of 'table', 'plain', 'json', 'yaml', 'markdown'" in result.stderr
    assert result.stdout == ""


def test_data_check_has_no_csv(run: Run) -> None:
    result = run("data", "check", "--format", "csv")
    assert result.exit_code == 2 and "'csv' is not one of" in result.stderr


def test_output_file_picks_csv_by_its_extension(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "roadmap.csv"
    result = run("roadmap", "--defaults", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert "(csv)" in result.stderr
    assert rows(target.read_text(encoding="utf-8"))[0]["id"] == "programming"
