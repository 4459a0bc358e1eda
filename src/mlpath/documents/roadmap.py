"""The JSON documents of quiz and roadmap: the roadmap itself, and the question list."""

from typing import Annotated, Literal

from typing_extensions import NotRequired, TypedDict

from mlpath.answers import (
    Education,
    Goal,
    IndustryChoice,
    Interest,
    LearningPath,
    Math,
    Programming,
    RemoteWork,
    Residency,
    Study,
)
from mlpath.documents.education import CostEstimate
from mlpath.documents.marks import Each, Inline, Lead, Pairs, Rows


class AnswersDocument(TypedDict):
    """The answers, in the form `--answers FILE` reads back."""

    education: Education
    programming: Programming
    math: Math
    path: LearningPath
    residency: Residency
    study: Study
    interests: list[Interest]
    industries: list[IndustryChoice]
    goal: Goal
    remote_work: RemoteWork
    complex_problems: int
    new_tech: int
    continuous_learning: int
    analytical: int
    resilience: int
    data_cleaning: int
    deadline_pressure: int


class Verdict(TypedDict):
    """Should you become one? The level and the answers behind it."""

    level: Literal["strong", "good", "mixed", "weak"]
    summary: str
    reasons: Annotated[list[str], Each("reason")]
    strengths: Annotated[list[str], Each("strength")]
    concerns: Annotated[list[str], Each("concern")]


class RoadmapStep(TypedDict):
    number: int
    id: str
    phase: str
    title: str
    why: str
    answers_used: Annotated[list[str], Inline]
    actions: Annotated[list[str], Each("action")]


class SkippedStep(TypedDict):
    id: str
    why: str


class StudyEstimate(CostEstimate):
    """The degree step's tuition and time, at the study mode of the answers."""

    study: str
    years_min: float
    years_max: float
    years_formula: str


class Estimates(TypedDict):
    education: StudyEstimate | None
    assumptions: Annotated[list[str], Each("assumption")]
    not_estimated: str


class Roadmap(TypedDict):
    """`mlpath quiz` and `mlpath roadmap`: the verdict (with answers) and the ordered steps."""

    tailored: bool
    answers: Annotated[AnswersDocument | None, Pairs("answer")]
    verdict: Annotated[Verdict | None, Lead]
    steps: Annotated[list[RoadmapStep], Each("step"), Lead, Rows]
    skipped: Annotated[list[SkippedStep], Each("skipped")]
    estimates: Estimates
    editorial: str


class BatchRoadmap(Roadmap):
    """`mlpath quiz --batch`: a line's roadmap, with the line's id first when it has one."""

    id: NotRequired[str | int | float]


class BatchError(TypedDict):
    """`mlpath quiz --batch`: a line that gave no roadmap (its id when it has one)."""

    id: NotRequired[str | int | float]
    line: int
    error: str


class Question(TypedDict):
    key: str
    kind: Literal["select", "multiselect", "scale"]
    prompt: str
    help: str
    values: Annotated[list[str] | list[int], Inline]
    default: Annotated[str | int | list[str], Inline]


class Questions(TypedDict):
    """`mlpath quiz --questions`: every question, its key, values and default."""

    questions: Annotated[list[Question], Each("question"), Rows]
    count: int
