"""The sources the article cites."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from annotated_types import MinLen

from mlpath.content.model.base import STRICT, Record, Slug, Text


@dataclass(init=False, repr=False, eq=False)
class Source(Record):
    __pydantic_config__ = STRICT
    id: Slug
    name: Text
    kind: Text
    note: Text


@dataclass(init=False, repr=False, eq=False)
class Sources(Record):
    __pydantic_config__ = STRICT
    sources: Annotated[tuple[Source, ...], MinLen(1)]
