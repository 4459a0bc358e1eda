"""The home screen shown by a bare `mlpath`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlpath.report import Block, Paragraph, Report, Table

if TYPE_CHECKING:
    from mlpath.documents.utility import Home


def home(version: str, groups: list[tuple[str, list[tuple[str, str]]]]) -> Report:
    """`groups` is [(group name, [(command, one-line help)])] in display order."""
    document: Home = {
        "name": "mlpath",
        "version": version,
        "start": "mlpath quiz",
        "commands": {name.lower(): [{"command": c, "help": h} for c, h in commands] for name, commands in groups},
    }
    blocks: list[Block] = [
        Paragraph(
            "An offline career advisor for people asking: should I become a machine learning "
            "engineer, and how? Every fact comes from one sourced career guide.",
        ),
        Paragraph("Start with 'mlpath quiz': a few questions, an honest verdict and your own roadmap."),
    ]
    blocks.extend(
        Table(("command", "what it shows"), tuple((f"mlpath {c}", h) for c, h in commands), name)
        for name, commands in groups
    )
    blocks.append(
        Paragraph(
            "Content and plan commands take --format table|plain|json|yaml|markdown and --json, "
            "and --format csv where they list records; every command takes --help."
        )
    )
    return Report("home", f"mlpath {version}", document, tuple(blocks))
