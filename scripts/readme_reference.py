"""Regenerate the README's generated parts: the JSON shapes and the plain record types (from the
document models) and the command reference (from each command's --help).

python scripts/readme_reference.py          # rewrite README.md
python scripts/readme_reference.py --check  # exit 1 if README.md is out of date (tests run this)
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, get_args, get_origin

README = Path(__file__).resolve().parent.parent / "README.md"


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

    parts = ["Generated from `--help` by `python scripts/readme_reference.py`; a test fails when it drifts.", ""]
    for words in commands():
        result = CliRunner().invoke(app, [*words, "--help"], prog_name="mlpath", env={"COLUMNS": "100"})
        title = " ".join(["mlpath", *words])
        parts += [f"### `{title}`", "", "```text", result.stdout.rstrip(), "```", ""]
    return "\n".join(parts)


def documents() -> list[tuple[str, str]]:
    """(label, kind) of every kind of --json document, in command order, each once."""
    from mlpath.documents import COMMANDS, model

    found: dict[str, str] = {}
    for kinds in COMMANDS.values():
        for kind in kinds:
            first = (model(kind).__doc__ or "").strip().split("\n")[0]
            label = first.split(": ")[0].rstrip(".").replace("mlpath ", "")
            if not label.startswith("`"):
                raise ValueError(f"the {kind} model's docstring should start with its command in backquotes")
            found.setdefault(kind, label)
    return [(label, kind) for kind, label in found.items()]


def shape(hint: Any, top: bool = True) -> str:
    """A model as a one-line outline: {key, list[], object{...}, optional?}; a document of
    another kind inside it (the two roadmaps of a comparison) as `: <kind>`."""
    from typing_extensions import get_type_hints, is_typeddict

    from mlpath.documents import KINDS, model
    from mlpath.documents.marks import Each
    from mlpath.render.records import _unwrap

    inner, marks, _ = _unwrap(hint)
    if is_typeddict(inner):
        if not top:
            kind = next((kind for kind in KINDS if model(kind) is inner), None)
            if kind is not None:
                return f": <{kind}>"
        parts = []
        for name, field in get_type_hints(inner, include_extras=True).items():
            absent = "NotRequired" in str(field)
            parts.append(f"{name}{'?' if absent else ''}{shape(field, top=False)}")
        return "{" + ", ".join(parts) + "}"
    if get_origin(inner) is list:
        item = shape(get_args(inner)[0], top=False)
        return f"[{item}]" if item else "[]"
    if get_origin(inner) is dict:
        key = next((m.key for m in marks if isinstance(m, Each) and m.key), "key")
        return "{" + f"<{key}>: {shape(get_args(inner)[1], top=False) or 'value'}" + "}"
    if get_args(inner) and all(get_origin(arg) is list for arg in get_args(inner)):
        return "[]"  # a list of one type or another
    return ""


def shapes() -> str:
    from mlpath.documents import model

    lines = ["Generated from the document models by `python scripts/readme_reference.py`.", ""]
    lines += [f"- {label}: `{shape(model(kind))}`" for label, kind in documents()]
    return "\n".join(lines) + "\n"


def record_table() -> str:
    from mlpath.render.records import record_types

    lines = [
        "Generated from the document models by `python scripts/readme_reference.py`.",
        "",
        "| command | record | fields after the record type |",
        "| --- | --- | --- |",
    ]
    from mlpath.documents import LINES_ONLY

    for label, kind in documents():
        if kind in LINES_ONLY:
            continue
        for record in record_types(kind):
            lines.append(f"| {label} | `{record.name}` | {', '.join(record.fields)} |")
    return "\n".join(lines) + "\n"


PARTS: dict[str, Callable[[], str]] = {"shapes": shapes, "records": record_table, "reference": reference}


def updated(text: str) -> str:
    for name, make in PARTS.items():
        start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
        if start not in text or end not in text:
            raise ValueError(f"README.md lacks the {start} / {end} markers")
        pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.DOTALL)
        text = pattern.sub(lambda _: f"{start}\n\n{make()}\n{end}", text)  # noqa: B023
    return text


def main() -> int:
    text = README.read_text()
    try:
        fresh = updated(text)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    if "--check" in sys.argv[1:]:
        if fresh != text:
            print(
                "README.md's generated parts are out of date: run python scripts/readme_reference.py", file=sys.stderr
            )
            return 1
        return 0
    README.write_text(fresh)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
