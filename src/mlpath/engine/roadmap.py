"""The roadmap: ordered steps, each with the answers that led to it. Pure; same input, same output.

Order follows the article: foundations and education, then practical experience, a specialty,
and the career ladder. Every text, and which answer leads to which step, lives in
data/roadmap.yaml; this module picks what applies and fills in the {names} of its texts.
With no answers, the general roadmap is built and every reason says so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from mlpath.answers import Answers
from mlpath.content.model import Content
from mlpath.content.model.quiz import EducationRule, Employer, RoadmapRules
from mlpath.engine.reason import Clause, Reason, matches, said
from mlpath.engine.verdict import Verdict, judge
from mlpath.estimates import CostEstimate, degree_cost


@dataclass(frozen=True, slots=True)
class RoadmapStep:
    id: str  # stable across re-planning, e.g. "specialty-nlp"
    phase: str
    title: str
    reason: Reason
    answers_used: tuple[str, ...]
    actions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Skipped:
    id: str
    reason: Reason


@dataclass(frozen=True, slots=True)
class Study:
    """Time and tuition for the degree step of a roadmap."""

    cost: CostEstimate
    mode: str  # full-time | part-time
    factor: float  # duration multiplier (an assumption for part-time)

    @property
    def years_min(self) -> float:
        return sum(part.years_min for part in self.cost.parts) * self.factor

    @property
    def years_max(self) -> float:
        return sum(part.years_max for part in self.cost.parts) * self.factor


@dataclass(frozen=True, slots=True)
class Roadmap:
    answers: Answers | None
    verdict: Verdict | None
    steps: tuple[RoadmapStep, ...]
    skipped: tuple[Skipped, ...]
    study: Study | None
    assumptions: tuple[str, ...] = ()

    @property
    def tailored(self) -> bool:
        return self.answers is not None


@dataclass(frozen=True, slots=True)
class _Education:
    steps: tuple[RoadmapStep, ...]
    skipped: tuple[Skipped, ...]
    study: Study | None
    assumptions: tuple[str, ...]


class Piece(NamedTuple):
    """What one part of the roadmap adds: its steps, the steps it skips, the degree's time and cost."""

    steps: tuple[RoadmapStep, ...]
    skipped: tuple[Skipped, ...] = ()
    study: Study | None = None
    assumptions: tuple[str, ...] = ()


class Part(NamedTuple):
    """A part of the roadmap and the only answers it reads, so that a run over many answer sets
    (quiz --batch, cohort) can build each part once per distinct value of its keys."""

    name: str
    keys: tuple[str, ...]
    build: Callable[[Content, Answers | None], Piece]


def roadmap_parts(content: Content) -> tuple[Part, ...]:
    """The parts of a roadmap, in the order of its steps."""
    rules = content.roadmap
    education = (*(key for rule in rules.education.rules for key in rule.when), "residency", "study")
    return (
        Part("foundations", ("programming", "math"), _foundations_piece),
        Part("education", tuple(dict.fromkeys(education)), _education_piece),
        Part("core-skills", (), lambda c, a: Piece((_core_skills(c, a),))),
        Part("projects", tuple(rules.projects.concerns), lambda c, a: Piece((_projects(c, a),))),
        Part("internship", ("goal", "industries", "interests"), lambda c, a: Piece((_internship(c, a),))),
        Part("specialty", ("interests",), lambda c, a: Piece(_specialty(c, a))),
        Part("industries", ("industries",), lambda c, a: Piece((_industries(c, a),))),
        Part("career", ("remote_work", "goal"), lambda c, a: Piece(_career(c, a))),
    )


def assemble(answers: Answers | None, pieces: Iterable[Piece], verdict: Verdict | None) -> Roadmap:
    """The roadmap made of its parts' pieces, in order."""
    steps: list[RoadmapStep] = []
    skipped: list[Skipped] = []
    study: Study | None = None
    assumptions: tuple[str, ...] = ()
    for piece in pieces:
        steps.extend(piece.steps)
        skipped.extend(piece.skipped)
        if piece.study is not None or piece.assumptions:
            study, assumptions = piece.study, piece.assumptions
    return Roadmap(answers, verdict, tuple(steps), tuple(skipped), study, assumptions)


def build_roadmap(content: Content, answers: Answers | None) -> Roadmap:
    verdict = judge(content, answers) if answers is not None else None
    return assemble(answers, (part.build(content, answers) for part in roadmap_parts(content)), verdict)


def _foundations_piece(content: Content, answers: Answers | None) -> Piece:
    steps, skipped = _foundations(content.roadmap, answers)
    return Piece(tuple(steps), tuple(skipped))


