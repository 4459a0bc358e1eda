"""What changes between two roadmaps: the answers, the verdict, the steps and the estimates.

`compare(base, what_if)` is pure and works on `Roadmap` objects; the words come later (views).
Steps are matched by id, which is stable across answers. `worth_trying` picks, from the tries in
data/roadmap.yaml (`what_if.tries`), the changes of one answer that alter a person's roadmap.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from mlpath import answers as contract
from mlpath.answers import Answers
from mlpath.content.model import Content
from mlpath.engine.reason import Clause
from mlpath.engine.roadmap import Roadmap, RoadmapStep, Study, build_roadmap
from mlpath.engine.verdict import Verdict

# What a step holds besides its id, as its JSON names it ("why" is the step's reason).
StepField = Literal["phase", "title", "why", "answers_used", "actions"]
STEP_FIELDS: tuple[tuple[StepField, str], ...] = (
    ("phase", "phase"),
    ("title", "title"),
    ("why", "reason"),
    ("answers_used", "answers_used"),
    ("actions", "actions"),
)


@dataclass(frozen=True, slots=True)
class AnswerChange:
    key: str
    before: Any
    after: Any


@dataclass(frozen=True, slots=True)
class VerdictChange:
    """The verdict changed: its level, or the reasons behind it (or both)."""

    before: Verdict
    after: Verdict
    reasons_added: tuple[Clause, ...]
    reasons_removed: tuple[Clause, ...]


@dataclass(frozen=True, slots=True)
class StepChange:
    """A step in both roadmaps whose title, reason or actions differ."""

    before: RoadmapStep
    after: RoadmapStep

    @property
    def fields(self) -> tuple[StepField, ...]:
        """What changed, by the names of the step's JSON: title, why, answers_used, actions."""
        before, after = self.before, self.after
        return tuple(name for name, attribute in STEP_FIELDS if getattr(before, attribute) != getattr(after, attribute))

    @property
    def actions_added(self) -> tuple[str, ...]:
        return tuple(action for action in self.after.actions if action not in self.before.actions)

    @property
    def actions_removed(self) -> tuple[str, ...]:
        return tuple(action for action in self.before.actions if action not in self.after.actions)


@dataclass(frozen=True, slots=True)
class EstimateChange:
    """The degree's time or tuition changed, or the assumptions behind them. None: no degree step."""

    before: Study | None
    after: Study | None
    assumptions_added: tuple[str, ...]
    assumptions_removed: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Comparison:
    base: Roadmap
    what_if: Roadmap
    answers: tuple[AnswerChange, ...]
    verdict: VerdictChange | None
    steps_added: tuple[RoadmapStep, ...]  # in the what-if roadmap's order
    steps_removed: tuple[RoadmapStep, ...]  # in the base roadmap's order
    steps_changed: tuple[StepChange, ...]  # in the what-if roadmap's order
    estimates: EstimateChange | None

    @property
    def alters_roadmap(self) -> bool:
        """Does the roadmap change, not only the answers?"""
        return bool(self.verdict or self.steps_added or self.steps_removed or self.steps_changed or self.estimates)

    @property
    def empty(self) -> bool:
        return not self.answers and not self.alters_roadmap


def compare(base: Roadmap, what_if: Roadmap) -> Comparison:
    """What changes from `base` to `what_if`: two tailored roadmaps, or two general ones."""
    if (base.verdict is None) != (what_if.verdict is None):
        raise ValueError("compare two tailored roadmaps, or two general ones")
    before = {step.id: step for step in base.steps}
    after = {step.id: step for step in what_if.steps}
    return Comparison(
        base,
        what_if,
        _answers(base.answers, what_if.answers),
        _verdict(base.verdict, what_if.verdict),
        tuple(step for step in what_if.steps if step.id not in before),
        tuple(step for step in base.steps if step.id not in after),
        tuple(
            StepChange(before[step.id], step) for step in what_if.steps if step.id in before and before[step.id] != step
        ),
        _estimates(base, what_if),
    )


def _answers(base: Answers | None, what_if: Answers | None) -> tuple[AnswerChange, ...]:
    if base is None or what_if is None:
        return ()
    return tuple(
        AnswerChange(key, getattr(base, key), getattr(what_if, key))
        for key in contract.KEYS
        if getattr(base, key) != getattr(what_if, key)
    )


def _verdict(base: Verdict | None, what_if: Verdict | None) -> VerdictChange | None:
    if base is None or what_if is None or base == what_if:
        return None
    return VerdictChange(
        base,
        what_if,
        tuple(clause for clause in what_if.reasons if clause not in base.reasons),
        tuple(clause for clause in base.reasons if clause not in what_if.reasons),
    )


def _estimates(base: Roadmap, what_if: Roadmap) -> EstimateChange | None:
    if base.study == what_if.study and base.assumptions == what_if.assumptions:
        return None
    return EstimateChange(
        base.study,
        what_if.study,
        tuple(text for text in what_if.assumptions if text not in base.assumptions),
        tuple(text for text in base.assumptions if text not in what_if.assumptions),
    )


def changed(answers: Answers, changes: Mapping[str, Any]) -> Answers:
    """`answers` with `changes` applied: checked values, as `answers.check` prepares them."""
    return contract.build({**{key: getattr(answers, key) for key in contract.KEYS}, **changes})


def worth_trying(content: Content, answers: Answers) -> tuple[tuple[str, Any], ...]:
    """The changes of one answer worth comparing for this person: the tries of data/roadmap.yaml
    in their order, the first of each key that alters the roadmap, at most `offer` of them."""
    rules = content.roadmap.what_if
    base = build_roadmap(content, answers)
    found: list[tuple[str, Any]] = []
    for attempt in rules.tries:
        if len(found) >= rules.offer:
            break
        if any(key == attempt.key for key, _ in found):
            continue
        value = contract.check({attempt.key: attempt.value})[0][attempt.key]
        if getattr(answers, attempt.key) == value:
            continue
        if compare(base, build_roadmap(content, changed(answers, {attempt.key: value}))).alters_roadmap:
            found.append((attempt.key, value))
    return tuple(found)
