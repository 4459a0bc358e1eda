"""JSON Schemas (draft 2020-12) of the commands' --json documents, generated from their models.

Generated when asked for, from the same TypedDicts the views build, so a schema cannot drift
from the output; only `mlpath schema` imports pydantic's schema machinery.
"""

from __future__ import annotations

from typing import Any, Union

from mlpath.documents import COMMANDS, SCHEMA_VERSION, model
from mlpath.errors import UsageError, nearest, short

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_id(command: str) -> str:
    return f"urn:mlpath:schema:v{SCHEMA_VERSION}:{command.replace(' ', '-')}"


def json_schema(command: str) -> dict[str, Any]:
    """The schema of `mlpath COMMAND --json`; a command with two shapes of document gets anyOf."""
    from pydantic import TypeAdapter
    from pydantic.json_schema import GenerateJsonSchema

    class Generator(GenerateJsonSchema):
        def field_title_should_be_set(self, schema: Any) -> bool:
            return False  # "Id", "Name", ...: noise beside the property names

    models = tuple(model(kind) for kind in COMMANDS[command])
    target: Any = models[0] if len(models) == 1 else Union[models]  # noqa: UP007 (built at run time)
    generated = TypeAdapter(target).json_schema(schema_generator=Generator)
    generated.pop("title", None)  # the model's class name; the command says more
    return {"$schema": DIALECT, "$id": schema_id(command), "title": f"mlpath {command} --json", **generated}


def command_named(words: list[str]) -> str:
    """The command a schema is asked for, e.g. ["data", "check"]; a UsageError names the choices."""
    command = " ".join(words).strip().lower()
    if command in COMMANDS:
        return command
    choices = ", ".join(COMMANDS)
    raise UsageError(f"no JSON document for {short(command)}{nearest(command, COMMANDS)}; schemas exist for: {choices}")
