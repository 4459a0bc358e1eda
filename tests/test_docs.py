"""The README documents every command; a command added without docs fails here."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlpath.cli import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


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

    from mlpath.documents import COMMANDS

    help_lines = CliRunner().invoke(app, [*name.split(), "--help"]).stdout.splitlines()
    takes_json = any(line.strip().startswith("--json ") for line in help_lines)
    assert takes_json == (name in COMMANDS)
    if takes_json:
        assert f"- `{name}" in README or f"`{name}` and" in README or f"and `{name}`" in README


def test_the_command_reference_matches_help() -> None:
    import runpy

    script = runpy.run_path(str(Path(__file__).resolve().parent.parent / "scripts" / "readme_reference.py"))
    assert script["updated"](README) == README, "run: python scripts/readme_reference.py"


def test_the_record_table_names_every_record_type_once_per_document() -> None:
    from mlpath.documents import KINDS
    from mlpath.render.records import record_types

    for kind in KINDS:  # raises on two layouts under one name
        names = [record.name for record in record_types(kind)]
        assert len(names) == len(set(names)) and all(names), kind
    assert "| `ladder` | `duty` | level, text |" in README


@pytest.mark.parametrize("name", command_names())
def test_every_command_has_help_and_an_example(name: str) -> None:
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, [*name.split(), "--help"], prog_name="mlpath")
    assert result.exit_code == 0
    description = result.stdout.split("\n\n")[1]
    assert len(description.strip()) > 20, name
    assert "Example" in result.stdout, f"mlpath {name} --help shows no example"


def test_the_lazy_command_map_names_every_command_and_its_module() -> None:
    import importlib

    import typer.main

    from mlpath.cli.app import COMMAND_MODULES, commands

    for module in set(COMMAND_MODULES.values()):
        importlib.import_module(f"mlpath.cli.{module}")
    found = {}
    for info in commands.registered_commands:
        assert info.callback is not None
        found[info.name or typer.main.get_command_name(info.callback.__name__)] = info.callback.__module__
    for group in commands.registered_groups:
        assert group.typer_instance is not None
        callback = group.typer_instance.registered_callback
        defined_in = callback.callback.__module__ if callback and callback.callback else None
        found[str(group.name)] = defined_in or f"mlpath.cli.{COMMAND_MODULES.get(str(group.name))}"
    assert found == {name: f"mlpath.cli.{module}" for name, module in COMMAND_MODULES.items()}
