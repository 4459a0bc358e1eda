"""What your saved plan shows: `mlpath progress` (the next step first), your roadmap with each
step's status, and the one line that says what saving changed. No I/O here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlpath.output.blocks import Bar, Bars, Block, Notes, Paragraph, Report, Steps, Summary
from mlpath.output.roadmap import ALL_DONE, roadmap_report, roadmap_step
from mlpath.plan import FINISHED
from mlpath.plan.model import progress, replan, saved_roadmap, tracked
from mlpath.text import plural

if TYPE_CHECKING:
    from mlpath.content import Content
    from mlpath.engine.roadmap import Roadmap
    from mlpath.plan.model import Plan, Replanned


def progress_report(content: Content, plan: Plan, roadmap: Roadmap, path: str, every: bool = False) -> Report:
    """The next step with its why and actions, how far you are, then every step (in full with `every`).
    The plan is shown as the next write keeps it (`replan`): a status whose step's work changed
    since (new content, a hand edit) is on record already."""
    plan = replan(plan, roadmap, plan.updated).plan
    phases = {phase.id: phase.name for phase in content.roadmap.phases}
    document = progress(tracked(roadmap, plan), plan, phases, path)
    done = f"{document.percent_complete}% complete — {document.percent_formula}."
    bars = tuple(Bar(p.name, p.percent, f"{p.finished}/{p.total}") for p in document.phases)
    finished = document.counts.done + document.counts.skipped
    overall = Bar("All steps", document.percent_complete, f"{finished}/{len(document.steps)}")
    upcoming: Block = Paragraph(ALL_DONE, title="Next step")
    if document.next is not None:
        step = roadmap_step(content, document.next, phases, highlight=True, status=document.next.status)
        upcoming = Steps("Next step", (step._replace(group=""),))
    head: tuple[Block, ...] = (upcoming, Paragraph(done, title="Progress"))
    steps = tuple(roadmap_step(content, s, phases, every, status=s.status) for s in document.steps)
    blocks: list[Block] = [
        *head,
        Bars("By phase", (*bars, overall) if bars else (), scale=100, columns=("phase", "steps done")),
        Steps("Your plan", steps, checklist=True),
    ]
    notes = [f"On record, out of your plan now: {r.title} (was {r.status})." for r in plan.removed]
    notes.append("Mark a step with 'mlpath progress set STEP STATUS' (pending, learning, done, skipped).")
    if not every:
        notes.append("'mlpath progress --all' shows every step in full: why it is there and what to do.")
    blocks.append(Notes(tuple(notes)))
    return Report("Your progress", document, tuple(blocks), Summary(head, "Your whole plan", covers=len(head)))


def saved_report(content: Content, plan: Plan, roadmap: Roadmap, path: str) -> Report:
    """`mlpath roadmap` with a plan saved: your roadmap as the quiz shows it, each step with its status."""
    saved = saved_roadmap(roadmap, plan, path)
    report = roadmap_report(content, roadmap, ("save",), {step.id: step.status for step in saved.steps})
    return report._replace(title=f"Your roadmap ({saved.percent_complete}% complete)", document=saved)


def saved_line(result: Replanned, new: bool, answers_dropped: bool = False) -> str:
    """The one line after saving: what the plan kept, added and dropped (titles are in `progress`),
    and its answers, if the general roadmap took their place."""
    if new:
        return f"Saved your plan ({plural(len(result.plan.steps), 'step')}). See it with: mlpath progress"
    done = sum(1 for step in (*result.carried, *result.returned) if step.status in FINISHED)
    parts = [f"{len(result.carried) + len(result.returned)} kept ({done} done)", f"{len(result.new)} new"]
    if result.restarted:
        parts.append(f"{len(result.restarted)} restarted (their work changed)")
    kept = sum(1 for step in result.dropped if step.status != "pending")
    parts.append(f"{len(result.dropped)} dropped" + (f" ({kept} with a status, kept on record)" if kept else ""))
    if answers_dropped:
        parts.append("your answers dropped (the general roadmap has none)")
    return f"Plan updated: {', '.join(parts)} — mlpath progress"
