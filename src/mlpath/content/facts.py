"""The article's facts as records, and mlpath's own labelled assumptions. Each section record is
what its command prints (its `source` names where its facts come from); the marks in
`Annotated[...]` say how plain records and CSV rows lay it out."""

from __future__ import annotations

from dataclasses import field
from typing import Annotated

from annotated_types import Ge, Gt, Le, MinLen
from pydantic.types import AllowInfNan, Strict, StrictBool, StrictInt, StrictStr, StringConstraints

from mlpath.model import Apart, Each, Fills, Record, Rows, SourceId

Phrase = Annotated[StrictStr, MinLen(1)]  # a non-empty string: a name, a sentence
Slug = Annotated[StrictStr, MinLen(1)]  # an id that other content refers to
Phrases = tuple[Phrase, ...]
WebAddress = Annotated[StrictStr, StringConstraints(pattern=r"^https://[^\s/]+\.[^\s/]+(/\S*)?$")]
ARTICLE = "article"  # the source of every fact that names no other


class Figure(Record):
    """A number from the article with the source it cites. A whole number (not true, not 2.5)
    within bounds, so no figure `data check` accepts can break a command."""

    value: Annotated[StrictInt, Ge(0), Le(1_000_000_000)]
    source: SourceId


class Pay(Figure):
    """Dollars a year; never 0, since pay tiers are shown as multiples of the national average."""

    value: Annotated[StrictInt, Ge(1), Le(100_000_000)]


class YearlyCost(Figure):
    """Dollars a year of study (tuition and fees); 0 is free."""

    value: Annotated[StrictInt, Ge(0), Le(10_000_000)]


class Years(Figure):
    value: Annotated[StrictInt, Ge(1), Le(20)]


class Percent(Figure):
    value: Annotated[StrictInt, Ge(0), Le(10_000)]


class CalendarYear(Figure):
    value: Annotated[StrictInt, Ge(1900), Le(2200)]


# Sources and pay ---------------------------------------------------------------------------------


class Source(Record):
    id: Slug
    name: Phrase
    kind: Phrase
    note: Phrase


class Sources(Record):
    kinds_note: Phrase  # says each source's `kind` is mlpath's description, not the article's
    other_facts_note: Phrase  # where everything that is not a sourced figure comes from
    sources: Annotated[tuple[Source, ...], MinLen(1)]


class SalaryTier(Record):
    id: Slug
    name: Phrase
    amount: Pay


class NationalAverage(Record):
    name: Phrase
    amount: Pay


class Salary(Record):
    currency: Phrase
    period: Phrase
    varies_with: Phrases
    tiers: Annotated[tuple[SalaryTier, ...], MinLen(1)]
    national_average: NationalAverage
    summary: Phrase


# The role and the ladder -------------------------------------------------------------------------


class Item(Record):
    """A listed thing the article names and mlpath sums up in a line; others refer to it by id."""

    id: Slug
    name: Phrase
    summary: Phrase


class LearningKind(Item):
    pass


class Role(Record):
    definition: Phrase
    versus_software_engineer: Phrase
    grounding: Annotated[Phrases, Each("grounding")]
    duties: Annotated[Phrases, Each("duty")]
    project_start: Annotated[Phrases, Each("project_start")]
    collaborators: Annotated[Phrases, Each("collaborator")]
    learning_kinds: Annotated[tuple[LearningKind, ...], Each("learning_kind")]
    learning_kinds_note: Phrase  # says the article names the kinds only; definitions are mlpath's


class Criterion(Record):
    id: Slug
    text: Phrase
    check: StrictBool = False  # a self-check the article offers, not something success needs


class Reflection(Record):
    """The guide's own answer to "should I become one?": what success asks, what the work offers."""

    summary: Phrase
    criteria: Annotated[tuple[Criterion, ...], Each("criterion")]
    rewards: Annotated[Phrases, Each("reward")]
    source: SourceId = ARTICLE


class LadderLevel(Record):
    number: int = 0  # its place on the ladder, from 1: set by the ladder
    id: Slug
    title: Phrase
    summary: Phrase
    duties: Annotated[Phrases, Each("duty")]


class Ladder(Record):
    levels: Annotated[tuple[LadderLevel, ...], MinLen(1), Each("level"), Rows]
    source: SourceId = ARTICLE

    def __post_init__(self) -> None:
        for number, level in enumerate(self.levels, 1):
            level.__dict__["number"] = number


# The explore lists -------------------------------------------------------------------------------


class Aspect(Record):
    id: Slug
    text: Phrase


class Aspects(Record):
    best: Annotated[tuple[Aspect, ...], Each("best"), Rows]
    worst: Annotated[tuple[Aspect, ...], Each("worst"), Rows]
    source: SourceId = ARTICLE


