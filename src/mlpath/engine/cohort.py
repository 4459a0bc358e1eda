"""A whole group of answer sets (`mlpath cohort`), counted while the lines stream by. Pure.

The tally keeps counts only (of verdicts, steps, interests, goals), the degree's ranges and at
most INVALID_LISTED invalid lines, so its memory does not grow with the number of lines.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, get_args

from mlpath.content.rules import Level
from mlpath.engine.roadmap import FIRST_STEPS
from mlpath.model import Each, Inline, Record, Rows

if TYPE_CHECKING:
    from mlpath.content import Content
    from mlpath.engine.roadmap import Roadmap

LEVELS: tuple[str, ...] = get_args(Level)
INVALID_LISTED = 1000  # invalid lines listed one by one; all of them are counted
ID_KEPT = 200  # characters of an invalid line's id the report keeps (batch output echoes it whole)
Id = str | int | float  # an input line's `id`


class Verdicts(Record):
    """How many answer sets got each verdict."""

    strong: int
    good: int
    mixed: int
    weak: int


class Share(Record):
    """How many valid answer sets have it, and their percent of the valid ones."""

    id: str
    count: int
    percent: float


class StepShare(Record):
    """A step as the roadmaps word it (one id may have several titles: "Learn to program in Python"
    and "Write code a team can maintain" are both `programming`), and its share like `Share`'s."""

    id: str
    title: str
    count: int
    percent: float


class DegreeRange(Record):
    """The degree step's time and tuition across the answer sets that have one."""

    count: int
    years_min: float
    years_max: float
    tuition_min: int
    tuition_max: int
    assumptions: Annotated[tuple[str, ...], Inline]  # the ids of the assumptions the figures rest on


class Filled(Record):
    """With --defaults: how many answer sets had answers filled with their question's default, and
    how often each answer was filled (most often first)."""

    count: int
    answers: Annotated[tuple[Share, ...], Each("filled_answer"), Rows]


class InvalidLine(Record):
    line: int
    id: Id | None
    error: str


class Cohort(Record):
    """`mlpath cohort`: how many answer sets, the verdicts, the common first steps, interests and
    goals, the degree's time and cost, each step's share, and the invalid lines."""

    count: int
    valid: int
    invalid: int
    verdicts: Verdicts
    first_steps: Annotated[tuple[StepShare, ...], Each("first_step"), Rows]
    interests: Annotated[tuple[Share, ...], Each("interest"), Rows]
    goals: Annotated[tuple[Share, ...], Each("goal"), Rows]
    steps: Annotated[tuple[StepShare, ...], Each("step"), Rows]
    verdict_shares: Annotated[tuple[Share, ...], Each("verdict_share"), Rows]  # `verdicts` with their percents
    degree: DegreeRange | None
    filled: Filled
    invalid_lines: Annotated[tuple[InvalidLine, ...], Each("invalid_line")]
    invalid_listed: int


def places(content: Content) -> dict[str, int]:
    """Each answer key, choice and assumption by its place in the content: the order of ties."""
    questions = content.questions.questions
    names = [q.key for q in questions] + [str(c.value) for q in questions for c in q.choices]
    names += [assumption.id for assumption in content.assumptions.assumptions]
    found: dict[str, int] = {}
    for place, name in enumerate(names):
        found.setdefault(name, place)
    return found


def _percent(count: int, whole: int) -> float:
    return round(count / whole * 100, 1) if whole else 0.0


