"""What quiz and roadmap show: the roadmap (with its verdict), a comparison (--what-if) and the
question list, and the summary that opens the table format in one 80×24 screen. No I/O here.

The engine says what the roadmap is and what changes (engine.roadmap, engine.compare); this
module words it for people, with the texts of data/roadmap.yaml.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import partial
from itertools import zip_longest
from typing import TYPE_CHECKING, Any

from mlpath.engine.roadmap import FIRST_STEPS, Roadmap, RoadmapStep, StudyEstimate
from mlpath.engine.verdict import Clause, Verdict
from mlpath.output import words
from mlpath.output.blocks import Block, Notes, Paragraph, Report, Signed, Step, Steps, Summary, Table
from mlpath.output.views import guide_answer
from mlpath.plan import FINISHED, ahead
from mlpath.text import money, plural, span

if TYPE_CHECKING:
    from mlpath.content import Content
    from mlpath.engine.compare import Comparison, EstimatesChange, StepChange

ALL_DONE = "Every step is done or skipped. Well done."  # a saved plan with no next step
SUMMARY_REASONS = 3  # at most; the CLI shows fewer when the screen is short
TONES = {"strong": "positive", "good": "positive", "mixed": "caution"}


def verdict_panel(level: str, summary: str) -> Paragraph:
    return Paragraph(summary, title=f"Verdict: {level}", tone=TONES.get(level, "negative"))


def roadmap_report(
    content: Content, roadmap: Roadmap, taken: Iterable[str] = (), status: Mapping[str, str] | None = None
) -> Report:
    """The roadmap; `taken`: the ways to the whole roadmap already taken (see `roadmap_summary`);
    `status`: each step's, in a saved plan."""
    phases = {phase.id: phase.name for phase in content.roadmap.phases}
    blocks: list[Block] = []
    verdict = roadmap.verdict
    if verdict is not None:
        blocks.append(verdict_panel(verdict.level, verdict.summary))
        blocks.append(Signed("Why", tuple(marked(content, verdict, verdict.reasons))))
        blocks.extend(guide_answer(content))  # the article's own answer, to weigh beside it
    steps = tuple(roadmap_step(content, s, phases, status=(status or {}).get(s.id, "")) for s in roadmap.steps)
    blocks.append(Steps("Your roadmap" if roadmap.tailored else "The general roadmap", steps, checklist=True))
    study = degree_ahead(roadmap, status)
    if study:
        table = (("time", study.years_formula), ("tuition", f"{study.tuition_formula} ({study.residency})"))
        blocks.append(Table(("estimate", "how it is worked out"), table, "Degree time and cost"))
    notes = [f"Not in your roadmap, {s.id.replace('-', ' ')}: {words.reason(content, s.why)}" for s in roadmap.skipped]
    notes += [f"Assumption: {text}" for text in roadmap.estimates.assumptions]
    notes += [roadmap.estimates.not_estimated, roadmap.editorial]
    if not roadmap.tailored:
        notes.append("Take 'mlpath quiz' or pass --answers FILE for a roadmap tailored to you.")
    blocks.append(Notes(tuple(notes)))
    title = "Should you become a machine learning engineer?" if verdict else "Becoming a machine learning engineer"
    return Report(title, roadmap, tuple(blocks), roadmap_summary(content, roadmap, taken=taken, status=status))


def degree_ahead(roadmap: Roadmap, status: Mapping[str, str] | None) -> StudyEstimate | None:
    """The degree's time and cost, unless its step is done or skipped in a saved plan (`status`):
    a degree left behind costs nothing ahead."""
    step = next((s.id for s in roadmap.steps if s.phase == "education"), "")
    return None if (status or {}).get(step) in FINISHED else roadmap.estimates.education


def roadmap_step(content: Content, step: RoadmapStep, phases: dict[str, str], full: bool = True, **marks: Any) -> Step:
    """A step of a roadmap under its phase's name; `full`: with its why and actions."""
    why = f"Why: {words.reason(content, step.why)}" if full else ""
    group = phases.get(step.phase, step.phase)
    return Step(str(step.number), step.title, why, step.actions if full else (), group=group, **marks)


def marked(content: Content, verdict: Verdict, reasons: Iterable[Clause]) -> list[tuple[str, str]]:
    """Each reason in words, with the mark of its kind: a strength, a concern or a note."""
    kinds = {**dict.fromkeys(verdict.strengths, "strength"), **dict.fromkeys(verdict.concerns, "concern")}
    return [(words.MARKS[kinds.get(c, "note")], words.clause(content, c)) for c in reasons]


