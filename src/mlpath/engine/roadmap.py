"""The roadmap: the verdict and ordered steps, each with the answers that led to it. Pure.

Order follows the article: foundations and education, then practical experience, a specialty,
and the career ladder. Every text, and which answer leads to which step, lives in
data/roadmap.yaml; this module picks what applies and fills in the {names} of its texts. With
no answers, the general roadmap is built and every reason says so.

A roadmap is made of parts, each reading only a few answers (`PARTS`). Each part is worked out
once per distinct value of those answers and kept (`verdict.table`), so a run over thousands
of answer sets (quiz --batch, cohort) builds little and, the records being the same objects,
`model.encode` reuses their JSON. The same answers always give the same roadmap.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

from mlpath.content.answers import Answers
from mlpath.engine.estimates import COST_ASSUMPTIONS, CostEstimate, CostPart, degree_cost, total_formula
from mlpath.engine.verdict import Clause, Reason, Verdict, judge, keep, matches, once, reason_text, said, table
from mlpath.model import TEXT, As, Each, Inline, Lead, Omitted, Pairs, Record, Rows
from mlpath.text import count_word, plural, span, worded

if TYPE_CHECKING:
    from mlpath.content import Content
    from mlpath.content.rules import Employer, RoadmapRules

Why = Annotated[Reason, As(reason_text, TEXT)]


class RoadmapStep(Record):
    _kept = True
    number: int  # from 1, in the roadmap's order
    id: str  # stable across re-planning, e.g. "specialty-nlp"
    phase: str
    title: str
    why: Why
    answers_used: Annotated[tuple[str, ...], Inline]
    actions: Annotated[tuple[str, ...], Each("action")]


class SkippedStep(Record):
    _kept = True
    id: str
    why: Why


class StudyEstimate(CostEstimate):
    """The degree step's tuition and time, at the study mode of the answers."""

    study: str
    years_min: float
    years_max: float
    years_formula: str
    # the ids of the assumptions these figures rest on (data/assumptions.yaml)
    assumed: Annotated[tuple[str, ...], Inline]


class Estimates(Record):
    _kept = True
    education: StudyEstimate | None
    assumptions: Annotated[tuple[str, ...], Each("assumption")]
    not_estimated: str


class Roadmap(Record):
    """`mlpath quiz` and `mlpath roadmap`: the verdict (with answers) and the ordered steps."""

    tailored: bool
    answers: Annotated[Answers | None, Pairs("answer")]
    verdict: Annotated[Verdict | None, Lead]
    steps: Annotated[tuple[RoadmapStep, ...], Each("step"), Lead, Rows]
    skipped: Annotated[tuple[SkippedStep, ...], Each("skipped")]
    estimates: Estimates
    editorial: str


class BatchRoadmap(Roadmap):
    """`mlpath quiz --batch`: a line's roadmap, with the line's id first when it has one."""

    id: Annotated[str | int | float | None, Omitted] = None


class BatchError(Record):
    """`mlpath quiz --batch`: a line that gave no roadmap (its id when it has one)."""

    id: Annotated[str | int | float | None, Omitted] = None
    line: int
    error: str


class Piece(NamedTuple):
    """What one part adds: its steps (numbered from 1 within the part; then as in the roadmap),
    the steps it skips, and the roadmap's estimates (the education part only)."""

    steps: tuple[RoadmapStep, ...]
    skipped: tuple[SkippedStep, ...] = ()
    estimates: Estimates | None = None


def build_roadmap(content: Content, answers: Answers | None) -> Roadmap:
    """The roadmap of `answers`, or the general roadmap."""
    steps: list[RoadmapStep] = []
    skipped: list[SkippedStep] = []
    estimates = None
    parts = once(  # each part's answers (as a getter), builder and table
        content, "parts", lambda: tuple((_getter(keys(content)), build, table(content, n)) for n, keys, build in PARTS)
    )
    for read, build, found in parts:
        sub = (None if answers is None else read(answers), len(steps))
        piece: Piece | None = found.get(sub)
        if piece is None:
            built = build(content, answers)
            numbered = tuple(step.replace(number=len(steps) + step.number) for step in built.steps)
            piece = keep(found, sub, built._replace(steps=numbered))
        steps.extend(piece.steps)
        skipped.extend(piece.skipped)
        if piece.estimates is not None:
            estimates = piece.estimates
    if estimates is None:
        raise ValueError("no part of the roadmap gave its estimates")
    return Roadmap(
        tailored=answers is not None,
        answers=answers,
        verdict=None if answers is None else judge(content, answers),
        steps=tuple(steps),
        skipped=tuple(skipped),
        estimates=estimates,
        editorial=content.roadmap.notes.editorial,
    )


