"""The JSON document of `mlpath progress`: the saved plan and each step's status."""

from typing import Annotated, Literal

from typing_extensions import TypedDict

from mlpath.documents.marks import Each, Pairs, Rows

Status = Literal["pending", "learning", "done", "skipped"]


class PlanStep(TypedDict):
    number: int
    id: str
    title: str
    phase: str
    status: Status
    updated: str | None


class StatusCounts(TypedDict):
    pending: int
    learning: int
    done: int
    skipped: int


class PhaseProgress(TypedDict):
    id: str
    name: str
    finished: int
    total: int
    percent: int


class NextStep(TypedDict):
    id: str
    title: str
    status: Status


class RemovedStep(TypedDict):
    """A step that fell away when the plan was re-made, with the status it had."""

    id: str
    title: str
    status: Status
    removed: str


class Progress(TypedDict):
    """`mlpath progress`: the saved plan with each step's status."""

    steps: Annotated[list[PlanStep], Each("step"), Rows]
    percent_complete: int
    percent_formula: str
    counts: StatusCounts
    phases: Annotated[list[PhaseProgress], Each("phase")]
    next: NextStep | None
    answers: Annotated[dict[str, str | int | list[str]] | None, Pairs("answer")]
    removed: Annotated[list[RemovedStep], Each("removed")]
    created: str
    updated: str
    plan_file: str
