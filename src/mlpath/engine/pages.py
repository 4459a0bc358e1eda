"""The documents of the explore and utility commands that are more than one content section:
each a record built from content, with its computed figures and their formulas. Pure.

(A command that shows one section as it is, such as `mlpath skills`, prints the section's own
record; see `output.views`.)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from mlpath.content.facts import (
    DegreeNeeded,
    Durations,
    LadderLevel,
    LearningKind,
    OnlineRoute,
    Reflection,
    Source,
    Tuition,
)
from mlpath.engine.estimates import COST_ASSUMPTIONS, ComparedWithYours, EducationEstimate, compared, degree_cost
from mlpath.errors import Problem
from mlpath.model import Each, Lead, Omitted, Record, Rows, SourceId
from mlpath.text import money

if TYPE_CHECKING:
    from mlpath.content import Content


class AboutPage(Record):
    """`mlpath about`: what a machine learning engineer is and does, and the guide's own answer."""

    definition: str
    versus_software_engineer: str
    grounding: Annotated[tuple[str, ...], Each("grounding")]
    duties: Annotated[tuple[str, ...], Each("duty")]
    project_start: Annotated[tuple[str, ...], Each("project_start")]
    collaborators: Annotated[tuple[str, ...], Each("collaborator")]
    learning_kinds: Annotated[tuple[LearningKind, ...], Each("learning_kind")]
    learning_kinds_note: str
    guide_answer: Reflection
    source: SourceId


def about(content: Content) -> AboutPage:
    return AboutPage(**content.role.__dict__, guide_answer=content.reflection, source=content.reflection.source)


class PayTier(Record):
    id: str
    name: str
    amount: int
    source: SourceId
    multiple_of_national_average: float
    multiple_formula: str
    compared_with_yours: Annotated[ComparedWithYours | None, Omitted] = None


class PayFigure(Record):
    name: str
    value: int
    source: SourceId


class SalaryPage(Record):
    """`mlpath salary [--compare AMOUNT]`: pay tiers against the national average."""

    currency: str
    period: str
    tiers: Annotated[tuple[PayTier, ...], Each("tier"), Lead, Rows]
    national_average: PayFigure
    varies_with: Annotated[tuple[str, ...], Each("varies_with", field="factor")]
    summary: str
    your_pay: Annotated[int | None, Omitted] = None


def salary(content: Content, yours: int | None = None) -> SalaryPage:
    pay = content.salary
    average = pay.national_average.amount
    tiers = []
    for tier in pay.tiers:
        amount = tier.amount.value
        times = round(amount / average.value, 2)  # how many times the national average, 2 decimals
        tiers.append(
            PayTier(
                id=tier.id,
                name=tier.name,
                amount=amount,
                source=tier.amount.source,
                multiple_of_national_average=times,
                multiple_formula=f"{money(amount)} ÷ {money(average.value)} = {times:.2f}",
                compared_with_yours=None if yours is None else compared(amount, yours),
            )
        )
    return SalaryPage(
        currency=pay.currency,
        period=pay.period,
        tiers=tuple(tiers),
        national_average=PayFigure(name=pay.national_average.name, value=average.value, source=average.source),
        varies_with=pay.varies_with,
        summary=pay.summary,
        your_pay=yours,
    )


class LadderLevelPage(Record):
    """`mlpath ladder LEVEL`: one level in full, with its neighbours' ids."""

    level: Annotated[LadderLevel, Rows]
    previous: str | None
    next: str | None
    total_levels: int
    source: SourceId


def ladder_level(content: Content, index: int) -> LadderLevelPage:
    """The level at `index` (0-based) in full."""
    levels = content.ladder.levels
    return LadderLevelPage(
        level=levels[index],
        previous=levels[index - 1].id if index > 0 else None,
        next=levels[index + 1].id if index + 1 < len(levels) else None,
        total_levels=len(levels),
        source=content.ladder.source,
    )


