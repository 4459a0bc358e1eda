"""The explore sections: role, ladder, aspects, skills, specialties, resources, internships,
work-life, outlook, industries, companies, and the "should I" criteria."""

from __future__ import annotations

from dataclasses import field
from typing import Annotated

from annotated_types import MinLen

from mlpath.content.model.base import CalendarYear, Percent, Phrase, Phrases, Record, Slug, WebAddress


class LearningKind(Record):
    id: Slug
    name: Phrase
    summary: Phrase


class Role(Record):
    definition: Phrase
    versus_software_engineer: Phrase
    grounding: Phrases
    duties: Phrases
    project_start: Phrases
    collaborators: Phrases
    learning_kinds_note: Phrase  # says the article names the kinds only; definitions are mlpath's
    learning_kinds: tuple[LearningKind, ...]


class LadderLevel(Record):
    id: Slug
    title: Phrase
    summary: Phrase
    duties: Phrases


class Ladder(Record):
    levels: Annotated[tuple[LadderLevel, ...], MinLen(1)]


class Aspect(Record):
    id: Slug
    text: Phrase


class Aspects(Record):
    best: tuple[Aspect, ...]
    worst: tuple[Aspect, ...]


class CoreSkill(Record):
    id: Slug
    name: Phrase


class JobSkill(Record):
    id: Slug
    name: Phrase
    summary: Phrase
    # Tool groups in the article's order, e.g. {"frameworks": ["TensorFlow", ...]}.
    tools: dict[Slug, Phrases] = field(default_factory=dict)


class Skills(Record):
    core: tuple[CoreSkill, ...]
    on_the_job: tuple[JobSkill, ...]


class Specialty(Record):
    id: Slug
    name: Phrase
    summary: Phrase


class Specialties(Record):
    specialties: tuple[Specialty, ...]


class Resource(Record):
    id: Slug
    name: Phrase
    summary: Phrase
    url: WebAddress  # the public home page; added by mlpath, the article gives no links


class Resources(Record):
    url_note: Phrase  # says the addresses are mlpath's addition
    resources: tuple[Resource, ...]


class Internship(Record):
    id: Slug
    name: Phrase
    summary: Phrase
    examples: Phrases = ()


class Internships(Record):
    summary: Phrase  # the article's framing: internships vary; these kinds are common
    internships: tuple[Internship, ...]


class WorkLife(Record):
    summary: Phrase
    depends_on: Phrases
    demands: Phrases
    supports: Phrases


class Period(Record):
    start: CalendarYear
    end: CalendarYear


class Outlook(Record):
    subject: Phrase
    growth_percent: Percent
    period: Period
    summary: Phrase
    drivers: Phrases


class Industry(Record):
    id: Slug
    name: Phrase
    summary: Phrase
    applications: Phrases


class Industries(Record):
    industries: tuple[Industry, ...]


class CompanyKind(Record):
    id: Slug
    name: Phrase
    uses: Phrases
    examples: Phrases = ()
    purpose: Phrase | None = None  # the aim the article gives for the uses, where it gives one


class Companies(Record):
    companies: tuple[CompanyKind, ...]


class Criterion(Record):
    id: Slug
    text: Phrase


class Reflection(Record):
    summary: Phrase
    criteria: tuple[Criterion, ...]
    rewards: Phrases
