"""The mlpath command line: parsing and wiring only; every command lives in a module per group.

Command modules are imported when their command runs (see COMMAND_MODULES in cli.app).
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from mlpath import files
from mlpath.cli.app import Session, app, emit
from mlpath.cli.options import Output
from mlpath.errors import ExitCode
from mlpath.terminal import Terminal

__all__ = ["app", "main"]

GROUP_ORDER = ("Explore", "Plan", "Track", "Utility")


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("mlpath")
    except PackageNotFoundError:
        return "0+unknown"


def _install_completion(ctx: typer.Context, value: str | None) -> None:
    if value is not None:
        from mlpath.cli import completion

        completion.install(ctx, value)


def _show_completion(ctx: typer.Context, value: str | None) -> None:
    if value is not None:
        from mlpath.cli import completion

        completion.show(ctx, value)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"mlpath {package_version()}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    data_dir: Annotated[
        str | None,
        typer.Option(
            "--data-dir",
            metavar="DIR",
            envvar="MLPATH_DATA_DIR",
            show_envvar=True,
            help="Content directory to use instead of the packaged one.",
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    install_completion: Annotated[
        str | None,
        typer.Option(
            "--install-completion",
            metavar="[SHELL]",
            callback=_install_completion,
            is_eager=True,
            expose_value=False,
            help="Install completion for SHELL (bash, zsh, fish, powershell, pwsh); default: the current shell.",
        ),
    ] = None,
    show_completion: Annotated[
        str | None,
        typer.Option(
            "--show-completion",
            metavar="[SHELL]",
            callback=_show_completion,
            is_eager=True,
            expose_value=False,
            help="Print the completion script for SHELL, to copy it or customise the installation.",
        ),
    ] = None,
) -> None:
    """Should you become a machine learning engineer, and how? Start with: mlpath quiz"""
    files.new_run()
    ctx.obj = Session(data_dir, Terminal.detect())
    if ctx.invoked_subcommand is None:
        from mlpath.views.home import home

        emit(ctx, home(package_version(), _command_groups(ctx)), Output())


def _command_groups(ctx: typer.Context) -> list[tuple[str, list[tuple[str, str]]]]:
    group = ctx.command
    grouped: dict[str, list[tuple[str, str]]] = {name: [] for name in GROUP_ORDER}
    names = group.list_commands(ctx) if isinstance(group, typer.core.TyperGroup) else []
    for name in names:
        command = group.get_command(ctx, name)  # type: ignore[attr-defined]
        if command is None:
            continue
        panel = getattr(command, "rich_help_panel", None) or "Utility"
        grouped.setdefault(panel, []).append((name, command.get_short_help_str(limit=90)))
    return [(name, entries) for name, entries in grouped.items() if entries]


def main() -> None:
    """Console entry point: the stream policy first (mlpath.streams); typer handles usage errors,
    and cli.app every other error, Ctrl-C (130) and closed or full streams."""
    from mlpath import streams

    streams.guard()
    try:
        app()
    except KeyboardInterrupt:  # before or after typer's own handling, e.g. during imports
        from mlpath.files import interrupted

        sys.stderr.write(f"\n{interrupted()}\n")
        sys.exit(int(ExitCode.INTERRUPTED))
