"""JSON Schemas (draft 2020-12) of the commands' --json documents, generated from their models.

Generated when asked for, from the very records `model.encode` writes, so a schema cannot drift
from the output; only `mlpath schema` imports pydantic's schema machinery.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any, Union

from mlpath.errors import UsageError
from mlpath.text import nearest, short

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_VERSION = 1  # bumped when a document changes in a way that can break a script (see docs)

# command line -> the documents its --json can print: (module, class), in the order --help explains them
COMMANDS: dict[str, tuple[tuple[str, str], ...]] = {
    "about": (("engine.pages", "AboutPage"),),
    "salary": (("engine.pages", "SalaryPage"),),
    "ladder": (("content.facts", "Ladder"), ("engine.pages", "LadderLevelPage")),
    "skills": (("content.facts", "Skills"),),
    "specialties": (("content.facts", "Specialties"),),
    "aspects": (("content.facts", "Aspects"),),
    "education": (("engine.pages", "EducationPage"),),
    "resources": (("content.facts", "Resources"),),
    "internships": (("content.facts", "Internships"),),
    "industries": (("content.facts", "Industries"),),
    "companies": (("content.facts", "Companies"),),
    "outlook": (("content.facts", "Outlook"),),
    "work-life": (("content.facts", "WorkLife"),),
    "quiz": (
        ("engine.roadmap", "Roadmap"),
        ("content.rules", "Questions"),
        ("engine.compare", "Comparison"),
        ("engine.roadmap", "BatchRoadmap"),
        ("engine.roadmap", "BatchError"),
    ),
    "roadmap": (("engine.roadmap", "Roadmap"), ("engine.compare", "Comparison"), ("plan.model", "SavedRoadmap")),
    "cohort": (("engine.cohort", "Cohort"),),
    "progress": (("plan.model", "Progress"),),
    "search": (("engine.search", "SearchPage"),),
    "sources": (("engine.pages", "SourcesPage"),),
    "data check": (("engine.pages", "DataCheckPage"),),
}


def models(command: str) -> tuple[type, ...]:
    return tuple(getattr(import_module(f"mlpath.{module}"), name) for module, name in COMMANDS[command])


def json_schema(command: str) -> dict[str, Any]:
    """The schema of `mlpath COMMAND --json`; a command with several shapes of document gets anyOf."""
    from mlpath.model import schema_of

    found = models(command)
    target: Any = found[0] if len(found) == 1 else Union[found]  # noqa: UP007 (built at run time)
    schema_id = f"urn:mlpath:schema:v{SCHEMA_VERSION}:{command.replace(' ', '-')}"
    return {"$schema": DIALECT, "$id": schema_id, "title": f"mlpath {command} --json", **schema_of(target)}


def command_named(words: list[str]) -> str:
    """The command a schema is asked for, e.g. ["data", "check"]; a UsageError names the choices."""
    command = " ".join(words).strip().lower()
    if command in COMMANDS:
        return command
    choices = ", ".join(COMMANDS)
    raise UsageError(f"no JSON document for {short(command)}{nearest(command, COMMANDS)}; schemas exist for: {choices}")
