"""`mlpath schema COMMAND`, and every command's real --json output checked against its schema."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from conftest import Run
from golden import CASES, branch_answers
from mlpath.output.schema import COMMANDS

# Command lines beyond the golden cases, so that every optional part of a document is seen.
VARIANTS: tuple[tuple[str, ...], ...] = (
    *(("ladder", level) for level in ("junior", "director")),
    ("salary", "--compare", "250k"),
    ("education", "--masters"),
    ("search", "pytorh"),
    ("search", "fraud detection"),
    ("roadmap", "--defaults", "--set", "education=master-cs", "--set", "path=online"),
    ("roadmap", "--defaults", "--what-if", "programming=advanced", "--what-if", "goal=director"),
    ("quiz", "--defaults", "--set", "education=master-cs", "--what-if", "education=none", "--what-if", "math=weak"),
    ("data", "check"),
)


def closed(schema: Any) -> Any:
    """The schema with no room for undeclared keys: the published one leaves room (see README)."""
    if isinstance(schema, dict):
        found = {key: closed(value) for key, value in schema.items()}
        if "properties" in found:
            found["additionalProperties"] = False
        return found
    if isinstance(schema, list):
        return [closed(item) for item in schema]
    return schema


SCHEMAS: dict[str, str] = {}  # each command's schema as `mlpath schema` printed it, the first time asked


def schema_of(run: Run, command: str) -> dict[str, Any]:
    if command not in SCHEMAS:
        result = run("schema", *command.split())
        assert result.exit_code == 0, result.stderr
        SCHEMAS[command] = result.stdout
    schema: dict[str, Any] = json.loads(SCHEMAS[command])
    return schema


def check(run: Run, command: str, document: Any) -> None:
    errors = list(Draft202012Validator(closed(schema_of(run, command))).iter_errors(document))
    assert not errors, f"mlpath {command}: {errors[0].json_path}: {errors[0].message}"


def command_of(argv: tuple[str, ...]) -> str:
    return "data check" if argv[:2] == ("data", "check") else argv[0]


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_schema_is_a_valid_draft_2020_12_schema(run: Run, command: str) -> None:
    schema = schema_of(run, command)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == f"mlpath {command} --json"
    assert schema["$id"].startswith("urn:mlpath:schema:v1:")


def cases() -> Iterator[tuple[str, ...]]:
    yield from (argv for argv in CASES.values())
    yield from VARIANTS


@pytest.mark.parametrize("argv", list(cases()), ids=" ".join)
def test_real_output_matches_its_schema(run: Run, argv: tuple[str, ...]) -> None:
    result = run(*argv, "--json")
    assert result.exit_code == 0, result.stderr
    check(run, command_of(argv), json.loads(result.stdout))


def test_every_command_with_a_schema_is_checked_against_real_output() -> None:
    checked = {command_of(argv) for argv in cases()} | {"progress"}  # progress: below
    assert checked == set(COMMANDS)


def test_every_roadmap_branch_matches_the_quiz_schema(run: Run) -> None:
    result = run("quiz", "--batch", "--defaults", input=branch_answers())
    lines = result.stdout.splitlines()
    assert result.exit_code == 0 and len(lines) > 50
    validator = Draft202012Validator(closed(schema_of(run, "quiz")))
    for line in lines:
        errors = list(validator.iter_errors(json.loads(line)))
        assert not errors, f"{errors[0].json_path}: {errors[0].message}"


def test_progress_in_every_state_matches_its_schema(run: Run) -> None:
    run("quiz", "--defaults", "--save")
    check(run, "progress", json.loads(run("progress", "--json").stdout))
    run("progress", "set", "programming", "done")
    run("progress", "set", "math", "learning")
    run("quiz", "--defaults", "--set", "programming=advanced", "--set", "math=strong", "--save")  # steps fall away
    document = json.loads(run("progress", "--json").stdout)
    assert document["removed"] and document["next"]
    check(run, "progress", document)
    for step in document["steps"]:
        run("progress", "set", step["id"], "skipped")
    finished = json.loads(run("progress", "--json").stdout)
    assert finished["next"] is None and finished["percent_complete"] == 100
    check(run, "progress", finished)


def test_your_saved_roadmap_matches_the_roadmap_schema(run: Run) -> None:
    """`mlpath roadmap` with a plan saved and no answers shows your roadmap, with each step's status."""
    run("quiz", "--defaults", "--save")
    run("progress", "set", "math", "done")
    document = json.loads(run("roadmap", "--json").stdout)
    math = next(step for step in document["steps"] if step["id"] == "math")
    assert math["status"] == "done" and document["plan_file"] and "percent_complete" in document
    check(run, "roadmap", document)
    general = json.loads(run("roadmap", "--general", "--json").stdout)
    assert "plan_file" not in general
    check(run, "roadmap", general)


