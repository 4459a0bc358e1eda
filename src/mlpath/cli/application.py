"""The Typer application, the per-run session, and the one place errors become exit codes."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, NoReturn

import typer
from typer.core import TyperGroup

from mlpath.errors import ContentError, ExitCode, InterruptError, MlpathError
from mlpath.io import files, streams
from mlpath.output.terminal import Terminal
from mlpath.text import cut_words, shown

if TYPE_CHECKING:
    from mlpath.cli.options import Output
    from mlpath.content import Content
    from mlpath.output.blocks import Report

# Which module of mlpath.cli defines each top-level command, in the order of the help.
COMMAND_MODULES: dict[str, str] = {
    "about": "explore", "salary": "explore", "ladder": "explore", "skills": "explore",
    "specialties": "explore", "aspects": "explore", "education": "explore", "resources": "explore",
    "internships": "explore", "industries": "explore", "companies": "explore", "outlook": "explore",
    "work-life": "explore", "quiz": "quiz", "roadmap": "quiz", "cohort": "batch", "progress": "progress",
    "search": "utility", "sources": "utility", "schema": "utility", "data": "utility",
}  # fmt: skip
COMPLETION_OPTIONS = ("--show-completion", "--install-completion")
DEFAULT_HELP_WIDTH = 100  # --help is no wider than this, however wide the terminal


def examples(summary: str, *lines: str) -> str:
    """A command's help: what it does, then examples, one real command per line, never rewrapped."""
    return f"{summary}\n\nExamples:\n\n\b\n" + "\n".join(f"  {line}" for line in lines)


def fail(message: str, code: ExitCode) -> NoReturn:
    """The one door of every error message: what it quotes of the user's input (a file name, an
    id) never reaches the terminal as escape sequences or control characters."""
    tell(f"Error: {shown(message)}")
    raise typer.Exit(int(code))


def tell(message: str) -> None:
    """An error or an interruption on stderr, wrapped on words on a terminal (`Terminal.fit`)."""
    typer.echo(Terminal.detect().fit(message), err=True)


_Formatter: Any = typer.Context.formatter_class  # click's HelpFormatter, by its public door


NO_BREAK_HYPHEN = "\u2011"


class HelpLayout(_Formatter):  # type: ignore[misc]
    """--help at the terminal's width. Click lays help out at least 50 columns wide, each option's
    help beside it: on a narrow screen the terminal cut its lines mid-word. Where the help beside
    an option would be narrower than `BESIDE`, it goes under the option instead."""

    BESIDE = 24

    def __init__(self, indent_increment: int = 2, width: int | None = None, max_width: int | None = None) -> None:
        columns = min(Terminal.detect().width, max_width or DEFAULT_HELP_WIDTH)
        super().__init__(indent_increment, width or columns - 2, max_width)

    def beside(self, longest: int, col_max: int = 30, col_spacing: int = 2) -> bool:
        """Does the help fit beside terms of up to `longest` characters (laid out as click does)?"""
        return bool(self.width - self.current_indent - min(longest, col_max) - col_spacing - 2 >= self.BESIDE)

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        if self.beside(max((len(row[0]) for row in rows), default=0), col_max, col_spacing):
            super().write_dl(rows, col_max, col_spacing)
            return
        from mlpath.text import wrap

        for term, text in rows:
            self.write(self._fold(" " * self.current_indent + term, r"[^ |]*[ |]?", "") + "\n")
            if text:
                self.write(wrap(text, self.width + 1, " " * (self.current_indent + 4)) + "\n")

    def write_text(self, text: str) -> None:
        """Click's text, never broken at a hyphen ("--what-if" stays whole: each hyphen is a
        non-breaking one while it is wrapped), and with a line it keeps as it is (an example
        command) folded where it would not fit: at spaces outside quotes, each break marked ' \\'
        as a shell reads it."""
        start = len(self.buffer)
        super().write_text(text.replace("-", NO_BREAK_HYPHEN))
        lines = "".join(self.buffer[start:]).replace(NO_BREAK_HYPHEN, "-").split("\n")
        self.buffer[start:] = [
            "\n".join(self._fold(line, r"(?:[^ '\"]|'[^']*'|\"[^\"]*\")+ ?", " \\") for line in lines)
        ]

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """The usage on one line when it fits (click puts its arguments on a line of their own on a
        narrow screen, fitting or not)."""
        line = f"{prefix or 'Usage: '}{prog} {args}"
        if len(line) <= self.width:
            self.write(f"{line}\n")
        else:
            super().write_usage(prog, args, prefix)

    def _fold(self, line: str, piece: str, mark: str) -> str:
        """`line` in lines of the help's width, broken between the pieces the pattern `piece` finds
        (each keeps the space or "|" it ends with), each line but the last ending with `mark`."""
        import re

        if len(line) <= self.width:
            return line
        lead = " " * (len(line) - len(line.lstrip()) + 2)
        folded, now = [], line[: len(line) - len(line.lstrip())]
        for part in filter(None, re.findall(piece, line.lstrip())):
            if now.strip() and len(now.rstrip()) + len(part.rstrip()) + len(mark) > self.width:
                folded.append(now.rstrip() + mark)
                now = lead
            now += part
        return "\n".join([*folded, now.rstrip()])


