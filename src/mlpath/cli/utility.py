"""Utility commands: search, sources, and the content directory (`data path`, `data check`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mlpath.cli.app import commands, emit, fail, session
from mlpath.cli.options import Output, document_output_options, output_options

UTILITY = "Utility"

data_app = typer.Typer(help="Where the content lives, and whether a content directory is valid.", no_args_is_help=True)
commands.add_typer(data_app, name="data", rich_help_panel=UTILITY)


@commands.command(rich_help_panel=UTILITY)
@output_options
def search(
    ctx: typer.Context,
    output: Output,
    query: Annotated[str, typer.Argument(help="Words to find; every word must appear.")],
) -> None:
    """Find words across all content; shows the section, the item and the command to see it.

    Example: mlpath search pytorch
    """
    from mlpath import search as finder
    from mlpath.views.utility import search_results

    finder.check_query(query)
    content = session(ctx).content()
    hits = finder.search(content, query)
    near = [] if hits else finder.suggestions(content, query)
    emit(ctx, search_results(query, hits, near), output)
    if not hits:
        tail = f"; did you mean: {', '.join(near)}?" if near else "; try fewer or shorter words"
        typer.echo(f"No match for {query!r}{tail}", err=True)


@commands.command(rich_help_panel=UTILITY)
@output_options
def sources(ctx: typer.Context, output: Output) -> None:
    """Every source cited, with the figures that come from it.

    Example: mlpath sources --json | jq '.sources[].figures'
    """
    from mlpath.views.utility import sources as sources_view

    emit(ctx, sources_view(session(ctx).content()), output)


def complete_schema(incomplete: str) -> list[str]:
    from mlpath.documents import COMMANDS

    return [name for name in COMMANDS if " " not in name and name.startswith(incomplete)] + (
        ["data"] if "data".startswith(incomplete) else []
    )


@commands.command(rich_help_panel=UTILITY)
def schema(
    ctx: typer.Context,
    command: Annotated[
        list[str],
        typer.Argument(
            metavar="COMMAND",
            help="A command with --json output, e.g. salary or data check.",
            autocompletion=complete_schema,
        ),
    ],
) -> None:
    """Print the JSON Schema (draft 2020-12) of a command's --json output.

    Example: mlpath schema roadmap > roadmap.schema.json
    """
    from mlpath.render.data import to_json
    from mlpath.schema import command_named, json_schema

    session(ctx).terminal.write(to_json(json_schema(command_named(command)), pretty=True))


@data_app.command("path")
def data_path(ctx: typer.Context) -> None:
    """Print the directory of the content in use (the packaged one unless --data-dir or MLPATH_DATA_DIR).

    Example: cp -r "$(mlpath data path)" my-content
    """
    typer.echo(str(session(ctx).data_dir))


@data_app.command("check")
@document_output_options
def data_check(
    ctx: typer.Context,
    output: Output,
    directory: Annotated[
        Path | None, typer.Argument(help="Content directory to check. Default: the one in use.")
    ] = None,
) -> None:
    """Validate a content directory: exit 0, or 3 with every problem listed by file, line and field.

    The report (valid or not) goes to stdout in the format asked for; --json gives
    {"valid": false, "problems": [...]} for a script to read.
    Example: mlpath data check ./my-content
    """
    from mlpath.content.loader import load_content
    from mlpath.errors import ContentError
    from mlpath.views.utility import data_check as check_view

    target = directory if directory is not None else session(ctx).data_dir
    try:
        content = load_content(target, use_cache=False)
    except ContentError as error:
        emit(ctx, check_view(target, None, error.problems), output)
        fail(str(error), error.exit_code)
    emit(ctx, check_view(target, content, []), output)
