"""Plain output carries everything the JSON carries, one record per line, fixed fields per type."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import Run
from golden import CASES
from mlpath.documents import COMMANDS
from mlpath.render.records import record_types
from test_schema import VARIANTS, command_of


def leaves(document: Any) -> Iterator[str]:
    """Every string, number and true/false of a JSON document, as plain writes a value."""
    if isinstance(document, dict):
        for value in document.values():
            yield from leaves(value)
    elif isinstance(document, list):
        for value in document:
            yield from leaves(value)
    elif isinstance(document, str):
        yield " ".join(document.split())
    elif document is not None:
        yield json.dumps(document)


def kind_of(argv: tuple[str, ...]) -> str:
    kinds = COMMANDS[command_of(argv)]
    if argv[0] == "ladder" and len(argv) > 1:
        return "ladder_level"
    if "--what-if" in argv:
        return "comparison"
    return "questions" if "--questions" in argv else kinds[0]


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
    declared = {record.name: len(record.fields) for record in record_types(kind_of(argv))}
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


def test_progress_plain_carries_every_value_with_the_fields_of_its_types(run: Run) -> None:
    run("quiz", "--defaults", "--save")
    run("progress", "set", "math", "learning")
    document = json.loads(run("progress", "--json").stdout)
    lines = run("progress").stdout.splitlines()
    fields = {field for line in lines for field in line.split("\t")}
    fields |= {part for field in fields for part in field.split(",")}
    assert [value for value in leaves(document) if value not in fields] == []
    declared = {record.name: len(record.fields) for record in record_types("progress")}
    assert all(len(line.split("\t")) - 1 == declared[line.split("\t")[0]] for line in lines)
    assert lines[0].startswith("step\t1\t") and "next\tmath\t" in "\n".join(lines)