class HelpContext(typer.Context):
    formatter_class = HelpLayout


class MlpathGroup(TyperGroup):
    """The root command: the help's order, and mlpath's exceptions mapped to a message and an exit
    code (for --help, --version and the completion options too, which run while the context is made)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        commands: list[Any] = [self]
        while commands:  # every command's help laid out at the terminal's width
            command = commands.pop()
            command.context_class = HelpContext
            commands.extend(getattr(command, "commands", {}).values())

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """Each command with the start of its help, cut to the room the layout leaves it."""
        found = [(name, self.get_command(ctx, name)) for name in self.list_commands(ctx)]
        shown = [(name, command) for name, command in found if command is not None and not command.hidden]
        if shown:
            with formatter.section("Commands"):
                longest = max(len(name) for name, _ in shown)
                room = formatter.width - formatter.current_indent - 4
                limit = room - longest if formatter.beside(longest) else room
                formatter.write_dl([(name, command.get_short_help_str(limit)) for name, command in shown])

    def list_commands(self, ctx: Any) -> list[str]:
        order = list(COMMAND_MODULES)
        return sorted(super().list_commands(ctx), key=lambda name: order.index(name) if name in order else len(order))

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """`mlpath help [COMMAND]` is `mlpath [COMMAND] --help`, as git's is; a bare
        --show-completion or --install-completion means the shell running mlpath."""
        if args[:1] == ["help"]:
            args = [*args[1:], "--help"]
        for index, arg in enumerate(args):
            if arg in self.commands:
                break
            if arg in COMPLETION_OPTIONS and (index + 1 == len(args) or args[index + 1].startswith("-")):
                from mlpath.cli.completion import detect_shell

                args = [*args[: index + 1], detect_shell(), *args[index + 1 :]]
                break
        return super().parse_args(ctx, args)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        instruction = os.environ.get("_MLPATH_COMPLETE")
        if instruction:  # a shell asks for completions
            from mlpath.cli.completion import complete

            try:
                with exit_codes():
                    replies = complete(self, instruction)
                    if replies is None:  # another shell's: Typer's completion answers, on this stream policy
                        return super().main(*args, **kwargs)
                    typer.echo(replies)
                    streams.flush_results()
            except typer.Exit as failed:  # outside click's main, which turns it into the exit code
                raise SystemExit(failed.exit_code) from None
            raise SystemExit(0)
        return super().main(*args, **kwargs)

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        with exit_codes():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: Any) -> Any:
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
    try:
        yield
    except ContentError as error:
        problems = (f"\n  {shown(str(problem))}" for problem in error.problems)
        tell(f"Error: {shown(str(error))}" + "".join(problems))
        raise typer.Exit(int(error.exit_code)) from None
    except InterruptError as error:
        with contextlib.suppress(OSError):  # stderr may be the terminal that went away
            tell(shown(str(error)))
        raise typer.Exit(int(error.exit_code)) from None
    except MlpathError as error:
        fail(str(error), error.exit_code)
    except KeyboardInterrupt:
        tell(f"\n{files.interrupted()}")
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
    except typer.TyperException as error:  # a usage error: typer reports it, quoting what was typed
        if isinstance(error, typer.BadParameter):  # a value outside an option's fixed set, worded plainly
            plain_choice_error(error)
        error.message = cut_words(error.message)
        # wrapped with the "Error: " click writes before it, as every other error is (`tell`)
        message = Terminal.detect().fit(f"Error: {error.format_message()}").removeprefix("Error: ")
        error.format_message = lambda: message  # type: ignore[method-assign]
        raise
    except (typer.Exit, typer.Abort):
        raise
    except (OSError, UnicodeDecodeError) as error:
        failure = streams.failure(error)
        if failure is None:
            internal_error(error)
        if failure.quiet:  # the reader went away (`| head -1`): nothing more to say
            raise typer.Exit(int(ExitCode.OK)) from None
        if failure.stream == "stdin":
            fail(f"cannot read stdin: {failure.reason}", ExitCode.USAGE)
        fail(f"cannot write the results to stdout: {failure.reason}", ExitCode.FAILED)
    except Exception as error:
        internal_error(error)


def plain_choice_error(error: Any) -> None:
    """A value outside an option's fixed set (--format, --residency, a status) comes worded by
    pydantic ("Value error, 'csv' is not one of ..."): name the allowed values and the nearest."""
    from typing import get_args, get_origin

    from mlpath.text import nearest

    annotation = getattr(getattr(error.param, "type_descriptor", None), "annotation", None)
    errors = getattr(error.__cause__, "errors", None)
    given = errors()[0].get("input") if callable(errors) else None
    choices = [str(value) for value in get_args(annotation)] if get_origin(annotation) is Literal else []
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        choices = [str(member.value) for member in annotation]
    if not choices or not isinstance(given, str):
        error.message = error.message.removeprefix("Value error, ")
        return
    error.message = f"{given!r} is not one of {', '.join(map(repr, choices))}{nearest(given, choices)}"


def internal_error(error: BaseException) -> NoReturn:
    """A bug in mlpath: one line asking for a report, no traceback (and so no local variables)."""
    if os.environ.get("MLPATH_DEBUG"):
        raise error
    tell(
        f"Error: internal error ({type(error).__name__}: {cut_words(str(error))}). This is a bug in mlpath; "
        "please report it with the command you ran. MLPATH_DEBUG=1 shows the traceback."
    )
    raise typer.Exit(int(ExitCode.FAILED))


SETTINGS: dict[str, Any] = {
    "name": "mlpath",
    "cls": MlpathGroup,
    "help": "Should you become a machine learning engineer, and how? An offline career advisor.",
    "epilog": "The whole reference: man mlpath, and the docs/ folder of the source.",
    "invoke_without_command": True,
    "add_completion": False,  # mlpath's own --show-completion/--install-completion (cli.completion)
    "rich_markup_mode": None,
    "pretty_exceptions_enable": False,
    "context_settings": {"help_option_names": ["-h", "--help"], "max_content_width": DEFAULT_HELP_WIDTH},
}
app = typer.Typer(**SETTINGS)  # every command registers here, as its module is imported


def command_name(info: Any) -> str:
    return str(info.name or getattr(info.callback, "__name__", "").replace("_", "-"))


def only(name: str) -> typer.Typer:
    """The app with the one command `name`: Typer builds every command it holds on each run, which
    costs more than most commands themselves."""
    view = typer.Typer(**SETTINGS)
    view.registered_callback = app.registered_callback
    view.registered_commands = [info for info in app.registered_commands if command_name(info) == name]
    view.registered_groups = [info for info in app.registered_groups if info.name == name]
    return view


def _completion(ctx: typer.Context, param: typer.CallbackParam, value: str | None) -> None:
    """--show-completion and --install-completion SHELL: bash's script is mlpath's own (cli.completion);
    Typer prints or installs the other shells' and exits."""
    if value is None or ctx.resilient_parsing:
        return
    from mlpath.cli import completion

    shell = value.strip().lower()
    if shell not in completion.SHELLS:
        raise typer.BadParameter(
            f"{value!r} is not a shell mlpath completes; name one of: {', '.join(completion.SHELLS)}"
            + (" (e.g. --show-completion bash)" if value == "unknown" else "")
        )
    show = param.name == "show_completion"
    if shell in ("powershell", "pwsh") or (show and shell != "bash"):
        from typer.completion import get_completion_inspect_parameters, install_callback, show_callback

        get_completion_inspect_parameters()  # Typer's completion classes, for the script it installs
        try:
            (show_callback if show else install_callback)(ctx, param, shell)
        except FileNotFoundError as error:  # PowerShell asks the shell itself where its profile is
            fail(f"cannot install {shell} completion: {error.filename or shell} was not found", ExitCode.FAILED)
    if show:
        typer.echo(completion.BASH_SCRIPT)
        raise typer.Exit()
    path = completion.install(shell, completion.script(ctx, param, shell))  # its errors: see make_context
    tell(f"{shell} completion installed in {path}; it takes effect in a new shell.")
    raise typer.Exit()


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"mlpath {package_version()}")
        raise typer.Exit()