def roadmap_summary(
    content: Content,
    roadmap: Roadmap,
    reasons_shown: int = SUMMARY_REASONS,
    taken: Iterable[str] = (),
    steps_shown: int = FIRST_STEPS,
    status: Mapping[str, str] | None = None,
) -> Summary:
    """What one 80×24 screen shows first: the verdict and its top reasons, the first steps (with
    each step's `status`, in a saved plan: the next ones, those not done or skipped), the degree's
    time and cost, and how to see, save or export the whole roadmap (the ways not `taken`
    already: no-pager, output, save)."""
    texts = content.roadmap.summary
    blocks: list[Block] = []
    verdict = roadmap.verdict
    if verdict is not None:
        blocks.append(verdict_panel(verdict.level, verdict.summary))
        # concerns, strengths and practical notes taken in turn, so a short list shows every side
        turns = zip_longest(verdict.concerns, verdict.strengths, verdict.notes)
        reasons = [clause for turn in turns for clause in turn if clause is not None]
        kinds = (("strength", verdict.strengths), ("concern", verdict.concerns), ("note", verdict.notes))
        counts = [plural(len(found), noun) for noun, found in kinds if found]
        listed = marked(content, verdict, reasons[:reasons_shown])
        title = f"Why: {', '.join(counts)}" if counts else "Why"
        if listed and len(reasons) > len(listed):
            listed.append(("", texts.more_reasons.format(count=len(reasons) - len(listed))))
        elif reasons and not listed:
            title += f" ({texts.reasons_below})"
        blocks.append(Signed(title, tuple(listed)))
    if status is None:
        first = tuple(Step(str(s.number), s.title) for s in roadmap.steps[:steps_shown])
        blocks.append(Steps(f"First steps ({len(first)} of {len(roadmap.steps)})", first))
    else:
        left = ahead(roadmap.steps, lambda step: status.get(step.id, "pending"))
        upcoming = tuple(Step(str(s.number), s.title, status=status.get(s.id, "pending")) for s in left[:steps_shown])
        title = f"Next steps ({len(upcoming)} of {len(left)} left)"
        blocks.append(Steps(title, upcoming) if upcoming else Paragraph(ALL_DONE, title="Next steps"))
    study = degree_ahead(roadmap, status)
    if study:
        years, tuition = span(study.years_min, study.years_max), span(study.tuition_min, study.tuition_max, money)
        degree = texts.degree.format(years=years, study=study.study, tuition=tuition, residency=study.residency)
        blocks.append(Paragraph(degree, title="Degree"))
    if steps_shown >= FIRST_STEPS:  # a screen too short for the first steps has none for this line
        blocks.extend(whole_line(texts.whole, texts.ways, taken))
    return Summary(tuple(blocks), texts.heading, covers=1 if verdict is not None else 0)


def whole_line(whole: str, ways: Mapping[str, str], taken: Iterable[str]) -> tuple[Block, ...]:
    """The summary's last line: the ways to see the whole output that were not taken; none when all were."""
    left = [text for way, text in ways.items() if way not in set(taken)]
    return (Notes((whole.format(ways=", ".join(left)),), title=""),) if left else ()


def shorter_roadmaps(content: Content, report: Report, taken: Iterable[str] = ()) -> list[Report]:
    """The roadmap report with ever fewer reasons in its summary, then fewer first steps (one at
    least), for a screen too short for them."""
    sizes = [(reasons, FIRST_STEPS) for reasons in range(SUMMARY_REASONS, -1, -1)]
    sizes += [(0, steps) for steps in range(FIRST_STEPS - 1, 0, -1)]
    summaries = (roadmap_summary(content, report.document, reasons, taken, steps) for reasons, steps in sizes)
    return [report._replace(summary=summary) for summary in summaries]


def questions_report(content: Content) -> Report:
    """The questions in words, for a person building a form: prompt, help, choices, default, condition."""
    by_key = {q.key: q for q in content.questions.questions}
    steps = []
    for number, q in enumerate(content.questions.questions, 1):
        chosen = q.default if isinstance(q.default, (list, tuple)) else (q.default,)
        details = [
            (q.label(c.value) if q.kind == "scale" else c.label) + (" — the default" if c.value in chosen else "")
            for c in q.choices
        ]
        if q.when:
            alternatives = (
                " + ".join(" or ".join(by_key[key].label(v) for v in values) for key, values in when.items())
                for when in q.when
            )
            details.append(f"Asked only after: {'; '.join(alternatives)}.")
        title = q.prompt + (
            f" (pick any number{'' if chosen else '; none by default'})" if q.kind == "multiselect" else ""
        )
        steps.append(Step(str(number), title, q.help, tuple(details)))
    return Report("Quiz questions", content.questions, (Steps(f"The {len(steps)} questions", tuple(steps)),))