def _getter(keys: tuple[str, ...]) -> Callable[[Answers], Any]:
    """The values of `keys` in a set of answers, as a key for a part's table."""
    from operator import attrgetter

    return attrgetter(*keys) if keys else lambda answers: ()


def _step(
    step_id: str, phase: str, title: str, why: Reason, used: tuple[str, ...], actions: tuple[str, ...], number: int = 1
) -> RoadmapStep:
    return RoadmapStep(number=number, id=step_id, phase=phase, title=title, why=why, answers_used=used, actions=actions)


def _general(rules: RoadmapRules) -> Reason:
    return (Clause((), rules.general),)


def _foundations(content: Content, answers: Answers | None) -> Piece:
    rules = content.roadmap
    steps: list[RoadmapStep] = []
    skipped: list[SkippedStep] = []
    for key in ("programming", "math"):
        texts = getattr(rules, key)
        level = getattr(answers, key) if answers else rules.general_answers[key]
        if level in texts:
            text = texts[level]
            why = (Clause(((key, level),), text.why),) if answers else _general(rules)
            used = (key,) if answers else ()
            steps.append(_step(key, "foundations", text.title, why, used, text.actions, len(steps) + 1))
        elif answers:
            skipped.append(SkippedStep(id=key, why=(Clause(((key, level),), rules.ready),)))
    return Piece(tuple(steps), tuple(skipped))


def _education_keys(content: Content) -> tuple[str, ...]:
    rules = content.roadmap.education.rules
    return tuple(dict.fromkeys((*(key for rule in rules for key in rule.when), "residency", "study")))


def _education(content: Content, answers: Answers | None) -> Piece:
    rules = content.roadmap
    decisions = rules.education
    if answers is None:
        rule, why, used = decisions.general, _general(rules), ()
        residency, mode = rules.general_answers["residency"], rules.general_answers["study"]
    else:
        # content.checks holds that some rule matches every combination of answers.
        rule = next(r for r in decisions.rules if matches(r.when, answers))
        shown = said(answers, tuple(rule.when))
        if rule.skip is not None:
            return Piece((), (SkippedStep(id="degree", why=(Clause(shown, rule.skip),)),), _estimates(content))
        residency, mode = answers.residency, answers.study
        why = (Clause(shown, rule.why.format(residency=residency, study=mode)),)
        used = (*rule.when, *(("residency", "study") if rule.degree else ()))
    text = decisions.steps[str(rule.text)]
    actions = (*text.actions, *(decisions.extra_actions[extra] for extra in rule.extra))
    step = _step(str(rule.step), "education", text.title, why, used, actions)
    if rule.degree is None:
        return Piece((step,), (), _estimates(content))
    cost = degree_cost(content, residency, bachelor=rule.degree == "bachelor", master=rule.degree == "master")
    study = study_estimate(content, cost, mode)
    texts = tuple(content.assumptions.get(key).text for key in study.assumed)
    return Piece((step,), (), _estimates(content, study, texts))


def _estimates(content: Content, study: StudyEstimate | None = None, assumptions: tuple[str, ...] = ()) -> Estimates:
    return Estimates(education=study, assumptions=assumptions, not_estimated=content.roadmap.notes.not_estimated)


FIRST_STEPS = 3  # the steps a roadmap's summary shows first, and a cohort counts as its first steps
PART_TIME = "part-time-factor"  # the assumption a part-time study rests on (data/assumptions.yaml)