def _eager(flag: str, help: str) -> Any:
    return typer.Option(flag, metavar="[SHELL]", callback=_completion, is_eager=True, expose_value=False, help=help)


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
        _eager(
            "--install-completion",
            "Install completion for SHELL (bash, zsh, fish, powershell, pwsh); default: the current shell.",
        ),
    ] = None,
    show_completion: Annotated[
        str | None,
        _eager("--show-completion", "Print the completion script for SHELL, to copy it or adapt it."),
    ] = None,
) -> None:
    """Should you become a machine learning engineer, and how? Start with: mlpath quiz"""
    files.new_run()
    ctx.obj = Session(data_dir, Terminal.detect())
    if ctx.invoked_subcommand is None:
        from mlpath.cli.options import Output
        from mlpath.engine.pages import home
        from mlpath.output.views import home as home_view

        groups: dict[str, list[tuple[str, str]]] = {name: [] for name in ("Explore", "Plan", "Track", "Utility")}
        group: Any = ctx.command
        for name in group.list_commands(ctx):
            command = group.commands[name]
            panel = getattr(command, "rich_help_panel", None) or "Utility"
            groups[panel].append((name, command.get_short_help_str(90)))
        from mlpath.plan import plan_path, resume

        where = "unfinished" if resume.exists() else "planned" if os.path.lexists(plan_path()) else "new"
        page = home(package_version(), [(n, c) for n, c in groups.items() if c], where)
        emit(ctx, home_view(page), Output())


