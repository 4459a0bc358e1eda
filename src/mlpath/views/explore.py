"""Reports for the explore commands: what each shows, built from content. No I/O here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlpath.content.model import Content
from mlpath.report import Block, Notes, Paragraph, Report, Step, Steps, Table
from mlpath.views.fields import pick

if TYPE_CHECKING:
    from mlpath.content.model.base import Figure
    from mlpath.content.model.career import LadderLevel
    from mlpath.documents import explore as doc


def sourced(content: Content, figure: Figure) -> doc.Sourced:
    return {"value": figure.value, "source": content.source(figure.source).name}


def source_name(content: Content, source_id: str = "article") -> str:
    return content.source(source_id).name


def rows(*items: str) -> tuple[tuple[str, ...], ...]:
    return tuple((item,) for item in items)


def about(content: Content) -> Report:
    role = content.role
    texts = pick(
        role, "definition", "versus_software_engineer", "grounding", "duties", "project_start", "collaborators"
    )
    document: doc.About = texts | {
        "learning_kinds": [pick(k, "id", "name", "summary") for k in role.learning_kinds],
        "learning_kinds_note": role.learning_kinds_note,
        "guide_answer": guide_answer_document(content),
        "source": source_name(content),
    }
    blocks: tuple[Block, ...] = (
        Paragraph(role.definition, title="What a machine learning engineer is"),
        Paragraph(role.versus_software_engineer, title="Compared with a software engineer"),
        Table(("grounding",), rows(*role.grounding), "Grounded in"),
        Table(("duty",), rows(*role.duties), "What they do"),
        Table(("step",), rows(*role.project_start), "How a project starts"),
        Table(("collaborator",), rows(*role.collaborators), "Who they work with"),
        Table(
            ("kind", "what it means"),
            tuple((k.name, k.summary) for k in role.learning_kinds),
            "Kinds of learning algorithm they use (examples)",
        ),
        Notes((role.learning_kinds_note,)),
        *guide_answer_blocks(content),
    )
    return Report("about", "About the role", document, blocks)


def guide_answer_document(content: Content) -> doc.GuideAnswer:
    """The guide's own answer to "should I become one?" (data/reflection.yaml)."""
    reflection = content.reflection
    return pick(reflection, "summary") | {  # type: ignore[no-any-return]
        "criteria": [pick(c, "id", "text") for c in reflection.criteria],
        "rewards": list(reflection.rewards),
        "source": source_name(content),
    }


def guide_answer_blocks(content: Content) -> tuple[Block, ...]:
    """The guide's own answer, as a section a person deciding can read on its own."""
    reflection = content.reflection
    return (
        Paragraph(reflection.summary, title="Should you become one? The guide's answer"),
        Table(("criterion",), rows(*(c.text for c in reflection.criteria)), "What success asks of you"),
        Table(("reward",), rows(*reflection.rewards), "What it offers in plenty"),
    )


def level_document(number: int, level: LadderLevel) -> doc.LadderLevel:
    document: doc.LadderLevel = pick(level, "id", "title", "summary", "duties")
    return {"number": number, **document}


def ladder(content: Content, chosen: int | None = None) -> Report:
    """All six levels, or (with `chosen`, 0-based) one level in full with its neighbours."""
    levels = content.ladder.levels
    source = source_name(content)
    if chosen is None:
        steps = tuple(Step(str(n), level.id, level.title, level.summary) for n, level in enumerate(levels, 1))
        document: doc.Ladder = {"levels": [level_document(n, lv) for n, lv in enumerate(levels, 1)], "source": source}
        return Report("ladder", "Career ladder", document, (Steps("From junior to director", steps),))
    level = levels[chosen]
    previous = levels[chosen - 1].id if chosen > 0 else None
    following = levels[chosen + 1].id if chosen + 1 < len(levels) else None
    one: doc.LadderLevelInFull = {
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
        "ladder_level",
        f"Career ladder: level {chosen + 1}",
        one,
        (Steps("", (step,)), Notes((" ".join(around),), title="Where it sits")),
    )


def skills(content: Content) -> Report:
    data = content.skills
    document: doc.Skills = {
        "core": [pick(s, "id", "name") for s in data.core],
        "on_the_job": [pick(s, "id", "name", "summary", "tools") for s in data.on_the_job],
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
        Table(("skill",), rows(*(s.name for s in data.core)), "Useful skills to have"),
        Table(("skill", "what for", "named tools"), job_rows, "Skills you are likely to learn on the job"),
    )
    return Report("skills", "Skills", document, blocks)


