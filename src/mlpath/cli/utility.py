"""Utility commands: search, sources, and the content directory (`data path`, `data check`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mlpath.cli.application import app, emit, examples, fail, session, tell
from mlpath.cli.options import DocumentFormatOption, FormatOption, JsonOption, NoPagerOption, Output

UTILITY = "Utility"

data_app = typer.Typer(no_args_is_help=True, help=examples(
    "Where the content lives, and whether a content directory is valid.",
    "mlpath data path", "mlpath data check ./my-content",
))  # fmt: skip
app.add_typer(data_app, name="data", rich_help_panel=UTILITY)


@app.command(rich_help_panel=UTILITY, help=examples(
    "Find words across all content: each hit with its section, its item and the command that shows it.",
    "mlpath search pytorch", 'mlpath search "deep learning"', "mlpath search tuition --json",
))  # fmt: skip
def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="Words to find; every word must appear.")],
    fmt: FormatOption = None,
    as_json: JsonOption = False,
    no_pager: NoPagerOption = False,
) -> None:
    from mlpath.engine import search as finder
    from mlpath.output.views import search as search_view

    query = finder.check_query(query)
    page = finder.search(session(ctx).content(), query)
    emit(ctx, search_view(page), Output.of(fmt, as_json), pager=not no_pager)
    if not page.results:
        near = page.suggestions
        tail = f"; did you mean: {', '.join(near)}?" if near else "; try fewer or shorter words"
        if any(len(word) == 1 for word in query.split()):
            tail += " (a single letter finds only itself, as a word)"
        tell(f"No match for {query!r}{tail}")


@app.command(rich_help_panel=UTILITY, help=examples(
    "Every source cited, with the figures that come from it.",
    "mlpath sources", "mlpath sources --json | jq '.sources[].figures'",
))  # fmt: skip
def sources(
    ctx: typer.Context, fmt: FormatOption = None, as_json: JsonOption = False, no_pager: NoPagerOption = False
) -> None:
    from mlpath.output.views import sources as sources_view

    emit(ctx, sources_view(session(ctx).content()), Output.of(fmt, as_json), pager=not no_pager)


def complete_schema(incomplete: str) -> list[str]:
    from mlpath.output.schema import COMMANDS

    names = [name for name in COMMANDS if " " not in name] + ["data"]
    return [name for name in names if name.startswith(incomplete)]


@app.command(rich_help_panel=UTILITY, help=examples(
    "Print the JSON Schema (draft 2020-12) of a command's --json output.",
    "mlpath schema roadmap > roadmap.schema.json", "mlpath schema data check",
))  # fmt: skip
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
    import json

    from mlpath.output.schema import command_named, json_schema

    terminal = session(ctx).terminal
    document = json_schema(command_named(command))
    # JSON escapes what stdout cannot encode (-> \u00d7), as --json does: the schema stays exact.
    terminal.write(json.dumps(document, indent=2, ensure_ascii=not terminal.utf8) + "\n")


@data_app.command("path", help=examples(
    "Print the directory of the content in use (the packaged one unless --data-dir or MLPATH_DATA_DIR).",
    "mlpath data path", 'cp -r "$(mlpath data path)" my-content',
))  # fmt: skip
def data_path(ctx: typer.Context) -> None:
    typer.echo(str(session(ctx).data_dir))


@data_app.command("check", help=examples(
    "Validate a content directory: exit 0, or 3 with every problem listed by file, line and field. The report "
    'goes to stdout in the format asked for; --json gives {"valid": false, "problems": [...]}.',
    "mlpath data check", "mlpath data check ./my-content --json",
))  # fmt: skip
def data_check(
    ctx: typer.Context,
    directory: Annotated[
        Path | None, typer.Argument(help="Content directory to check. Default: the one in use.")
    ] = None,
    fmt: DocumentFormatOption = None,
    as_json: JsonOption = False,
) -> None:
    from mlpath.content.load import load_content
    from mlpath.engine.pages import data_check as check
    from mlpath.errors import ContentError
    from mlpath.output.views import data_check as check_view

    output = Output.of(fmt, as_json)
    target = directory if directory is not None else session(ctx).data_dir
    try:
        content = load_content(target, use_cache=False)
    except ContentError as error:
        emit(ctx, check_view(check(target, None, error.problems)), output)
        fail(str(error), error.exit_code)
    emit(ctx, check_view(check(target, content, [])), output)
