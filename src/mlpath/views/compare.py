"""The report of a comparison (`--what-if`): both roadmaps as JSON, and the difference drawn.

The engine says what changes (`engine.compare`); this module words it, with the texts of
data/roadmap.yaml (`what_if`), and chooses the summary that opens the table format.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from mlpath.content.model import Content
from mlpath.engine.compare import Comparison, StepChange
from mlpath.report import Block, Changes, Notes, Paragraph, Report, Step, Steps, Summary, Table
from mlpath.views.roadmap import (
    _verdict_panel,
    clause_text,
    reason_text,
    roadmap_document,
    whole_line,
)

if TYPE_CHECKING:
    from mlpath.documents import compare as doc
    from mlpath.documents import roadmap as roadmap_doc


def shown(value: Any) -> str:
    """An answer as a reason shows it: lists comma-separated, an empty list as "none"."""
    if isinstance(value, (tuple, list)):
        return ", ".join(value) if value else "none"
    return str(value)


def _listed(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def comparison_document(content: Content, comparison: Comparison) -> doc.Comparison:
    base = roadmap_document(content, comparison.base)
    what_if = roadmap_document(content, comparison.what_if)
    numbers = {step["id"]: step["number"] for step in what_if["steps"]}
    numbers_before = {step["id"]: step["number"] for step in base["steps"]}
    verdict = comparison.verdict
    estimates = comparison.estimates
    return {
        "base": base,
        "what_if": what_if,
        "changes": {
            "answers": {
                change.key: {"before": _listed(change.before), "after": _listed(change.after)}
                for change in comparison.answers
            },
            "verdict": None
            if verdict is None
            else {
                "before": verdict.before.level,  # type: ignore[typeddict-item]
                "after": verdict.after.level,
                "reasons_added": [clause_text(clause) for clause in verdict.reasons_added],
                "reasons_removed": [clause_text(clause) for clause in verdict.reasons_removed],
            },
            "steps_added": [
                {"number": numbers[step.id], "id": step.id, "title": step.title} for step in comparison.steps_added
            ],
            "steps_removed": [
                {"number": numbers_before[step.id], "id": step.id, "title": step.title}
                for step in comparison.steps_removed
            ],
            "steps_changed": [
                {
                    "number": numbers[change.after.id],
                    "id": change.after.id,
                    "title": change.after.title,
                    "changed": list(change.fields),
                    "title_before": change.before.title,
                    "why_before": reason_text(change.before.reason),
                    "why_after": reason_text(change.after.reason),
                    "actions_added": list(change.actions_added),
                    "actions_removed": list(change.actions_removed),
                }
                for change in comparison.steps_changed
            ],
            "estimates": None
            if estimates is None
            else {
                "before": _figures(base["estimates"]["education"]),
                "after": _figures(what_if["estimates"]["education"]),
                "assumptions_added": list(estimates.assumptions_added),
                "assumptions_removed": list(estimates.assumptions_removed),
            },
        },
    }


def _figures(study: roadmap_doc.StudyEstimate | None) -> doc.DegreeFigures | None:
    if study is None:
        return None
    return {
        "residency": study["residency"],
        "study": study["study"],
        "years_min": study["years_min"],
        "years_max": study["years_max"],
        "years_formula": study["years_formula"],
        "tuition_min": study["tuition_min"],
        "tuition_max": study["tuition_max"],
        "tuition_formula": study["tuition_formula"],
    }


def comparison_report(
    content: Content,
    comparison: Comparison,
    asked: Mapping[str, Any],
    steps_shown: int | None = None,
    taken: Iterable[str] = (),
) -> Report:
    """`asked`: the what-if as given (key: checked value), for the title; `taken`: the ways to
    the whole comparison already taken (see `comparison_summary`)."""
    texts = content.roadmap.what_if
    document = comparison_document(content, comparison)
    title = texts.title.format(changes=", ".join(f"{key} = {shown(value)}" for key, value in asked.items()))
    blocks: list[Block] = [_verdict(content, comparison)]
    changes = document["changes"]
    verdict = changes["verdict"]
    if verdict is not None and (verdict["reasons_added"] or verdict["reasons_removed"]):
        signed = [("+", text) for text in verdict["reasons_added"]]
        signed += [("-", text) for text in verdict["reasons_removed"]]
        blocks.append(Changes("The verdict's reasons", tuple(signed)))
    if comparison.answers:
        rows = tuple((change.key, shown(change.before), shown(change.after)) for change in comparison.answers)
        blocks.append(Table(("answer", "yours", "what if"), rows, "Answers"))
    if comparison.alters_roadmap:
        blocks.append(Steps(_steps_title(content, comparison), _steps(content, comparison, details=True)))
        blocks.extend(_estimates(content, document))
    else:
        blocks.append(Paragraph(texts.nothing if comparison.answers else texts.same))
    blocks.append(Notes((document["what_if"]["editorial"],)))
    report = Report("comparison", title, document, tuple(blocks))
    return report._replace(summary=comparison_summary(content, comparison, report, steps_shown, taken))


def comparison_summary(
    content: Content, comparison: Comparison, report: Report, steps_shown: int | None = None, taken: Iterable[str] = ()
) -> Summary:
    """What one 80×24 screen shows first: the answers changed, the verdict, the steps that differ
    (the first `steps_shown` of them, all by default), the degree's time and cost, and how to
    see the whole comparison (the ways not `taken`). The first block, the verdict, is the full
    report's first."""
    texts = content.roadmap.what_if
    blocks: list[Block] = [report.blocks[0]]
    if comparison.answers:
        changed = "; ".join(
            texts.answer.format(key=change.key, before=shown(change.before), after=shown(change.after))
            for change in comparison.answers
        )
        blocks.append(Paragraph(changed, title="Answers"))
    if not comparison.alters_roadmap:
        blocks.append(Paragraph(texts.nothing if comparison.answers else texts.same))
        return Summary(tuple(blocks), texts.heading, covers=1)
    steps = _steps(content, comparison, details=False)
    listed = steps if steps_shown is None else steps[:steps_shown]
    blocks.append(Steps(_steps_title(content, comparison), listed))
    if len(listed) < len(steps):
        blocks.append(Paragraph(texts.more_steps.format(count=len(steps) - len(listed))))
    changes = report.document["changes"]
    if changes["estimates"] is not None:
        blocks.append(Paragraph(_degree_line(content, changes["estimates"]), title="Degree"))
    elif comparison.base.study is not None:
        blocks.append(Paragraph(texts.estimates_same, title="Degree time and cost"))
    blocks.extend(whole_line(texts.whole, texts.ways, taken))
    return Summary(tuple(blocks), texts.heading, covers=1)