# --- a comparison ------------------------------------------------------------------------------------


def comparison_report(
    content: Content, comparison: Comparison, asked: Mapping[str, Any], taken: Iterable[str] = ()
) -> Report:
    """`asked`: the what-if as given (key: checked value), for the title; `taken`: the ways to the
    whole comparison already taken (see `comparison_summary`)."""
    texts = content.roadmap.what_if
    changes = comparison.changes
    answer = partial(words.answer, content)
    given = (f"{key.replace('_', ' ')}: {answer(key, value)}" for key, value in asked.items())
    title = texts.title.format(changes="; ".join(given))
    blocks: list[Block] = [_verdict(content, comparison)]
    verdict = changes.verdict
    if verdict is not None and (verdict.reasons_added or verdict.reasons_removed):
        clause = partial(words.clause, content)
        signed = _signed(map(clause, verdict.reasons_added), map(clause, verdict.reasons_removed))
        blocks.append(Signed("The verdict's reasons", signed))
    if changes.answers:
        prompts = {q.key: q.prompt for q in content.questions.questions}
        table = tuple((prompts.get(k, k), answer(k, c.before), answer(k, c.after)) for k, c in changes.answers.items())
        blocks.append(Table(("answer", "yours", "what if"), table, "Answers"))
    if changes.alters_roadmap:
        blocks.append(Steps(_steps_title(content, comparison), _steps(content, comparison, details=True)))
        blocks.extend(_estimates(content, comparison))
    else:
        blocks.append(Paragraph(texts.nothing if changes.answers else texts.same))
    blocks.append(Notes((comparison.what_if.editorial,)))
    report = Report(title, comparison, tuple(blocks))
    return report._replace(summary=comparison_summary(content, report, taken=taken))


def comparison_summary(
    content: Content, report: Report, steps_shown: int | None = None, taken: Iterable[str] = ()
) -> Summary:
    """What one 80×24 screen shows first: the answers changed, the verdict, the steps that differ
    (the first `steps_shown` of them, all by default), the degree's time and cost, and how to
    see the whole comparison (the ways not `taken`). The first block, the verdict, is the full
    report's first."""
    texts = content.roadmap.what_if
    comparison: Comparison = report.document
    changes = comparison.changes
    blocks: list[Block] = [report.blocks[0]]
    if changes.answers:
        answer = partial(words.answer, content)
        changed = "; ".join(
            texts.answer.format(key=key.replace("_", " "), before=answer(key, c.before), after=answer(key, c.after))
            for key, c in changes.answers.items()
        )
        blocks.append(Paragraph(changed, title="Answers"))
    if not changes.alters_roadmap:
        blocks.append(Paragraph(texts.nothing if changes.answers else texts.same))
        return Summary(tuple(blocks), texts.heading, covers=1)
    steps = _steps(content, comparison, details=False)
    listed = steps if steps_shown is None else steps[:steps_shown]
    blocks.append(Steps(_steps_title(content, comparison), listed))
    if len(listed) < len(steps):
        blocks.append(Paragraph(texts.more_steps.format(count=len(steps) - len(listed))))
    if changes.estimates is not None:
        blocks.append(Paragraph(_degree_line(content, changes.estimates), title="Degree"))
    else:
        blocks.extend(_estimates(content, comparison))  # the same time and cost, said as the full report says it
    blocks.extend(whole_line(texts.whole, texts.ways, taken))
    return Summary(tuple(blocks), texts.heading, covers=1)


def shorter_comparisons(content: Content, report: Report, taken: Iterable[str] = ()) -> list[Report]:
    """The comparison with ever fewer steps in its summary, for a screen too short for them all."""
    changes = report.document.changes
    count = len(changes.steps_added) + len(changes.steps_removed) + len(changes.steps_changed)
    return [report._replace(summary=comparison_summary(content, report, n, taken)) for n in range(count, -1, -1)]


def _verdict(content: Content, comparison: Comparison) -> Paragraph:
    """A panel when the level changes; one line when it does not."""
    texts = content.roadmap.what_if
    change = comparison.changes.verdict
    after = comparison.what_if.verdict
    if after is None:
        raise ValueError("a comparison is of two tailored roadmaps")
    if change is not None and change.before != change.after:
        title = f"Verdict: {texts.verdict_changed.format(before=change.before, after=change.after)}"
        return verdict_panel(after.level, after.summary)._replace(title=title)
    line = texts.verdict_kept.format(level=after.level)
    if change is not None:
        line += "; " + texts.reasons.format(added=len(change.reasons_added), removed=len(change.reasons_removed))
    return Paragraph(line, title="Verdict")


