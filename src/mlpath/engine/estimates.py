"""Figures computed from sourced figures, each with the formula that produced it. Pure.

Every number here can be traced to a sourced figure or to a labelled assumption in
data/assumptions.yaml, and carries the formula a person can check (4 × $10,162 = $40,648).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

from mlpath.model import Each, Record
from mlpath.text import money

if TYPE_CHECKING:
    from mlpath.content import Content
    from mlpath.content.facts import YearlyCost

COST_ASSUMPTIONS = ("tuition-per-year", "costs-exclude-living")  # ids in data/assumptions.yaml


class CostPart(Record):
    """One degree of an estimate: years × the yearly figure, with the formula."""

    id: str
    name: str
    years_min: int
    years_max: int
    per_year: int
    tuition_min: int
    tuition_max: int
    formula: str


class CostEstimate(Record):
    """Tuition for the degrees of an estimate; `education` and the roadmap both show it."""

    residency: str
    parts: Annotated[tuple[CostPart, ...], Each("part")]
    tuition_min: int
    tuition_max: int
    tuition_formula: str


class EducationEstimate(CostEstimate):
    assumptions: Annotated[tuple[str, ...], Each("assumption")]


def part_formula(part: CostPart, years: Callable[[CostPart, int], str] = lambda _, n: str(n)) -> str:
    """years × yearly figure = total (a range when the years are), each count of years worded by
    `years` (4 -> "4 years of full-time study")."""
    low = f"{years(part, part.years_min)} × {money(part.per_year)} = {money(part.tuition_min)}"
    if part.years_min == part.years_max:
        return low
    return f"{low} to {years(part, part.years_max)} × {money(part.per_year)} = {money(part.tuition_max)}"


def total_formula(parts: tuple[CostPart, ...], years: Callable[[CostPart, int], str] = lambda _, n: str(n)) -> str:
    """The estimate's formula: its one part's, or the parts' totals added up."""
    if not parts:
        return "no tuition: $0"
    if len(parts) == 1:
        return part_formula(parts[0], years)
    low_total, high_total = sum(p.tuition_min for p in parts), sum(p.tuition_max for p in parts)
    low = " + ".join(money(p.tuition_min) for p in parts)
    if low_total == high_total:
        return f"{low} = {money(low_total)}"
    high = " + ".join(money(p.tuition_max) for p in parts)
    return f"{low} = {money(low_total)} to {high} = {money(high_total)}"


def _part(part_id: str, name: str, years_min: int, years_max: int, per_year: YearlyCost) -> CostPart:
    part = CostPart(
        id=part_id,
        name=name,
        years_min=years_min,
        years_max=years_max,
        per_year=per_year.value,
        tuition_min=years_min * per_year.value,
        tuition_max=years_max * per_year.value,
        formula="",
    )
    return part.replace(formula=part_formula(part))


def degree_cost(content: Content, residency: str, bachelor: bool = True, master: bool = False) -> CostEstimate:
    """Tuition for a computer science bachelor's and/or master's at the given residency."""
    education = content.education
    parts = []
    if bachelor:
        years = education.durations.bachelor.years.value
        rate = education.tuition.undergraduate.for_residency(residency)
        parts.append(_part("bachelor", education.durations.bachelor.name, years, years, rate))
    if master:
        durations = education.durations.master
        rate = education.tuition.graduate.for_residency(residency)
        parts.append(_part("master", durations.name, durations.years_min.value, durations.years_max.value, rate))
    found = tuple(parts)
    return CostEstimate(
        residency=residency,
        parts=found,
        tuition_min=sum(p.tuition_min for p in found),
        tuition_max=sum(p.tuition_max for p in found),
        tuition_formula=total_formula(found),
    )


class ComparedWithYours(Record):
    """A tier beside the pay given with --compare: tier - yours, and that as % of yours."""

    difference: int
    percent: float
    formula: str


def compared(tier: int, yours: int) -> ComparedWithYours:
    difference = tier - yours
    percent = round(difference / yours * 100, 1)
    sign = "+" if difference >= 0 else "-"
    formula = (
        f"{money(tier)} - {money(yours)} = {sign}{money(abs(difference))}; "
        f"{sign}{money(abs(difference))} ÷ {money(yours)} = {percent:+.1f}%"
    )
    return ComparedWithYours(difference=difference, percent=percent, formula=formula)
