"""The report of `mlpath progress`: the saved plan with each step's status."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mlpath.content.model import Content
from mlpath.progress import Plan, progress
from mlpath.report import Bar, Bars, Block, Notes, Paragraph, Report, Step, Steps
from mlpath.views.fields import pick

if TYPE_CHECKING:
    from mlpath.documents import progress as doc


def progress_report(content: Content, plan: Plan, path: Path) -> Report:
    names = {phase.id: phase.name for phase in content.roadmap.phases}
    overall = progress(plan.steps)
    phases: list[doc.PhaseProgress] = []
    for phase_id in dict.fromkeys(step.phase for step in plan.steps):
        own = tuple(step for step in plan.steps if step.phase == phase_id)
        part = progress(own)
        phases.append(
            {
                "id": phase_id,
                "name": names.get(phase_id, phase_id or "Other"),
                "finished": part.finished,
                "total": part.total,
                "percent": part.percent,
            }
        )
    following = overall.next_step
    document: doc.Progress = {
        "steps": [
            {"number": n} | pick(s, "id", "title", "phase", "status", "updated") for n, s in enumerate(plan.steps, 1)
        ],
        "percent_complete": overall.percent,
        "percent_formula": overall.formula,
        "counts": overall.counts,  # type: ignore[typeddict-item]
        "phases": phases,
        "next": None if following is None else pick(following, "id", "title", "status"),
        "answers": plan.answers,
        "removed": [pick(r, "id", "title", "status", "removed") for r in plan.removed],
        "created": plan.created,
        "updated": plan.updated,
        "plan_file": str(path),
    }
    steps = tuple(
        Step(
            str(n),
            s.id,
            s.title,
            highlight=following is not None and s.id == following.id,
            done=s.status == "done",
            group=names.get(s.phase, s.phase),
            status=s.status,
        )
        for n, s in enumerate(plan.steps, 1)
    )
    bars = tuple(Bar(p["name"], p["percent"], f"{p['finished']}/{p['total']}") for p in phases)
    summary = f"{overall.percent}% complete: {overall.formula}."
    blocks: list[Block] = [
        Paragraph(summary, title="Progress"),
        Bars(
            "By phase",
            (*bars, Bar("All steps", overall.percent, f"{overall.finished}/{overall.total}")) if bars else (),
            scale=100,
            columns=("phase", "steps done"),
        ),
    ]
    if following is not None:
        blocks.append(Paragraph(f"{following.title} ({following.id}, {following.status})", title="Next step"))
    else:
        blocks.append(Paragraph("Every step is done or skipped. Well done.", title="Next step"))
    blocks.append(Steps("Your plan", steps, checklist=True))
    notes = [f"Fell away when the plan was re-made: {r.title} ({r.id}, was {r.status})" for r in plan.removed]
    notes.append(
        f"Plan file: {path}. Mark a step with 'mlpath progress set STEP STATUS' (pending, learning, done, skipped)."
    )
    blocks.append(Notes(tuple(notes)))
    return Report("progress", "Your progress", document, tuple(blocks))
