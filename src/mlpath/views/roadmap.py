"""Reports for the plan commands: the roadmap (with its verdict) and the question list."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from mlpath.answers import SCALE
from mlpath.content.model import Content
from mlpath.content.model.quiz import RoadmapNotes
from mlpath.engine.reason import Clause, Reason
from mlpath.engine.roadmap import Roadmap, RoadmapStep, Skipped, Study
from mlpath.engine.verdict import Verdict
from mlpath.report import Block, Notes, Paragraph, Report, Step, Steps, Summary, Table
from mlpath.views.education import cost_document
from mlpath.views.explore import guide_answer_blocks

if TYPE_CHECKING:
    from mlpath.documents import roadmap as doc

SUMMARY_STEPS = 3
SUMMARY_REASONS = 3  # at most; the CLI shows fewer when the screen is short


def _shown(value: Any) -> str:
    if isinstance(value, tuple):
        return ", ".join(value) if value else "none"
    return str(value)


def clause_text(clause: Clause) -> str:
    """ "key = value, key = value: text"; "; " parts the answers when any of them is a list."""
    joiner = "; " if any(isinstance(value, tuple) for _, value in clause.answers) else ", "
    answers = joiner.join(f"{key} = {_shown(value)}" for key, value in clause.answers)
    if "{answers}" in clause.text:
        return clause.text.replace("{answers}", answers)
    return f"{answers}: {clause.text}" if answers else clause.text


def reason_text(reason: Reason) -> str:
    return "; ".join(clause_text(clause) for clause in reason)


def _years(low: float, high: float) -> str:
    return f"{low:g}" if low == high else f"{low:g} to {high:g}"


def study_document(study: Study, notes: RoadmapNotes) -> doc.StudyEstimate:
    cost = study.cost
    years = _years(sum(part.years_min for part in cost.parts), sum(part.years_max for part in cost.parts))
    if study.factor == 1 and any(part.id == "master" for part in cost.parts):
        years_formula = notes.years_master.format(years=years)  # the article gives the master's no study mode
    elif study.factor == 1:
        years_formula = notes.years.format(years=years, study=study.mode)
    else:
        scaled = _years(study.years_min, study.years_max)
        years_formula = notes.years_scaled.format(
            years=years, factor=f"{study.factor:g}", study=study.mode, scaled=scaled
        )
    document = cost_document(cost)
    if study.factor != 1:  # the tuition counts the full-time years, not the longer study
        formula = cost.formula_in(lambda n: (notes.tuition_year if n == 1 else notes.tuition_years).format(years=n))
        document["tuition_formula"] = notes.tuition_scaled.format(formula=formula, study=study.mode)
    return {
        **document,
        "study": study.mode,
        "years_min": study.years_min,
        "years_max": study.years_max,
        "years_formula": years_formula,
    }


def verdict_document(verdict: Verdict) -> doc.Verdict:
    return {
        "level": verdict.level,  # type: ignore[typeddict-item]
        "summary": verdict.summary,
        "reasons": [clause_text(clause) for clause in verdict.reasons],
        "strengths": [clause_text(clause) for clause in verdict.strengths],
        "concerns": [clause_text(clause) for clause in verdict.concerns],
    }


def step_document(number: int, step: RoadmapStep) -> doc.RoadmapStep:
    return {
        "number": number,
        "id": step.id,
        "phase": step.phase,
        "title": step.title,
        "why": reason_text(step.reason),
        "answers_used": list(step.answers_used),
        "actions": list(step.actions),
    }


def skipped_document(step: Skipped) -> doc.SkippedStep:
    return {"id": step.id, "why": reason_text(step.reason)}


def roadmap_document(content: Content, roadmap: Roadmap) -> doc.Roadmap:
    """The roadmap as JSON. Written out field by field, not with `pick`: a literal is twice as
    fast. `mlpath.planner` writes the same bytes from cached parts; a test keeps them equal."""
    verdict = roadmap.verdict
    notes = content.roadmap.notes
    return {
        "tailored": roadmap.tailored,
        "answers": roadmap.answers.document() if roadmap.answers else None,  # type: ignore[typeddict-item]
        "verdict": None if verdict is None else verdict_document(verdict),
        "steps": [step_document(n, s) for n, s in enumerate(roadmap.steps, 1)],
        "skipped": [skipped_document(s) for s in roadmap.skipped],
        "estimates": {
            "education": study_document(roadmap.study, notes) if roadmap.study else None,
            "assumptions": list(roadmap.assumptions),
            "not_estimated": notes.not_estimated,
        },
        "editorial": notes.editorial,
    }


def roadmap_report(
    content: Content,
    roadmap: Roadmap,
    done: frozenset[str] = frozenset(),
    reasons_shown: int = SUMMARY_REASONS,
    taken: Iterable[str] = (),
) -> Report:
    """The roadmap; `done`: the ids of the steps done; `taken`: the ways to the whole roadmap
    already taken (see `roadmap_summary`)."""
    document = roadmap_document(content, roadmap)
    phases = {phase.id: phase.name for phase in content.roadmap.phases}
    blocks: list[Block] = []
    verdict = roadmap.verdict
    if verdict is not None:
        blocks.append(_verdict_panel(verdict.level, verdict.summary))
        reasons = [clause_text(clause) for clause in verdict.reasons]
        blocks.append(Table(("reason",), tuple((reason,) for reason in reasons), "Why"))
        blocks.extend(guide_answer_blocks(content))  # the article's own answer, to weigh beside it
    steps = tuple(
        Step(
            str(n),
            s["id"],
            s["title"],
            f"Why: {s['why']}",
            tuple(s["actions"]),
            done=s["id"] in done,
            group=phases.get(s["phase"], s["phase"]),
        )
        for n, s in enumerate(document["steps"], 1)
    )
    blocks.append(Steps("Your roadmap" if roadmap.tailored else "The general roadmap", steps, checklist=True))
    study = document["estimates"]["education"]
    if study:
        rows = (("time", study["years_formula"]), ("tuition", f"{study['tuition_formula']} ({study['residency']})"))
        blocks.append(Table(("estimate", "how it is worked out"), rows, "Degree time and cost"))
    notes = [f"Skipped {s['id']}: {s['why']}" for s in document["skipped"]]
    notes += [f"Assumption: {text}" for text in roadmap.assumptions]
    notes += [document["estimates"]["not_estimated"], document["editorial"]]
    if not roadmap.tailored:
        notes.append("Take 'mlpath quiz' or pass --answers FILE for a roadmap tailored to you.")
    blocks.append(Notes(tuple(notes)))
    title = "Should you become a machine learning engineer?" if verdict else "Becoming a machine learning engineer"
    return Report("roadmap", title, document, tuple(blocks), roadmap_summary(content, document, reasons_shown, taken))


def _verdict_panel(level: str, summary: str) -> Paragraph:
    tone = {"strong": "positive", "good": "positive", "mixed": "caution"}.get(level, "negative")
    return Paragraph(summary, title=f"Verdict: {level}", tone=tone)


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _reasons_in_turn(verdict: Mapping[str, Any]) -> list[str]:
    """Concerns, strengths and practical notes taken in turn, so a short list shows every side."""
    strengths, concerns = verdict["strengths"], verdict["concerns"]
    notes = [reason for reason in verdict["reasons"] if reason not in strengths and reason not in concerns]
    queues = [list(concerns), list(strengths), notes]
    ordered: list[str] = []
    while any(queues):
        for queue in queues:
            if queue:
                ordered.append(queue.pop(0))
    return ordered


def roadmap_summary(
    content: Content, document: Mapping[str, Any], reasons_shown: int = SUMMARY_REASONS, taken: Iterable[str] = ()
) -> Summary:
    """What one 80×24 screen shows first: the verdict and its top reasons, the first steps, the
    degree's time and cost, and how to see, save or export the whole roadmap (the ways not
    `taken` already: no-pager, output, save)."""
    texts = content.roadmap.summary
    blocks: list[Block] = []
    verdict = document["verdict"]
    if verdict is not None:
        blocks.append(_verdict_panel(verdict["level"], verdict["summary"]))
        reasons = _reasons_in_turn(verdict)
        strengths, concerns = len(verdict["strengths"]), len(verdict["concerns"])
        counts = [
            _counted(count, noun)
            for count, noun in (
                (strengths, "strength"),
                (concerns, "concern"),
                (len(reasons) - strengths - concerns, "note"),
            )
            if count
        ]
        shown = reasons[:reasons_shown]
        rows = [(reason,) for reason in shown]
        if len(reasons) > len(shown):
            rows.append((texts.more_reasons.format(count=len(reasons) - len(shown)) if shown else texts.reasons_below,))
        blocks.append(Table(("reason",), tuple(rows), f"Why: {', '.join(counts)}" if counts else "Why"))
    steps = document["steps"]
    first = tuple(Step(str(s["number"]), s["id"], s["title"]) for s in steps[:SUMMARY_STEPS])
    blocks.append(Steps(f"First steps ({len(first)} of {len(steps)})", first))
    study = document["estimates"]["education"]
    if study:
        degree = f"{study['years_formula']}; tuition {study['tuition_formula']} ({study['residency']})"
        blocks.append(Paragraph(degree, title="Degree"))
    blocks.extend(whole_line(texts.whole, texts.ways, taken))
    return Summary(tuple(blocks), texts.heading, covers=1 if verdict is not None else 0)


def whole_line(whole: str, ways: Mapping[str, str], taken: Iterable[str]) -> tuple[Block, ...]:
    """The summary's last line: the ways to see the whole output that were not taken; none when all were."""
    left = [text for way, text in ways.items() if way not in set(taken)]
    return (Notes((whole.format(ways=", ".join(left)),), title=""),) if left else ()


def questions_report(content: Content) -> Report:
    questions = content.questions.questions
    listed: list[doc.Question] = []
    rows = []
    for q in questions:
        values: list[Any] = list(q.values) if q.kind != "scale" else list(SCALE)
        default = list(q.default) if isinstance(q.default, tuple) else q.default
        listed.append(
            {"key": q.key, "kind": q.kind, "prompt": q.prompt, "help": q.help, "values": values, "default": default}
        )
        shown = ",".join(str(v) for v in values) if q.kind != "scale" else f"{SCALE[0]}-{SCALE[-1]}"
        rows.append((q.key, q.kind, shown, ",".join(default) if isinstance(default, list) else str(default), q.prompt))
    document: doc.Questions = {"questions": listed, "count": len(listed)}
    labels, low, high = content.questions.scale_labels, SCALE[0], SCALE[-1]
    blocks: tuple[Block, ...] = (
        Table(("key", "kind", "values", "default", "question"), tuple(rows)),
        Notes(
            (
                "Lists take several values, comma-separated with --set (e.g. --set interests=nlp,robotics).",
                f"Scales run from {low} ({labels[low]}) to {high} ({labels[high]}).",
            )
        ),
    )
    return Report("questions", "Quiz questions", document, blocks)