class Tally:
    """Counts a group as its roadmaps come, and gives the `Cohort` at the end."""

    def __init__(self) -> None:
        self.count = 0  # every answer set read, valid or not
        self.levels: Counter[str] = Counter()
        self.first_steps: Counter[tuple[str, str]] = Counter()  # by (id, title)
        self.steps: Counter[tuple[str, str]] = Counter()
        self.earliest: dict[tuple[str, str], int] = {}  # each step's earliest number in a roadmap
        self.interests: Counter[str] = Counter()
        self.goals: Counter[str] = Counter()
        self.invalid = 0
        self.invalid_lines: list[InvalidLine] = []
        self.with_degree = 0
        self.degree: tuple[float, float, int, int] | None = None  # the lowest minimum and highest maximum seen
        self.assumed: dict[str, None] = {}  # the assumptions of the degree figures seen, in order

    def add(self, roadmap: Roadmap) -> None:
        answers, verdict = roadmap.answers, roadmap.verdict
        if answers is None or verdict is None:
            raise ValueError("a cohort counts tailored roadmaps")
        self.count += 1
        self.levels[verdict.level] += 1
        steps = [(step.id, step.title) for step in roadmap.steps]
        self.first_steps.update(steps[:FIRST_STEPS])
        self.steps.update(steps)
        for number, step in enumerate(steps, 1):
            self.earliest[step] = min(number, self.earliest.get(step, number))
        self.interests.update(answers.interests)
        self.goals[answers.goal] += 1
        study = roadmap.estimates.education
        if study is not None:
            self.with_degree += 1
            self.assumed.update(dict.fromkeys(study.assumed))
            found = (study.years_min, study.years_max, study.tuition_min, study.tuition_max)
            seen = self.degree
            self.degree = (
                found
                if seen is None
                else (min(seen[0], found[0]), max(seen[1], found[1]), min(seen[2], found[2]), max(seen[3], found[3]))
            )

    def add_invalid(self, line: int, ident: Id | None, error: str) -> None:
        self.count += 1
        self.invalid += 1
        if len(self.invalid_lines) < INVALID_LISTED:
            if isinstance(ident, str) and len(ident) > ID_KEPT:
                ident = ident[: ID_KEPT - 1] + "…"
            self.invalid_lines.append(InvalidLine(line=line, id=ident, error=error))

    def result(
        self, filled_sets: int = 0, filled: Counter[str] | None = None, order: Mapping[str, int] | None = None
    ) -> Cohort:
        """The group; `filled_sets`: the sets given defaults (--defaults), `filled`: each answer's count;
        `order` (see `places`): where ties go, so that the report is the same whatever the order of the lines."""
        valid = self.count - self.invalid
        place = order or {}

        def shares(counts: Counter[str]) -> tuple[Share, ...]:
            found = sorted(counts.items(), key=lambda item: (-item[1], place.get(item[0], len(place)), item[0]))
            return tuple(Share(id=k, count=n, percent=_percent(n, valid)) for k, n in found)

        def step_shares(counts: Counter[tuple[str, str]]) -> tuple[StepShare, ...]:
            # most often first, ties in roadmap order: the same whatever the order of the lines
            found = sorted(counts.items(), key=lambda item: (-item[1], self.earliest[item[0]], item[0]))
            return tuple(StepShare(id=k, title=t, count=n, percent=_percent(n, valid)) for (k, t), n in found)

        degree = None
        if self.degree is not None:
            low, high, cheapest, dearest = self.degree
            degree = DegreeRange(
                count=self.with_degree,
                years_min=low,
                years_max=high,
                tuition_min=cheapest,
                tuition_max=dearest,
                assumptions=tuple(sorted(self.assumed, key=lambda key: (place.get(key, len(place)), key))),
            )
        return Cohort(
            count=self.count,
            valid=valid,
            invalid=self.invalid,
            verdicts=Verdicts(**{level: self.levels[level] for level in LEVELS}),
            verdict_shares=tuple(
                Share(id=lv, count=self.levels[lv], percent=_percent(self.levels[lv], valid)) for lv in LEVELS
            ),
            first_steps=step_shares(self.first_steps),
            interests=shares(self.interests),
            goals=shares(self.goals),
            steps=step_shares(self.steps),
            degree=degree,
            filled=Filled(count=filled_sets, answers=shares(filled or Counter())),
            invalid_lines=tuple(self.invalid_lines),
            invalid_listed=len(self.invalid_lines),
        )
