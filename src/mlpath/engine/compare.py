"""What changes between two roadmaps (`--what-if`): the answers, the verdict, the steps, the degree.

Steps are matched by id, which is stable across answers. `worth_trying` picks, from the tries
in data/roadmap.yaml (`what_if.tries`), the changes of one answer that alter a person's roadmap.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any, Literal, get_args

from mlpath.content import answers as contract
from mlpath.content.rules import Level
from mlpath.engine.roadmap import Roadmap, RoadmapStep, StudyEstimate, Why, build_roadmap
from mlpath.engine.verdict import Clauses
from mlpath.model import Each, Inline, Lead, Named, Record, Rows, Within

if TYPE_CHECKING:
    from mlpath.content import Content
    from mlpath.content.answers import Answers

StepField = Literal["phase", "title", "why", "answers_used", "actions"]
STEP_FIELDS: tuple[StepField, ...] = get_args(StepField)


class AnswerChange(Record):
    """One answer, yours and as the what-if changes it."""

    before: Annotated[str | int | tuple[str, ...], Inline]
    after: Annotated[str | int | tuple[str, ...], Inline]


class VerdictChange(Record):
    """The verdict's level in each roadmap (the same when only its reasons change)."""

    before: Level
    after: Level
    reasons_added: Annotated[Clauses, Each("reason_added")]
    reasons_removed: Annotated[Clauses, Each("reason_removed")]


class StepAddedOrRemoved(Record):
    """A step of one roadmap only, numbered as in that roadmap."""

    number: int
    id: str
    title: str


class StepChange(Record):
    """A step of both roadmaps that differs: numbered as in your roadmap (`base`, the numbers
    `progress set` takes), titled as in the what-if roadmap."""

    number: int
    id: str
    title: str
    changed: Annotated[tuple[StepField, ...], Inline]
    title_before: str
    why_before: Why
    why_after: Why
    actions_added: Annotated[tuple[str, ...], Each("action_added")]
    actions_removed: Annotated[tuple[str, ...], Each("action_removed")]


class DegreeFigures(Record):
    """The degree's time and tuition in one roadmap, with their formulas."""

    residency: str
    study: str
    years_min: float
    years_max: float
    years_formula: str
    tuition_min: int
    tuition_max: int
    tuition_formula: str


class EstimatesChange(Record):
    """The degree's time and tuition in each roadmap; null where a roadmap has no degree step."""

    before: DegreeFigures | None
    after: DegreeFigures | None
    assumptions_added: Annotated[tuple[str, ...], Each("assumption_added")]
    assumptions_removed: Annotated[tuple[str, ...], Each("assumption_removed")]


class Changes(Record):
    """What differs from `base` to `what_if`; empty lists and nulls where nothing does."""

    answers: Annotated[dict[str, AnswerChange], Each("answer_changed", key="key"), Lead]
    verdict: Annotated[VerdictChange | None, Named("verdict_changed"), Lead]
    steps_added: Annotated[tuple[StepAddedOrRemoved, ...], Each("step_added"), Lead, Rows]
    steps_removed: Annotated[tuple[StepAddedOrRemoved, ...], Each("step_removed"), Lead, Rows]
    steps_changed: Annotated[tuple[StepChange, ...], Each("step_changed"), Lead, Rows]
    estimates: Annotated[EstimatesChange | None, Named("estimates_changed"), Lead]

    @property
    def alters_roadmap(self) -> bool:
        """Does the roadmap change, not only the answers?"""
        return bool(self.verdict or self.steps_added or self.steps_removed or self.steps_changed or self.estimates)


class Comparison(Record):
    """`mlpath quiz --what-if` and `mlpath roadmap --what-if`: your roadmap, the roadmap for your
    answers changed that way, and what changes between them."""

    base: Annotated[Roadmap, Within("base")]
    what_if: Annotated[Roadmap, Within("what_if")]
    changes: Changes


