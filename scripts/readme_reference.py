"""Regenerate the README's command reference from each command's --help.

python scripts/readme_reference.py          # rewrite README.md
python scripts/readme_reference.py --check  # exit 1 if README.md is out of date (tests run this)
"""

from __future__ import annotations

import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- reference:start -->", "<!-- reference:end -->"


def commands() -> list[list[str]]:
    import typer
    import typer.main

    from mlpath.cli import app

    group = typer.main.get_command(app)
    ctx = typer.Context(group)
    found: list[list[str]] = [[]]
    for name in group.list_commands(ctx):  # type: ignore[attr-defined]
        found.append([name])
        for child in getattr(group.get_command(ctx, name), "commands", {}):  # type: ignore[attr-defined]
            found.append([name, child])
    return found


def reference() -> str:
    from typer.testing import CliRunner

    from mlpath.cli import app

    parts = [
        START,
        "",
        "Generated from `--help` by `python scripts/readme_reference.py`; a test fails when it drifts.",
        "",
    ]
    for words in commands():
        result = CliRunner().invoke(app, [*words, "--help"], prog_name="mlpath", env={"COLUMNS": "100"})
        title = " ".join(["mlpath", *words])
        parts += [f"### `{title}`", "", "```text", result.stdout.rstrip(), "```", ""]
    parts.append(END)
    return "\n".join(parts)


def updated(text: str) -> str:
    before, _, rest = text.partition(START)
    _, _, after = rest.partition(END)
    return before + reference() + after


def main() -> int:
    text = README.read_text()
    if START not in text or END not in text:
        print(f"README.md lacks the {START} / {END} markers", file=sys.stderr)
        return 1
    fresh = updated(text)
    if "--check" in sys.argv[1:]:
        if fresh != text:
            print(
                "README.md's command reference is out of date: run python scripts/readme_reference.py", file=sys.stderr
            )
            return 1
        return 0
    README.write_text(fresh)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
