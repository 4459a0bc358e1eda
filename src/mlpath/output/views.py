"""What the explore and utility commands show: each command's document and the blocks that
show it to people, read off the same records. No I/O here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mlpath.engine import pages
from mlpath.output.blocks import (
    Bar,
    Bars,
    Block,
    Excerpt,
    Excerpts,
    Notes,
    Paragraph,
    Report,
    Step,
    Steps,
    Summary,
    Table,
)
from mlpath.text import money, plural, span, worded

if TYPE_CHECKING:
    from mlpath.content import Content
    from mlpath.content.facts import Figure
    from mlpath.engine.cohort import Cohort, Share
    from mlpath.engine.search import SearchPage


def rows(*items: str) -> tuple[tuple[str, ...], ...]:
    return tuple((item,) for item in items)


def _report(content: Content, title: str, document: object, blocks: tuple[Block, ...]) -> Report:
    return Report(title, document, blocks, names=content.names)


def about(content: Content) -> Report:
    page = pages.about(content)
    kinds = tuple((k.name, k.summary) for k in page.learning_kinds)
    blocks: tuple[Block, ...] = (
        Paragraph(page.definition, title="What a machine learning engineer is"),
        Paragraph(page.versus_software_engineer, title="Compared with a software engineer"),
        Table(("grounding",), rows(*page.grounding), "Grounded in"),
        Table(("duty",), rows(*page.duties), "What they do"),
        Table(("step",), rows(*page.project_start), "How a project starts"),
        Table(("collaborator",), rows(*page.collaborators), "Who they work with"),
        Table(("kind", "what it means"), kinds, "Kinds of learning algorithm they use (examples)"),
        Notes((page.learning_kinds_note,)),
        *guide_answer(content),
    )
    return _report(content, "About the role", page, blocks)


def guide_answer(content: Content) -> tuple[Block, ...]:
    """The guide's own answer to "should I become one?", as a section a person can read on its own."""
    reflection = content.reflection
    needs = tuple(c.text for c in reflection.criteria if not c.check)
    checks = tuple(c.text for c in reflection.criteria if c.check)
    return (
        Paragraph(reflection.summary, title="Should you become one? The guide's answer"),
        Table(("criterion",), rows(*needs), "What success asks of you"),
        *((Table(("check",), rows(*checks), "A check that can help you decide"),) if checks else ()),
        Table(("reward",), rows(*reflection.rewards), "What it offers in plenty"),
    )


def salary(content: Content, yours: int | None = None) -> Report:
    page = pages.salary(content, yours)
    average = page.national_average
    bars = []
    beside = []
    for tier in page.tiers:
        note = f"{tier.multiple_of_national_average:.2f}× the national average ({tier.multiple_formula})"
        bars.append(Bar(tier.name, tier.amount, money(tier.amount), note))
        versus = tier.compared_with_yours
        if versus is not None and yours is not None:
            difference = ("+" if versus.difference >= 0 else "-") + money(abs(versus.difference))
            beside.append((tier.name, money(yours), money(tier.amount), difference, f"{versus.percent:+.1f}%"))
    sources = sorted({content.names[t.amount.source] for t in content.salary.tiers})
    notes = [
        f"Pay tiers: {', '.join(sources)}. National average: {content.names[average.source]}.",
        f"{page.currency} per {page.period}. {page.summary}",
        "Multiples are computed: tier ÷ national average.",
    ]
    reference = Bar(average.name, average.value, money(average.value))
    columns = ("pay tier", "pay per year", "how it compares")
    blocks: list[Block] = [Bars("Machine learning engineer pay", tuple(bars), reference, columns=columns)]
    if yours is not None:
        blocks.append(Table(("tier", "your pay", "tier pays", "difference", "%"), tuple(beside), "Beside your pay"))
        notes.append("Difference = tier - your pay; % = difference ÷ your pay × 100.")
    blocks.append(Notes(tuple(notes)))
    return _report(content, "Salary", page, tuple(blocks))


def ladder(content: Content, chosen: int | None = None) -> Report:
    """All the levels, or (with `chosen`, 0-based) one level in full with its neighbours."""
    levels = content.ladder.levels
    if chosen is None:
        steps = tuple(Step(str(level.number), level.title, level.summary) for level in levels)
        return _report(content, "Career ladder", content.ladder, (Steps("From junior to director", steps),))
    page = pages.ladder_level(content, chosen)
    level = page.level
    step = Step(str(level.number), level.title, level.summary, level.duties, highlight=True)
    around = [f"Level {level.number} of {page.total_levels}."]
    if page.previous:
        around.append(f"Before it: {levels[chosen - 1].title}.")
    if page.next:
        around.append(f"Next: {levels[chosen + 1].title}.")
    blocks = (Steps("", (step,)), Notes((" ".join(around),), title="Where it sits"))
    return _report(content, f"Career ladder: level {level.number}", page, blocks)


