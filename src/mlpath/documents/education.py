"""The JSON document of `mlpath education`, and the tuition estimate it shares with the roadmap."""

from typing import Annotated

from typing_extensions import TypedDict

from mlpath.documents.explore import Sourced
from mlpath.documents.marks import Apart, Each


class DegreeNeeded(TypedDict):
    answer: str
    summary: str
    degree_teaches: Annotated[list[str], Each("degree_teaches")]
    alternatives: Annotated[list[str], Each("alternative")]


class Bachelor(TypedDict):
    name: str
    years: Sourced
    mode: str
    note: str
    covers: Annotated[list[str], Each("covers")]


class Master(TypedDict):
    name: str
    years_min: Sourced
    years_max: Sourced
    note: str


class Durations(TypedDict):
    bachelor: Bachelor
    master: Annotated[Master, Apart]


class TuitionRates(TypedDict):
    """Average yearly tuition and fees at a state university."""

    in_state: Sourced
    out_of_state: Sourced


class Tuition(TypedDict):
    undergraduate: Annotated[TuitionRates, Apart]
    graduate: Annotated[TuitionRates, Apart]
    note: str


class CostPart(TypedDict):
    """One degree of an estimate: years × the yearly figure, with the formula."""

    id: str
    name: str
    years_min: int
    years_max: int
    per_year: int
    tuition_min: int
    tuition_max: int
    formula: str


class CostEstimate(TypedDict):
    """Tuition for the degrees of an estimate; `education` and the roadmap both show it."""

    residency: str
    parts: Annotated[list[CostPart], Each("part")]
    tuition_min: int
    tuition_max: int
    tuition_formula: str


class EducationEstimate(CostEstimate):
    assumptions: Annotated[list[str], Each("assumption")]


class Online(TypedDict):
    possible: bool
    summary: str
    points: Annotated[list[str], Each("online_point")]


class Education(TypedDict):
    """`mlpath education [--residency R] [--masters]`."""

    degree_needed: DegreeNeeded
    why_computer_science: Annotated[list[str], Each("why_computer_science")]
    durations: Durations
    tuition: Tuition
    estimate: EducationEstimate
    online: Online
