"""Education: degrees, durations, tuition, the online route; and mlpath's own labelled assumptions."""

from __future__ import annotations

from typing import Annotated

from annotated_types import Gt
from pydantic.types import StrictBool

from mlpath.content.model.base import Figure, Phrase, Phrases, Record, Slug


class DegreeNeeded(Record):
    answer: Phrase
    summary: Phrase
    degree_teaches: Phrases
    alternatives: Phrases


class Bachelor(Record):
    name: Phrase
    years: Figure
    mode: Phrase
    note: Phrase  # the article's qualifiers: typical length, standard in many countries
    covers: Phrases


class Master(Record):
    name: Phrase
    years_min: Figure
    years_max: Figure
    note: Phrase


class Durations(Record):
    bachelor: Bachelor
    master: Master


class ResidencyTuition(Record):
    in_state: Figure
    out_of_state: Figure

    def for_residency(self, residency: str) -> Figure:
        """The figure for `in-state` or `out-of-state` (the public answer values)."""
        return self.in_state if residency == "in-state" else self.out_of_state


class Tuition(Record):
    note: Phrase
    undergraduate: ResidencyTuition
    graduate: ResidencyTuition


class OnlineRoute(Record):
    possible: StrictBool
    summary: Phrase
    points: Phrases


class Education(Record):
    degree_needed: DegreeNeeded
    why_computer_science: Phrases
    durations: Durations
    tuition: Tuition
    online: OnlineRoute


class Assumption(Record):
    """A number or reading of this tool's own, never the article's; shown labelled."""

    id: Slug
    text: Phrase
    value: Annotated[float, Gt(0)] | None = None
    unit: Phrase | None = None


class Assumptions(Record):
    assumptions: tuple[Assumption, ...]

    def get(self, assumption_id: str) -> Assumption:
        for assumption in self.assumptions:
            if assumption.id == assumption_id:
                return assumption
        raise KeyError(assumption_id)
