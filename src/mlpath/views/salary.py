"""The report of `mlpath salary`: pay tiers against the national average, and your own pay."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlpath.content.model import Content
from mlpath.estimates import Multiple, PayComparison, money
from mlpath.report import Bar, Bars, Block, Notes, Report, Table
from mlpath.views.explore import source_name, sourced

if TYPE_CHECKING:
    from mlpath.documents import explore as doc


def salary(content: Content, compare: int | None = None) -> Report:
    pay = content.salary
    average = pay.national_average.amount
    tiers: list[doc.PayTier] = []
    bars: list[Bar] = []
    rows: list[tuple[str, ...]] = []
    for tier in pay.tiers:
        multiple = Multiple(tier.amount.value, average.value)
        entry: doc.PayTier = {
            "id": tier.id,
            "name": tier.name,
            "amount": tier.amount.value,
            "source": source_name(content, tier.amount.source),
            "multiple_of_national_average": multiple.value,
            "multiple_formula": multiple.formula,
        }
        note = f"{multiple.value:.2f}× the national average ({multiple.formula})"
        if compare is not None:
            versus = PayComparison(tier.amount.value, compare)
            entry["compared_with_yours"] = {
                "difference": versus.difference,
                "percent": versus.percent,
                "formula": versus.formula,
            }
            rows.append(
                (
                    tier.name,
                    money(compare),
                    money(tier.amount.value),
                    f"{versus.difference:+,}",
                    f"{versus.percent:+.1f}%",
                )
            )
        tiers.append(entry)
        bars.append(Bar(tier.name, tier.amount.value, money(tier.amount.value), note))
    document: doc.Salary = {
        "currency": pay.currency,
        "period": pay.period,
        "tiers": tiers,
        "national_average": {"name": pay.national_average.name, **sourced(content, average)},
        "varies_with": list(pay.varies_with),
        "summary": pay.summary,
    }
    if compare is not None:
        document["your_pay"] = compare
    reference = Bar(pay.national_average.name, average.value, money(average.value))
    sources = sorted({source_name(content, t.amount.source) for t in pay.tiers})
    notes = [
        f"Pay tiers: {', '.join(sources)}. National average: {source_name(content, average.source)}.",
        f"{pay.currency} per {pay.period}. {pay.summary}",
        "Multiples are computed: tier ÷ national average.",
    ]
    blocks: list[Block] = [
        Bars(
            "Machine learning engineer pay",
            tuple(bars),
            reference,
            columns=("pay tier", "pay per year", "how it compares"),
        )
    ]
    if compare is not None:
        blocks.append(Table(("tier", "your pay", "tier pays", "difference", "%"), tuple(rows), "Beside your pay"))
        notes.append("Difference = tier - your pay; % = difference ÷ your pay × 100.")
    blocks.append(Notes(tuple(notes)))
    return Report("salary", "Salary", document, tuple(blocks))
