"""Figures computed from sourced figures, each with the formula that produced it.

Pure functions over content: no I/O, no printing. Every number they return can be traced to
a sourced figure or to a labelled assumption in data/assumptions.yaml.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from mlpath.content.model import Content
from mlpath.content.model.base import Figure


def money(amount: float) -> str:
    return f"${amount:,.0f}"


def grouped(number: int) -> str:
    """A figure as a person reads it: thousands grouped from five digits up (40,648), so that
    years and small counts stay as they are written (2023, 4)."""
    return f"{number:,}" if abs(number) >= 10_000 else str(number)


class Multiple(NamedTuple):
    """How many times `amount` is `base`: 118000 / 59428 = 1.99."""

    amount: int
    base: int

    @property
    def value(self) -> float:
        return round(self.amount / self.base, 2)

    @property
    def formula(self) -> str:
        return f"{money(self.amount)} ÷ {money(self.base)} = {self.value:.2f}"


class PayComparison(NamedTuple):
    """A pay tier beside the user's own pay."""

    tier: int
    yours: int

    @property
    def difference(self) -> int:
        return self.tier - self.yours

    @property
    def percent(self) -> float:
        return round(self.difference / self.yours * 100, 1)

    @property
    def formula(self) -> str:
        sign = "+" if self.difference >= 0 else "-"
        return (
            f"{money(self.tier)} - {money(self.yours)} = {sign}{money(abs(self.difference))}; "
            f"{sign}{money(abs(self.difference))} ÷ {money(self.yours)} = {self.percent:+.1f}%"
        )


class CostPart(NamedTuple):
    """One stage of study: years (a range when the article gives one) × yearly tuition."""

    id: str
    name: str
    years_min: int
    years_max: int
    per_year: Figure

    @property
    def total_min(self) -> int:
        return self.years_min * self.per_year.value

    @property
    def total_max(self) -> int:
        return self.years_max * self.per_year.value

    @property
    def formula(self) -> str:
        return self.formula_in()

    def formula_in(self, years: Callable[[int], str] = str) -> str:
        """The formula, each count of years worded by `years` (4 -> "4 full-time years")."""
        low, high = years(self.years_min), years(self.years_max)
        if self.years_min == self.years_max:
            return f"{low} × {money(self.per_year.value)} = {money(self.total_min)}"
        return (
            f"{low} × {money(self.per_year.value)} = {money(self.total_min)} to "
            f"{high} × {money(self.per_year.value)} = {money(self.total_max)}"
        )


class CostEstimate(NamedTuple):
    residency: str
    parts: tuple[CostPart, ...]
    assumptions: tuple[str, ...]  # ids in data/assumptions.yaml

    @property
    def total_min(self) -> int:
        return sum(part.total_min for part in self.parts)

    @property
    def total_max(self) -> int:
        return sum(part.total_max for part in self.parts)

    @property
    def formula(self) -> str:
        return self.formula_in()

    def formula_in(self, years: Callable[[int], str] = str) -> str:
        """The formula; where it shows a count of years, worded by `years` (see CostPart)."""
        if not self.parts:
            return "no tuition: $0"
        if len(self.parts) == 1:
            return self.parts[0].formula_in(years)
        low = " + ".join(money(p.total_min) for p in self.parts)
        if self.total_min == self.total_max:
            return f"{low} = {money(self.total_min)}"
        high = " + ".join(money(p.total_max) for p in self.parts)
        return f"{low} = {money(self.total_min)} to {high} = {money(self.total_max)}"


def degree_cost(content: Content, residency: str, bachelor: bool = True, master: bool = False) -> CostEstimate:
    """Tuition for a computer science bachelor's and/or master's at the given residency."""
    education = content.education
    parts: list[CostPart] = []
    if bachelor:
        years = education.durations.bachelor.years.value
        parts.append(
            CostPart(
                "bachelor",
                education.durations.bachelor.name,
                years,
                years,
                education.tuition.undergraduate.for_residency(residency),
            )
        )
    if master:
        durations = education.durations.master
        parts.append(
            CostPart(
                "master",
                durations.name,
                durations.years_min.value,
                durations.years_max.value,
                education.tuition.graduate.for_residency(residency),
            )
        )
    return CostEstimate(residency, tuple(parts), ("tuition-per-year", "costs-exclude-living"))