def skills(content: Content) -> Report:
    data = content.skills
    job_rows = tuple(
        (s.name, s.summary, "; ".join(f"{kind.replace('_', ' ')}: {', '.join(n)}" for kind, n in s.tools.items()))
        for s in data.on_the_job
    )
    blocks: tuple[Block, ...] = (
        Table(("skill",), rows(*(s.name for s in data.core)), "Useful skills to have"),
        Paragraph(data.summary, title="Skills you are likely to learn on the job"),
        Table(("skill", "what for", "named tools"), job_rows),
    )
    return _report(content, "Skills", data, blocks)


def specialties(content: Content) -> Report:
    data = content.specialties
    blocks: tuple[Block, ...] = (
        Table(("specialty", "in short"), tuple((s.name, s.summary) for s in data.specialties)),
        Notes(("The article names these five; the one-line summaries are mlpath's own.",)),
    )
    return _report(content, "Popular specialties", data, blocks)


def aspects(content: Content) -> Report:
    data = content.aspects
    blocks: tuple[Block, ...] = (
        Table(("best",), tuple((a.text,) for a in data.best), "The best of it"),
        Table(("worst",), tuple((a.text,) for a in data.worst), "The worst of it"),
    )
    return _report(content, "Best and worst aspects", data, blocks)


def resources(content: Content) -> Report:
    data = content.resources
    table = tuple((r.name, r.summary, r.url) for r in data.resources)
    blocks: tuple[Block, ...] = (
        Table(("resource", "what you find there", "web address (added by mlpath)"), table),
        Notes((data.url_note,)),
    )
    return _report(content, "Web resources", data, blocks)


def internships(content: Content) -> Report:
    data = content.internships
    table = tuple((i.name, i.summary, ", ".join(i.examples)) for i in data.internships)
    blocks: tuple[Block, ...] = (Paragraph(data.summary), Table(("kind", "what it offers", "examples"), table))
    return _report(content, "Kinds of internship", data, blocks)


def industries(content: Content) -> Report:
    data = content.industries
    table = tuple((i.name, i.summary, ", ".join(i.applications)) for i in data.industries)
    blocks = (Table(("industry", "in short", "example applications"), table),)
    return _report(content, "Job opportunities by industry", data, blocks)


def companies(content: Content) -> Report:
    data = content.companies
    table = tuple((c.name, ", ".join(c.examples) or "-", ", ".join(c.uses), c.purpose or "-") for c in data.companies)
    blocks = (Table(("kind of company", "examples", "what they use it for", "aim"), table),)
    return _report(content, "Kinds of company that commonly hire", data, blocks)


def outlook(content: Content) -> Report:
    data = content.outlook
    figures = (
        ("growth", f"+{data.growth_percent.value}%"),
        ("period", f"{data.period.start.value}–{data.period.end.value}"),
        ("of", data.subject),
        ("source", content.names[data.growth_percent.source]),
    )
    blocks: tuple[Block, ...] = (
        Table(("figure", "value"), figures, "Projected growth in demand"),
        Paragraph(data.summary),
        Table(("driver",), rows(*data.drivers), "What drives it"),
    )
    return _report(content, "Career outlook in the USA", data, blocks)


def work_life(content: Content) -> Report:
    data = content.work_life
    blocks: tuple[Block, ...] = (
        Paragraph(data.summary),
        Table(("demand",), rows(*data.demands), "What can stretch your hours"),
        Table(("support",), rows(*data.supports), "What helps"),
    )
    return _report(content, "Work-life balance", data, blocks)


