"""A person's saved plan: their answers, their roadmap's steps and each step's status. Pure.

The plan file is one human-readable YAML document with a schema version. Older versions are
migrated on read. Re-planning keeps the status of every step that remains (step ids are
stable) and records, rather than drops, the steps that fell away.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal, get_args

from mlpath.content.model.base import STRICT
from mlpath.errors import UsageError

if TYPE_CHECKING:
    from mlpath.engine.roadmap import Roadmap

SCHEMA_VERSION = 2
Status = Literal["pending", "learning", "done", "skipped"]
STATUSES: tuple[Status, ...] = get_args(Status)


@dataclass(frozen=True)
class PlanStep:
    __pydantic_config__ = STRICT
    id: str
    title: str
    phase: str
    status: Status = "pending"
    updated: str | None = None  # ISO time of the last status change


@dataclass(frozen=True)
class RemovedStep:
    """A step that fell away when the plan was re-made, with the status it had."""

    __pydantic_config__ = STRICT
    id: str
    title: str
    status: Status
    removed: str


@dataclass(frozen=True)
class Plan:
    __pydantic_config__ = STRICT
    schema_version: int
    created: str
    updated: str
    answers: dict[str, Any] | None
    steps: tuple[PlanStep, ...]
    removed: tuple[RemovedStep, ...] = field(default_factory=tuple)

    def document(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "created": self.created,
            "updated": self.updated,
            "answers": self.answers,
            "steps": [
                {"id": s.id, "title": s.title, "phase": s.phase, "status": s.status, "updated": s.updated}
                for s in self.steps
            ],
            "removed": [{"id": r.id, "title": r.title, "status": r.status, "removed": r.removed} for r in self.removed],
        }


@dataclass(frozen=True)
class Replanned:
    plan: Plan
    kept: tuple[str, ...]  # ids whose status carried over (not pending)
    added: tuple[str, ...]
    removed: tuple[RemovedStep, ...]


def migrate(document: Any) -> Any:
    """Bring a plan document of any known schema version up to the current one."""
    if not isinstance(document, dict):
        raise ValueError("the plan is not a mapping")
    version = document.get("schema_version", document.get("version"))
    if type(version) is not int:  # True == 1 and 1.0 == 1, but neither is a version
        raise ValueError(f"schema_version must be a whole number, not {version!r}")
    if version == 1:
        # Version 1 kept statuses in a mapping {step id: status} beside the answers and
        # had no titles; titles are filled from the id until the plan is re-made.
        if "status" not in document:  # a later plan marked 1 by hand must not read as an empty one
            raise ValueError("status is missing: a version 1 plan keeps each step's status there")
        statuses = document.get("status") or {}
        if not isinstance(statuses, dict):
            raise ValueError("status must be a mapping of step ids to statuses")
        stamp = str(document.get("saved", ""))
        document = {
            "schema_version": 2,
            "created": stamp,
            "updated": stamp,
            "answers": document.get("answers"),
            "steps": [
                {
                    "id": str(i),
                    "title": str(i).replace("-", " ").capitalize(),
                    "phase": "",
                    "status": s,
                    "updated": None,
                }
                for i, s in statuses.items()
            ],
            "removed": [],
        }
        version = 2
    if version != SCHEMA_VERSION:
        raise ValueError(f"unknown schema_version {version!r}; this mlpath reads versions 1 to {SCHEMA_VERSION}")
    return document


def parse(document: Any) -> Plan:
    """Validate a (migrated) plan document; raises ValueError with a one-line reason."""
    from pydantic import TypeAdapter, ValidationError

    try:
        plan: Plan = TypeAdapter(Plan).validate_python(migrate(document))
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ValueError(f"{where}: {first['msg']}") from None
    return plan


def new_plan(roadmap: Roadmap, now: str) -> Plan:
    steps = tuple(PlanStep(step.id, step.title, step.phase) for step in roadmap.steps)
    answers = roadmap.answers.document() if roadmap.answers else None
    return Plan(SCHEMA_VERSION, now, now, answers, steps, ())


def replan(old: Plan | None, roadmap: Roadmap, now: str) -> Replanned:
    """The new roadmap as a plan, keeping the status of every step that remains."""
    fresh = new_plan(roadmap, now)
    if old is None:
        return Replanned(fresh, (), tuple(s.id for s in fresh.steps), ())
    previous = {step.id: step for step in old.steps}
    steps = tuple(
        replace(step, status=previous[step.id].status, updated=previous[step.id].updated)
        if step.id in previous
        else step
        for step in fresh.steps
    )
    current = {step.id for step in steps}
    gone = tuple(RemovedStep(s.id, s.title, s.status, now) for s in old.steps if s.id not in current)
    # A step that comes back is no longer "removed"; older removals stay on record.
    history = tuple(r for r in old.removed if r.id not in current) + gone
    kept = tuple(s.id for s in steps if s.id in previous and s.status != "pending")
    added = tuple(s.id for s in steps if s.id not in previous)
    return Replanned(Plan(SCHEMA_VERSION, old.created, now, fresh.answers, steps, history), kept, added, gone)


def set_status(plan: Plan, index: int, status: str, now: str) -> Plan:
    if status not in STATUSES:
        raise UsageError(f"unknown status {status!r}; choose one of: {', '.join(STATUSES)}")
    steps = list(plan.steps)
    steps[index] = replace(steps[index], status=status, updated=now)
    return replace(plan, steps=tuple(steps), updated=now)


def reset(plan: Plan, now: str) -> Plan:
    steps = tuple(replace(step, status="pending", updated=None) for step in plan.steps)
    return replace(plan, steps=steps, updated=now)


@dataclass(frozen=True)
class Progress:
    finished: int  # done or skipped
    total: int
    counts: dict[Status, int]
    next_step: PlanStep | None

    @property
    def percent(self) -> int:
        return round(self.finished / self.total * 100) if self.total else 0

    @property
    def formula(self) -> str:
        return f"(done + skipped) ÷ steps = {self.finished} ÷ {self.total} = {self.percent}%"


def progress(steps: tuple[PlanStep, ...]) -> Progress:
    counts = {status: sum(1 for s in steps if s.status == status) for status in STATUSES}
    following = next((s for s in steps if s.status == "learning"), None) or next(
        (s for s in steps if s.status == "pending"), None
    )
    return Progress(counts["done"] + counts["skipped"], len(steps), counts, following)
