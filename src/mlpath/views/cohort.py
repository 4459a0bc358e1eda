"""The report of `mlpath cohort`: a group's counts as a document, and bars for people."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING

from mlpath.cohort import FIRST_STEPS, INVALID_LISTED, LEVELS, CohortTally
from mlpath.report import Bar, Bars, Block, Notes, Paragraph, Report, Table

if TYPE_CHECKING:
    from mlpath.documents import cohort as doc


def _percent(count: int, whole: int) -> float:
    return round(count / whole * 100, 1) if whole else 0.0


def _shares(counts: Counter[str], whole: int) -> list[doc.Share]:
    return [{"id": key, "count": n, "percent": _percent(n, whole)} for key, n in counts.most_common()]


def cohort_document(tally: CohortTally, titles: Mapping[str, str]) -> doc.Cohort:
    valid = tally.valid
    degree = tally.degree
    return {
        "count": tally.count,
        "valid": valid,
        "invalid": tally.invalid,
        "verdicts": {
            "strong": tally.levels["strong"],
            "good": tally.levels["good"],
            "mixed": tally.levels["mixed"],
            "weak": tally.levels["weak"],
        },
        "first_steps": _shares(tally.first_steps, valid),
        "interests": _shares(tally.interests, valid),
        "goals": _shares(tally.goals, valid),
        "steps": [
            {"id": key, "title": titles.get(key, key), "count": n, "percent": _percent(n, valid)}
            for key, n in tally.steps.most_common()
        ],
        "degree": None
        if degree is None
        else {
            "count": tally.with_degree,
            "years_min": degree.years_min,
            "years_max": degree.years_max,
            "tuition_min": degree.tuition_min,
            "tuition_max": degree.tuition_max,
        },
        "invalid_lines": [{"line": i.line, "id": i.id, "error": i.error} for i in tally.invalid_lines],
        "invalid_listed": len(tally.invalid_lines),
    }


def _bars(title: str, column: str, items: list[tuple[str, int, float]], whole: int) -> Bars:
    bars = tuple(Bar(label, count, f"{count:,} ({percent:g}%)") for label, count, percent in items)
    return Bars(title, bars, scale=whole or 1, columns=(column, "answer sets"))


def _years(low: float, high: float) -> str:
    return f"{low:g}" if low == high else f"{low:g} to {high:g}"


def cohort_report(tally: CohortTally, titles: Mapping[str, str]) -> Report:
    document = cohort_document(tally, titles)
    valid = document["valid"]
    blocks: list[Block] = [
        Paragraph(
            f"{document['count']:,} answer sets: {valid:,} valid, {document['invalid']:,} invalid.", title="The group"
        )
    ]
    if valid:
        levels = [(level, tally.levels[level], _percent(tally.levels[level], valid)) for level in LEVELS]
        blocks.append(_bars("Verdicts", "verdict", levels, valid))
        for title, column, key in (
            (f"Most common first steps (the first {FIRST_STEPS} of each roadmap)", "step", "first_steps"),
            ("Interests", "interest", "interests"),
            ("Goals", "goal", "goals"),
        ):
            shares = document[key]  # type: ignore[literal-required]
            if shares:
                named = [(titles.get(s["id"], s["id"]), s["count"], s["percent"]) for s in shares]
                blocks.append(_bars(title, column, named, valid))
        steps = [(s["title"], s["count"], s["percent"]) for s in document["steps"]]
        blocks.append(_bars("Share of each step across the group", "step", steps, valid))
    degree = document["degree"]
    if degree is not None:
        years = _years(degree["years_min"], degree["years_max"])
        low, high = degree["tuition_min"], degree["tuition_max"]
        tuition = f"${low:,}" if low == high else f"${low:,} to ${high:,}"
        blocks.append(
            Table(
                ("answer sets with a degree step", "years", "tuition"),
                ((f"{degree['count']:,}", years, tuition),),
                "Degree time and cost",
            )
        )
    if document["invalid_lines"]:
        rows = tuple(
            (str(i["line"]), "" if i["id"] is None else str(i["id"]), i["error"]) for i in document["invalid_lines"]
        )
        blocks.append(Table(("line", "id", "error"), rows, "Invalid lines"))
    notes = [f"Percentages are of the {valid:,} valid answer sets."]
    if document["invalid"] > document["invalid_listed"]:
        notes.append(f"The first {INVALID_LISTED:,} of {document['invalid']:,} invalid lines are listed.")
    blocks.append(Notes(tuple(notes)))
    return Report("cohort", "The group at a glance", document, tuple(blocks))