def study_estimate(content: Content, cost: CostEstimate, mode: str) -> StudyEstimate:
    """The degree's tuition and time at a study mode: part-time (an assumption) takes a factor
    times the years and costs the same in total."""
    notes = content.roadmap.notes
    assumed = (*((PART_TIME,) if mode == "part-time" else ()), *COST_ASSUMPTIONS)
    factor = (content.assumptions.get(PART_TIME).value or 1.0) if mode == "part-time" else 1.0
    low, high = sum(p.years_min for p in cost.parts), sum(p.years_max for p in cost.parts)
    years = span(low, high)
    tuition_formula = cost.tuition_formula
    master = any(part.id == "master" for part in cost.parts)  # the article gives the master's no study mode
    if factor == 1:
        years_formula = (
            notes.years_master.format(years=years) if master else notes.years.format(years=years, study=mode)
        )
    else:
        scaled = span(low * factor, high * factor)
        template = notes.years_scaled_master if master else notes.years_scaled
        years_formula = template.format(years=years, factor=f"{factor:g}", study=mode, scaled=scaled)

        def counted(part: CostPart, count: int) -> str:
            words = notes.tuition_years_master if part.id == "master" else notes.tuition_years
            return words.format(years=plural(count, "year"))

        tuition_formula = notes.tuition_scaled.format(formula=total_formula(cost.parts, counted), study=mode)
    return StudyEstimate(
        **{**cost.__dict__, "tuition_formula": tuition_formula},
        study=mode,
        years_min=low * factor,
        years_max=high * factor,
        years_formula=years_formula,
        assumed=assumed,
    )


def _tools(tools: dict[str, tuple[str, ...]]) -> str:
    """The tools by the article's groups: "Supervised: regression, classification. Unsupervised: ..."."""
    return " ".join(f"{worded(group)}: {', '.join(names)}." for group, names in tools.items())


def _core_skills(content: Content, answers: Answers | None) -> Piece:
    rules = content.roadmap
    skills = {skill.id: skill for skill in content.skills.on_the_job}
    chosen = [skills[skill_id] for skill_id in rules.skills.skill_ids]
    why = (Clause((), rules.skills.why),) if answers else _general(rules)
    actions = tuple(rules.skills.action.format(skill=s.name, summary=s.summary, tools=_tools(s.tools)) for s in chosen)
    return Piece((_step("core-skills", "practice", rules.skills.title, why, (), actions),))


def _projects(content: Content, answers: Answers | None) -> Piece:
    rules = content.roadmap
    projects = rules.projects
    concern_at = content.verdict.concern_at
    concerns = [key for key in projects.concerns if getattr(answers, key) <= concern_at] if answers else []
    resources = {r.id: r.name for r in content.resources.resources}
    actions = (
        *projects.actions,
        *(projects.concerns[key] for key in concerns),
        projects.follow_action.format(resources=", ".join(resources[r] for r in projects.follow)),
    )
    why = _general(rules)
    if answers is not None:
        why = (Clause((), projects.why),)
        if concerns:
            why += (Clause(said(answers, concerns), projects.concern_why),)
    return Piece((_step("projects", "practice", projects.title, why, tuple(concerns), actions),))


def _internship(content: Content, answers: Answers | None) -> Piece:
    rules = content.roadmap.internships
    kinds = {kind.id: kind for kind in content.internships.internships}
    used: list[str] = []
    if answers is None:
        wanted, why = list(kinds), _general(content.roadmap)
    else:
        wanted, used = list(rules.by_goal[answers.goal]), ["goal"]
        for key, mapping in (("industries", rules.by_industry), ("interests", rules.by_interest)):
            picked = [mapping[value] for value in getattr(answers, key) if value in mapping]
            if picked:
                wanted += picked
                used.append(key)
        why = (Clause(said(answers, used), rules.why),)
    texts = content.memo.get("internships")
    if texts is None:  # each kind's action, worded once
        texts = content.memo["internships"] = {
            k: rules.action.format(kind=kind.name, summary=kind.summary)
            + (rules.examples.format(examples=", ".join(kind.examples)) if kind.examples else "")
            for k, kind in kinds.items()
        }
    actions = tuple(texts[k] for k in kinds if k in wanted)
    return Piece((_step("internship", "practice", rules.title, why, tuple(used), actions),))


