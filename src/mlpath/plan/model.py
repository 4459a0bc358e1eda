"""A person's saved plan: their answers, their roadmap's steps and the status of each. Pure.

A status belongs to the work a step asks for (its title and actions, fingerprinted as `work`),
not to its id alone. Re-planning keeps a step's status while its work is the same; a step whose
work changed starts again as pending; a status whose step left the plan is kept on record
(`removed`) and given back when the same work returns, however many re-plans later. So no status
is ever lost, and none is ever moved to different work.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

from mlpath.content.answers import Answers
from mlpath.engine.roadmap import Roadmap, RoadmapStep
from mlpath.errors import UsageError
from mlpath.model import Each, Lead, Pairs, Record, Rows, Within
from mlpath.plan import FINISHED, STATUSES, Status, ahead
from mlpath.text import short

if TYPE_CHECKING:
    from collections.abc import Iterable

SCHEMA_VERSION = 3


def work_of(title: str, actions: Iterable[str]) -> str:
    """A fingerprint of the work a step asks for: its title and its actions."""
    return hashlib.sha256("\n".join((title, *actions)).encode()).hexdigest()[:16]


class PlanStep(Record):
    id: str
    title: str
    phase: str
    work: str  # `work_of` the step; "" for a step saved before fingerprints (its title stands for it)
    status: Status = "pending"
    updated: str | None = None  # ISO time of the last status change


class RemovedStep(Record):
    """The status of work that is no longer in the plan, kept until it returns."""

    id: str
    title: str
    work: str
    status: Status
    updated: str | None
    removed: str  # when it left the plan


class Plan(Record):
    schema_version: int
    created: str
    updated: str
    answers: Answers | None
    steps: tuple[PlanStep, ...]
    removed: tuple[RemovedStep, ...] = ()


ANY_WORK = "*"  # the work of a step saved before its work was kept (version 1): its id stands for it


def same_work(saved: PlanStep | RemovedStep, step_id: str, title: str, work: str) -> bool:
    """Does a saved step ask for this work? By its fingerprint; a version 2 step by its title."""
    return saved.id == step_id and (saved.work in (ANY_WORK, work) if saved.work else saved.title == title)


class Replanned(NamedTuple):
    plan: Plan
    carried: tuple[PlanStep, ...]  # steps in both plans with the same work, each with its status
    returned: tuple[PlanStep, ...]  # steps back in the plan, their status back from the record
    new: tuple[PlanStep, ...]  # steps not in the plan before, or pending ones whose work changed
    restarted: tuple[PlanStep, ...]  # steps whose work changed while under way: pending again
    dropped: tuple[PlanStep, ...]  # steps that left the plan (a status not pending is kept on record)


def replan(old: Plan | None, roadmap: Roadmap, now: str) -> Replanned:
    """The roadmap as the plan, every status following its work (see the module's doc)."""
    fresh = [PlanStep(id=s.id, title=s.title, phase=s.phase, work=work_of(s.title, s.actions)) for s in roadmap.steps]
    if old is None:  # every step is new
        old = Plan(schema_version=SCHEMA_VERSION, created=now, updated=now, answers=None, steps=())
    before = {step.id: step for step in old.steps}
    record = list(old.removed)
    steps: list[PlanStep] = []
    found: dict[str, list[PlanStep]] = {"carried": [], "returned": [], "new": [], "restarted": []}
    for step in fresh:
        previous = before.get(step.id)
        back = next((r for r in reversed(record) if same_work(r, step.id, step.title, step.work)), None)
        if previous is not None and same_work(previous, step.id, step.title, step.work):
            step, outcome = step.replace(status=previous.status, updated=previous.updated), "carried"
        elif back is not None:
            record.remove(back)
            step, outcome = step.replace(status=back.status, updated=back.updated), "returned"
        else:  # a step new to the plan, or a pending one whose work changed: new work either way
            outcome = "restarted" if previous is not None and previous.status != "pending" else "new"
        found[outcome].append(step)
        steps.append(step)
    kept = {step.id for step in found["carried"]}
    for previous in old.steps:
        if previous.id in kept or previous.status == "pending":
            continue  # its status is in the plan still, or there is none to keep
        record = [r for r in record if not same_work(r, previous.id, previous.title, previous.work)]
        record.append(RemovedStep(**{k: v for k, v in previous.__dict__.items() if k != "phase"}, removed=now))
    plan = old.replace(
        schema_version=SCHEMA_VERSION, updated=now, answers=roadmap.answers, steps=tuple(steps), removed=tuple(record)
    )
    ids = {step.id for step in steps}
    dropped = tuple(step for step in old.steps if step.id not in ids)
    return Replanned(plan, **{outcome: tuple(group) for outcome, group in found.items()}, dropped=dropped)


def set_status(plan: Plan, index: int, status: str, now: str) -> Plan:
    if status not in STATUSES:
        raise UsageError(f"unknown status {short(status)}; choose one of: {', '.join(STATUSES)}")
    steps = list(plan.steps)
    steps[index] = steps[index].replace(status=status, updated=now)
    return plan.replace(steps=tuple(steps), updated=now)


def reset(plan: Plan, now: str) -> Plan:
    """Every step pending again, and nothing kept on record: a fresh start."""
    steps = tuple(step.replace(status="pending", updated=None) for step in plan.steps)
    return plan.replace(steps=steps, removed=(), updated=now)


# --- what the plan shows ---------------------------------------------------------------------------


class TrackedStep(RoadmapStep):
    """A step of your roadmap with the status its work has in your plan."""

    status: Status
    updated: str | None


class SavedRoadmap(Roadmap):
    """`mlpath roadmap` with a plan saved: your roadmap, each step with its status in your plan."""

    steps: Annotated[tuple[TrackedStep, ...], Each("step"), Lead, Rows]
    percent_complete: int
    plan_file: str


def saved_roadmap(roadmap: Roadmap, plan: Plan, path: str) -> SavedRoadmap:
    steps = tracked(roadmap, plan)
    return SavedRoadmap(
        **{**roadmap.__dict__, "steps": steps}, percent_complete=percent(*finished(steps)), plan_file=path
    )


class StatusCounts(Record):
    pending: int
    learning: int
    done: int
    skipped: int


class PhaseProgress(Record):
    id: str
    name: str
    finished: int
    total: int
    percent: int


class Progress(Record):
    """`mlpath progress`: your roadmap's steps with their statuses, the next step first."""

    next: Annotated[TrackedStep | None, Lead, Within("next")]
    steps: Annotated[tuple[TrackedStep, ...], Each("step"), Rows]
    percent_complete: int
    percent_formula: str
    counts: StatusCounts
    phases: Annotated[tuple[PhaseProgress, ...], Each("phase")]
    answers: Annotated[Answers | None, Pairs("answer")]
    removed: Annotated[tuple[RemovedStep, ...], Each("removed")]
    created: str
    updated: str
    plan_file: str


def tracked(roadmap: Roadmap, plan: Plan) -> tuple[TrackedStep, ...]:
    """The roadmap's steps, each with the status its work has in the plan (pending otherwise)."""
    found = []
    for step in roadmap.steps:
        work = work_of(step.title, step.actions)
        saved = next((s for s in plan.steps if same_work(s, step.id, step.title, work)), None)
        status, updated = (saved.status, saved.updated) if saved else ("pending", None)
        found.append(TrackedStep(**step.__dict__, status=status, updated=updated))
    return tuple(found)


def finished(steps: Iterable[Any]) -> tuple[int, int]:
    """(steps done or skipped, steps)."""
    listed = list(steps)
    return sum(1 for s in listed if s.status in FINISHED), len(listed)


def percent(done: int, total: int) -> int:
    return round(done / total * 100) if total else 0


def progress(steps: tuple[TrackedStep, ...], plan: Plan, phases: dict[str, str], path: str) -> Progress:
    done, total = finished(steps)
    overall = percent(done, total)
    parts = []
    for phase in dict.fromkeys(step.phase for step in steps):
        ended, count = finished(s for s in steps if s.phase == phase)
        name = phases.get(phase, phase or "Other")
        parts.append(PhaseProgress(id=phase, name=name, finished=ended, total=count, percent=percent(ended, count)))
    return Progress(
        next=next(iter(ahead(steps, lambda step: step.status)), None),
        steps=steps,
        percent_complete=overall,
        percent_formula=f"(done + skipped) ÷ steps = {done} ÷ {total} = {overall}%",
        counts=StatusCounts(**{status: sum(1 for s in steps if s.status == status) for status in STATUSES}),
        phases=tuple(parts),
        answers=plan.answers,
        removed=plan.removed,
        created=plan.created,
        updated=plan.updated,
        plan_file=path,
    )
