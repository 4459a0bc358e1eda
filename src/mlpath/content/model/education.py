"""Education: degrees, durations, tuition, the online route; and mlpath's own labelled assumptions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from annotated_types import Gt
from pydantic.types import StrictBool

from mlpath.content.model.base import STRICT, Figure, Record, Slug, Text, Texts


@dataclass(init=False, repr=False, eq=False)
class DegreeNeeded(Record):
    __pydantic_config__ = STRICT
    answer: Text
    summary: Text
    degree_teaches: Texts
    alternatives: Texts


@dataclass(init=False, repr=False, eq=False)
class Bachelor(Record):
    __pydantic_config__ = STRICT
    name: Text
    years: Figure
    mode: Text
    covers: Texts


@dataclass(init=False, repr=False, eq=False)
class Master(Record):
    __pydantic_config__ = STRICT
    name: Text
    years_min: Figure
    years_max: Figure
    note: Text


@dataclass(init=False, repr=False, eq=False)
class Durations(Record):
    __pydantic_config__ = STRICT
    bachelor: Bachelor
    master: Master


@dataclass(init=False, repr=False, eq=False)
class ResidencyTuition(Record):
    __pydantic_config__ = STRICT
    in_state: Figure
    out_of_state: Figure

    def for_residency(self, residency: str) -> Figure:
        """The figure for `in-state` or `out-of-state` (the public answer values)."""
        return self.in_state if residency == "in-state" else self.out_of_state


@dataclass(init=False, repr=False, eq=False)
class Tuition(Record):
    __pydantic_config__ = STRICT
    note: Text
    undergraduate: ResidencyTuition
    graduate: ResidencyTuition


@dataclass(init=False, repr=False, eq=False)
class OnlineRoute(Record):
    __pydantic_config__ = STRICT
    possible: StrictBool
    summary: Text
    points: Texts


@dataclass(init=False, repr=False, eq=False)
class Education(Record):
    __pydantic_config__ = STRICT
    degree_needed: DegreeNeeded
    why_computer_science: Texts
    durations: Durations
    tuition: Tuition
    online: OnlineRoute


@dataclass(init=False, repr=False, eq=False)
class Assumption(Record):
    """A number or reading of this tool's own, never the article's; shown labelled."""

    __pydantic_config__ = STRICT
    id: Slug
    text: Text
    value: Annotated[float, Gt(0)] | None = None
    unit: Text | None = None


@dataclass(init=False, repr=False, eq=False)
class Assumptions(Record):
    __pydantic_config__ = STRICT
    assumptions: tuple[Assumption, ...]

    def get(self, assumption_id: str) -> Assumption:
        for assumption in self.assumptions:
            if assumption.id == assumption_id:
                return assumption
        raise KeyError(assumption_id)