def shorter_summaries(
    content: Content, comparison: Comparison, report: Report, taken: Iterable[str] = ()
) -> list[Report]:
    """The report with ever fewer steps in its summary, for a screen too short for them all."""
    count = len(comparison.steps_added) + len(comparison.steps_removed) + len(comparison.steps_changed)
    return [
        report._replace(summary=comparison_summary(content, comparison, report, shown, taken))
        for shown in range(count, -1, -1)
    ]


def _verdict(content: Content, comparison: Comparison) -> Paragraph:
    """A panel when the level changes; one line when it does not."""
    texts = content.roadmap.what_if
    change = comparison.verdict
    after = comparison.what_if.verdict
    if after is None:
        raise ValueError("a comparison is of two tailored roadmaps")
    if change is not None and change.before.level != change.after.level:
        title = f"Verdict: {texts.verdict_changed.format(before=change.before.level, after=change.after.level)}"
        return _verdict_panel(after.level, after.summary)._replace(title=title)
    line = texts.verdict_kept.format(level=after.level)
    if change is not None:
        line += "; " + texts.reasons.format(added=len(change.reasons_added), removed=len(change.reasons_removed))
    return Paragraph(line, title="Verdict")


def _steps_title(content: Content, comparison: Comparison) -> str:
    texts = content.roadmap.what_if
    added, removed, changed = (
        len(comparison.steps_added),
        len(comparison.steps_removed),
        len(comparison.steps_changed),
    )
    same = len(comparison.what_if.steps) - added - changed
    if not (added or removed or changed):
        return texts.steps_same.format(same=same)
    return texts.steps.format(added=added, removed=removed, changed=changed, same=same)