def compare(base: Roadmap, what_if: Roadmap) -> Comparison:
    """What changes from `base` to `what_if`: two tailored roadmaps."""
    if base.answers is None or what_if.answers is None or base.verdict is None or what_if.verdict is None:
        raise ValueError("compare two tailored roadmaps")
    before = {step.id: step for step in base.steps}
    after = {step.id: step for step in what_if.steps}
    old, new = base.verdict, what_if.verdict
    verdict = None
    if old != new:
        verdict = VerdictChange(
            before=old.level,
            after=new.level,
            reasons_added=_added(old.reasons, new.reasons),
            reasons_removed=_added(new.reasons, old.reasons),
        )
    old_cost, new_cost = base.estimates, what_if.estimates
    estimates = None
    if old_cost.education != new_cost.education or old_cost.assumptions != new_cost.assumptions:
        estimates = EstimatesChange(
            before=_figures(old_cost.education),
            after=_figures(new_cost.education),
            assumptions_added=_added(old_cost.assumptions, new_cost.assumptions),
            assumptions_removed=_added(new_cost.assumptions, old_cost.assumptions),
        )
    changes = Changes(
        answers={
            key: AnswerChange(before=getattr(base.answers, key), after=getattr(what_if.answers, key))
            for key in contract.KEYS
            if getattr(base.answers, key) != getattr(what_if.answers, key)
        },
        verdict=verdict,
        steps_added=tuple(_listed(step) for step in what_if.steps if step.id not in before),
        steps_removed=tuple(_listed(step) for step in base.steps if step.id not in after),
        steps_changed=tuple(
            change
            for change in (_changed(before[step.id], step) for step in what_if.steps if step.id in before)
            if change.changed
        ),
        estimates=estimates,
    )
    return Comparison(base=base, what_if=what_if, changes=changes)


def _listed(step: RoadmapStep) -> StepAddedOrRemoved:
    return StepAddedOrRemoved(number=step.number, id=step.id, title=step.title)


def _changed(before: RoadmapStep, after: RoadmapStep) -> StepChange:
    """The step as changed; `changed` is empty when nothing did."""
    return StepChange(
        number=before.number,
        id=after.id,
        title=after.title,
        changed=tuple(name for name in STEP_FIELDS if getattr(before, name) != getattr(after, name)),
        title_before=before.title,
        why_before=before.why,
        why_after=after.why,
        actions_added=_added(before.actions, after.actions),
        actions_removed=_added(after.actions, before.actions),
    )


def _added(old: tuple[Any, ...], new: tuple[Any, ...]) -> tuple[Any, ...]:
    """What `new` holds that `old` does not, in the order of `new`."""
    return tuple(item for item in new if item not in old)


def _figures(study: StudyEstimate | None) -> DegreeFigures | None:
    return None if study is None else DegreeFigures(**{name: getattr(study, name) for name in DegreeFigures._names})


def what_if(content: Content, base: Roadmap, changes: Mapping[str, Any]) -> Comparison:
    """The comparison of `base` with the roadmap for its answers changed by `changes` (checked)."""
    if base.answers is None:
        raise ValueError("a what-if needs answers")
    return compare(base, build_roadmap(content, contract.changed(base.answers, changes)))


def worth_trying(content: Content, answers: Answers) -> tuple[tuple[str, Any], ...]:
    """The changes of one answer worth comparing for this person: the tries of data/roadmap.yaml
    in their order, the first of each key that alters the roadmap, at most `offer` of them."""
    rules = content.roadmap.what_if
    base = build_roadmap(content, answers)
    found: dict[str, Any] = {}
    for attempt in rules.tries:
        if len(found) >= rules.offer:
            break
        if attempt.key in found:
            continue
        value = contract.check({attempt.key: attempt.value})[0][attempt.key]
        if getattr(answers, attempt.key) == value:
            continue
        if what_if(content, base, {attempt.key: value}).changes.alters_roadmap:
            found[attempt.key] = value
    return tuple(found.items())