def _education_piece(content: Content, answers: Answers | None) -> Piece:
    education = _education(content, answers)
    return Piece(education.steps, education.skipped, education.study, education.assumptions)


def _general(rules: RoadmapRules) -> Reason:
    return (Clause((), rules.general),)


def count_word(count: int) -> str:
    words = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    return words[count] if count < len(words) else str(count)


# Foundations ---------------------------------------------------------------------------------


def _foundations(rules: RoadmapRules, answers: Answers | None) -> tuple[list[RoadmapStep], list[Skipped]]:
    steps: list[RoadmapStep] = []
    skipped: list[Skipped] = []
    for key in ("programming", "math"):
        texts = getattr(rules, key)
        level = getattr(answers, key) if answers else rules.general_answers[key]
        if level in texts:
            text = texts[level]
            reason = (Clause(((key, level),), text.why),) if answers else _general(rules)
            steps.append(RoadmapStep(key, "foundations", text.title, reason, (key,) if answers else (), text.actions))
        elif answers:
            skipped.append(Skipped(key, (Clause(((key, level),), rules.ready),)))
    return steps, skipped


# Education -----------------------------------------------------------------------------------


def _education(content: Content, answers: Answers | None) -> _Education:
    rules = content.roadmap
    table = rules.education
    if answers is None:
        rule, reason, used = table.general, _general(rules), ()
        residency, mode = rules.general_answers["residency"], rules.general_answers["study"]
    else:
        # The loader checks that some rule matches every combination of answers.
        rule = next(r for r in table.rules if matches(r.when, answers))
        shown = said(answers, tuple(rule.when))
        if rule.skip is not None:
            return _Education((), (Skipped("degree", (Clause(shown, rule.skip),)),), None, ())
        residency, mode = answers.residency, answers.study
        why = rule.why.format(residency=residency, study=mode)
        reason = (Clause(shown, why),)
        used = (*rule.when, *(("residency", "study") if rule.degree else ()))
    text = table.steps[str(rule.text)]
    actions = (*text.actions, *(table.extra_actions[extra] for extra in rule.extra))
    step = RoadmapStep(str(rule.step), "education", text.title, reason, used, actions)
    study, assumptions = _study(content, rule, residency, mode)
    return _Education((step,), (), study, assumptions)


def _study(content: Content, rule: EducationRule, residency: str, mode: str) -> tuple[Study | None, tuple[str, ...]]:
    if rule.degree is None:
        return None, ()
    cost = degree_cost(content, residency, bachelor=rule.degree == "bachelor", master=rule.degree == "master")
    assumptions = content.assumptions
    texts: list[str] = []
    factor = 1.0
    if mode == "part-time":
        part_time = assumptions.get("part-time-factor")
        factor = part_time.value or 1.0
        texts.append(part_time.text)
    texts.extend(assumptions.get(key).text for key in cost.assumptions)
    return Study(cost, mode, factor), tuple(texts)


# Practical experience ------------------------------------------------------------------------


def _core_skills(content: Content, answers: Answers | None) -> RoadmapStep:
    rules = content.roadmap
    skills = {skill.id: skill for skill in content.skills.on_the_job}
    chosen = [skills[skill_id] for skill_id in rules.skills.skill_ids]
    return RoadmapStep(
        "core-skills",
        "practice",
        rules.skills.title,
        (Clause((), rules.skills.why),) if answers else _general(rules),
        (),
        tuple(rules.skills.action.format(skill=s.name, tools=_tools(s.tools) or s.summary) for s in chosen),
    )


def _projects(content: Content, answers: Answers | None) -> RoadmapStep:
    rules = content.roadmap
    projects = rules.projects
    concerns = (
        [key for key in projects.concerns if getattr(answers, key) <= content.verdict.concern_at] if answers else []
    )
    resources = {r.id: r.name for r in content.resources.resources}
    actions = (
        *projects.actions,
        *(projects.concerns[key] for key in concerns),
        projects.follow_action.format(resources=", ".join(resources[r] for r in projects.follow)),
    )
    if answers is None:
        reason = _general(rules)
    else:
        reason = (Clause((), projects.why),)
        if concerns:
            reason += (Clause(said(answers, concerns), projects.concern_why),)
    return RoadmapStep("projects", "practice", projects.title, reason, tuple(concerns), actions)


