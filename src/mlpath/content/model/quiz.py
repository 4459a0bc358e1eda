"""The quiz questions, the verdict rules and the roadmap mapping (mlpath's editorial content)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from annotated_types import Ge, MinLen
from pydantic.types import StrictBool, StrictInt, StrictStr

from mlpath.content.model.base import STRICT, Record, Slug, Text, Texts


@dataclass(init=False, repr=False, eq=False)
class Choice(Record):
    __pydantic_config__ = STRICT
    value: Slug
    label: Text


@dataclass(init=False, repr=False, eq=False)
class Question(Record):
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


@dataclass(init=False, repr=False, eq=False)
class Questions(Record):
    __pydantic_config__ = STRICT
    scale_labels: dict[Annotated[StrictInt, Ge(1)], Text]
    questions: Annotated[tuple[Question, ...], MinLen(1)]


@dataclass(init=False, repr=False, eq=False)
class VerdictLevel(Record):
    __pydantic_config__ = STRICT
    level: Literal["strong", "good", "mixed", "weak"]
    min_strengths: Annotated[StrictInt, Ge(0)]
    max_concerns: Annotated[StrictInt, Ge(0)]
    summary: Text


@dataclass(init=False, repr=False, eq=False)
class VerdictFactor(Record):
    __pydantic_config__ = STRICT
    key: Slug  # a scale question
    basis: Text  # "reflection:<criterion id>" or "aspects:<worst aspect id>"
    strength: Text
    concern: Text


@dataclass(init=False, repr=False, eq=False)
class VerdictRules(Record):
    __pydantic_config__ = STRICT
    editorial: StrictBool
    strength_at: Annotated[StrictInt, Ge(1)]
    concern_at: Annotated[StrictInt, Ge(1)]
    levels: Annotated[tuple[VerdictLevel, ...], MinLen(1)]
    factors: tuple[VerdictFactor, ...]


@dataclass(init=False, repr=False, eq=False)
class Phase(Record):
    __pydantic_config__ = STRICT
    id: Slug
    name: Text


@dataclass(init=False, repr=False, eq=False)
class StepText(Record):
    __pydantic_config__ = STRICT
    title: Text
    actions: Texts = ()
    why: StrictStr = ""  # the reason given with the answer that chose this text


@dataclass(init=False, repr=False, eq=False)
class EducationTexts(Record):
    __pydantic_config__ = STRICT
    bachelor: StepText
    master: StepText
    master_optional: StepText
    online: StepText
    online_gap: StepText
    undecided: dict[Literal["extra_action"], Text]


@dataclass(init=False, repr=False, eq=False)
class SkillsStep(Record):
    __pydantic_config__ = STRICT
    title: Text
    skill_ids: tuple[Slug, ...]


@dataclass(init=False, repr=False, eq=False)
class ProjectsStep(Record):
    __pydantic_config__ = STRICT
    title: Text
    resources: tuple[Slug, ...]
    actions: Texts
    data_cleaning_concern: Text
    deadline_concern: Text
    follow: tuple[Slug, ...]


@dataclass(init=False, repr=False, eq=False)
class InternshipsStep(Record):
    __pydantic_config__ = STRICT
    title: Text
    by_goal: dict[Slug, tuple[Slug, ...]]
    by_industry: dict[Slug, Slug]
    by_interest: dict[Slug, Slug]


@dataclass(init=False, repr=False, eq=False)
class Employer(Record):
    """An industry or a kind of company, with the example uses that involve a specialty."""

    __pydantic_config__ = STRICT
    uses: Annotated[tuple[Text, ...], MinLen(1)]
    industry: Slug | None = None
    company: Slug | None = None


@dataclass(init=False, repr=False, eq=False)
class Track(Record):
    __pydantic_config__ = STRICT
    skills: tuple[Slug, ...]
    tools: Texts
    employers: tuple[Employer, ...]


@dataclass(init=False, repr=False, eq=False)
class SpecialtyStep(Record):
    __pydantic_config__ = STRICT
    choose_title: Text
    choose_action: Text
    tracks: dict[Slug, Track]


@dataclass(init=False, repr=False, eq=False)
class IndustriesStep(Record):
    __pydantic_config__ = STRICT
    title: Text
    open_title: Text
    open_action: Text


@dataclass(init=False, repr=False, eq=False)
class JobStep(Record):
    __pydantic_config__ = STRICT
    title: Text
    actions: Texts
    remote_important: Text
    remote_nice: Text


@dataclass(init=False, repr=False, eq=False)
class LadderTargets(Record):
    __pydantic_config__ = STRICT
    targets: dict[Slug, Slug]


@dataclass(init=False, repr=False, eq=False)
class RoadmapRules(Record):
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
