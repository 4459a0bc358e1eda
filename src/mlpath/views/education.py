"""The report of `mlpath education`: degrees, durations, tuition, a cost estimate, the online route."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlpath.content.model import Content
from mlpath.estimates import CostEstimate, degree_cost, money
from mlpath.report import Bar, Bars, Block, Notes, Paragraph, Report, Table
from mlpath.views.explore import rows, source_name, sourced
from mlpath.views.fields import pick

if TYPE_CHECKING:
    from mlpath.documents import education as doc


def education(content: Content, residency: str = "in-state", masters: bool = False) -> Report:
    data = content.education
    bachelor, master = data.durations.bachelor, data.durations.master
    tuition = data.tuition
    estimate = degree_cost(content, residency, bachelor=True, master=masters)
    assumptions = [content.assumptions.get(a).text for a in estimate.assumptions]
    tuition_source = source_name(content, tuition.undergraduate.in_state.source)
    document: doc.Education = {
        "degree_needed": pick(data.degree_needed, "answer", "summary", "degree_teaches", "alternatives"),
        "why_computer_science": list(data.why_computer_science),
        "durations": {
            "bachelor": {
                "name": bachelor.name,
                "years": sourced(content, bachelor.years),
                "mode": bachelor.mode,
                "note": bachelor.note,
                "covers": list(bachelor.covers),
            },
            "master": {
                "name": master.name,
                "years_min": sourced(content, master.years_min),
                "years_max": sourced(content, master.years_max),
                "note": master.note,
            },
        },
        "tuition": {
            "undergraduate": {
                "in_state": sourced(content, tuition.undergraduate.in_state),
                "out_of_state": sourced(content, tuition.undergraduate.out_of_state),
            },
            "graduate": {
                "in_state": sourced(content, tuition.graduate.in_state),
                "out_of_state": sourced(content, tuition.graduate.out_of_state),
            },
            "note": tuition.note,
        },
        "estimate": {**cost_document(estimate), "assumptions": assumptions},
        "online": pick(data.online, "possible", "summary", "points"),
    }
    tuition_rows = (
        ("undergraduate", money(tuition.undergraduate.in_state.value), money(tuition.undergraduate.out_of_state.value)),
        ("graduate", money(tuition.graduate.in_state.value), money(tuition.graduate.out_of_state.value)),
    )
    duration_rows = (
        ("bachelor", bachelor.name, f"typically {bachelor.years.value} years ({bachelor.mode})"),
        ("master", master.name, f"{master.years_min.value} to {master.years_max.value} more years"),
    )
    cost_bars = tuple(
        Bar(part.name, part.total_max, _range(part.total_min, part.total_max), part.formula) for part in estimate.parts
    )
    total = Bar("Total", estimate.total_max, _range(estimate.total_min, estimate.total_max), estimate.formula)
    blocks: tuple[Block, ...] = (
        Paragraph(
            f"{data.degree_needed.answer.capitalize()}. {data.degree_needed.summary}",
            title="Do you need a degree?",
        ),
        Table(("reason",), rows(*data.why_computer_science), "Why computer science"),
        Table(("level", "degree", "how long"), duration_rows, "How long it takes"),
        Table(("level", "in-state", "out-of-state"), tuition_rows, "Average tuition and fees"),
        Bars(
            f"Estimated tuition ({residency}{', with a master' + chr(39) + 's' if masters else ''})",
            (*cost_bars, total) if len(cost_bars) > 1 else cost_bars,
            columns=("degree", "tuition", "how it is worked out"),
        ),
        Paragraph(data.online.summary, title="Can you learn online?"),
        Table(("point",), rows(*data.online.points)),
        Notes(
            (
                f"Durations and tuition: {tuition_source} (it names no source for them).",
                f"Bachelor's: {bachelor.note}",
                f"Master's: {master.note}",
                f"Tuition: {tuition.note}",
                *(f"Assumption: {text}" for text in assumptions),
                _other_estimates(residency, masters),
            )
        ),
    )
    return Report("education", "Education", document, blocks)


def _other_estimates(residency: str, masters: bool) -> str:
    """The hint to the estimates not shown: the other residency and the other degree."""
    other = "in-state" if residency == "out-of-state" else "out-of-state"
    degree = "the bachelor's alone (without --masters)" if masters else "--masters"
    return f"Try --residency {other} or {degree} to see other estimates."


def _range(low: int, high: int) -> str:
    return money(low) if low == high else f"{money(low)} to {money(high)}"


def cost_document(estimate: CostEstimate) -> doc.CostEstimate:
    """A tuition estimate; `education` and the roadmap both show it in this one shape."""
    return {
        "residency": estimate.residency,
        "parts": [
            {
                "id": p.id,
                "name": p.name,
                "years_min": p.years_min,
                "years_max": p.years_max,
                "per_year": p.per_year.value,
                "tuition_min": p.total_min,
                "tuition_max": p.total_max,
                "formula": p.formula,
            }
            for p in estimate.parts
        ],
        "tuition_min": estimate.total_min,
        "tuition_max": estimate.total_max,
        "tuition_formula": estimate.formula,
    }
