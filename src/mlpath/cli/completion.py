"""Shell completion: the scripts for each shell, and the values that live in content or in the
saved plan (ladder levels, plan steps, --set KEY=VALUE).

Typer's scripts and completion classes drive zsh, fish and PowerShell. bash gets its own script
and class: bash splits the word being completed at '=' and ':' (COMP_WORDBREAKS), so Typer's
bash completion saw `--set programming=` as three words and offered nothing. mlpath's script
passes the command line as typed (COMP_LINE, COMP_POINT) and the word breaks, and each reply
is cut to the part after the last break, which is all bash replaces.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer

SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
COMPLETE_VAR = "_MLPATH_COMPLETE"
BASH_WORDBREAKS = " \t\n\"'><=;|&(:"  # bash's default COMP_WORDBREAKS
BASH_SCRIPT = """\
_mlpath_completion() {
    local IFS=$'\\n'
    COMPREPLY=( $( env COMP_WORDS="${COMP_WORDS[*]}" COMP_CWORD="$COMP_CWORD" \\
                   COMP_LINE="$COMP_LINE" COMP_POINT="$COMP_POINT" COMP_WORDBREAKS="$COMP_WORDBREAKS" \\
                   _MLPATH_COMPLETE=complete_bash "$1" ) )
    return 0
}

complete -o default -F _mlpath_completion mlpath"""


def detect_shell() -> str:
    """The shell running mlpath, for a bare --show-completion or --install-completion."""
    from typer._completion_shared import _get_shell_name

    return _get_shell_name() or "unknown"


def checked_shell(value: str) -> str:
    shell = value.strip().lower()
    if shell not in SHELLS:
        raise typer.BadParameter(
            f"{value!r} is not a shell mlpath completes; name one of: {', '.join(SHELLS)}"
            + (" (e.g. --show-completion bash)" if value == "unknown" else "")
        )
    return shell


def script(shell: str) -> str:
    if shell == "bash":
        return BASH_SCRIPT
    from typer._completion_shared import get_completion_script

    return get_completion_script(prog_name="mlpath", complete_var=COMPLETE_VAR, shell=shell)


def show(ctx: typer.Context, value: str | None) -> None:
    """--show-completion SHELL: print the script for the shell named, whatever shell runs this."""
    if value is None or ctx.resilient_parsing:
        return
    typer.echo(script(checked_shell(value)))
    raise typer.Exit()


def install(ctx: typer.Context, value: str | None) -> None:
    """--install-completion SHELL: add the script to that shell's startup; an unknown shell edits nothing."""
    if value is None or ctx.resilient_parsing:
        return
    shell = checked_shell(value)
    if shell == "bash":
        from mlpath.cli.app import fail
        from mlpath.errors import MlpathError

        try:
            path = _install_bash()
        except MlpathError as error:  # an eager option: no command's error handling yet
            fail(str(error), error.exit_code)
    else:
        from typer._completion_shared import install as typer_install

        _, path = typer_install(shell=shell, prog_name="mlpath", complete_var=COMPLETE_VAR)
    typer.echo(f"{shell} completion installed in {path}; it takes effect in a new shell.", err=True)
    raise typer.Exit()


def _install_bash() -> Path:
    """As Typer installs bash completion (a script sourced from ~/.bashrc), with mlpath's script.

    ~/.bashrc is read with a bound and only if it is a regular file (a FIFO would block), and
    both files are written atomically, through symlinks (dotfiles are often links)."""
    from mlpath.errors import OperationError
    from mlpath.files import MAX_INPUT_BYTES, read_regular, write_atomic

    rc = Path.home() / ".bashrc"
    try:
        text = read_regular(rc, MAX_INPUT_BYTES).decode("utf-8", "surrogateescape")
    except FileNotFoundError:
        text = ""
    except OSError as error:  # a FIFO, a device, a directory, too big: refused at once
        raise OperationError(f"cannot add mlpath's completion to {rc}: {error}") from None
    target = Path.home() / ".bash_completions" / "mlpath.sh"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OperationError(f"cannot make {target.parent}: {error.strerror}") from None
    write_atomic(str(target), BASH_SCRIPT + "\n", "the completion script")
    line = f"source '{target}'"
    if line not in text:
        write_atomic(str(rc), f"{text.rstrip(chr(10))}\n{line}\n" if text else f"{line}\n", "~/.bashrc")
    return target


def register_shells() -> None:
    """Make the completion classes known to Typer's completion machinery (only when a shell asks)."""
    from typer._click.shell_completion import add_completion_class
    from typer._completion_classes import BashComplete, completion_init

    class Bash(BashComplete):
        cut = 0  # how much of the word being completed bash has already split off

        def get_completion_args(self) -> tuple[list[str], str]:
            from mlpath.numbers import whole_number

            line = os.environ.get("COMP_LINE")
            if line is None:  # a script from an older mlpath or from Typer
                if whole_number(os.environ.get("COMP_CWORD", "")) is None:
                    return [], ""  # not a word number (Typer's int() fails on 5,000 digits, reads "٣" as 3)
                args: tuple[list[str], str] = super().get_completion_args()
                return args
            from typer._click.shell_completion import split_arg_string

            point = whole_number(os.environ.get("COMP_POINT", ""))
            typed = line if point is None else line[:point]
            words = split_arg_string(typed)
            if not typed or typed[-1].isspace():
                return words[1:], ""
            incomplete = words[-1]
            breaks = os.environ.get("COMP_WORDBREAKS", BASH_WORDBREAKS)
            self.cut = max((incomplete.rfind(c) + 1 for c in breaks if not c.isspace()), default=0)
            return words[1:-1], incomplete

        def format_completion(self, item: Any) -> str:
            return str(item.value)[self.cut :]

    completion_init()
    add_completion_class(Bash, "bash")


def _content_ids(ctx: typer.Context) -> list[str]:
    from mlpath.content.loader import load_content, resolve_data_dir

    root = ctx.find_root()
    try:
        content = load_content(resolve_data_dir(root.params.get("data_dir")))
    except Exception:  # completion must never break the shell
        return []
    return [level.id for level in content.ladder.levels]


def complete_level(ctx: typer.Context, incomplete: str) -> Iterator[str]:
    yield from (level for level in _content_ids(ctx) if level.startswith(incomplete))


def complete_step(incomplete: str) -> Iterator[str]:
    from mlpath import storage

    try:
        plan = storage.load()
    except Exception:  # a damaged plan is reported by the command, not by completion
        return
    if plan is not None:
        yield from (step.id for step in plan.steps if step.id.startswith(incomplete))


def complete_answer(incomplete: str) -> Iterator[str]:
    """`--set` values: KEY= while the key is typed, then KEY=VALUE (the last item of a list)."""
    from mlpath.answers import CONTRACT

    key, sep, value = incomplete.partition("=")
    if not sep:
        yield from (f"{name}=" for name in CONTRACT if name.startswith(key))
        return
    if key not in CONTRACT:
        return
    _, values = CONTRACT[key]
    head, _, last = value.rpartition(",")
    prefix = f"{key}={head}," if head else f"{key}="
    chosen = set(head.split(","))  # a list names each value once
    yield from (f"{prefix}{v}" for v in map(str, values) if v.startswith(last) and v not in chosen)