def test_invalid_content_report_matches_the_data_check_schema(run: Run, tmp_path: Path) -> None:
    result = run("data", "check", str(tmp_path / "nowhere"), "--json")
    assert result.exit_code == 3
    check(run, "data check", json.loads(result.stdout))


def test_an_added_key_does_not_break_a_script_that_validates(run: Run) -> None:
    # Documents may grow (README, "Stability"): the published schema allows keys it does not name.
    document = json.loads(run("salary", "--json").stdout)
    document["tiers"][0]["new_figure"] = 1
    assert Draft202012Validator(schema_of(run, "salary")).is_valid(document)
    assert not Draft202012Validator(schema_of(run, "salary")).is_valid({"tiers": "three"})


def test_a_command_with_two_shapes_allows_either(run: Run) -> None:
    schema = schema_of(run, "ladder")
    assert [part["$ref"] for part in schema["anyOf"]] == ["#/$defs/Ladder", "#/$defs/LadderLevelPage"]
    quiz = [part["$ref"] for part in schema_of(run, "quiz")["anyOf"]]
    assert quiz == [
        "#/$defs/Roadmap",
        "#/$defs/Questions",
        "#/$defs/Comparison",
        "#/$defs/BatchRoadmap",
        "#/$defs/BatchError",
    ]
    roadmap = [part["$ref"] for part in schema_of(run, "roadmap")["anyOf"]]
    assert roadmap == ["#/$defs/Roadmap", "#/$defs/Comparison", "#/$defs/SavedRoadmap"]


def test_a_comparison_is_no_roadmap_and_a_roadmap_no_comparison(run: Run) -> None:
    """The two shapes of `roadmap` are told apart by the schema: neither validates as the other."""
    schema = schema_of(run, "roadmap")
    definitions = schema["$defs"]
    comparison = json.loads(run("roadmap", "--defaults", "--what-if", "study=part-time", "--json").stdout)
    roadmap = comparison["base"]
    for document, wrong in ((comparison, "Roadmap"), (roadmap, "Comparison")):
        alone = {"$schema": schema["$schema"], "$defs": definitions, "$ref": f"#/$defs/{wrong}"}
        assert not Draft202012Validator(alone).is_valid(document)


@pytest.mark.parametrize(
    ("words", "message"),
    [
        (["salry"], "no JSON document for 'salry' (did you mean 'salary'?); schemas exist for: about, salary,"),
        (["data", "path"], "no JSON document for 'data path'"),
    ],
)
def test_an_unknown_command_names_the_choices(run: Run, words: list[str], message: str) -> None:
    result = run("schema", *words)
    assert result.exit_code == 2
    assert message in result.stderr and "data check" in result.stderr
    assert result.stdout == ""


@pytest.mark.slow
def test_json_runs_do_not_load_the_schema_machinery() -> None:
    """Speed: the document models and the schema code load only for `mlpath schema` (and plain, csv)."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "mlpath", "salary", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}
    assert "mlpath.output.views" in imported  # what salary runs: the names below are the right ones
    assert not imported & {"mlpath.output.records", "mlpath.output.schema"}
    assert not any(name.startswith("jsonschema") for name in imported)
    assert json.loads(result.stdout)["tiers"]
