"""Reports for the explore commands: what each shows, built from content. No I/O here."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mlpath.content.model import Content

if TYPE_CHECKING:
    from mlpath.content.model.base import Figure
    from mlpath.content.model.career import LadderLevel
from mlpath.report import Block, Notes, Paragraph, Report, Step, Steps, Table


def sourced(content: Content, figure: Figure) -> dict[str, Any]:
    return {"value": figure.value, "source": content.source(figure.source).name}


def source_name(content: Content, source_id: str = "article") -> str:
    return content.source(source_id).name


def rows(*items: str) -> tuple[tuple[str, ...], ...]:
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
        "learning_kinds_note": role.learning_kinds_note,
        "guide_answer": guide_answer_document(content),
        "source": source_name(content),
    }
    blocks: tuple[Block, ...] = (
        Paragraph(role.definition, key="definition", title="What a machine learning engineer is"),
        Paragraph(
            role.versus_software_engineer, key="versus_software_engineer", title="Compared with a software engineer"
        ),
        Table(("grounding",), rows(*role.grounding), "Grounded in", key="grounding"),
        Table(("duty",), rows(*role.duties), "What they do", key="duty"),
        Table(("step",), rows(*role.project_start), "How a project starts", key="project_start"),
        Table(("collaborator",), rows(*role.collaborators), "Who they work with", key="collaborator"),
        Table(
            ("kind", "what it means"),
            tuple((k.name, k.summary) for k in role.learning_kinds),
            "Kinds of learning algorithm they use (examples)",
            key="learning_kind",
        ),
        Notes((role.learning_kinds_note,)),
        *guide_answer_blocks(content),
    )
    return Report("About the role", document, blocks)


def guide_answer_document(content: Content) -> dict[str, Any]:
    """The guide's own answer to "should I become one?" (data/reflection.yaml)."""
    reflection = content.reflection
    return {
        "summary": reflection.summary,
        "criteria": [{"id": c.id, "text": c.text} for c in reflection.criteria],
        "rewards": list(reflection.rewards),
        "source": source_name(content),
    }


def guide_answer_blocks(content: Content) -> tuple[Block, ...]:
    """The guide's own answer, as a section a person deciding can read on its own."""
    reflection = content.reflection
    return (
        Paragraph(reflection.summary, key="guide_answer", title="Should you become one? The guide's answer"),
        Table(
            ("criterion",),
            rows(*(c.text for c in reflection.criteria)),
            "What success asks of you",
            key="guide_criterion",
        ),
        Table(("reward",), rows(*reflection.rewards), "What it offers in plenty", key="guide_reward"),
    )


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
    source = source_name(content)
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
        "source": source_name(content),
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
        Table(("skill",), rows(*(s.name for s in data.core)), "Useful skills to have", key="core"),
        Table(
            ("skill", "what for", "named tools"),
            job_rows,
            "Skills you are likely to learn on the job",
            key="on_the_job",
        ),
    )
    return Report("Skills", document, blocks)


def specialties(content: Content) -> Report:
    items = content.specialties.specialties
    document = {
        "specialties": [{"id": s.id, "name": s.name, "summary": s.summary} for s in items],
        "source": source_name(content),
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
        "source": source_name(content),
    }
    blocks: tuple[Block, ...] = (
        Table(("id", "best"), tuple((a.id, a.text) for a in data.best), "The best of it", key="best"),
        Table(("id", "worst"), tuple((a.id, a.text) for a in data.worst), "The worst of it", key="worst"),
    )
    return Report("Best and worst aspects", document, blocks)


def resources(content: Content) -> Report:
    items = content.resources.resources
    document = {
        "resources": [{"id": r.id, "name": r.name, "summary": r.summary, "url": r.url} for r in items],
        "url_note": content.resources.url_note,
        "source": source_name(content),
    }
    table = tuple((r.id, r.name, r.summary, r.url) for r in items)
    blocks: tuple[Block, ...] = (
        Table(("id", "resource", "what you find there", "web address (added by mlpath)"), table),
        Notes((content.resources.url_note,)),
    )
    return Report("Web resources", document, blocks)


def internships(content: Content) -> Report:
    items = content.internships.internships
    document = {
        "internships": [
            {"id": i.id, "name": i.name, "summary": i.summary, "examples": list(i.examples)} for i in items
        ],
        "summary": content.internships.summary,
        "source": source_name(content),
    }
    rows = tuple((i.id, i.name, i.summary, ", ".join(i.examples)) for i in items)
    blocks: tuple[Block, ...] = (
        Paragraph(content.internships.summary, key="summary"),
        Table(("id", "kind", "what it offers", "examples"), rows),
    )
    return Report("Kinds of internship", document, blocks)


def industries(content: Content) -> Report:
    items = content.industries.industries
    document = {
        "industries": [
            {"id": i.id, "name": i.name, "summary": i.summary, "applications": list(i.applications)} for i in items
        ],
        "source": source_name(content),
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
        "companies": [
            {"id": c.id, "name": c.name, "examples": list(c.examples), "uses": list(c.uses), "purpose": c.purpose}
            for c in items
        ],
        "source": source_name(content),
    }
    rows = tuple((c.id, c.name, ", ".join(c.examples) or "-", ", ".join(c.uses), c.purpose or "-") for c in items)
    return Report(
        "Kinds of company that commonly hire",
        document,
        (Table(("id", "kind of company", "examples", "what they use it for", "aim"), rows),),
    )


def outlook(content: Content) -> Report:
    data = content.outlook
    source = source_name(content, data.growth_percent.source)
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
        Paragraph(data.summary, key="summary"),
        Table(("driver",), rows(*data.drivers), "What drives it", key="driver"),
    )
    return Report("Career outlook in the USA", document, blocks)


def work_life(content: Content) -> Report:
    data = content.work_life
    document = {
        "summary": data.summary,
        "depends_on": list(data.depends_on),
        "demands": list(data.demands),
        "supports": list(data.supports),
        "source": source_name(content),
    }
    blocks: tuple[Block, ...] = (
        Paragraph(data.summary, key="summary"),
        Table(("demand",), rows(*data.demands), "What can stretch your hours", key="demand"),
        Table(("support",), rows(*data.supports), "What helps", key="support"),
    )
    return Report("Work-life balance", document, blocks)
