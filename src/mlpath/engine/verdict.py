"""The verdict: count strengths and concerns among the fit answers; the first level that fits wins.

The rule and its wording live in data/verdict.yaml (mlpath's editorial rule, not the article's).
"""

from __future__ import annotations

from dataclasses import dataclass

from mlpath.answers import Answers
from mlpath.content.model import Content


@dataclass(frozen=True, slots=True)
class Verdict:
    level: str  # strong | good | mixed | weak
    summary: str
    strengths: tuple[str, ...]
    concerns: tuple[str, ...]
    notes: tuple[str, ...]  # practical facts from the answers that shape the road, not the level

    @property
    def reasons(self) -> tuple[str, ...]:
        return (*self.strengths, *self.concerns, *self.notes)


def judge(content: Content, answers: Answers) -> Verdict:
    rules = content.verdict
    strengths: list[str] = []
    concerns: list[str] = []
    for factor in rules.factors:
        value = getattr(answers, factor.key)
        if value >= rules.strength_at:
            strengths.append(f"{factor.key} = {value}: {factor.strength}")
        elif value <= rules.concern_at:
            concerns.append(f"{factor.key} = {value}: {factor.concern}")
    level = next(
        rule for rule in rules.levels if len(strengths) >= rule.min_strengths and len(concerns) <= rule.max_concerns
    )
    notes = list(_practical_notes(answers))
    if not strengths and not concerns:
        notes.insert(0, f"all {len(rules.factors)} fit answers sit in the middle: nothing pulls strongly either way")
    return Verdict(level.level, level.summary, tuple(strengths), tuple(concerns), tuple(notes))


def _practical_notes(answers: Answers) -> list[str]:
    notes = []
    if answers.programming == "none":
        notes.append("programming = none: you start from zero, so the road is longer; it begins with Python")
    if answers.math == "weak":
        notes.append("math = weak: statistics and probability are a core skill, so the road includes them early")
    if answers.education in ("bachelor-cs", "master-cs"):
        notes.append(f"education = {answers.education}: you already hold the kind of degree the article calls typical")
    return notes
