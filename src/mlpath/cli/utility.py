"""Utility commands: search, sources, and the content directory (`data path`, `data check`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mlpath.cli.app import FormatOption, JsonOption, app, emit, session

UTILITY = "Utility"

data_app = typer.Typer(help="Where the content lives, and whether a content directory is valid.", no_args_is_help=True)
app.add_typer(data_app, name="data", rich_help_panel=UTILITY)


@app.command(rich_help_panel=UTILITY)
def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="Words to find; every word must appear.")],
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """Find words across all content; shows the section, the item and the command to see it.

    Example: mlpath search pytorch
    """
    from mlpath import search as finder
    from mlpath.views.utility import search_results

    content = session(ctx).content()
    hits = finder.search(content, query)
    near = [] if hits else finder.suggestions(content, query)
    emit(ctx, search_results(query, hits, near), fmt, as_json)
    if not hits:
        tail = f"; did you mean: {', '.join(near)}?" if near else "; try fewer or shorter words"
        typer.echo(f"No match for {query!r}{tail}", err=True)


@app.command(rich_help_panel=UTILITY)
def sources(ctx: typer.Context, fmt: FormatOption = None, as_json: JsonOption = False) -> None:
    """Every source cited, with the figures that come from it.

    Example: mlpath sources --json | jq '.sources[].figures'
    """
    from mlpath.views.utility import sources as sources_view

    emit(ctx, sources_view(session(ctx).content()), fmt, as_json)


@data_app.command("path")
def data_path(ctx: typer.Context) -> None:
    """Print the directory of the content in use (the packaged one unless --data-dir or MLPATH_DATA_DIR).

    Example: cp -r "$(mlpath data path)" my-content
    """
    typer.echo(str(session(ctx).data_dir))


@data_app.command("check")
def data_check(
    ctx: typer.Context,
    directory: Annotated[
        Path | None, typer.Argument(help="Content directory to check. Default: the one in use.")
    ] = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """Validate a content directory: exit 0, or 3 with every problem listed by file, line and field.

    Example: mlpath data check ./my-content
    """
    from mlpath.content.loader import load_content
    from mlpath.views.utility import data_check as check_view

    target = directory if directory is not None else session(ctx).data_dir
    emit(ctx, check_view(target, load_content(target, use_cache=False)), fmt, as_json)
