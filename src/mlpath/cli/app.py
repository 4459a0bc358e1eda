"""The Typer application, the per-run session, and the one place errors become exit codes (`exit_codes`)."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NoReturn

import typer
from typer.core import TyperGroup

from mlpath import streams
from mlpath.errors import ContentError, ExitCode, InterruptError, MlpathError, long_words_cut
from mlpath.terminal import Terminal

if TYPE_CHECKING:
    from typer import _click as click

    from mlpath.cli.options import Output
    from mlpath.content.model import Content
    from mlpath.render import OutputFormat
    from mlpath.report import Report


def fail(message: str, code: ExitCode) -> NoReturn:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(int(code))


# Which module defines each top-level command, in the order help lists them. Only the module of
# the command being run is imported and only that command is built: Typer otherwise builds every
# command (and a pydantic adapter for most parameters) on each run. A test keeps this complete.
COMMAND_MODULES: dict[str, str] = {
    "about": "explore", "salary": "explore", "ladder": "explore", "skills": "explore",
    "specialties": "explore", "aspects": "explore", "education": "explore", "resources": "explore",
    "internships": "explore", "industries": "explore", "companies": "explore", "outlook": "explore",
    "work-life": "explore", "quiz": "quiz", "roadmap": "quiz", "cohort": "cohort", "progress": "progress",
    "search": "utility", "sources": "utility", "schema": "utility", "data": "utility",
}  # fmt: skip


COMPLETION_OPTIONS = ("--show-completion", "--install-completion")


class MlpathGroup(TyperGroup):
    """The root command: builds subcommands on demand, and maps mlpath's exceptions to a
    message on stderr and an exit code, for every command."""

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is None and cmd_name in COMMAND_MODULES:
            command = _build_command(cmd_name)
            if command is not None:
                self.add_command(command, cmd_name)
        return command

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """A bare --show-completion or --install-completion means the shell running mlpath."""
        for index, arg in enumerate(args):
            if arg in COMMAND_MODULES:
                break
            if arg in COMPLETION_OPTIONS and (index + 1 == len(args) or args[index + 1].startswith("-")):
                from mlpath.cli.completion import detect_shell

                args = [*args[: index + 1], detect_shell(), *args[index + 1 :]]
                break
        rest: list[str] = super().parse_args(ctx, args)
        return rest

    def _main_shell_completion(self, ctx_args: Any, prog_name: str, complete_var: str | None = None) -> None:
        if not os.environ.get(complete_var or "_MLPATH_COMPLETE"):
            return  # no shell asks for completions: a normal run
        from mlpath.cli.completion import register_shells

        register_shells()
        try:  # typer runs this before its own error handling: completions written to a full stdout
            with exit_codes():
                super()._main_shell_completion(ctx_args, prog_name, complete_var)
        except typer.Exit as done:
            sys.exit(done.exit_code)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """Typer suggests only among the commands built so far; suggest among them all."""
        from typer._click.exceptions import UsageError as ClickUsageError

        try:
            return super().resolve_command(ctx, args)
        except ClickUsageError as error:
            if args and "Did you mean" not in error.message:
                import difflib

                near = difflib.get_close_matches(args[0], list(COMMAND_MODULES))
                if near:
                    error.message = f"{error.message.rstrip('.')}. Did you mean {', '.join(map(repr, near))}?"
            raise

    def list_commands(self, ctx: click.Context) -> list[str]:
        for name in COMMAND_MODULES:
            self.get_command(ctx, name)
        return [*COMMAND_MODULES, *(n for n in super().list_commands(ctx) if n not in COMMAND_MODULES)]

    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any
    ) -> click.Context:
        """--help and --version write here, before any command runs."""
        with exit_codes():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        with exit_codes():
            try:
                result = super().invoke(ctx)
            except BaseException:
                streams.flush_quietly()
                raise
            streams.flush_results()  # a full disk fails the command here, not at interpreter exit
            return result


@contextlib.contextmanager
def exit_codes() -> Iterator[None]:
    """Map mlpath's exceptions, and a failed stream, to a message on stderr and an exit code."""
    from typer._click.exceptions import BadParameter

    try:
        yield
    except BadParameter as error:  # a value outside an option's fixed set, worded plainly
        plain_choice_error(error)
        error.message = long_words_cut(error.message)
        raise
    except ContentError as error:
        from mlpath.render.safe import shown  # a problem quotes the content's own keys

        lines = [f"Error: {error}", *(f"  {shown(str(problem))}" for problem in error.problems)]
        typer.echo("\n".join(lines), err=True)
        raise typer.Exit(int(error.exit_code)) from None
    except InterruptError as error:
        with contextlib.suppress(OSError):  # stderr may be the terminal that went away
            typer.echo(str(error), err=True)
        raise typer.Exit(int(error.exit_code)) from None
    except MlpathError as error:
        fail(str(error), error.exit_code)
    except KeyboardInterrupt:
        from mlpath.files import interrupted

        typer.echo(f"\n{interrupted()}", err=True)
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
    except typer.TyperException as error:  # a usage error: typer reports it, quoting what was typed
        message = getattr(error, "message", None)
        if isinstance(message, str):
            error.message = long_words_cut(message)
        raise
    except (typer.Exit, typer.Abort):
        raise
    except (OSError, UnicodeDecodeError) as error:
        stream_failed(error)
    except Exception as error:
        internal_error(error)


