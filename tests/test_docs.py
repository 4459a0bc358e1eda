"""The README and docs/ document every command; a command added without docs fails here
(tests/test_reference.py holds the generated reference and man page to the app)."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from conftest import Run
from mlpath.cli import app
from mlpath.output.schema import COMMANDS, models

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()
OUTPUT = (Path(__file__).resolve().parent.parent / "docs" / "output.md").read_text()


@functools.cache
def command_names() -> list[str]:
    import typer
    import typer.main

    group = typer.main.get_command(app)
    ctx = typer.Context(group)
    names = []
    for name in group.list_commands(ctx):  # type: ignore[attr-defined]
        command = group.get_command(ctx, name)  # type: ignore[attr-defined]
        sub = getattr(command, "commands", None)
        names += [f"{name} {child}" for child in sub] if sub else [name]
    return names


@pytest.mark.parametrize("name", command_names())
def test_every_command_is_in_the_readme(name: str) -> None:
    assert f"mlpath {name}" in README


@pytest.mark.parametrize("name", command_names())
def test_every_command_with_json_output_has_a_schema_and_its_shape_documented(name: str) -> None:
    from typer.testing import CliRunner

    help_lines = CliRunner().invoke(app, [*name.split(), "--help"]).stdout.splitlines()
    takes_json = any(line.strip().startswith("--json ") for line in help_lines)
    assert takes_json == (name in COMMANDS)
    if takes_json:
        assert f"- `{name}" in OUTPUT or f"`{name}` and" in OUTPUT or f"and `{name}`" in OUTPUT


DOCUMENTS = [pytest.param(model, id=f"{command}-{model.__name__}") for command in COMMANDS for model in models(command)]


@pytest.mark.parametrize("model", DOCUMENTS)
def test_every_document_names_each_record_type_once(model: type) -> None:
    """A plain or CSV record's name says what it holds: one layout under one name."""
    from mlpath.output.records import record_types

    names = [record.name for record in record_types(model)]  # raises on two layouts under one name
    assert len(names) == len(set(names)) and all(names)


def test_the_output_page_record_table_gives_each_records_fields() -> None:
    from mlpath.content.facts import Ladder
    from mlpath.output.records import record_types

    (duty,) = [record for record in record_types(Ladder) if record.name == "duty"]
    assert f"| `ladder` | `duty` | {', '.join(duty.fields)} |" in OUTPUT


@pytest.mark.parametrize("name", command_names())
def test_every_command_has_help_and_an_example(name: str) -> None:
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, [*name.split(), "--help"], prog_name="mlpath")
    assert result.exit_code == 0
    description = result.stdout.split("\n\n")[1]
    assert len(description.strip()) > 20, name
    assert "Example" in result.stdout, f"mlpath {name} --help shows no example"


def test_the_lazy_command_map_names_every_command_and_its_module() -> None:
    """`mlpath NAME` imports only COMMAND_MODULES[NAME]: it must be where NAME is defined."""
    import importlib

    import typer.main

    from mlpath.cli.application import COMMAND_MODULES
    from mlpath.cli.application import app as registered

    for module in set(COMMAND_MODULES.values()):
        importlib.import_module(f"mlpath.cli.{module}")
    found = {}
    for info in registered.registered_commands:
        assert info.callback is not None
        found[info.name or typer.main.get_command_name(info.callback.__name__)] = info.callback.__module__
    for group in registered.registered_groups:
        assert group.typer_instance is not None
        callbacks = [info.callback for info in group.typer_instance.registered_commands]
        defined_in = {callback.__module__ for callback in callbacks if callback is not None}
        assert len(defined_in) == 1, (group.name, defined_in)
        found[str(group.name)] = defined_in.pop()
    assert found == {name: f"mlpath.cli.{module}" for name, module in COMMAND_MODULES.items()}


@pytest.mark.parametrize("words", [[], ["quiz"], ["progress", "set"]])
def test_help_before_a_command_is_its_help(run: Run, words: list[str]) -> None:
    asked = run("help", *words)
    assert asked.exit_code == 0 and asked.stdout == run(*words, "--help").stdout and asked.stdout.startswith("Usage:")
