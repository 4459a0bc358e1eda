"""The verdict: count strengths and concerns among the fit answers; the first level that fits wins.

The rule and every text live in data/verdict.yaml (mlpath's editorial rule, not the article's).
"""

from __future__ import annotations

from dataclasses import dataclass

from mlpath.answers import Answers
from mlpath.content.model import Content
from mlpath.content.model.quiz import VerdictFactor, VerdictLevel, VerdictRules
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
        found = factor_clause(rules, factor, getattr(answers, factor.key))
        if found is not None:
            (strengths if found[0] == "strength" else concerns).append(found[1])
    level = verdict_level(rules, len(strengths), len(concerns))
    notes = list(verdict_notes(rules, answers))
    if not strengths and not concerns:
        notes.insert(0, neutral_note(rules))
    return Verdict(level.level, level_summary(level, len(concerns)), tuple(strengths), tuple(concerns), tuple(notes))


# The verdict in parts, for runs over many answer sets (see mlpath.planner): each factor's clause
# depends on one answer, the notes on a few select answers, the level on two counts.


def factor_clause(rules: VerdictRules, factor: VerdictFactor, value: int) -> tuple[str, Clause] | None:
    """("strength" or "concern", its clause) for a fit answer's value; None when it is neither."""
    if value >= rules.strength_at:
        return "strength", Clause(((factor.key, value),), factor.strength)
    if value <= rules.concern_at:
        return "concern", Clause(((factor.key, value),), factor.concern)
    return None


def verdict_level(rules: VerdictRules, strengths: int, concerns: int) -> VerdictLevel:
    """The first level that the counts of strengths and concerns fit."""
    return next(rule for rule in rules.levels if strengths >= rule.min_strengths and concerns <= rule.max_concerns)


def verdict_notes(rules: VerdictRules, answers: Answers) -> tuple[Clause, ...]:
    """The practical notes whose answers match (`note_keys` are the only answers they read)."""
    return tuple(
        Clause(said(answers, tuple(note.when)), note.text) for note in rules.notes if matches(note.when, answers)
    )


def note_keys(rules: VerdictRules) -> tuple[str, ...]:
    return tuple(dict.fromkeys(key for note in rules.notes for key in note.when))


def neutral_note(rules: VerdictRules) -> Clause:
    """The note when no fit answer is a strength or a concern: it comes first among the notes."""
    return Clause((), rules.neutral.format(count=len(rules.factors)))


def level_summary(level: VerdictLevel, concerns: int) -> str:
    """The level's summary; its text for no concerns when there are none and the level has one
    (a "mixed" verdict may rest on few strengths and no concern at all)."""
    if not concerns and level.summary_without_concerns:
        return level.summary_without_concerns
    return level.summary