def _steps(content: Content, comparison: Comparison, details: bool) -> tuple[Step, ...]:
    """The steps that differ, in roadmap order: each removed step just after the step it followed."""
    texts = content.roadmap.what_if
    base, what_if = comparison.base, comparison.what_if
    position = {step.id: index for index, step in enumerate(what_if.steps)}
    placed: list[tuple[tuple[int, int, int], Step]] = []
    changed = {change.after.id: change for change in comparison.steps_changed}
    added = {step.id for step in comparison.steps_added}
    for index, step in enumerate(what_if.steps):
        if step.id in added:
            summary = f"Why: {reason_text(step.reason)}" if details else ""
            shown_step = Step(str(index + 1), step.id, step.title, summary, step.actions if details else (), sign="+")
        elif step.id in changed:
            shown_step = _changed_step(content, index + 1, changed[step.id], details)
        else:
            continue
        placed.append(((index, 0, 0), shown_step))
    skipped = {skip.id: skip for skip in what_if.skipped}
    removed = {step.id for step in comparison.steps_removed}
    for index, step in enumerate(base.steps):
        if step.id not in removed:
            continue
        anchor = max((position[s.id] for s in base.steps[:index] if s.id in position), default=-1)
        why = skipped.get(step.id)
        summary = texts.left_out.format(why=reason_text(why.reason)) if details and why else ""
        placed.append(((anchor, 1, index), Step(str(index + 1), step.id, step.title, summary, sign="-")))
    return tuple(step for _, step in sorted(placed, key=lambda pair: pair[0]))


def _changed_step(content: Content, number: int, change: StepChange, details: bool) -> Step:
    texts = content.roadmap.what_if
    step = Step(str(number), change.after.id, change.after.title, sign="~")
    if not details:
        return step
    lines: list[tuple[str, str]] = []
    if change.before.title != change.after.title:
        lines.append(("-", change.before.title))
    if change.before.reason != change.after.reason:
        lines.append(("-", texts.why_before.format(why=reason_text(change.before.reason))))
        lines.append(("+", texts.why_after.format(why=reason_text(change.after.reason))))
    lines += [("+", action) for action in change.actions_added]
    lines += [("-", action) for action in change.actions_removed]
    return step._replace(details=tuple(text for _, text in lines), signs=tuple(sign for sign, _ in lines))


def _degree_sides(content: Content, estimates: Mapping[str, Any]) -> tuple[tuple[str, str], tuple[str, str]]:
    """(time, tuition) of each roadmap: its formulas, or "no degree step"."""
    none = content.roadmap.what_if.no_degree

    def side(figures: Mapping[str, Any] | None) -> tuple[str, str]:
        if figures is None:
            return none, none
        return figures["years_formula"], f"{figures['tuition_formula']} ({figures['residency']})"

    return side(estimates["before"]), side(estimates["after"])


def _degree_line(content: Content, estimates: Mapping[str, Any]) -> str:
    """ "time A → B; tuition C → D", a part that does not change said once, as the what-if words it
    (the same tuition is worded otherwise for a longer study)."""
    same = content.roadmap.what_if.estimates_same
    before, after = _degree_sides(content, estimates)
    figures = (("years_min", "years_max"), ("tuition_min", "tuition_max", "residency"))
    parts = []
    for name, old, new, keys in zip(("time", "tuition"), before, after, figures, strict=True):
        kept = old == new or _same(estimates["before"], estimates["after"], keys)
        parts.append(f"{name} {same}, {new}" if kept else f"{name} {old} → {new}")
    return "; ".join(parts)


def _same(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None, keys: tuple[str, ...]) -> bool:
    return before is not None and after is not None and all(before[key] == after[key] for key in keys)


def _estimates(content: Content, document: doc.Comparison) -> list[Block]:
    texts = content.roadmap.what_if
    estimates = document["changes"]["estimates"]
    if estimates is None:
        study = document["base"]["estimates"]["education"]
        return [Paragraph(texts.estimates_same, title="Degree time and cost")] if study else []
    before, after = _degree_sides(content, estimates)
    rows = (("time", before[0], after[0]), ("tuition", before[1], after[1]))
    blocks: list[Block] = [Table(("estimate", "yours", "what if"), rows, "Degree time and cost")]
    signed = [("+", text) for text in estimates["assumptions_added"]]
    signed += [("-", text) for text in estimates["assumptions_removed"]]
    if signed:
        blocks.append(Changes("Assumptions", tuple(signed)))
    return blocks
