"""Reports for the explore commands: what each shows, built from content. No I/O here."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mlpath.content.model import Content
from mlpath.estimates import CostEstimate, Multiple, PayComparison, degree_cost, money

if TYPE_CHECKING:
    from mlpath.content.model.base import Figure
    from mlpath.content.model.career import LadderLevel
from mlpath.report import Bar, Bars, Block, Notes, Report, Step, Steps, Table, Text


def sourced(content: Content, figure: Figure) -> dict[str, Any]:
    return {"value": figure.value, "source": content.source(figure.source).name}


def _source_name(content: Content, source_id: str = "article") -> str:
    return content.source(source_id).name


def _rows(*items: str) -> tuple[tuple[str, ...], ...]:
    return tuple((item,) for item in items)


def about(content: Content) -> Report:
    role = content.role
    document = {
        "definition": role.definition,
        "versus_software_engineer": role.versus_software_engineer,
        "grounding": list(role.grounding),
        "duties": list(role.duties),
        "project_start": list(role.project_start),
        "collaborators": list(role.collaborators),
        "learning_kinds": [{"id": k.id, "name": k.name, "summary": k.summary} for k in role.learning_kinds],
        "source": _source_name(content),
    }
    blocks: tuple[Block, ...] = (
        Text(role.definition, key="definition", title="What a machine learning engineer is"),
        Text(role.versus_software_engineer, key="versus_software_engineer", title="Compared with a software engineer"),
        Table(("grounding",), _rows(*role.grounding), "Grounded in", key="grounding"),
        Table(("duty",), _rows(*role.duties), "What they do", key="duty"),
        Table(("step",), _rows(*role.project_start), "How a project starts", key="project_start"),
        Table(("collaborator",), _rows(*role.collaborators), "Who they work with", key="collaborator"),
        Table(
            ("kind", "what it means"),
            tuple((k.name, k.summary) for k in role.learning_kinds),
            "The kinds of learning they build",
            key="learning_kind",
        ),
    )
    return Report("About the role", document, blocks)


def salary(content: Content, compare: int | None = None) -> Report:
    pay = content.salary
    average = pay.national_average.amount
    tiers: list[dict[str, Any]] = []
    bars: list[Bar] = []
    rows: list[tuple[str, ...]] = []
    for tier in pay.tiers:
        multiple = Multiple(tier.amount.value, average.value)
        entry: dict[str, Any] = {
            "id": tier.id,
            "name": tier.name,
            "amount": tier.amount.value,
            "source": _source_name(content, tier.amount.source),
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
        bars.append(Bar(tier.name, tier.amount.value, money(tier.amount.value), note, key=tier.id))
    document: dict[str, Any] = {
        "currency": pay.currency,
        "period": pay.period,
        "tiers": tiers,
        "national_average": {"name": pay.national_average.name, **sourced(content, average)},
        "varies_with": list(pay.varies_with),
    }
    if compare is not None:
        document["your_pay"] = compare
    reference = Bar(pay.national_average.name, average.value, money(average.value), key="national_average")
    sources = sorted({_source_name(content, t.amount.source) for t in pay.tiers})
    notes = [
        f"Pay tiers: {', '.join(sources)}. National average: {_source_name(content, average.source)}.",
        f"{pay.currency} per {pay.period}; pay varies with {', '.join(pay.varies_with)}.",
        "Multiples are computed: tier ÷ national average.",
    ]
    blocks: list[Block] = [Bars("Machine learning engineer pay", tuple(bars), reference)]
    if compare is not None:
        blocks.append(
            Table(("tier", "your pay", "tier pays", "difference", "%"), tuple(rows), "Beside your pay", key="compare")
        )
        notes.append("Difference = tier - your pay; % = difference ÷ your pay × 100.")
    blocks.append(Notes(tuple(notes)))
    return Report("Salary", document, tuple(blocks))


def level_document(number: int, level: LadderLevel) -> dict[str, Any]:
    return {
        "number": number,
        "id": level.id,
        "title": level.title,
        "summary": level.summary,
        "duties": list(level.duties),
    }


def ladder(content: Content, chosen: int | None = None) -> Report:
    """All six levels, or (with `chosen`, 0-based) one level in full with its neighbours."""
    levels = content.ladder.levels
    source = _source_name(content)
    if chosen is None:
        steps = tuple(Step(str(n), level.id, level.title, level.summary) for n, level in enumerate(levels, 1))
        document = {"levels": [level_document(n, lv) for n, lv in enumerate(levels, 1)], "source": source}
        return Report("Career ladder", document, (Steps("From junior to director", steps),))
    level = levels[chosen]
    previous = levels[chosen - 1].id if chosen > 0 else None
    following = levels[chosen + 1].id if chosen + 1 < len(levels) else None
    one: dict[str, Any] = {
        "level": level_document(chosen + 1, level),
        "previous": previous,
        "next": following,
        "total_levels": len(levels),
        "source": source,
    }
    step = Step(str(chosen + 1), level.id, level.title, level.summary, level.duties, highlight=True)
    around = [f"Level {chosen + 1} of {len(levels)}."]
    if previous:
        around.append(f"Before it: {levels[chosen - 1].title}.")
    if following:
        around.append(f"Next: {levels[chosen + 1].title}.")
    return Report(
        f"Career ladder: level {chosen + 1}",
        one,
        (Steps("", (step,)), Notes((" ".join(around),), title="Where it sits")),
    )


def skills(content: Content) -> Report:
    data = content.skills
    document = {
        "core": [{"id": s.id, "name": s.name} for s in data.core],
        "on_the_job": [
            {
                "id": s.id,
                "name": s.name,
                "summary": s.summary,
                "tools": {group: list(names) for group, names in s.tools.items()},
            }
            for s in data.on_the_job
        ],
        "source": _source_name(content),
    }
    job_rows = tuple(
        (
            s.name,
            s.summary,
            "; ".join(f"{group.replace('_', ' ')}: {', '.join(names)}" for group, names in s.tools.items()),
        )
        for s in data.on_the_job
    )
    blocks: tuple[Block, ...] = (
        Table(("skill",), _rows(*(s.name for s in data.core)), "Core skills to bring", key="core"),
        Table(("skill", "what for", "named tools"), job_rows, "Skills you build on the job", key="on_the_job"),
    )
    return Report("Skills", document, blocks)


def specialties(content: Content) -> Report:
    items = content.specialties.specialties
    document = {
        "specialties": [{"id": s.id, "name": s.name, "summary": s.summary} for s in items],
        "source": _source_name(content),
        "summaries_by": "mlpath (the article names the specialties only)",
    }
    blocks: tuple[Block, ...] = (
        Table(("id", "specialty", "in short"), tuple((s.id, s.name, s.summary) for s in items)),
        Notes(("The article names these five; the one-line summaries are mlpath's own.",)),
    )
    return Report("Popular specialties", document, blocks)


def aspects(content: Content) -> Report:
    data = content.aspects
    document = {
        "best": [{"id": a.id, "text": a.text} for a in data.best],
        "worst": [{"id": a.id, "text": a.text} for a in data.worst],
        "source": _source_name(content),
    }
    blocks: tuple[Block, ...] = (
        Table(("id", "best"), tuple((a.id, a.text) for a in data.best), "The best of it", key="best"),
        Table(("id", "worst"), tuple((a.id, a.text) for a in data.worst), "The worst of it", key="worst"),
    )
    return Report("Best and worst aspects", document, blocks)


def education(content: Content, residency: str = "in-state", masters: bool = False) -> Report:
    data = content.education
    bachelor, master = data.durations.bachelor, data.durations.master
    tuition = data.tuition
    estimate = degree_cost(content, residency, bachelor=True, master=masters)
    assumptions = [content.assumptions.get(a).text for a in estimate.assumptions]
    tuition_source = _source_name(content, tuition.undergraduate.in_state.source)
    document: dict[str, Any] = {
        "degree_needed": {
            "answer": data.degree_needed.answer,
            "summary": data.degree_needed.summary,
            "degree_teaches": list(data.degree_needed.degree_teaches),
            "alternatives": list(data.degree_needed.alternatives),
        },
        "why_computer_science": list(data.why_computer_science),
        "durations": {
            "bachelor": {
                "name": bachelor.name,
                "years": sourced(content, bachelor.years),
                "mode": bachelor.mode,
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
        "online": {
            "possible": data.online.possible,
            "summary": data.online.summary,
            "points": list(data.online.points),
        },
    }
    tuition_rows = (
        ("undergraduate", money(tuition.undergraduate.in_state.value), money(tuition.undergraduate.out_of_state.value)),
        ("graduate", money(tuition.graduate.in_state.value), money(tuition.graduate.out_of_state.value)),
    )
    duration_rows = (
        ("bachelor", bachelor.name, f"{bachelor.years.value} years ({bachelor.mode})"),
        ("master", master.name, f"{master.years_min.value} to {master.years_max.value} more years"),
    )
    cost_bars = tuple(
        Bar(part.name, part.total_max, _range(part.total_min, part.total_max), part.formula, key=f"cost_{part.id}")
        for part in estimate.parts
    )
    total = Bar(
        "Total", estimate.total_max, _range(estimate.total_min, estimate.total_max), estimate.formula, key="cost_total"
    )
    blocks: tuple[Block, ...] = (
        Text(
            f"{data.degree_needed.answer.capitalize()}. {data.degree_needed.summary}",
            key="degree_needed",
            title="Do you need a degree?",
        ),
        Table(("reason",), _rows(*data.why_computer_science), "Why computer science", key="why_cs"),
        Table(("", "degree", "how long"), duration_rows, "How long it takes", key="duration"),
        Table(("level", "in-state", "out-of-state"), tuition_rows, "Average tuition and fees", key="tuition"),
        Bars(
            f"Estimated tuition ({residency}{', with a master' + chr(39) + 's' if masters else ''})",
            (*cost_bars, total) if len(cost_bars) > 1 else cost_bars,
        ),
        Text(data.online.summary, key="online", title="Can you learn online?"),
        Table(("point",), _rows(*data.online.points), key="online_point"),
        Notes(
            (
                f"Durations and tuition: {tuition_source} (it names no source for them).",
                *(f"Assumption: {text}" for text in assumptions),
                "Try --residency out-of-state or --masters to see other estimates.",
            )
        ),
    )
    return Report("Education", document, blocks)


def _range(low: int, high: int) -> str:
    return money(low) if low == high else f"{money(low)} to {money(high)}"


def cost_document(estimate: CostEstimate) -> dict[str, Any]:
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


def resources(content: Content) -> Report:
    items = content.resources.resources
    document = {
        "resources": [{"id": r.id, "name": r.name, "summary": r.summary} for r in items],
        "source": _source_name(content),
    }
    return Report(
        "Web resources",
        document,
        (Table(("id", "resource", "what you find there"), tuple((r.id, r.name, r.summary) for r in items)),),
    )


def internships(content: Content) -> Report:
    items = content.internships.internships
    document = {
        "internships": [
            {"id": i.id, "name": i.name, "summary": i.summary, "examples": list(i.examples)} for i in items
        ],
        "source": _source_name(content),
    }
    rows = tuple((i.id, i.name, i.summary, ", ".join(i.examples)) for i in items)
    return Report("Kinds of internship", document, (Table(("id", "kind", "what it offers", "examples"), rows),))


def industries(content: Content) -> Report:
    items = content.industries.industries
    document = {
        "industries": [
            {"id": i.id, "name": i.name, "summary": i.summary, "applications": list(i.applications)} for i in items
        ],
        "source": _source_name(content),
    }
    rows = tuple((i.id, i.name, i.summary, ", ".join(i.applications)) for i in items)
    return Report(
        "Job opportunities by industry",
        document,
        (Table(("id", "industry", "in short", "example applications"), rows),),
    )


def companies(content: Content) -> Report:
    items = content.companies.companies
    document = {
        "companies": [{"id": c.id, "name": c.name, "examples": list(c.examples), "uses": list(c.uses)} for c in items],
        "source": _source_name(content),
    }
    rows = tuple((c.id, c.name, ", ".join(c.examples) or "-", ", ".join(c.uses)) for c in items)
    return Report(
        "Kinds of company that hire",
        document,
        (Table(("id", "kind of company", "examples", "what they use it for"), rows),),
    )


def outlook(content: Content) -> Report:
    data = content.outlook
    source = _source_name(content, data.growth_percent.source)
    growth = f"+{data.growth_percent.value}%"
    period = f"{data.period.start.value} to {data.period.end.value}"
    document = {
        "subject": data.subject,
        "growth_percent": sourced(content, data.growth_percent),
        "period": {"start": sourced(content, data.period.start), "end": sourced(content, data.period.end)},
        "summary": data.summary,
        "drivers": list(data.drivers),
    }
    blocks: tuple[Block, ...] = (
        Table(
            ("figure", "value"),
            (("growth", growth), ("period", period), ("of", data.subject), ("source", source)),
            "Projected growth in demand",
            key="outlook",
        ),
        Text(data.summary, key="summary"),
        Table(("driver",), _rows(*data.drivers), "What drives it", key="driver"),
    )
    return Report("Career outlook in the USA", document, blocks)


def work_life(content: Content) -> Report:
    data = content.work_life
    document = {
        "summary": data.summary,
        "depends_on": list(data.depends_on),
        "demands": list(data.demands),
        "supports": list(data.supports),
        "source": _source_name(content),
    }
    blocks: tuple[Block, ...] = (
        Text(data.summary, key="summary"),
        Table(("demand",), _rows(*data.demands), "What can stretch your hours", key="demand"),
        Table(("support",), _rows(*data.supports), "What helps", key="support"),
    )
    return Report("Work-life balance", document, blocks)
