"""The JSON documents of the explore commands: about, salary, ladder, skills and the lists.

Each TypedDict is the shape of one `--json` document (or a part of one); the views build
them and mypy checks that they do. Marks (see `marks`) say how plain and CSV lay them out.
"""

from typing import Annotated

from typing_extensions import NotRequired, TypedDict

from mlpath.documents.marks import Each, Lead, Rows


class Sourced(TypedDict):
    """A figure and the name of the source it comes from."""

    value: int
    source: str


class LearningKind(TypedDict):
    id: str
    name: str
    summary: str


class Criterion(TypedDict):
    id: str
    text: str


class GuideAnswer(TypedDict):
    """The guide's own answer to "should I become one?": what success asks, what the work offers."""

    summary: str
    criteria: Annotated[list[Criterion], Each("criterion")]
    rewards: Annotated[list[str], Each("reward")]
    source: str


class About(TypedDict):
    """`mlpath about`: what a machine learning engineer is and does."""

    definition: str
    versus_software_engineer: str
    grounding: Annotated[list[str], Each("grounding")]
    duties: Annotated[list[str], Each("duty")]
    project_start: Annotated[list[str], Each("project_start")]
    collaborators: Annotated[list[str], Each("collaborator")]
    learning_kinds: Annotated[list[LearningKind], Each("learning_kind")]
    learning_kinds_note: str
    guide_answer: GuideAnswer
    source: str


class ComparedWithYours(TypedDict):
    """A tier beside the pay given with --compare: tier - yours, and that as % of yours."""

    difference: int
    percent: float
    formula: str


class PayTier(TypedDict):
    id: str
    name: str
    amount: int
    source: str
    multiple_of_national_average: float
    multiple_formula: str
    compared_with_yours: NotRequired[ComparedWithYours]


class NationalAverage(TypedDict):
    name: str
    value: int
    source: str


class Salary(TypedDict):
    """`mlpath salary [--compare AMOUNT]`: pay tiers against the national average."""

    currency: str
    period: str
    tiers: Annotated[list[PayTier], Each("tier"), Lead, Rows]
    national_average: NationalAverage
    varies_with: Annotated[list[str], Each("varies_with", field="factor")]
    summary: str
    your_pay: NotRequired[int]


class LadderLevel(TypedDict):
    number: int
    id: str
    title: str
    summary: str
    duties: Annotated[list[str], Each("duty")]


class Ladder(TypedDict):
    """`mlpath ladder`: the six levels in order."""

    levels: Annotated[list[LadderLevel], Each("level"), Rows]
    source: str


class LadderLevelInFull(TypedDict):
    """`mlpath ladder LEVEL`: one level in full, with its neighbours' ids."""

    level: Annotated[LadderLevel, Rows]
    previous: str | None
    next: str | None
    total_levels: int
    source: str


class CoreSkill(TypedDict):
    id: str
    name: str


class JobSkill(TypedDict):
    id: str
    name: str
    summary: str
    tools: Annotated[dict[str, list[str]], Each("tool", field="name", key="group")]


class Skills(TypedDict):
    """`mlpath skills`: the core skills and those built on the job, with their tools."""

    core: Annotated[list[CoreSkill], Each("core_skill"), Rows]
    on_the_job: Annotated[list[JobSkill], Each("job_skill"), Rows]
    source: str


class Specialty(TypedDict):
    id: str
    name: str
    summary: str


class Specialties(TypedDict):
    """`mlpath specialties`."""

    specialties: Annotated[list[Specialty], Each("specialty"), Rows]
    source: str
    summaries_by: str


class Aspect(TypedDict):
    id: str
    text: str


class Aspects(TypedDict):
    """`mlpath aspects`: the best and the worst of the job."""

    best: Annotated[list[Aspect], Each("best"), Rows]
    worst: Annotated[list[Aspect], Each("worst"), Rows]
    source: str


class Resource(TypedDict):
    id: str
    name: str
    summary: str
    url: str


class Resources(TypedDict):
    """`mlpath resources`."""

    resources: Annotated[list[Resource], Each("resource"), Rows]
    url_note: str
    source: str


class Internship(TypedDict):
    id: str
    name: str
    summary: str
    examples: Annotated[list[str], Each("example")]


class Internships(TypedDict):
    """`mlpath internships`."""

    internships: Annotated[list[Internship], Each("internship"), Rows]
    summary: str
    source: str


class Industry(TypedDict):
    id: str
    name: str
    summary: str
    applications: Annotated[list[str], Each("application")]


class Industries(TypedDict):
    """`mlpath industries`."""

    industries: Annotated[list[Industry], Each("industry"), Rows]
    source: str


class CompanyKind(TypedDict):
    id: str
    name: str
    examples: Annotated[list[str], Each("example")]
    uses: Annotated[list[str], Each("use")]
    purpose: str | None


class Companies(TypedDict):
    """`mlpath companies`."""

    companies: Annotated[list[CompanyKind], Each("company"), Rows]
    source: str


class Period(TypedDict):
    start: Sourced
    end: Sourced


class Outlook(TypedDict):
    """`mlpath outlook`: projected growth in demand."""

    subject: str
    growth_percent: Sourced
    period: Period
    summary: str
    drivers: Annotated[list[str], Each("driver")]


class WorkLife(TypedDict):
    """`mlpath work-life`."""

    summary: str
    depends_on: Annotated[list[str], Each("depends_on")]
    demands: Annotated[list[str], Each("demand")]
    supports: Annotated[list[str], Each("support")]
    source: str