class CoreSkill(Record):
    id: Slug
    name: Phrase


class JobSkill(Item):
    # Tool groups in the article's order, e.g. {"frameworks": ["TensorFlow", ...]}.
    tools: Annotated[dict[Slug, Phrases], Each("tool", field="name", key="group")] = field(default_factory=dict)


class Skills(Record):
    core: Annotated[tuple[CoreSkill, ...], Each("core_skill"), Rows]
    summary: Phrase  # what the skills learnt on the job are for
    on_the_job: Annotated[tuple[JobSkill, ...], Each("job_skill"), Rows]
    source: SourceId = ARTICLE


class Specialty(Item):
    pass


class Specialties(Record):
    specialties: Annotated[tuple[Specialty, ...], Each("specialty"), Rows]
    source: SourceId = ARTICLE
    summaries_by: Phrase  # who wrote the one-line summaries


class Resource(Item):
    url: WebAddress  # the public home page; added by mlpath, the article gives no links


class Resources(Record):
    resources: Annotated[tuple[Resource, ...], Each("resource"), Rows]
    url_note: Phrase  # says the addresses are mlpath's addition
    source: SourceId = ARTICLE


class Internship(Item):
    examples: Annotated[Phrases, Each("example")] = ()


class Internships(Record):
    internships: Annotated[tuple[Internship, ...], Each("internship"), Rows]
    summary: Phrase  # the article's framing: internships vary; these kinds are common
    source: SourceId = ARTICLE


class WorkLife(Record):
    summary: Phrase
    depends_on: Annotated[Phrases, Each("depends_on")]
    demands: Annotated[Phrases, Each("demand")]
    supports: Annotated[Phrases, Each("support")]
    source: SourceId = ARTICLE


class Period(Record):
    start: CalendarYear
    end: CalendarYear


class Outlook(Record):
    subject: Phrase
    growth_percent: Percent
    period: Period
    summary: Phrase
    drivers: Annotated[Phrases, Each("driver")]


class Industry(Item):
    applications: Annotated[Phrases, Each("application")]


class Industries(Record):
    industries: Annotated[tuple[Industry, ...], Each("industry"), Rows]
    source: SourceId = ARTICLE


class CompanyKind(Record):
    id: Slug
    name: Phrase
    examples: Annotated[Phrases, Each("example")] = ()
    uses: Annotated[Phrases, Each("use")]
    purpose: Phrase | None = None  # the aim the article gives for the uses, where it gives one


class Companies(Record):
    companies: Annotated[tuple[CompanyKind, ...], Each("company"), Rows]
    source: SourceId = ARTICLE


# Education ---------------------------------------------------------------------------------------


class DegreeNeeded(Record):
    answer: Phrase
    summary: Phrase
    degree_teaches: Annotated[Phrases, Each("degree_teaches")]
    alternatives: Annotated[Phrases, Each("alternative")]


class Bachelor(Record):
    name: Phrase
    years: Years
    mode: Phrase
    length: Annotated[Phrase, Fills("years,mode")]  # how long, with the article's hedge
    note: Phrase  # the article's qualifiers: typical length, standard in many countries
    covers: Annotated[Phrases, Each("covers")]


class Master(Record):
    name: Phrase
    years_min: Years
    years_max: Years
    length: Annotated[Phrase, Fills("years_min,years_max")]  # how long, with the article's hedge
    note: Phrase


class Durations(Record):
    bachelor: Bachelor
    master: Annotated[Master, Apart]


class ResidencyTuition(Record):
    """Average yearly tuition and fees at a state university."""

    in_state: YearlyCost
    out_of_state: YearlyCost

    def for_residency(self, residency: str) -> YearlyCost:
        return self.in_state if residency == "in-state" else self.out_of_state


class Tuition(Record):
    undergraduate: Annotated[ResidencyTuition, Apart]
    graduate: Annotated[ResidencyTuition, Apart]
    note: Phrase


class OnlineRoute(Record):
    possible: StrictBool
    summary: Phrase
    points: Annotated[Phrases, Each("online_point")]


class Education(Record):
    degree_needed: DegreeNeeded
    why_computer_science: Annotated[Phrases, Each("why_computer_science")]
    durations: Durations
    tuition: Tuition
    online: OnlineRoute


class Assumption(Record):
    """A number or reading of this tool's own, never the article's; shown labelled."""

    id: Slug
    text: Phrase
    value: Annotated[float, Strict(), AllowInfNan(False), Gt(0), Le(100)] | None = None  # a factor, not an amount
    unit: Phrase | None = None


class Assumptions(Record):
    assumptions: tuple[Assumption, ...]

    def get(self, assumption_id: str) -> Assumption:
        return {assumption.id: assumption for assumption in self.assumptions}[assumption_id]
