"""The sources the article cites."""

from __future__ import annotations

from typing import Annotated

from annotated_types import MinLen

from mlpath.content.model.base import Phrase, Record, Slug


class Source(Record):
    id: Slug
    name: Phrase
    kind: Phrase
    note: Phrase


class Sources(Record):
    sources: Annotated[tuple[Source, ...], MinLen(1)]
