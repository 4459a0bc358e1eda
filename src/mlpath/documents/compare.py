"""The JSON document of a comparison (`--what-if`): both roadmaps, and what changes between them."""

from typing import Annotated, Literal

from typing_extensions import TypedDict

from mlpath.documents.marks import Each, Inline, Lead, Named, Rows, Within
from mlpath.documents.roadmap import Roadmap

Level = Literal["strong", "good", "mixed", "weak"]


class AnswerChange(TypedDict):
    """One answer, yours and as the what-if changes it."""

    before: Annotated[str | int | list[str], Inline]
    after: Annotated[str | int | list[str], Inline]


class VerdictChange(TypedDict):
    """The verdict's level in each roadmap (the same when only its reasons change)."""

    before: Level
    after: Level
    reasons_added: Annotated[list[str], Each("reason_added")]
    reasons_removed: Annotated[list[str], Each("reason_removed")]


class StepAddedOrRemoved(TypedDict):
    """A step of one roadmap only, numbered as in that roadmap."""

    number: int
    id: str
    title: str


class StepChange(TypedDict):
    """A step of both roadmaps that differs, numbered and titled as in the what-if roadmap."""

    number: int
    id: str
    title: str
    changed: Annotated[list[Literal["phase", "title", "why", "answers_used", "actions"]], Inline]
    title_before: str
    why_before: str
    why_after: str
    actions_added: Annotated[list[str], Each("action_added")]
    actions_removed: Annotated[list[str], Each("action_removed")]


class DegreeFigures(TypedDict):
    """The degree's time and tuition in one roadmap, with their formulas."""

    residency: str
    study: str
    years_min: float
    years_max: float
    years_formula: str
    tuition_min: int
    tuition_max: int
    tuition_formula: str


class EstimatesChange(TypedDict):
    """The degree's time and tuition in each roadmap; null where a roadmap has no degree step."""

    before: DegreeFigures | None
    after: DegreeFigures | None
    assumptions_added: Annotated[list[str], Each("assumption_added")]
    assumptions_removed: Annotated[list[str], Each("assumption_removed")]


class Changes(TypedDict):
    """What differs from `base` to `what_if`; empty lists and nulls where nothing does."""

    answers: Annotated[dict[str, AnswerChange], Each("answer_changed", key="key"), Lead]
    verdict: Annotated[VerdictChange | None, Named("verdict_changed"), Lead]
    steps_added: Annotated[list[StepAddedOrRemoved], Each("step_added"), Lead, Rows]
    steps_removed: Annotated[list[StepAddedOrRemoved], Each("step_removed"), Lead, Rows]
    steps_changed: Annotated[list[StepChange], Each("step_changed"), Lead, Rows]
    estimates: Annotated[EstimatesChange | None, Named("estimates_changed"), Lead]


class Comparison(TypedDict):
    """`mlpath quiz --what-if` and `mlpath roadmap --what-if`: your roadmap, the roadmap for
    your answers changed that way, and what changes between them."""

    base: Annotated[Roadmap, Within("base")]
    what_if: Annotated[Roadmap, Within("what_if")]
    changes: Changes
