"""Content records as JSON-ready values: the one place a view copies fields into a document."""

from __future__ import annotations

from typing import Any


def pick(record: object, *names: str) -> Any:
    """The named fields of a record as a dict, in the order given; tuples become lists, all the way down.

    Typed `Any` so that it fills any document model: the schema tests check what it builds.
    """
    return {name: plain(getattr(record, name)) for name in names}


def plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value