def _internship(content: Content, answers: Answers | None) -> RoadmapStep:
    rules = content.roadmap.internships
    kinds = {kind.id: kind for kind in content.internships.internships}
    used: list[str] = []
    if answers is None:
        wanted, reason = list(kinds), _general(content.roadmap)
    else:
        wanted, used = list(rules.by_goal[answers.goal]), ["goal"]
        for key, mapping in (("industries", rules.by_industry), ("interests", rules.by_interest)):
            picked = [mapping[value] for value in getattr(answers, key) if value in mapping]
            if picked:
                wanted += picked
                used.append(key)
        reason = (Clause(said(answers, used), rules.why),)
    actions = tuple(
        rules.action.format(kind=kinds[k].name, summary=kinds[k].summary)
        + (rules.examples.format(examples=", ".join(kinds[k].examples)) if kinds[k].examples else "")
        for k in kinds
        if k in wanted
    )
    return RoadmapStep("internship", "practice", rules.title, reason, tuple(used), actions)


# Specialty -----------------------------------------------------------------------------------


def _specialty(content: Content, answers: Answers | None) -> tuple[RoadmapStep, ...]:
    rules = content.roadmap.specialty
    names = {s.id: s.name for s in content.specialties.specialties}
    if answers is None or not answers.interests:
        listed = rules.choose_list.format(count=count_word(len(names)), specialties=", ".join(names.values()))
        reason = (Clause((("interests", ()),), rules.choose_why),) if answers else _general(content.roadmap)
        used = ("interests",) if answers else ()
        choose = RoadmapStep(
            "specialty-choose", "specialty", rules.choose_title, reason, used, (rules.choose_action, listed)
        )
        return (choose,)
    skills = {s.id: s.name for s in content.skills.on_the_job}
    steps = []
    for interest in answers.interests:
        track = rules.tracks[interest]
        actions = (
            rules.learn.format(tools=", ".join(track.tools)),
            rules.deepen.format(skills=", ".join(skills[s] for s in track.skills)),
            *(_employer(content, employer) for employer in track.employers),
        )
        steps.append(
            RoadmapStep(
                f"specialty-{interest}",
                "specialty",
                rules.title.format(specialty=names[interest]),
                (Clause((), rules.why.format(interest=interest)),),
                ("interests",),
                actions,
            )
        )
    return tuple(steps)


def _employer(content: Content, employer: Employer) -> str:
    rules = content.roadmap.specialty
    uses = ", ".join(employer.uses)
    if employer.industry:
        industry = next(i for i in content.industries.industries if i.id == employer.industry)
        return rules.work_for_industry.format(employer=industry.name, uses=uses)
    company = next(c for c in content.companies.companies if c.id == employer.company)
    examples = rules.company_examples.format(examples=", ".join(company.examples)) if company.examples else ""
    return rules.work_for_company.format(employer=company.name, examples=examples, uses=uses)


def _industries(content: Content, answers: Answers | None) -> RoadmapStep:
    rules = content.roadmap.industries
    if answers is None or not answers.industries:
        reason = (Clause((("industries", ()),), rules.open_why),) if answers else _general(content.roadmap)
        used = ("industries",) if answers else ()
        return RoadmapStep("industries", "specialty", rules.open_title, reason, used, (rules.open_action,))
    industries = {i.id: i for i in content.industries.industries}
    actions = tuple(
        rules.action.format(industry=industries[i].name, applications=", ".join(industries[i].applications))
        for i in answers.industries
    )
    reason = (Clause(said(answers, ("industries",)), rules.why),)
    return RoadmapStep("industries", "specialty", rules.title, reason, ("industries",), actions)


# Career --------------------------------------------------------------------------------------


def _career(content: Content, answers: Answers | None) -> tuple[RoadmapStep, ...]:
    rules = content.roadmap
    job = rules.job
    remote = job.remote.get(answers.remote_work) if answers else None
    if remote is not None and answers is not None:
        reason: Reason = (Clause(said(answers, ("remote_work",)), remote.why),)
        first = RoadmapStep("first-role", "career", job.title, reason, ("remote_work",), (*job.actions, remote.action))
    else:
        reason = (Clause((), job.why),) if answers else _general(rules)
        first = RoadmapStep("first-role", "career", job.title, reason, (), job.actions)
    levels = content.ladder.levels
    target = rules.ladder.targets[answers.goal] if answers else levels[-1].id
    last = next(index for index, level in enumerate(levels) if level.id == target)
    if answers:
        climb: Reason = (Clause(said(answers, ("goal",)), rules.ladder.why.format(level=levels[last].title)),)
    else:
        climb = (Clause((), rules.ladder.general_why.format(general=rules.general)),)
    ladder = tuple(
        RoadmapStep(
            f"ladder-{level.id}",
            "career",
            rules.ladder.title.format(number=number, level=level.title),
            climb,
            ("goal",) if answers else (),
            (level.summary, *level.duties),
        )
        for number, level in enumerate(levels[: last + 1], 1)
    )
    return (first, *ladder)


def _tools(tools: dict[str, tuple[str, ...]]) -> str:
    return "; ".join(", ".join(names) for names in tools.values())
