"""The JSON document of `mlpath cohort`: a whole group of answer sets, counted."""

from typing import Annotated

from typing_extensions import TypedDict

from mlpath.documents.marks import Each, Rows


class Verdicts(TypedDict):
    """How many answer sets got each verdict."""

    strong: int
    good: int
    mixed: int
    weak: int


class Share(TypedDict):
    """How many valid answer sets have it, and their percent of the valid ones."""

    id: str
    count: int
    percent: float


class StepShare(TypedDict):
    id: str
    title: str
    count: int
    percent: float


class DegreeRange(TypedDict):
    """The degree step's time and tuition across the answer sets that have one."""

    count: int
    years_min: float
    years_max: float
    tuition_min: int
    tuition_max: int


class InvalidLine(TypedDict):
    line: int
    id: str | int | float | None
    error: str


class Cohort(TypedDict):
    """`mlpath cohort`: how many answer sets, the verdicts, the common first steps, interests and
    goals, the degree's time and cost, each step's share, and the invalid lines."""

    count: int
    valid: int
    invalid: int
    verdicts: Verdicts
    first_steps: Annotated[list[Share], Each("first_step"), Rows]
    interests: Annotated[list[Share], Each("interest"), Rows]
    goals: Annotated[list[Share], Each("goal"), Rows]
    steps: Annotated[list[StepShare], Each("step"), Rows]
    degree: DegreeRange | None
    invalid_lines: Annotated[list[InvalidLine], Each("invalid_line")]
    invalid_listed: int