def _specialty(content: Content, answers: Answers | None) -> Piece:
    rules = content.roadmap.specialty
    names = {s.id: s.name for s in content.specialties.specialties}
    if answers is None or not answers.interests:
        listed = rules.choose_list.format(count=count_word(len(names)), specialties=", ".join(names.values()))
        why = (Clause((("interests", ()),), rules.choose_why),) if answers else _general(content.roadmap)
        used = ("interests",) if answers else ()
        actions: tuple[str, ...] = (rules.choose_action, listed)
        return Piece((_step("specialty-choose", "specialty", rules.choose_title, why, used, actions),))
    skills = {s.id: s.name for s in content.skills.on_the_job}
    steps = []
    for number, interest in enumerate(answers.interests, 1):
        track = rules.tracks[interest]
        actions = (
            rules.learn.format(tools=", ".join(track.tools)),
            rules.deepen.format(skills=", ".join(skills[s] for s in track.skills)),
            *(_employer(content, employer) for employer in track.employers),
        )
        title = rules.title.format(specialty=names[interest])
        why = (Clause((("interests", interest),), rules.why.format(interest=interest)),)
        steps.append(_step(f"specialty-{interest}", "specialty", title, why, ("interests",), actions, number))
    return Piece(tuple(steps))


def _employer(content: Content, employer: Employer) -> str:
    rules = content.roadmap.specialty
    uses = ", ".join(employer.uses)
    if employer.industry:
        industry = next(i for i in content.industries.industries if i.id == employer.industry)
        return rules.work_for_industry.format(employer=industry.name, uses=uses)
    company = next(c for c in content.companies.companies if c.id == employer.company)
    examples = rules.company_examples.format(examples=", ".join(company.examples)) if company.examples else ""
    return rules.work_for_company.format(employer=company.name, examples=examples, uses=uses)


def _industries(content: Content, answers: Answers | None) -> Piece:
    rules = content.roadmap.industries
    if answers is None or not answers.industries:
        why = (Clause((("industries", ()),), rules.open_why),) if answers else _general(content.roadmap)
        used = ("industries",) if answers else ()
        return Piece((_step("industries", "specialty", rules.open_title, why, used, (rules.open_action,)),))
    industries = {i.id: i for i in content.industries.industries}
    actions = tuple(
        rules.action.format(industry=industries[i].name, applications=", ".join(industries[i].applications))
        for i in answers.industries
    )
    why = (Clause(said(answers, ("industries",)), rules.why),)
    return Piece((_step("industries", "specialty", rules.title, why, ("industries",), actions),))


def _career(content: Content, answers: Answers | None) -> Piece:
    rules = content.roadmap
    job = rules.job
    remote = job.remote.get(answers.remote_work) if answers else None
    if remote is not None and answers is not None:
        why: Reason = (Clause(said(answers, ("remote_work",)), remote.why),)
        first = _step("first-role", "career", job.title, why, ("remote_work",), (*job.actions, remote.action))
    else:
        why = (Clause((), job.why),) if answers else _general(rules)
        first = _step("first-role", "career", job.title, why, (), job.actions)
    levels = content.ladder.levels
    target = rules.ladder.targets[answers.goal] if answers else levels[-1].id
    last = next(index for index, level in enumerate(levels) if level.id == target)
    if answers:
        climb: Reason = (Clause(said(answers, ("goal",)), rules.ladder.why.format(level=levels[last].title)),)
    else:
        climb = (Clause((), rules.ladder.general_why.format(general=rules.general)),)
    ladder = tuple(
        _step(
            f"ladder-{level.id}",
            "career",
            rules.ladder.title.format(number=number, level=level.title),
            climb,
            ("goal",) if answers else (),
            (level.summary, *level.duties),
            number + 1,
        )
        for number, level in enumerate(levels[: last + 1], 1)
    )
    return Piece((first, *ladder))


def _keys(*keys: str) -> Callable[[Content], tuple[str, ...]]:
    return lambda content: keys


# Each part: its name, the only answers it reads, and how it is built, in the order of the steps.
PARTS: tuple[tuple[str, Callable[[Content], tuple[str, ...]], Callable[[Content, Answers | None], Piece]], ...] = (
    ("foundations", _keys("programming", "math"), _foundations),
    ("education", _education_keys, _education),
    ("core-skills", _keys(), _core_skills),
    ("projects", lambda content: tuple(content.roadmap.projects.concerns), _projects),
    ("internship", _keys("goal", "industries", "interests"), _internship),
    ("specialty", _keys("interests"), _specialty),
    ("industries", _keys("industries"), _industries),
    ("career", _keys("remote_work", "goal"), _career),
)
