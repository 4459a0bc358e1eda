"""Shell completion: commands, formats, ladder levels, answer keys and values, plan steps; the
scripts for each shell, whatever shell runs mlpath."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import Run
from mlpath.cli import app

BASH = shutil.which("bash")


def complete(line: str, shell: str = "bash") -> list[str]:
    """What mlpath replies for the command line `line`, typed up to its end, with TAB pressed.

    For bash, as mlpath's bash script asks (the line as typed); zsh and fish send the words.
    """
    env = {
        "_MLPATH_COMPLETE": f"complete_{shell}",
        "_TYPER_COMPLETE_ARGS": line,
        "_TYPER_COMPLETE_FISH_ACTION": "get-args",
    }
    if shell == "bash":
        env |= {"COMP_LINE": line, "COMP_POINT": str(len(line)), "COMP_WORDBREAKS": " \t\n\"'><=;|&(:"}
    result = CliRunner().invoke(app, [], env=env, prog_name="mlpath")
    return result.stdout.split()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("mlpath sal", ["salary"]),
        ("mlpath ladder s", ["senior"]),
        ("mlpath ladder d", ["director"]),
        ("mlpath salary --format m", ["markdown"]),
        ("mlpath schema ro", ["roadmap"]),
        ("mlpath quiz --set go", ["goal="]),
        # bash split these words at '=': the reply is only what comes after it
        ("mlpath quiz --set programming=", ["none", "beginner", "intermediate", "advanced"]),
        ("mlpath quiz --set goal=m", ["manager"]),
        ("mlpath quiz --set interests=nlp,ro", ["nlp,robotics"]),
        ("mlpath roadmap --defaults --what-if stu", ["study="]),
        ("mlpath quiz --what-if study=", ["full-time", "part-time"]),
        ("mlpath progress set sk", []),  # no saved plan: nothing to offer
    ],
)
def test_bash_completes(run: Run, line: str, expected: list[str]) -> None:
    assert complete(line) == expected


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_other_shells_get_the_whole_word(run: Run, shell: str) -> None:
    # zsh and fish do not split words at '=': the reply is the whole word.
    assert "interests=nlp,robotics" in " ".join(complete("mlpath quiz --set interests=nlp,ro", shell))


def test_a_bash_script_from_before_still_completes(run: Run) -> None:
    # Typer's script sends only COMP_WORDS and COMP_CWORD.
    env = {"_MLPATH_COMPLETE": "complete_bash", "COMP_WORDS": "mlpath ladder s", "COMP_CWORD": "2"}
    assert CliRunner().invoke(app, [], env=env, prog_name="mlpath").stdout.split() == ["senior"]


def test_plan_steps_complete_from_the_saved_plan(run: Run) -> None:
    run("quiz", "--defaults", "--save")
    assert complete("mlpath progress set lad") == ["ladder-junior", "ladder-engineer", "ladder-senior"]
    assert complete("mlpath progress set math d") == ["done"]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish", "powershell", "pwsh"])
def test_every_shell_gets_its_script_whatever_shell_runs_mlpath(run: Run, shell: str) -> None:
    result = run("--show-completion", shell)
    assert result.exit_code == 0
    assert "_MLPATH_COMPLETE" in result.stdout
    marker = {"bash": "complete -o default -F", "zsh": "#compdef mlpath", "fish": "complete --command mlpath"}
    assert marker.get(shell, "Register-ArgumentCompleter") in result.stdout


def test_a_bare_flag_means_the_current_shell(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    from mlpath.cli import completion

    monkeypatch.setattr(completion, "detect_shell", lambda: "zsh")
    assert run("--show-completion").stdout.startswith("#compdef mlpath")
    monkeypatch.setattr(completion, "detect_shell", lambda: "dash")
    result = run("--show-completion")
    assert result.exit_code == 2
    assert "'dash' is not a shell mlpath completes; name one of: bash, zsh, fish, powershell, pwsh" in result.stderr


@pytest.mark.parametrize("shell", ["tcsh", "dash", "bsh"])
def test_install_refuses_an_unknown_shell_and_edits_nothing(
    run: Run, shell: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    result = run("--install-completion", shell)
    assert result.exit_code == 2
    assert f"'{shell}' is not a shell mlpath completes" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_install_bash_writes_mlpaths_script_once(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "Jo's home"  # the path in ~/.bashrc is quoted for the shell
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    (home / ".bashrc").write_text("alias ll='ls -l'\n")
    for _ in range(2):
        result = run("--install-completion", "bash")
        assert result.exit_code == 0, result.stderr
    script = home / ".bash_completions" / "mlpath.sh"
    assert "COMP_LINE" in script.read_text()
    assert (home / ".bashrc").read_text() == f"alias ll='ls -l'\nsource {shlex.quote(str(script))}\n"
    if BASH is not None:  # bash itself reads the line back: the completion is registered
        sourced = subprocess.run(
            [BASH, "--norc", "--noprofile", "-c", 'source "$HOME/.bashrc" && complete -p mlpath'],
            env={"HOME": str(home), "PATH": os.defpath}, capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        assert sourced.stdout == "complete -o default -F _mlpath_completion mlpath\n", sourced.stderr


# Real shells: bash runs mlpath's script, however the test itself was started (sh, dash, ...).


def bash_completes(line: str, tmp_path: Path) -> list[str]:
    """Source `mlpath --show-completion bash` in a real bash and complete `line` as bash would:
    COMP_WORDS split at COMP_WORDBREAKS, COMP_LINE and COMP_POINT as typed."""
    assert BASH is not None
    env = {
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": str(tmp_path),
        "MLPATH_HOME": str(tmp_path / "home"),
        "LC_ALL": "C.UTF-8",
    }
    program = f"""
        source <(mlpath --show-completion bash)
        COMP_LINE={shlex.quote(line)}
        COMP_POINT=${{#COMP_LINE}}
        read -r -a COMP_WORDS <<< "$(printf '%s' "$COMP_LINE" | sed -E 's/([=:])/ \\1 /g')"
        case "$COMP_LINE" in *' '|*=|*:) COMP_WORDS+=("");; esac
        COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
        _mlpath_completion mlpath
        printf '%s\\n' "${{COMPREPLY[@]}}"
    """
    result = subprocess.run(
        [BASH, "--norc", "--noprofile", "-c", program], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.mark.slow
@pytest.mark.skipif(BASH is None, reason="bash is not installed")
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("mlpath lad", ["ladder"]),
        ("mlpath quiz --set programming=", ["none", "beginner", "intermediate", "advanced"]),
        (
            "mlpath quiz --set interests=nlp,",
            ["nlp,computer-vision", "nlp,reinforcement-learning", "nlp,robotics", "nlp,data-science"],
        ),
        ("mlpath roadmap --set goal=te", ["tech-lead"]),
    ],
)
def test_real_bash_completes_values_after_an_equals_sign(line: str, expected: list[str], tmp_path: Path) -> None:
    assert bash_completes(line, tmp_path) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "marker"),
    [
        ("bash", "complete -o default -F _mlpath_completion mlpath"),
        ("zsh", "#compdef mlpath"),
        ("fish", "complete --command mlpath "),
    ],
)
def test_the_scripts_come_out_the_same_from_any_shell(name: str, marker: str, tmp_path: Path) -> None:
    """Started by /bin/sh (dash, say), with SHELL naming another shell: the script named is printed."""
    command = f"{shlex.quote(sys.executable)} -m mlpath --show-completion {name}"
    env = {"PATH": os.environ.get("PATH", os.defpath), "MLPATH_HOME": str(tmp_path), "SHELL": "/bin/tcsh"}
    result = subprocess.run(
        ["/bin/sh", "-c", command], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert result.returncode == 0 and marker in result.stdout, (name, result.stderr)
    assert "python" not in result.stdout  # the script completes `mlpath`, whatever started it
