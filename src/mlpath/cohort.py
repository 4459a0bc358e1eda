"""The whole group of a survey export (`mlpath cohort`), counted while the lines stream by.

A `CohortTally` keeps counts only (of verdicts, steps, interests, goals), the degree's ranges
and at most `INVALID_LISTED` invalid lines, so its memory does not grow with the number of
lines. Pure: no printing, no files.
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from mlpath.answer_lines import Id
from mlpath.planner import Degree, Outline

LEVELS = ("strong", "good", "mixed", "weak")
FIRST_STEPS = 3  # the first steps of a roadmap, as its summary shows them
INVALID_LISTED = 1000  # invalid lines listed one by one; all of them are counted


class InvalidLine(NamedTuple):
    line: int
    id: Id | None
    error: str


class CohortTally:
    def __init__(self) -> None:
        self.count = 0  # every line read, valid or not
        self.levels: Counter[str] = Counter()
        self.first_steps: Counter[str] = Counter()
        self.steps: Counter[str] = Counter()
        self.interests: Counter[str] = Counter()
        self.goals: Counter[str] = Counter()
        self.invalid = 0
        self.invalid_lines: list[InvalidLine] = []
        self.with_degree = 0
        self.degree: Degree | None = None  # the lowest minimum and highest maximum seen

    @property
    def valid(self) -> int:
        return self.count - self.invalid

    def add(self, outline: Outline, interests: tuple[str, ...], goal: str) -> None:
        self.count += 1
        self.levels[outline.level] += 1
        self.first_steps.update(outline.steps[:FIRST_STEPS])
        self.steps.update(outline.steps)
        self.interests.update(interests)
        self.goals[goal] += 1
        found = outline.degree
        if found is not None:
            self.with_degree += 1
            seen = self.degree
            self.degree = (
                found
                if seen is None
                else Degree(
                    min(seen.years_min, found.years_min),
                    max(seen.years_max, found.years_max),
                    min(seen.tuition_min, found.tuition_min),
                    max(seen.tuition_max, found.tuition_max),
                )
            )

    def add_invalid(self, line: int, ident: Id | None, error: str) -> None:
        self.count += 1
        self.invalid += 1
        if len(self.invalid_lines) < INVALID_LISTED:
            self.invalid_lines.append(InvalidLine(line, ident, error))
