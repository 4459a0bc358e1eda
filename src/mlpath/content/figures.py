"""Every sourced figure in the content, found by walking it, so none can be forgotten."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

from mlpath.content.model import SECTIONS, Content
from mlpath.content.model.base import Figure


@dataclass(frozen=True, slots=True)
class FoundFigure:
    section: str  # the content file's section, e.g. "salary"
    location: tuple[str | int, ...]  # path inside that file, e.g. ("tiers", 0, "amount")
    key: str  # a stable dotted name, e.g. "salary.tiers.entry.amount"
    figure: Figure


def all_figures(content: Content) -> list[FoundFigure]:
    found: list[FoundFigure] = []
    for section in SECTIONS:
        found.extend(figures_in(section, content.section(section)))
    return found


def figures_in(section: str, value: Any) -> list[FoundFigure]:
    """The figures inside one section, e.g. figures_in("salary", content.salary)."""
    return list(_walk(section, value, (), section))


def _walk(section: str, node: Any, location: tuple[str | int, ...], key: str) -> Iterator[FoundFigure]:
    if isinstance(node, Figure):
        yield FoundFigure(section, location, key, node)
    elif is_dataclass(node):
        for item in fields(node):
            yield from _walk(section, getattr(node, item.name), (*location, item.name), f"{key}.{item.name}")
    elif isinstance(node, tuple):
        for index, item in enumerate(node):
            # Items with an id are named by it, so keys survive reordering: salary.tiers.entry.amount
            name = getattr(item, "id", None)
            yield from _walk(section, item, (*location, index), f"{key}.{name if name else index}")
    elif isinstance(node, dict):
        for name, item in node.items():
            yield from _walk(section, item, (*location, name), f"{key}.{name}")
