"""The explore sections: role, ladder, aspects, skills, specialties, resources, internships,
work-life, outlook, industries, companies, and the "should I" criteria."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from annotated_types import MinLen

from mlpath.content.model.base import STRICT, Figure, Record, Slug, Text, Texts


@dataclass(init=False, repr=False, eq=False)
class LearningKind(Record):
    __pydantic_config__ = STRICT
    id: Slug
    name: Text
    summary: Text


@dataclass(init=False, repr=False, eq=False)
class Role(Record):
    __pydantic_config__ = STRICT
    definition: Text
    versus_software_engineer: Text
    grounding: Texts
    duties: Texts
    project_start: Texts
    collaborators: Texts
    learning_kinds: tuple[LearningKind, ...]


@dataclass(init=False, repr=False, eq=False)
class LadderLevel(Record):
    __pydantic_config__ = STRICT
    id: Slug
    title: Text
    summary: Text
    duties: Texts


@dataclass(init=False, repr=False, eq=False)
class Ladder(Record):
    __pydantic_config__ = STRICT
    levels: Annotated[tuple[LadderLevel, ...], MinLen(1)]


@dataclass(init=False, repr=False, eq=False)
class Aspect(Record):
    __pydantic_config__ = STRICT
    id: Slug
    text: Text


@dataclass(init=False, repr=False, eq=False)
class Aspects(Record):
    __pydantic_config__ = STRICT
    best: tuple[Aspect, ...]
    worst: tuple[Aspect, ...]


@dataclass(init=False, repr=False, eq=False)
class CoreSkill(Record):
    __pydantic_config__ = STRICT
    id: Slug
    name: Text


@dataclass(init=False, repr=False, eq=False)
class JobSkill(Record):
    __pydantic_config__ = STRICT
    id: Slug
    name: Text
    summary: Text
    # Tool groups in the article's order, e.g. {"frameworks": ["TensorFlow", ...]}.
    tools: dict[Slug, Texts] = field(default_factory=dict)


@dataclass(init=False, repr=False, eq=False)
class Skills(Record):
    __pydantic_config__ = STRICT
    core: tuple[CoreSkill, ...]
    on_the_job: tuple[JobSkill, ...]


@dataclass(init=False, repr=False, eq=False)
class Specialty(Record):
    __pydantic_config__ = STRICT
    id: Slug
    name: Text
    summary: Text


@dataclass(init=False, repr=False, eq=False)
class Specialties(Record):
    __pydantic_config__ = STRICT
    specialties: tuple[Specialty, ...]


@dataclass(init=False, repr=False, eq=False)
class Resource(Record):
    __pydantic_config__ = STRICT
    id: Slug
    name: Text
    summary: Text


@dataclass(init=False, repr=False, eq=False)
class Resources(Record):
    __pydantic_config__ = STRICT
    resources: tuple[Resource, ...]


@dataclass(init=False, repr=False, eq=False)
class Internship(Record):
    __pydantic_config__ = STRICT
    id: Slug
    name: Text
    summary: Text
    examples: Texts = ()


@dataclass(init=False, repr=False, eq=False)
class Internships(Record):
    __pydantic_config__ = STRICT
    internships: tuple[Internship, ...]


@dataclass(init=False, repr=False, eq=False)
class WorkLife(Record):
    __pydantic_config__ = STRICT
    summary: Text
    depends_on: Texts
    demands: Texts
    supports: Texts


@dataclass(init=False, repr=False, eq=False)
class Period(Record):
    __pydantic_config__ = STRICT
    start: Figure
    end: Figure


@dataclass(init=False, repr=False, eq=False)
class Outlook(Record):
    __pydantic_config__ = STRICT
    subject: Text
    growth_percent: Figure
    period: Period
    summary: Text
    drivers: Texts


@dataclass(init=False, repr=False, eq=False)
class Industry(Record):
    __pydantic_config__ = STRICT
    id: Slug
    name: Text
    summary: Text
    applications: Texts


@dataclass(init=False, repr=False, eq=False)
class Industries(Record):
    __pydantic_config__ = STRICT
    industries: tuple[Industry, ...]


@dataclass(init=False, repr=False, eq=False)
class CompanyKind(Record):
    __pydantic_config__ = STRICT
    id: Slug
    name: Text
    uses: Texts
    examples: Texts = ()


@dataclass(init=False, repr=False, eq=False)
class Companies(Record):
    __pydantic_config__ = STRICT
    companies: tuple[CompanyKind, ...]


@dataclass(init=False, repr=False, eq=False)
class Criterion(Record):
    __pydantic_config__ = STRICT
    id: Slug
    text: Text


@dataclass(init=False, repr=False, eq=False)
class Reflection(Record):
    __pydantic_config__ = STRICT
    summary: Text
    criteria: tuple[Criterion, ...]
    rewards: Texts
