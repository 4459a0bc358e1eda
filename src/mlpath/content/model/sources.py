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
    kinds_note: Phrase  # says each source's `kind` is mlpath's description, not the article's
    other_facts_note: Phrase  # where everything that is not a sourced figure comes from
    sources: Annotated[tuple[Source, ...], MinLen(1)]
