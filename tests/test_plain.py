"""Plain output carries everything the JSON carries, one record per line, fixed fields per type."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import Run, leaves
from golden import CASES
from mlpath.content.rules import Questions
from mlpath.engine.compare import Comparison
from mlpath.output.records import record_types
from mlpath.output.schema import models
from test_schema import VARIANTS, command_of


def model_of(argv: tuple[str, ...]) -> type:
    """The model of the document a command line prints."""
    found = models(command_of(argv))
    if argv[0] == "ladder" and len(argv) > 1:
        return found[1]
    if "--what-if" in argv:
        return Comparison
    return Questions if "--questions" in argv else found[0]


@pytest.mark.parametrize("argv", [*CASES.values(), *VARIANTS], ids=" ".join)
def test_plain_carries_every_value_of_the_json(run: Run, argv: tuple[str, ...]) -> None:
    document = json.loads(run(*argv, "--json").stdout)
    lines = run(*argv, "--format", "plain").stdout.splitlines()
    fields = {field for line in lines for field in line.split("\t")}
    fields |= {part for field in fields for part in field.split(",")}  # ids listed in one field
    missing = [value for value in leaves(document) if value not in fields]
    assert not missing, f"plain lacks {missing[:3]}"


@pytest.mark.parametrize("argv", [*CASES.values(), *VARIANTS], ids=" ".join)
def test_every_record_has_the_fields_of_its_type(run: Run, argv: tuple[str, ...]) -> None:
    declared = {record.name: len(record.fields) for record in record_types(model_of(argv))}
    lines = run(*argv, "--format", "plain").stdout.splitlines()
    assert lines
    for line in lines:
        kind, *fields = line.split("\t")
        assert kind in declared, f"{kind!r} is not a record type of {argv[0]}"
        assert len(fields) == declared[kind], line


def test_plain_of_a_roadmap_has_every_action_and_the_verdict_first(run: Run) -> None:
    argv = ("quiz", "--defaults", "--set", "programming=none", "--set", "interests=nlp")
    document = json.loads(run(*argv, "--json").stdout)
    lines = run(*argv).stdout.splitlines()
    assert lines[0] == f"verdict\t{document['verdict']['level']}\t{document['verdict']['summary']}"
    assert lines[1].startswith("step\t1\tprogramming\tfoundations\t")
    actions = [line.split("\t")[1:] for line in lines if line.startswith("action\t")]
    assert actions == [[step["id"], action] for step in document["steps"] for action in step["actions"]]
    assert "answer\tinterests\tnlp" in lines


def test_values_with_tabs_or_line_breaks_stay_on_one_line(run: Run, content_dir: Path) -> None:
    role = content_dir / "role.yaml"
    old = """definition: >-
  A machine learning engineer designs, ships and tunes the models that let software learn
  from data and make predictions or decisions on its own.
"""
    assert old in role.read_text()
    role.write_text(role.read_text().replace(old, 'definition: "Tabs\\there and\\nline  breaks."\n'))
    lines = run("--data-dir", str(content_dir), "about").stdout.splitlines()
    assert lines[0] == "definition\tTabs here and line breaks."
    assert json.loads(run("--data-dir", str(content_dir), "about", "--json").stdout)["definition"] == (
        "Tabs\there and\nline  breaks."
    )


def carries_every_value(document: Any, lines: list[str]) -> list[Any]:
    """The values of the JSON that plain lacks."""
    fields = {field for line in lines for field in line.split("\t")}
    fields |= {part for field in fields for part in field.split(",")}
    return [value for value in leaves(document) if value not in fields]


def saved_plan(run: Run) -> None:
    run("quiz", "--defaults", "--save")
    run("progress", "set", "math", "learning")


def test_progress_plain_carries_every_value_and_the_next_step_first(run: Run) -> None:
    saved_plan(run)
    document = json.loads(run("progress", "--json").stdout)
    lines = run("progress").stdout.splitlines()
    assert carries_every_value(document, lines) == []
    assert document["next"]["id"] == "math"  # the step under way
    assert lines[0].startswith(f"next\t{document['next']['number']}\tmath\tfoundations\t")
    assert "step\t1\tprogramming\tfoundations\t" in "\n".join(lines)


def test_progress_records_have_the_fields_of_their_types(run: Run) -> None:
    saved_plan(run)
    lines = run("progress").stdout.splitlines()
    declared = {record.name: len(record.fields) for record in record_types(models("progress")[0])}
    assert all(len(line.split("\t")) - 1 == declared[line.split("\t")[0]] for line in lines)


def test_your_roadmap_plain_carries_every_value_with_the_fields_of_its_types(run: Run) -> None:
    """`mlpath roadmap` with a plan saved: each step with its status."""
    saved_plan(run)
    document = json.loads(run("roadmap", "--json").stdout)
    lines = run("roadmap").stdout.splitlines()
    assert carries_every_value(document, lines) == []
    declared = {record.name: len(record.fields) for record in record_types(models("roadmap")[2])}
    assert all(len(line.split("\t")) - 1 == declared[line.split("\t")[0]] for line in lines)
    math = next(line.split("\t") for line in lines if line.startswith("step\t2\t"))
    assert math[2] == "math" and math[-2] == "learning"
