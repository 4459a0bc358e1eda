"""Shell completion for values that live in content or in the saved plan (Typer drives the shells)."""

from __future__ import annotations

from collections.abc import Iterator

import typer


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
    yield from (f"{prefix}{v}" for v in map(str, values) if v.startswith(last))
