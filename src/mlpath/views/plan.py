"""Reports for the plan commands: the roadmap (with its verdict) and the question list."""

from __future__ import annotations

from typing import Any

from mlpath.content.model import Content
from mlpath.engine.roadmap import Roadmap, Study
from mlpath.report import Block, Notes, Report, Step, Steps, Table, Text
from mlpath.views.explore import cost_document

EDITORIAL = (
    "Which answers lead to which steps, and the verdict rule, are mlpath's editorial mapping "
    "(data/roadmap.yaml, data/verdict.yaml); the facts come from the article."
)
NOT_ESTIMATED = (
    "The article gives no time or cost for self-study, projects, internships or promotions, so mlpath estimates none."
)


def _years(value: float) -> str:
    return f"{value:g}"


def study_document(study: Study) -> dict[str, Any]:
    cost = study.cost
    base_min = sum(part.years_min for part in cost.parts)
    base_max = sum(part.years_max for part in cost.parts)
    base = _years(base_min) if base_min == base_max else f"{_years(base_min)} to {_years(base_max)}"
    if study.factor == 1:
        years_formula = f"{base} years ({study.study}, the article's durations)"
    else:
        result = (
            _years(study.years_min)
            if study.years_min == study.years_max
            else f"{_years(study.years_min)} to {_years(study.years_max)}"
        )
        years_formula = f"{base} years × {study.factor:g} (part-time, an assumption) = {result} years"
    return {
        **cost_document(cost),
        "study": study.study,
        "years_min": study.years_min,
        "years_max": study.years_max,
        "years_formula": years_formula,
    }


def roadmap_document(roadmap: Roadmap) -> dict[str, Any]:
    verdict = roadmap.verdict
    return {
        "tailored": roadmap.tailored,
        "answers": roadmap.answers.document() if roadmap.answers else None,
        "verdict": None
        if verdict is None
        else {
            "level": verdict.level,
            "summary": verdict.summary,
            "reasons": list(verdict.reasons),
            "strengths": list(verdict.strengths),
            "concerns": list(verdict.concerns),
        },
        "steps": [
            {
                "number": n,
                "id": s.id,
                "phase": s.phase,
                "title": s.title,
                "why": s.why,
                "answers_used": list(s.answers_used),
                "actions": list(s.actions),
            }
            for n, s in enumerate(roadmap.steps, 1)
        ],
        "skipped": [{"id": s.id, "why": s.why} for s in roadmap.skipped],
        "estimates": {
            "education": study_document(roadmap.study) if roadmap.study else None,
            "assumptions": list(roadmap.assumptions),
            "not_estimated": NOT_ESTIMATED,
        },
        "editorial": EDITORIAL,
    }


def roadmap_report(content: Content, roadmap: Roadmap, done: frozenset[str] = frozenset()) -> Report:
    document = roadmap_document(roadmap)
    phases = {phase.id: phase.name for phase in content.roadmap.phases}
    blocks: list[Block] = []
    verdict = roadmap.verdict
    if verdict is not None:
        tone = {"strong": "positive", "good": "positive", "mixed": "caution"}.get(verdict.level, "negative")
        blocks.append(
            Text(verdict.summary, key=f"verdict\t{verdict.level}", title=f"Verdict: {verdict.level}", tone=tone)
        )
        blocks.append(Table(("reason",), tuple((reason,) for reason in verdict.reasons), "Why", key="reason"))
    steps = tuple(
        Step(str(n), s.id, s.title, f"Why: {s.why}", s.actions, done=s.id in done, group=phases.get(s.phase, s.phase))
        for n, s in enumerate(roadmap.steps, 1)
    )
    blocks.append(Steps("Your roadmap" if roadmap.tailored else "The general roadmap", steps, checklist=True))
    study = document["estimates"]["education"]
    if study:
        rows = (("time", study["years_formula"]), ("tuition", f"{study['tuition_formula']} ({study['residency']})"))
        blocks.append(Table(("estimate", "how it is worked out"), rows, "Degree time and cost", key="estimate"))
    notes = [f"Skipped {s.id}: {s.why}" for s in roadmap.skipped]
    notes += [f"Assumption: {text}" for text in roadmap.assumptions]
    notes += [NOT_ESTIMATED, EDITORIAL]
    if not roadmap.tailored:
        notes.append("Take 'mlpath quiz' or pass --answers FILE for a roadmap tailored to you.")
    blocks.append(Notes(tuple(notes)))
    title = "Should you become a machine learning engineer?" if verdict else "Becoming a machine learning engineer"
    return Report(title, document, tuple(blocks))


def questions_report(content: Content) -> Report:
    questions = content.questions.questions
    listed = []
    rows = []
    for q in questions:
        values: list[Any] = list(q.values) if q.kind != "scale" else [1, 2, 3, 4, 5]
        default = list(q.default) if isinstance(q.default, tuple) else q.default
        listed.append(
            {"key": q.key, "kind": q.kind, "prompt": q.prompt, "help": q.help, "values": values, "default": default}
        )
        shown = ",".join(str(v) for v in values) if q.kind != "scale" else "1-5"
        rows.append((q.key, q.kind, shown, ",".join(default) if isinstance(default, list) else str(default), q.prompt))
    document = {"questions": listed, "count": len(listed)}
    blocks: tuple[Block, ...] = (
        Table(("key", "kind", "values", "default", "question"), tuple(rows)),
        Notes(
            (
                "Lists take several values, comma-separated with --set (e.g. --set interests=nlp,robotics).",
                "Scales run from 1 (not at all) to 5 (very much).",
            )
        ),
    )
    return Report("Quiz questions", document, blocks)