def stream_failed(error: OSError | UnicodeDecodeError) -> NoReturn:
    """stdout that cannot take the results fails the command (a reader that left ends it quietly);
    stdin that cannot be read is bad input."""
    failure = streams.failure(error)
    if failure is None:
        internal_error(error)
    if failure.quiet:
        raise typer.Exit(int(ExitCode.OK))
    if failure.stream == "stdin":
        fail(f"cannot read stdin: {failure.reason}", ExitCode.USAGE)
    fail(f"cannot write the results to stdout: {failure.reason}", ExitCode.FAILED)


def plain_choice_error(error: Any) -> None:
    """A value outside an option's fixed set (--format, --residency, a status) comes worded by
    pydantic ("Value error, 'csv' is not one of ..."): say it plainly, naming the allowed values
    and the nearest one as the answers' errors do."""
    from typing import get_args, get_origin

    from mlpath.errors import nearest

    descriptor = getattr(error.param, "type_descriptor", None)
    errors = getattr(error.__cause__, "errors", None)
    annotation = getattr(descriptor, "annotation", None)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        choices = [str(member.value) for member in annotation]
    elif get_origin(annotation) is Literal:
        choices = [str(value) for value in get_args(annotation)]
    else:
        error.message = error.message.removeprefix("Value error, ")
        return
    given = errors()[0].get("input") if callable(errors) else None
    if not isinstance(given, str):
        error.message = error.message.removeprefix("Value error, ")
        return
    error.message = f"{given!r} is not one of {', '.join(map(repr, choices))}{nearest(given, choices)}"


def _build_command(name: str) -> click.Command | None:
    import importlib

    import typer.main

    importlib.import_module(f"mlpath.cli.{COMMAND_MODULES[name]}")
    for info in commands.registered_commands:
        if info.callback and (info.name or typer.main.get_command_name(info.callback.__name__)) == name:
            return typer.main.get_command_from_info(info, pretty_exceptions_short=True, rich_markup_mode=None)
    for group in commands.registered_groups:
        if group.name == name:
            return typer.main.get_group_from_info(
                group, pretty_exceptions_short=True, suggest_commands=True, rich_markup_mode=None
            )
    return None


def internal_error(error: Exception) -> NoReturn:
    """A bug in mlpath: one line asking for a report, no traceback (and so no local variables)."""
    if os.environ.get("MLPATH_DEBUG"):
        raise error
    what = f"{type(error).__name__}: {long_words_cut(str(error))}"
    typer.echo(
        f"Error: internal error ({what}). This is a bug in mlpath; please report it "
        "with the command you ran. MLPATH_DEBUG=1 shows the traceback.",
        err=True,
    )
    raise typer.Exit(int(ExitCode.FAILED))


app = typer.Typer(
    name="mlpath",
    cls=MlpathGroup,
    help="Should you become a machine learning engineer, and how? An offline career advisor.",
    invoke_without_command=True,
    add_completion=False,  # mlpath's own --show-completion/--install-completion (cli.completion)
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
# Where the command modules register their commands and groups. They are kept apart from `app`:
# Typer builds every command registered on `app` whenever it builds `app`, and MlpathGroup builds
# only the one being run, whichever modules are imported (a test run imports them all).
commands = typer.Typer()


class Session:
    """What one run knows: where content lives, what the terminal is, the content once loaded."""

    def __init__(self, data_dir_flag: str | None, terminal: Terminal) -> None:
        self.data_dir_flag = data_dir_flag
        self.terminal = terminal
        self._content: Content | None = None

    @property
    def data_dir(self) -> Path:
        from mlpath.content.loader import resolve_data_dir

        return resolve_data_dir(self.data_dir_flag)

    def content(self) -> Content:
        if self._content is None:
            from mlpath.content.loader import load_content

            self._content = load_content(self.data_dir)
        return self._content


def session(ctx: typer.Context) -> Session:
    root = ctx.find_root()
    if not isinstance(root.obj, Session):
        root.obj = Session(None, Terminal.detect())
    return root.obj


def emit(ctx: typer.Context, report: Report, output: Output) -> OutputFormat:
    """Write a report on stdout in the format asked for; returns the format used."""
    from mlpath.render import write

    terminal = session(ctx).terminal
    fmt = output.resolve(terminal.stdout_isatty)
    write(report, fmt, terminal)
    return fmt


def hint(ctx: typer.Context, text: str) -> None:
    """A tip for a person at a terminal; never for scripts, never on stdout."""
    terminal = session(ctx).terminal
    if terminal.person_watching:
        terminal.say(text)
