"""Shell completion: the scripts for each shell, and the values that live in content or in the
saved plan (ladder levels, plan steps, --set KEY=VALUE).

Typer's scripts and completion drive zsh, fish and PowerShell. bash gets its own: bash splits the
word being completed at '=' and ':' (COMP_WORDBREAKS), so `--set programming=` reached Typer as
three words. mlpath's script passes the command line as typed and the word breaks; each reply is
cut to the part after the last break, which is all bash replaces.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
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
    """The shell running mlpath (from $SHELL), for a bare --show-completion or --install-completion."""
    name = Path(os.environ.get("SHELL", "")).name.lower()
    return name if name in SHELLS else "unknown"


# For each shell: the folder it reads its startup files from (the variable naming it, else this
# under the home directory), where the script goes and the startup file that loads it (under that
# folder), and the line that loads it ("" for fish, which reads its completions folder by itself).
INSTALLS = {
    "bash": ("", "", ".bash_completions/mlpath.sh", ".bashrc", "source {script}"),
    "zsh": ("ZDOTDIR", "", ".zfunc/_mlpath", ".zshrc", "fpath+={folder}; autoload -Uz compinit; compinit"),
    "fish": ("XDG_CONFIG_HOME", ".config", "fish/completions/mlpath.fish", "", ""),
}


def script(ctx: Any, param: Any, shell: str) -> str:
    """A shell's completion script: bash's is mlpath's own; the others' what Typer prints."""
    if shell == "bash":
        return BASH_SCRIPT
    import contextlib
    import io

    from typer.completion import show_callback

    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.suppress(SystemExit):
        show_callback(ctx, param, shell)
    return printed.getvalue().rstrip("\n")


def install(shell: str, text: str) -> Path:
    """Install a shell's completion script `text` and load it from the shell's startup file, which
    is read as bytes (bounded, a regular file only) and appended to undecoded. Both are written
    atomically; if the startup file cannot be, a script just made is taken back."""
    from mlpath.errors import OperationError
    from mlpath.io.files import MAX_INPUT_BYTES, read_regular, shown_name, write_atomic

    given = os.environ.get("HOME", "")
    home = Path(given)
    if not given or not home.is_absolute() or not home.is_dir():
        raise OperationError(
            f"cannot install {shell} completion: HOME ({shown_name(given)}) is not a directory named from the root"
        )
    variable, fallback, where, startup, load = INSTALLS[shell]
    chosen = os.environ.get(variable, "") if variable else ""
    folder = Path(chosen) if chosen and Path(chosen).is_absolute() else home / fallback
    target = folder / where
    try:
        text_now = read_regular(folder / startup, MAX_INPUT_BYTES) if startup else b""
    except FileNotFoundError:
        text_now = b""
    except OSError as error:  # a FIFO, a device, a directory, too big: refused at once
        raise OperationError(f"cannot add mlpath's completion to {shown_name(folder / startup)}: {error}") from None
    quoted = {"script": shlex.quote(str(target)), "folder": shlex.quote(str(target.parent))}
    line = load.format(**quoted).encode(errors="surrogateescape")
    new = not target.exists()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OperationError(f"cannot make {shown_name(target.parent)}: {error.strerror}") from None
    write_atomic(str(target), text + "\n", "the completion script", mine=target)
    if not startup or line in text_now.splitlines():
        return target
    rc = folder / startup
    ending = b"" if not text_now or text_now.endswith(b"\n") else b"\n"  # every byte there is kept
    try:
        write_atomic(str(rc), text_now + ending + line + b"\n", f"~/{startup}", mine=rc)
    except OperationError:
        if new:
            target.unlink(missing_ok=True)
        raise
    return target


def complete(group: Any, instruction: str) -> str | None:
    """The replies to a completion request: bash's worked out here, on the command line as typed;
    None for another shell's (Typer's classes answer those)."""
    if instruction != "complete_bash":
        from typer.completion import get_completion_inspect_parameters

        get_completion_inspect_parameters()  # registers Typer's completion classes
        return None
    from mlpath.text import whole_number

    line = os.environ.get("COMP_LINE", os.environ.get("COMP_WORDS", ""))
    point = whole_number(os.environ.get("COMP_POINT", ""))
    typed = line if point is None else line[:point]
    try:
        words = shlex.split(typed)
    except ValueError:  # an open quote: complete the word as typed so far
        words = shlex.split(typed + '"') if '"' in typed else typed.split()
    incomplete = "" if not typed or typed[-1].isspace() or not words else words.pop()
    breaks = os.environ.get("COMP_WORDBREAKS", BASH_WORDBREAKS)
    cut = max((incomplete.rfind(c) + 1 for c in breaks if not c.isspace()), default=0)
    found = candidates(group, words[1:], incomplete)
    return "\n".join(value[cut:] for value in found)


def candidates(group: Any, words: list[str], incomplete: str) -> list[str]:
    """The subcommands, option names or values that can come next and start with `incomplete`."""
    command, path = group, ["mlpath"]
    expecting = None  # an option still waiting for its value
    positional = 0
    for word in words:
        if expecting is not None:
            expecting = None
        elif word.startswith("-"):
            name = word.partition("=")[0]
            option = next((p for p in command.params if name in (*p.opts, *p.secondary_opts)), None)
            if option is not None and not option.is_flag and "=" not in word:
                expecting = option
        elif word in getattr(command, "commands", {}):
            command, positional = command.commands[word], 0
            path.append(word)
        else:
            positional += 1
    ctx = group.make_context("mlpath", [], resilient_parsing=True)
    for name in path[1:]:
        ctx = ctx.command.commands[name].make_context(name, [], parent=ctx, resilient_parsing=True)
    if expecting is not None:
        return [str(item.value) for item in expecting.shell_complete(ctx, incomplete)]
    if incomplete.startswith("-"):
        names = [name for param in command.params for name in (*param.opts, *param.secondary_opts)]
        return [name for name in [*names, "--help"] if name.startswith(incomplete) and name.startswith("-")]
    subcommands = getattr(command, "commands", None)
    if subcommands:
        return [name for name in subcommands if name.startswith(incomplete)]
    arguments = [param for param in command.params if param.param_type_name == "argument"]
    if positional < len(arguments):
        return [str(item.value) for item in arguments[positional].shell_complete(ctx, incomplete)]
    return []


def complete_level(ctx: Any, incomplete: str) -> Iterator[str]:
    from mlpath.content.load import load_content, resolve_data_dir

    try:
        content = load_content(resolve_data_dir(ctx.find_root().params.get("data_dir")))
        levels = [level.id for level in content.ladder.levels]
    except Exception:  # completion must never break the shell
        return
    yield from (level for level in levels if level.startswith(incomplete))


def complete_step(incomplete: str) -> Iterator[str]:
    from mlpath.plan import store

    try:
        plan = store.load()
    except Exception:  # a damaged plan is reported by the command, not by completion
        return
    if plan is not None:
        yield from (step.id for step in plan.steps if step.id.startswith(incomplete))


def complete_answer(incomplete: str) -> Iterator[str]:
    """`--set` values: KEY= while the key is typed, then KEY=VALUE (the last item of a list)."""
    from mlpath.content.answers import CONTRACT

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
