"""The verdict: count strengths and concerns among the fit answers; the first level that fits wins.

The rule and every text live in data/verdict.yaml (mlpath's editorial rule, not the article's).
"""

from __future__ import annotations

from dataclasses import dataclass

from mlpath.answers import Answers
from mlpath.content.model import Content
from mlpath.engine.reason import Clause, matches, said


@dataclass(frozen=True, slots=True)
class Verdict:
    level: str  # strong | good | mixed | weak
    summary: str
    strengths: tuple[Clause, ...]
    concerns: tuple[Clause, ...]
    notes: tuple[Clause, ...]  # practical facts from the answers that shape the road, not the level

    @property
    def reasons(self) -> tuple[Clause, ...]:
        return (*self.strengths, *self.concerns, *self.notes)


def judge(content: Content, answers: Answers) -> Verdict:
    rules = content.verdict
    strengths: list[Clause] = []
    concerns: list[Clause] = []
    for factor in rules.factors:
        value = getattr(answers, factor.key)
        if value >= rules.strength_at:
            strengths.append(Clause(((factor.key, value),), factor.strength))
        elif value <= rules.concern_at:
            concerns.append(Clause(((factor.key, value),), factor.concern))
    level = next(
        rule for rule in rules.levels if len(strengths) >= rule.min_strengths and len(concerns) <= rule.max_concerns
    )
    notes = [Clause(said(answers, tuple(note.when)), note.text) for note in rules.notes if matches(note.when, answers)]
    if not strengths and not concerns:
        notes.insert(0, Clause((), rules.neutral.format(count=len(rules.factors))))
    return Verdict(level.level, level.summary, tuple(strengths), tuple(concerns), tuple(notes))