def education(content: Content, residency: str = "in-state", masters: bool = False) -> Report:
    page = pages.education(content, residency, masters)
    bachelor, master = page.durations.bachelor, page.durations.master
    tuition, estimate = page.tuition, page.estimate
    levels = (("undergraduate", tuition.undergraduate), ("graduate", tuition.graduate))
    tuition_rows = tuple((name, money(t.in_state.value), money(t.out_of_state.value)) for name, t in levels)
    master_length = master.length.format(years_min=master.years_min.value, years_max=master.years_max.value)
    duration_rows = (
        ("bachelor", bachelor.name, bachelor.length.format(years=bachelor.years.value, mode=bachelor.mode)),
        ("master", master.name, master_length),
    )
    parts = [(p.name, p.tuition_min, p.tuition_max, p.formula) for p in estimate.parts]
    if len(parts) > 1:
        parts.append(("Total", estimate.tuition_min, estimate.tuition_max, estimate.tuition_formula))
    bars = tuple(Bar(name, high, span(low, high, money), formula) for name, low, high, formula in parts)
    other = "in-state" if residency == "out-of-state" else "out-of-state"
    degree = "the bachelor's alone (without --masters)" if masters else "--masters"
    notes = (
        f"Durations and tuition: {content.names[tuition.undergraduate.in_state.source]} (it names no source for them).",
        f"Bachelor's: {bachelor.note}",
        f"Master's: {master.note}",
        f"Tuition: {tuition.note}",
        *(f"Assumption: {text}" for text in estimate.assumptions),
        f"Try --residency {other} or {degree} to see other estimates.",
    )
    needed = f"{page.degree_needed.answer.capitalize()}. {page.degree_needed.summary}"
    with_master = ", with a master's" if masters else ""
    estimated = f"Estimated tuition ({residency}{with_master})"
    blocks: tuple[Block, ...] = (
        Paragraph(needed, title="Do you need a degree?"),
        Table(("reason",), rows(*page.why_computer_science), "Why computer science"),
        Table(("level", "degree", "how long"), duration_rows, "How long it takes"),
        Table(("level", "in-state", "out-of-state"), tuition_rows, "Average tuition and fees"),
        Bars(estimated, bars, columns=("degree", "tuition", "how it is worked out")),
        Paragraph(page.online.summary, title="Can you learn online?"),
        Table(("point",), rows(*page.online.points)),
        Notes(notes),
    )
    return _report(content, "Education", page, blocks)


def sources(content: Content) -> Report:
    page = pages.sources(content)
    cited = tuple((s.name, s.kind, s.note) for s in page.sources)
    held = dict(content.figures())
    figures = tuple((s.name, _figure_name(f.key), _figure_value(held[f.key])) for s in page.sources for f in s.figures)
    blocks: tuple[Block, ...] = (
        Table(("source", "kind (mlpath's description)", "what it backs"), cited, "Sources cited"),
        Table(("source", "figure", "value"), figures, f"Figures ({page.figure_count})"),
        Notes(page.notes),
    )
    return _report(content, "Sources", page, blocks)


def _figure_name(key: str) -> str:
    """Where a figure lives, in words: "salary.tiers.entry.amount" is "Salary › tiers › entry"."""
    first, *rest = key.split(".")
    return " › ".join([worded(first), *(part.replace("_", " ") for part in rest if part != "amount")])


def _figure_value(figure: Figure) -> str:
    """A figure with its unit, by its kind (content.facts)."""
    from mlpath.content.facts import Pay, Percent, YearlyCost, Years

    value = figure.value
    if isinstance(figure, (Pay, YearlyCost)):
        return f"{money(value)} a year" + (" of study" if isinstance(figure, YearlyCost) else "")
    if isinstance(figure, Percent):
        return f"{value}%"
    return plural(value, "year") if isinstance(figure, Years) else str(value)


def search(page: SearchPage) -> Report:
    """Each hit as a block: section › item, the sentences that hold the words (the words marked),
    and the command that shows it whole."""
    from mlpath.engine.search import word_patterns

    patterns = word_patterns(page.query)
    items = []
    for hit in page.results:
        sentences = SENTENCE_END.split(hit.text)
        kept = [s for s in sentences if any(p.search(s.lower()) for p in patterns)]
        text = " … ".join(kept) if kept and len(kept) < len(sentences) else hit.text
        spans = sorted({m.span() for p in patterns for m in p.finditer(text.lower())})
        heading = f"{hit.section[:1].upper()}{hit.section[1:]} › {hit.title}"
        items.append(Excerpt(heading, text, tuple(spans), hit.command))
    found = plural(page.count, "passage")
    blocks: tuple[Block, ...] = (Excerpts(f"{found} found", tuple(items)),) if items else ()
    return Report(f"Search: {page.query}", page, blocks)


SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def data_check(page: pages.DataCheckPage) -> Report:
    if page.valid:
        blocks: tuple[Block, ...] = (Paragraph(f"{page.directory}: valid ({page.figure_count} sourced figures)"),)
    else:
        blocks = (
            Paragraph(f"{page.directory}: invalid ({plural(len(page.problems), 'problem')})"),
            Table(("problem",), tuple((str(p),) for p in page.problems)),
        )
    return Report("Content check", page, blocks)


def home(page: pages.HomePage) -> Report:
    """One screen: what mlpath is, the quiz first, the commands people start with, where the rest is."""
    blocks: list[Block] = [
        Paragraph(
            "Should you become a machine learning engineer, and how? An offline career advisor: "
            "every fact comes from one sourced career guide."
        ),
        Paragraph(page.start_why, title=f"Start with '{page.start}'"),
        Table(("command", "what it shows"), tuple((f"mlpath {c.command}", c.help) for c in page.first), "Then"),
        Paragraph("All commands: mlpath --help. One command in full: mlpath COMMAND --help."),
    ]
    return Report(f"mlpath {page.version}", page, tuple(blocks))


def cohort(document: Cohort, content: Content) -> Report:
    """The group: its counts and verdicts first (the summary a terminal shows before paging), then
    the common steps, interests and goals in words, the degree's range and the first invalid lines."""
    from mlpath.engine.cohort import INVALID_LISTED
    from mlpath.engine.roadmap import FIRST_STEPS

    valid = document.valid
    questions = {question.key: question for question in content.questions.questions}

    def bars(title: str, column: str, items: list[tuple[str, int, float]]) -> Bars:
        drawn = tuple(Bar(label, count, f"{count:,} ({share:g}%)") for label, count, share in items)
        return Bars(title, drawn, scale=valid or 1, columns=(column, "answer sets"))

    def worded(key: str, shares: tuple[Share, ...]) -> list[tuple[str, int, float]]:
        return [(questions[key].label(s.id) if key in questions else s.id, s.count, s.percent) for s in shares]

    counts = f"{document.count:,} answer sets: {valid:,} valid, {document.invalid:,} invalid."
    filled = document.filled
    if filled.count:
        counts += f" {filled.count:,} had answers filled with their question's default (--defaults)."
    summary: list[Block] = [Paragraph(counts, title="The group")]
    if valid:
        summary.append(bars("Verdicts", "verdict", [(s.id, s.count, s.percent) for s in document.verdict_shares]))
    blocks = list(summary)
    if filled.count:
        prompts = [(questions[s.id].prompt if s.id in questions else s.id, s.count, s.percent) for s in filled.answers]
        blocks.append(bars("Answers filled with their default, most often first", "question", prompts))
    if valid:
        first = [(s.title, s.count, s.percent) for s in document.first_steps]
        blocks.append(bars(f"Most common first steps (the first {FIRST_STEPS} of each roadmap)", "step", first))
        asked = (("Interests", "interests", "interest", document.interests), ("Goals", "goal", "goal", document.goals))
        blocks.extend(bars(title, column, worded(key, shares)) for title, key, column, shares in asked if shares)
        steps = [(s.title, s.count, s.percent) for s in document.steps]
        blocks.append(bars("Share of each step across the group", "step", steps))
    notes = [f"Percentages are of the {valid:,} valid answer {'set' if valid == 1 else 'sets'}."]
    degree = document.degree
    if degree is not None:
        tuition = span(degree.tuition_min, degree.tuition_max, money)
        row = (f"{degree.count:,}", span(degree.years_min, degree.years_max), tuition)
        blocks.append(Table(("answer sets with a degree step", "years", "tuition"), (row,), "Degree time and cost"))
        notes.extend(f"Assumed: {content.assumptions.get(key).text}" for key in degree.assumptions)
    if document.invalid_lines:
        shown = document.invalid_lines[:INVALID_SHOWN]
        lines = tuple((str(i.line), "" if i.id is None else str(i.id), i.error) for i in shown)
        blocks.append(Table(("line", "id", "error"), lines, "Invalid lines"))
        if document.invalid > len(shown):
            listed = "them" if document.invalid == document.invalid_listed else f"the first {INVALID_LISTED:,}"
            notes.append(f"{document.invalid - len(shown):,} more invalid lines: --json lists {listed}.")
    blocks.append(Notes(tuple(notes)))
    first_screen = Summary(tuple(summary), "The whole report", covers=len(summary))
    return Report("The group at a glance", document, tuple(blocks), first_screen)


INVALID_SHOWN = 10  # invalid lines the table shows; JSON lists more
