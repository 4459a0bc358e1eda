"""Education: degrees, durations, tuition, the online route; and mlpath's own labelled assumptions."""

from __future__ import annotations

from typing import Annotated

from annotated_types import Gt, Le
from pydantic.types import AllowInfNan, Strict, StrictBool

from mlpath.content.model.base import Phrase, Phrases, Record, Slug, YearlyCost, Years


class DegreeNeeded(Record):
    answer: Phrase
    summary: Phrase
    degree_teaches: Phrases
    alternatives: Phrases


class Bachelor(Record):
    name: Phrase
    years: Years
    mode: Phrase
    note: Phrase  # the article's qualifiers: typical length, standard in many countries
    covers: Phrases


class Master(Record):
    name: Phrase
    years_min: Years
    years_max: Years
    note: Phrase


class Durations(Record):
    bachelor: Bachelor
    master: Master


class ResidencyTuition(Record):
    in_state: YearlyCost
    out_of_state: YearlyCost

    def for_residency(self, residency: str) -> YearlyCost:
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
    value: Annotated[float, Strict(), AllowInfNan(False), Gt(0), Le(100)] | None = None  # a factor, not an amount
    unit: Phrase | None = None


class Assumptions(Record):
    assumptions: tuple[Assumption, ...]

    def get(self, assumption_id: str) -> Assumption:
        for assumption in self.assumptions:
            if assumption.id == assumption_id:
                return assumption
        raise KeyError(assumption_id)