def _steps_title(content: Content, comparison: Comparison) -> str:
    texts = content.roadmap.what_if
    changes = comparison.changes
    added, removed, changed = len(changes.steps_added), len(changes.steps_removed), len(changes.steps_changed)
    same = len(comparison.what_if.steps) - added - changed
    if not (added or removed or changed):
        return texts.steps_same.format(same=same)
    return texts.steps.format(added=added, removed=removed, changed=changed, same=same)


def _steps(content: Content, comparison: Comparison, details: bool) -> tuple[Step, ...]:
    """The steps that differ, in roadmap order: each removed step just after the step it followed."""
    texts = content.roadmap.what_if
    base, what_if, changes = comparison.base, comparison.what_if, comparison.changes
    position = {step.id: index for index, step in enumerate(what_if.steps)}
    placed: list[tuple[tuple[int, int, int], Step]] = []
    changed = {change.id: change for change in changes.steps_changed}
    added = {step.id for step in changes.steps_added}
    for index, step in enumerate(what_if.steps):
        if step.id in added:  # as the roadmap shows it, without its phase
            # new to your roadmap, it has no number there (the numbers shown are yours)
            placed.append(
                ((index, 0, 0), roadmap_step(content, step, {}, details, sign="+")._replace(group="", marker=""))
            )
        elif step.id in changed:
            placed.append(((index, 0, 0), _changed_step(content, changed[step.id], details)))
    skipped = {skip.id: skip for skip in what_if.skipped}
    removed = {step.id for step in changes.steps_removed}
    for index, step in enumerate(base.steps):
        if step.id not in removed:
            continue
        anchor = max((position[s.id] for s in base.steps[:index] if s.id in position), default=-1)
        why = skipped.get(step.id)
        summary = texts.left_out.format(why=words.reason(content, why.why)) if details and why else ""
        placed.append(((anchor, 1, index), Step(str(step.number), step.title, summary, sign="-")))
    return tuple(step for _, step in sorted(placed, key=lambda pair: pair[0]))


def _changed_step(content: Content, change: StepChange, details: bool) -> Step:
    texts = content.roadmap.what_if
    step = Step(str(change.number), change.title, sign="~")
    if not details:
        return step
    lines: list[tuple[str, str]] = []
    if change.title_before != change.title:
        lines.append(("-", change.title_before))
    if change.why_before != change.why_after:
        lines.append(("-", texts.why_before.format(why=words.reason(content, change.why_before))))
        lines.append(("+", texts.why_after.format(why=words.reason(content, change.why_after))))
    lines += _signed(change.actions_added, change.actions_removed)
    return step._replace(details=tuple(text for _, text in lines), signs=tuple(sign for sign, _ in lines))


def _side(content: Content, figures: Any) -> tuple[str, str]:
    """(time, tuition) of one roadmap: its formulas, or "no degree step"."""
    if figures is None:
        none: str = content.roadmap.what_if.no_degree
        return none, none
    return figures.years_formula, f"{figures.tuition_formula} ({figures.residency})"


def _degree_line(content: Content, estimates: EstimatesChange) -> str:
    """ "time A → B; tuition C → D", a part that does not change said once, as the what-if words it
    (the same tuition is worded otherwise for a longer study)."""
    same = content.roadmap.what_if.estimates_same
    was, now = estimates.before, estimates.after
    before, after = _side(content, was), _side(content, now)
    figures = (("years_min", "years_max"), ("tuition_min", "tuition_max", "residency"))
    parts = []
    for name, old, new, keys in zip(("time", "tuition"), before, after, figures, strict=True):
        kept = was is not None and now is not None and all(getattr(was, k) == getattr(now, k) for k in keys)
        parts.append(f"{name} {same}, {new}" if old == new or kept else f"{name} {old} → {new}")
    return "; ".join(parts)


def _estimates(content: Content, comparison: Comparison) -> list[Block]:
    texts = content.roadmap.what_if
    estimates = comparison.changes.estimates
    if estimates is None:
        same = Paragraph(texts.estimates_same, title="Degree time and cost")
        return [same] if comparison.base.estimates.education else []
    before, after = _side(content, estimates.before), _side(content, estimates.after)
    table = (("time", before[0], after[0]), ("tuition", before[1], after[1]))
    blocks: list[Block] = [Table(("estimate", "yours", "what if"), table, "Degree time and cost")]
    if estimates.assumptions_added or estimates.assumptions_removed:
        blocks.append(Signed("Assumptions", _signed(estimates.assumptions_added, estimates.assumptions_removed)))
    return blocks


def _signed(added: Iterable[str], removed: Iterable[str]) -> tuple[tuple[str, str], ...]:
    return (*(("+", text) for text in added), *(("-", text) for text in removed))
