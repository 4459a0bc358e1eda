"""The content schema: one frozen dataclass per thing the article describes.

These are plain stdlib dataclasses so that importing them costs next to nothing; pydantic
validates them (see `loader`) through the `__pydantic_config__` each one carries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from annotated_types import Ge, Gt, MinLen
from pydantic.types import StrictBool, StrictInt, StrictStr

# Every content record forbids unknown keys, so a typo in data/ is reported, not ignored.
STRICT: Any = {"extra": "forbid"}

Text = Annotated[StrictStr, MinLen(1)]
Slug = Annotated[StrictStr, MinLen(1)]
Texts = tuple[Text, ...]


@dataclass(frozen=True, slots=True)
class Figure:
    """A number from the article with the id of the source it cites."""

    __pydantic_config__ = STRICT
    value: Annotated[StrictInt, Ge(0)]
    source: Slug


@dataclass(frozen=True, slots=True)
class Source:
    __pydantic_config__ = STRICT
    id: Slug
    name: Text
    kind: Text
    note: Text


@dataclass(frozen=True, slots=True)
class Sources:
    __pydantic_config__ = STRICT
    sources: Annotated[tuple[Source, ...], MinLen(1)]


@dataclass(frozen=True, slots=True)
class SalaryTier:
    __pydantic_config__ = STRICT
    id: Slug
    name: Text
    amount: Figure


@dataclass(frozen=True, slots=True)
class NationalAverage:
    __pydantic_config__ = STRICT
    name: Text
    amount: Figure


@dataclass(frozen=True, slots=True)
class Salary:
    __pydantic_config__ = STRICT
    currency: Text
    period: Text
    varies_with: Texts
    tiers: Annotated[tuple[SalaryTier, ...], MinLen(1)]
    national_average: NationalAverage
    summary: Text


@dataclass(frozen=True, slots=True)
class LearningKind:
    __pydantic_config__ = STRICT
    id: Slug
    name: Text
    summary: Text


@dataclass(frozen=True, slots=True)
class Role:
    __pydantic_config__ = STRICT
    definition: Text
    versus_software_engineer: Text
    grounding: Texts
    duties: Texts
    project_start: Texts
    collaborators: Texts
    learning_kinds: tuple[LearningKind, ...]


@dataclass(frozen=True, slots=True)
class LadderLevel:
    __pydantic_config__ = STRICT
    id: Slug
    title: Text
    summary: Text
    duties: Texts


@dataclass(frozen=True, slots=True)
class Ladder:
    __pydantic_config__ = STRICT
    levels: Annotated[tuple[LadderLevel, ...], MinLen(1)]


@dataclass(frozen=True, slots=True)
class Aspect:
    __pydantic_config__ = STRICT
    id: Slug
    text: Text


@dataclass(frozen=True, slots=True)
class Aspects:
    __pydantic_config__ = STRICT
    best: tuple[Aspect, ...]
    worst: tuple[Aspect, ...]


@dataclass(frozen=True, slots=True)
class CoreSkill:
    __pydantic_config__ = STRICT
    id: Slug
    name: Text


@dataclass(frozen=True, slots=True)
class JobSkill:
    __pydantic_config__ = STRICT
    id: Slug
    name: Text
    summary: Text
    # Tool groups in the article's order, e.g. {"frameworks": ["TensorFlow", ...]}.
    tools: dict[Slug, Texts] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Skills:
    __pydantic_config__ = STRICT
    core: tuple[CoreSkill, ...]
    on_the_job: tuple[JobSkill, ...]


@dataclass(frozen=True, slots=True)
class Specialty:
    __pydantic_config__ = STRICT
    id: Slug
    name: Text
    summary: Text


@dataclass(frozen=True, slots=True)
class Specialties:
    __pydantic_config__ = STRICT
    specialties: tuple[Specialty, ...]


@dataclass(frozen=True, slots=True)
class DegreeNeeded:
    __pydantic_config__ = STRICT
    answer: Text
    summary: Text
    degree_teaches: Texts
    alternatives: Texts


@dataclass(frozen=True, slots=True)
class Bachelor:
    __pydantic_config__ = STRICT
    name: Text
    years: Figure
    mode: Text
    covers: Texts


@dataclass(frozen=True, slots=True)
class Master:
    __pydantic_config__ = STRICT
    name: Text
    years_min: Figure
    years_max: Figure
    note: Text


@dataclass(frozen=True, slots=True)
class Durations:
    __pydantic_config__ = STRICT
    bachelor: Bachelor
    master: Master


@dataclass(frozen=True, slots=True)
class ResidencyTuition:
    __pydantic_config__ = STRICT
    in_state: Figure
    out_of_state: Figure

    def for_residency(self, residency: str) -> Figure:
        """The figure for `in-state` or `out-of-state` (the public answer values)."""
        return self.in_state if residency == "in-state" else self.out_of_state


@dataclass(frozen=True, slots=True)
class Tuition:
    __pydantic_config__ = STRICT
    note: Text
    undergraduate: ResidencyTuition
    graduate: ResidencyTuition


@dataclass(frozen=True, slots=True)
class OnlineRoute:
    __pydantic_config__ = STRICT
    possible: StrictBool
    summary: Text
    points: Texts


@dataclass(frozen=True, slots=True)
class Education:
    __pydantic_config__ = STRICT
    degree_needed: DegreeNeeded
    why_computer_science: Texts
    durations: Durations
    tuition: Tuition
    online: OnlineRoute


@dataclass(frozen=True, slots=True)
class Resource:
    __pydantic_config__ = STRICT
    id: Slug
    name: Text
    summary: Text


@dataclass(frozen=True, slots=True)
class Resources:
    __pydantic_config__ = STRICT
    resources: tuple[Resource, ...]


@dataclass(frozen=True, slots=True)
class Internship:
    __pydantic_config__ = STRICT
    id: Slug
    name: Text
    summary: Text
    examples: Texts = ()


@dataclass(frozen=True, slots=True)
class Internships:
    __pydantic_config__ = STRICT
    internships: tuple[Internship, ...]


@dataclass(frozen=True, slots=True)
class WorkLife:
    __pydantic_config__ = STRICT
    summary: Text
    depends_on: Texts
    demands: Texts
    supports: Texts


@dataclass(frozen=True, slots=True)
class Period:
    __pydantic_config__ = STRICT
    start: Figure
    end: Figure


@dataclass(frozen=True, slots=True)
class Outlook:
    __pydantic_config__ = STRICT
    subject: Text
    growth_percent: Figure
    period: Period
    summary: Text
    drivers: Texts


@dataclass(frozen=True, slots=True)
class Industry:
    __pydantic_config__ = STRICT
    id: Slug
    name: Text
    summary: Text
    applications: Texts


@dataclass(frozen=True, slots=True)
class Industries:
    __pydantic_config__ = STRICT
    industries: tuple[Industry, ...]


@dataclass(frozen=True, slots=True)
class CompanyKind:
    __pydantic_config__ = STRICT
    id: Slug
    name: Text
    uses: Texts
    examples: Texts = ()


@dataclass(frozen=True, slots=True)
class Companies:
    __pydantic_config__ = STRICT
    companies: tuple[CompanyKind, ...]


@dataclass(frozen=True, slots=True)
class Criterion:
    __pydantic_config__ = STRICT
    id: Slug
    text: Text


@dataclass(frozen=True, slots=True)
class Reflection:
    __pydantic_config__ = STRICT
    summary: Text
    criteria: tuple[Criterion, ...]
    rewards: Texts


@dataclass(frozen=True, slots=True)
class Assumption:
    """A number or reading of this tool's own, never the article's; shown labelled."""

    __pydantic_config__ = STRICT
    id: Slug
    text: Text
    value: Annotated[float, Gt(0)] | None = None
    unit: Text | None = None


@dataclass(frozen=True, slots=True)
class Assumptions:
    __pydantic_config__ = STRICT
    assumptions: tuple[Assumption, ...]

    def get(self, assumption_id: str) -> Assumption:
        for assumption in self.assumptions:
            if assumption.id == assumption_id:
                return assumption
        raise KeyError(assumption_id)


@dataclass(frozen=True, slots=True)
class Choice:
    __pydantic_config__ = STRICT
    value: Slug
    label: Text


@dataclass(frozen=True, slots=True)
class Question:
    """One quiz question. `kind` is select, multiselect or scale (a whole number 1-5)."""

    __pydantic_config__ = STRICT
    key: Slug
    kind: Literal["select", "multiselect", "scale"]
    prompt: Text
    help: Text
    default: StrictStr | StrictInt | tuple[StrictStr, ...]
    choices: tuple[Choice, ...] = ()

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(choice.value for choice in self.choices)


@dataclass(frozen=True, slots=True)
class Questions:
    __pydantic_config__ = STRICT
    scale_labels: dict[Annotated[StrictInt, Ge(1)], Text]
    questions: Annotated[tuple[Question, ...], MinLen(1)]

    def get(self, key: str) -> Question:
        for question in self.questions:
            if question.key == key:
                return question
        raise KeyError(key)


@dataclass(frozen=True, slots=True)
class VerdictLevel:
    __pydantic_config__ = STRICT
    level: Literal["strong", "good", "mixed", "weak"]
    min_strengths: Annotated[StrictInt, Ge(0)]
    max_concerns: Annotated[StrictInt, Ge(0)]
    summary: Text


@dataclass(frozen=True, slots=True)
class VerdictFactor:
    __pydantic_config__ = STRICT
    key: Slug  # a scale question
    basis: Text  # "reflection:<criterion id>" or "aspects:<worst aspect id>"
    strength: Text
    concern: Text


@dataclass(frozen=True, slots=True)
class VerdictRules:
    __pydantic_config__ = STRICT
    editorial: StrictBool
    strength_at: Annotated[StrictInt, Ge(1)]
    concern_at: Annotated[StrictInt, Ge(1)]
    levels: Annotated[tuple[VerdictLevel, ...], MinLen(1)]
    factors: tuple[VerdictFactor, ...]


@dataclass(frozen=True, slots=True)
class Phase:
    __pydantic_config__ = STRICT
    id: Slug
    name: Text


@dataclass(frozen=True, slots=True)
class StepText:
    __pydantic_config__ = STRICT
    title: Text
    actions: Texts = ()
    why: StrictStr = ""  # the reason given with the answer that chose this text


@dataclass(frozen=True, slots=True)
class EducationTexts:
    __pydantic_config__ = STRICT
    bachelor: StepText
    master: StepText
    master_optional: StepText
    online: StepText
    online_gap: StepText
    undecided: dict[Literal["extra_action"], Text]


@dataclass(frozen=True, slots=True)
class SkillsStep:
    __pydantic_config__ = STRICT
    title: Text
    skill_ids: tuple[Slug, ...]


@dataclass(frozen=True, slots=True)
class ProjectsStep:
    __pydantic_config__ = STRICT
    title: Text
    resources: tuple[Slug, ...]
    actions: Texts
    data_cleaning_concern: Text
    deadline_concern: Text
    follow: tuple[Slug, ...]


@dataclass(frozen=True, slots=True)
class InternshipsStep:
    __pydantic_config__ = STRICT
    title: Text
    by_goal: dict[Slug, tuple[Slug, ...]]
    by_industry: dict[Slug, Slug]
    by_interest: dict[Slug, Slug]


@dataclass(frozen=True, slots=True)
class Employer:
    """An industry or a kind of company, with the example uses that involve a specialty."""

    __pydantic_config__ = STRICT
    uses: Annotated[tuple[Text, ...], MinLen(1)]
    industry: Slug | None = None
    company: Slug | None = None


@dataclass(frozen=True, slots=True)
class Track:
    __pydantic_config__ = STRICT
    skills: tuple[Slug, ...]
    tools: Texts
    employers: tuple[Employer, ...]


@dataclass(frozen=True, slots=True)
class SpecialtyStep:
    __pydantic_config__ = STRICT
    choose_title: Text
    choose_action: Text
    tracks: dict[Slug, Track]


@dataclass(frozen=True, slots=True)
class IndustriesStep:
    __pydantic_config__ = STRICT
    title: Text
    open_title: Text
    open_action: Text


@dataclass(frozen=True, slots=True)
class JobStep:
    __pydantic_config__ = STRICT
    title: Text
    actions: Texts
    remote_important: Text
    remote_nice: Text


@dataclass(frozen=True, slots=True)
class LadderTargets:
    __pydantic_config__ = STRICT
    targets: dict[Slug, Slug]


@dataclass(frozen=True, slots=True)
class RoadmapRules:
    """The editorial mapping from answers to roadmap steps (data/roadmap.yaml)."""

    __pydantic_config__ = STRICT
    editorial: StrictBool
    phases: tuple[Phase, ...]
    programming: dict[Slug, StepText]
    math: dict[Slug, StepText]
    education: EducationTexts
    skills: SkillsStep
    projects: ProjectsStep
    internships: InternshipsStep
    specialty: SpecialtyStep
    industries: IndustriesStep
    job: JobStep
    ladder: LadderTargets


@dataclass(frozen=True, slots=True)
class Content:
    """Everything in a content directory, one attribute per file (`salary` is salary.yaml)."""

    sources: Sources
    salary: Salary
    role: Role
    ladder: Ladder
    aspects: Aspects
    skills: Skills
    specialties: Specialties
    education: Education
    resources: Resources
    internships: Internships
    work_life: WorkLife
    outlook: Outlook
    industries: Industries
    companies: Companies
    reflection: Reflection
    assumptions: Assumptions
    questions: Questions
    verdict: VerdictRules
    roadmap: RoadmapRules

    def source(self, source_id: str) -> Source:
        for source in self.sources.sources:
            if source.id == source_id:
                return source
        raise KeyError(source_id)
