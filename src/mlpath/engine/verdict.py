"""The verdict: count strengths and concerns among the fit answers; the first level that fits wins.

The rule and every text live in data/verdict.yaml (mlpath's editorial rule, not the article's).
A reason is a `Clause`: the answers it rests on and its text; JSON shows it as one sentence
("complex_problems = 5: you enjoy ..."), the formats for people word the answers (output.words).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

from mlpath.content.rules import Level
from mlpath.model import TEXTS, As, Each, Record

if TYPE_CHECKING:
    from mlpath.content import Content
    from mlpath.content.answers import Answers


class Clause(NamedTuple):
    """One reason: the answers it rests on (key, value), in order, and its text from data/.

    A text holding {answers} shows them there; otherwise they lead it: "key = value: text".
    """

    answers: tuple[tuple[str, Any], ...]
    text: str


Reason = tuple[Clause, ...]


def shown(value: Any) -> str:
    """An answer as a reason quotes it: a list comma-separated, an empty list as "none"."""
    if isinstance(value, (tuple, list)):
        return ", ".join(value) if value else "none"
    return str(value)


_TEXTS: dict[Clause, str] = {}


def clause_text(clause: Clause) -> str:
    """ "key = value, key = value: text"; "; " parts the answers when any of them is a list."""
    found = _TEXTS.get(clause)
    if found is not None:
        return found
    joiner = "; " if any(isinstance(value, tuple) for _, value in clause.answers) else ", "
    answers = joiner.join(f"{key} = {shown(value)}" for key, value in clause.answers)
    if "{answers}" in clause.text:
        found = clause.text.replace("{answers}", answers)
    else:
        found = f"{answers}: {clause.text}" if answers else clause.text
    keep(_TEXTS, clause, found)
    return found


def reason_text(reason: Reason) -> str:
    return "; ".join(clause_text(clause) for clause in reason)


Clauses = Annotated[Reason, As(lambda clauses: [clause_text(clause) for clause in clauses], TEXTS)]


class Verdict(Record):
    """Should you become one? The level and the answers behind it."""

    _kept = True

    level: Level
    summary: str
    reasons: Annotated[Clauses, Each("reason")]  # the strengths, the concerns, then the practical notes
    strengths: Annotated[Clauses, Each("strength")]
    concerns: Annotated[Clauses, Each("concern")]

    @property
    def notes(self) -> Reason:
        """Practical facts from the answers that shape the road, not the level."""
        return self.reasons[len(self.strengths) + len(self.concerns) :]


def said(answers: Answers, keys: tuple[str, ...] | list[str]) -> tuple[tuple[str, Any], ...]:
    """The (key, value) pairs of `keys` in `answers`."""
    return tuple((key, getattr(answers, key)) for key in keys)


def matches(when: Mapping[str, tuple[str, ...]], answers: Answers) -> bool:
    """Does every key of a data rule's `when` hold one of its values? (Select answers only.)"""
    return all(getattr(answers, key) in values for key, values in when.items())


def judge(content: Content, answers: Answers) -> Verdict:
    """The verdict of these answers; answers alike in what the verdict reads give the same Verdict."""
    rules = content.verdict
    factors = table(content, "factors")  # (factor, value) -> its clause and whether it is a strength
    fits = []
    for factor in rules.factors:
        value = getattr(answers, factor.key)
        if value >= rules.strength_at or value <= rules.concern_at:
            found = factors.get((factor.key, value))
            if found is None:
                strong = value >= rules.strength_at
                clause = Clause(((factor.key, value),), factor.strength if strong else factor.concern)
                found = keep(factors, (factor.key, value), (clause, strong))
            fits.append(found)
    note_keys = once(content, "note keys", lambda: tuple(dict.fromkeys(k for n in rules.notes for k in n.when)))
    said_notes = said(answers, note_keys)
    verdicts = table(content, "verdicts")
    key = (tuple(fits), said_notes)
    verdict: Verdict | None = verdicts.get(key)
    if verdict is not None:
        return verdict
    strengths = tuple(clause for clause, strong in fits if strong)
    concerns = tuple(clause for clause, strong in fits if not strong)
    noted = table(content, "notes")  # the notes are the same for the same answers they read
    notes: Reason | None = noted.get(said_notes)
    if notes is None:
        matched = (Clause(said(answers, tuple(n.when)), n.text) for n in rules.notes if matches(n.when, answers))
        notes = keep(noted, said_notes, tuple(matched))
    if not strengths and not concerns:
        notes = (Clause((), rules.neutral.format(count=len(rules.factors))), *notes)
    level = next(r for r in rules.levels if len(strengths) >= r.min_strengths and len(concerns) <= r.max_concerns)
    # A "mixed" verdict may rest on few strengths and no concern at all: its own words then.
    summary = level.summary_without_concerns if not concerns and level.summary_without_concerns else level.summary
    verdict = Verdict(
        level=level.level,
        summary=summary,
        reasons=(*strengths, *concerns, *notes),
        strengths=strengths,
        concerns=concerns,
    )
    keep(verdicts, key, verdict)
    return verdict


MEMO_LIMIT = 10_000  # entries each of the engine's tables keeps; past it, that table starts afresh


def once(content: Content, kind: str, make: Callable[[], Any]) -> Any:
    """What the engine works out once per content (kept in `content.memo`), made the first time."""
    found = content.memo.get(kind)
    if found is None:
        found = content.memo[kind] = make()
    return found


def table(content: Content, kind: str) -> dict[Any, Any]:
    """One of the tables where the engine keeps what it worked out from a few answers, for the
    answer sets that share them (one per part of the roadmap, one for verdicts, ...)."""
    found: dict[Any, Any] = once(content, kind, dict)
    return found


def keep(found: dict[Any, Any], key: Any, value: Any) -> Any:
    if len(found) >= MEMO_LIMIT:
        found.clear()
    found[key] = value
    return value