def specialties(content: Content) -> Report:
    items = content.specialties.specialties
    document: doc.Specialties = {
        "specialties": [pick(s, "id", "name", "summary") for s in items],
        "source": source_name(content),
        "summaries_by": "mlpath (the article names the specialties only)",
    }
    blocks: tuple[Block, ...] = (
        Table(("id", "specialty", "in short"), tuple((s.id, s.name, s.summary) for s in items)),
        Notes(("The article names these five; the one-line summaries are mlpath's own.",)),
    )
    return Report("specialties", "Popular specialties", document, blocks)


def aspects(content: Content) -> Report:
    data = content.aspects
    document: doc.Aspects = {
        "best": [pick(a, "id", "text") for a in data.best],
        "worst": [pick(a, "id", "text") for a in data.worst],
        "source": source_name(content),
    }
    blocks: tuple[Block, ...] = (
        Table(("id", "best"), tuple((a.id, a.text) for a in data.best), "The best of it"),
        Table(("id", "worst"), tuple((a.id, a.text) for a in data.worst), "The worst of it"),
    )
    return Report("aspects", "Best and worst aspects", document, blocks)


def resources(content: Content) -> Report:
    items = content.resources.resources
    document: doc.Resources = {
        "resources": [pick(r, "id", "name", "summary", "url") for r in items],
        "url_note": content.resources.url_note,
        "source": source_name(content),
    }
    table = tuple((r.id, r.name, r.summary, r.url) for r in items)
    blocks: tuple[Block, ...] = (
        Table(("id", "resource", "what you find there", "web address (added by mlpath)"), table),
        Notes((content.resources.url_note,)),
    )
    return Report("resources", "Web resources", document, blocks)


def internships(content: Content) -> Report:
    items = content.internships.internships
    document: doc.Internships = {
        "internships": [pick(i, "id", "name", "summary", "examples") for i in items],
        "summary": content.internships.summary,
        "source": source_name(content),
    }
    rows = tuple((i.id, i.name, i.summary, ", ".join(i.examples)) for i in items)
    blocks: tuple[Block, ...] = (
        Paragraph(content.internships.summary),
        Table(("id", "kind", "what it offers", "examples"), rows),
    )
    return Report("internships", "Kinds of internship", document, blocks)


def industries(content: Content) -> Report:
    items = content.industries.industries
    document: doc.Industries = {
        "industries": [pick(i, "id", "name", "summary", "applications") for i in items],
        "source": source_name(content),
    }
    rows = tuple((i.id, i.name, i.summary, ", ".join(i.applications)) for i in items)
    return Report(
        "industries",
        "Job opportunities by industry",
        document,
        (Table(("id", "industry", "in short", "example applications"), rows),),
    )


def companies(content: Content) -> Report:
    items = content.companies.companies
    document: doc.Companies = {
        "companies": [pick(c, "id", "name", "examples", "uses", "purpose") for c in items],
        "source": source_name(content),
    }
    rows = tuple((c.id, c.name, ", ".join(c.examples) or "-", ", ".join(c.uses), c.purpose or "-") for c in items)
    return Report(
        "companies",
        "Kinds of company that commonly hire",
        document,
        (Table(("id", "kind of company", "examples", "what they use it for", "aim"), rows),),
    )


def outlook(content: Content) -> Report:
    data = content.outlook
    source = source_name(content, data.growth_percent.source)
    growth = f"+{data.growth_percent.value}%"
    period = f"{data.period.start.value}–{data.period.end.value}"
    document: doc.Outlook = {
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
        ),
        Paragraph(data.summary),
        Table(("driver",), rows(*data.drivers), "What drives it"),
    )
    return Report("outlook", "Career outlook in the USA", document, blocks)


def work_life(content: Content) -> Report:
    data = content.work_life
    document: doc.WorkLife = pick(data, "summary", "depends_on", "demands", "supports") | {
        "source": source_name(content)
    }
    blocks: tuple[Block, ...] = (
        Paragraph(data.summary),
        Table(("demand",), rows(*data.demands), "What can stretch your hours"),
        Table(("support",), rows(*data.supports), "What helps"),
    )
    return Report("work_life", "Work-life balance", document, blocks)