class EducationPage(Record):
    """`mlpath education [--residency R] [--masters]`."""

    degree_needed: DegreeNeeded
    why_computer_science: Annotated[tuple[str, ...], Each("why_computer_science")]
    durations: Durations
    tuition: Tuition
    estimate: EducationEstimate
    online: OnlineRoute


def education(content: Content, residency: str = "in-state", masters: bool = False) -> EducationPage:
    data = content.education
    cost = degree_cost(content, residency, bachelor=True, master=masters)
    assumptions = tuple(content.assumptions.get(a).text for a in COST_ASSUMPTIONS)
    return EducationPage(
        degree_needed=data.degree_needed,
        why_computer_science=data.why_computer_science,
        durations=data.durations,
        tuition=data.tuition,
        estimate=EducationEstimate(**cost.__dict__, assumptions=assumptions),
        online=data.online,
    )


class SourcedFigure(Record):
    key: str
    value: int


class SourceFigures(Source):
    figures: Annotated[tuple[SourcedFigure, ...], Each("figure")]


class SourcesPage(Record):
    """`mlpath sources`: every source cited and the figures that come from it."""

    sources: Annotated[tuple[SourceFigures, ...], Each("source"), Rows]
    figure_count: int
    notes: Annotated[tuple[str, ...], Each("note")]


def sources(content: Content) -> SourcesPage:
    figures = content.figures()
    return SourcesPage(
        sources=tuple(
            SourceFigures(
                **source.__dict__,
                figures=tuple(SourcedFigure(key=k, value=f.value) for k, f in figures if f.source == source.id),
            )
            for source in content.sources.sources
        ),
        figure_count=len(figures),
        notes=(content.sources.kinds_note, content.sources.other_facts_note),
    )


class DataCheckPage(Record):
    """`mlpath data check [DIR]`: valid or not, and every problem found."""

    directory: str
    valid: bool
    figure_count: int | None
    problems: Annotated[tuple[Problem, ...], Each("problem")]


def data_check(directory: Path, content: Content | None, problems: list[Problem]) -> DataCheckPage:
    """Whether a content directory is valid: `content` when it loaded, else every problem found."""
    return DataCheckPage(
        directory=str(directory),
        valid=content is not None,
        figure_count=len(content.figures()) if content is not None else None,
        problems=tuple(problems),
    )


class HomeCommand(Record):
    command: str
    help: str


class HomePage(Record):
    """A bare `mlpath`: what it is, where to start, the commands people start with, and every
    command by group."""

    name: str
    version: str
    start: str  # the command to start with, after where the person is: no quiz yet, one interrupted, a plan
    start_why: str
    first: Annotated[tuple[HomeCommand, ...], Each("first")]
    commands: Annotated[dict[str, tuple[HomeCommand, ...]], Each("command", key="group")]


FIRST = (  # after the quiz, the commands people start with, each in a few words
    ("roadmap", "Your roadmap, each step with its status."),
    ("progress", "Mark steps done; see what comes next."),
    ("salary", "Pay from entry to senior, with sources."),
    ("ladder", "The six levels from junior to director."),
    ("about", "What a machine learning engineer does."),
    ("search", "Find words anywhere in the guide."),
)


STARTS = {  # where a person is: the command to start with, and why
    "new": ("mlpath quiz", "A few questions, an honest verdict and your own roadmap."),
    "unfinished": ("mlpath quiz --resume", "Your last quiz was interrupted: go on where you stopped."),
    "planned": ("mlpath progress", "Your plan is saved: see your next step and mark what you have done."),
}


def home(version: str, groups: list[tuple[str, list[tuple[str, str]]]], where: str = "new") -> HomePage:
    """`groups`: [(group name, [(command, one-line help)])] in display order; `where`: a key of STARTS."""
    start, why = STARTS[where]
    return HomePage(
        name="mlpath",
        version=version,
        start=start,
        start_why=why,
        first=tuple(HomeCommand(command=name, help=words) for name, words in FIRST),
        commands={
            name.lower(): tuple(HomeCommand(command=c, help=h) for c, h in commands) for name, commands in groups
        },
    )