class Session:
    """What one run knows: where content lives, what the terminal is, the content once loaded."""

    def __init__(self, data_dir_flag: str | None, terminal: Terminal) -> None:
        self.data_dir_flag = data_dir_flag
        self.terminal = terminal
        self._content: Content | None = None

    @property
    def data_dir(self) -> Path:
        from mlpath.content.load import resolve_data_dir

        return resolve_data_dir(self.data_dir_flag)

    def content(self) -> Content:
        if self._content is None:
            from mlpath.content.load import load_content

            self._content = load_content(self.data_dir)
        return self._content


def session(ctx: typer.Context) -> Session:
    state: Session = ctx.find_root().obj  # the root callback runs before every command
    return state


def emit(
    ctx: typer.Context,
    report: Report,
    output: Output,
    pager: bool = True,
    shorter: Iterable[Report] | None = None,
    repeat: bool = False,
    **fit: Any,
) -> int:
    """A report on stdout in the format asked for; as a table on a terminal, fitted to the screen as
    output.screen's `show_long` does (`shorter`, `fit`): the rows it left at the foot of the screen."""
    from mlpath.output.formats import OutputFormat, write

    terminal = session(ctx).terminal
    chosen = output.resolve(terminal.stdout_isatty)
    if chosen is OutputFormat.table and terminal.stdout_isatty:
        from mlpath.output.screen import show_long

        return show_long(terminal, [report] if shorter is None else shorter, pager=pager, repeat=repeat, **fit)
    write(report, chosen, terminal)
    return 0


def stdin_hint(terminal: Terminal, name: str, what: str) -> None:
    """Reading stdin from a terminal: say so, never a silent wait."""
    if name in ("-", "/dev/stdin", "/dev/fd/0") and terminal.stdin_isatty:  # the names of this run's stdin
        terminal.say(f"Reading {what} from standard input (Ctrl-D to end)...")


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("mlpath")
    except PackageNotFoundError:
        return "0+unknown"
