"""The roadmap: ordered steps, each saying which answers led to it. Pure; same input, same output.

Order follows the article: foundations and education, then practical experience, a specialty,
and the career ladder. Texts and the answer-to-step mapping live in data/roadmap.yaml.
With no answers, the general roadmap is built and every `why` says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mlpath.answers import Answers
from mlpath.content.model import Content
from mlpath.content.model.quiz import Employer, StepText
from mlpath.engine.verdict import Verdict, judge
from mlpath.estimates import CostEstimate, degree_cost

GENERAL = "general roadmap (no answers given)"


@dataclass(frozen=True, slots=True)
class RoadmapStep:
    id: str  # stable across re-planning, e.g. "specialty-nlp"
    phase: str
    title: str
    why: str
    answers_used: tuple[str, ...]
    actions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Skipped:
    id: str
    why: str


@dataclass(frozen=True, slots=True)
class Study:
    """Time and tuition for the degree steps of a roadmap."""

    cost: CostEstimate
    study: str  # full-time | part-time
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
    assumptions: tuple[str, ...] = field(default=())

    @property
    def tailored(self) -> bool:
        return self.answers is not None


def build_roadmap(content: Content, answers: Answers | None) -> Roadmap:
    builder = _Builder(content, answers)
    builder.foundations()
    builder.education()
    builder.practice()
    builder.specialty()
    builder.career()
    verdict = judge(content, answers) if answers is not None else None
    return Roadmap(
        answers, verdict, tuple(builder.steps), tuple(builder.skipped), builder.study, tuple(builder.assumptions)
    )


class _Builder:
    def __init__(self, content: Content, answers: Answers | None) -> None:
        self.content = content
        self.rules = content.roadmap
        self.answers = answers
        self.steps: list[RoadmapStep] = []
        self.skipped: list[Skipped] = []
        self.study: Study | None = None
        self.assumptions: list[str] = []

    def add(
        self, id: str, phase: str, text: StepText, why: str, used: tuple[str, ...], extra: tuple[str, ...] = ()
    ) -> None:
        self.steps.append(RoadmapStep(id, phase, text.title, why, used, (*text.actions, *extra)))

    # Foundations -------------------------------------------------------------------------

    def foundations(self) -> None:
        a = self.answers
        for key, texts, general in (("programming", self.rules.programming, "none"), ("math", self.rules.math, "fair")):
            level = getattr(a, key) if a else general
            if level in texts:
                why = f"{key} = {level}: {texts[level].why}" if a else GENERAL
                self.add(key, "foundations", texts[level], why, (key,) if a else ())
            elif a:
                self.skipped.append(Skipped(key, f"{key} = {level}: you are ready here already"))

    # Education ---------------------------------------------------------------------------

    def education(self) -> None:
        texts = self.rules.education
        a = self.answers
        if a is None:
            self._degree(
                "degree-bachelor", texts.bachelor, GENERAL, (), bachelor=True, extra=(texts.undecided["extra_action"],)
            )
            return
        used = ("education", "path", "residency", "study")
        said = f"education = {a.education}, path = {a.path}"
        if a.education == "master-cs":
            self.skipped.append(Skipped("degree", "education = master-cs: you already hold a computer science degree"))
        elif a.education == "none" and a.path == "online":
            self.add(
                "online-study",
                "education",
                texts.online,
                f"{said}: you prefer to learn online, which the article says can work",
                ("education", "path"),
            )
        elif a.education == "none":
            extra = (texts.undecided["extra_action"],) if a.path == "undecided" else ()
            self._degree(
                "degree-bachelor",
                texts.bachelor,
                f"{said}: most engineers start with a bachelor's degree; priced {a.residency}, {a.study}",
                used,
                bachelor=True,
                extra=extra,
            )
        elif a.education == "bachelor-cs" and a.path == "degree":
            self._degree(
                "degree-master",
                texts.master,
                f"{said}: you want more formal study; a master's adds depth; priced {a.residency}, {a.study}",
                used,
                master=True,
            )
        elif a.education == "bachelor-cs" and a.path == "undecided":
            self._degree(
                "master-optional",
                texts.master_optional,
                f"{said}: your degree is enough to start; a "
                f"master's is there if you want it; priced {a.residency}, {a.study}",
                used,
                master=True,
            )
        elif a.education == "bachelor-cs":
            self.skipped.append(Skipped("degree", f"{said}: your computer science degree covers the usual start"))
        elif a.education == "bachelor-other" and a.path == "degree":
            self._degree(
                "degree-master",
                texts.master,
                f"{said}: a computer science master's builds on the degree you have; priced {a.residency}, {a.study}",
                used,
                master=True,
            )
        else:  # bachelor-other or master-other learning online or undecided; master-other on any path
            self.add(
                "online-gap",
                "education",
                texts.online_gap,
                f"{said}: your degree is in another field, so fill the computer science gaps",
                ("education", "path"),
            )

    def _degree(
        self,
        id: str,
        text: StepText,
        why: str,
        used: tuple[str, ...],
        *,
        bachelor: bool = False,
        master: bool = False,
        extra: tuple[str, ...] = (),
    ) -> None:
        a = self.answers
        residency = a.residency if a else "in-state"
        study = a.study if a else "full-time"
        cost = degree_cost(self.content, residency, bachelor=bachelor, master=master)
        factor = 1.0
        assumptions = self.content.assumptions
        if study == "part-time":
            part_time = assumptions.get("part-time-factor")
            factor = part_time.value or 1.0
            self.assumptions.append(part_time.text)
        self.assumptions.extend(assumptions.get(key).text for key in cost.assumptions)
        self.study = Study(cost, study, factor)
        self.add(id, "education", text, why, used, extra)

    # Practical experience ----------------------------------------------------------------

    def practice(self) -> None:
        a = self.answers
        skills = {skill.id: skill for skill in self.content.skills.on_the_job}
        chosen = [skills[skill_id] for skill_id in self.rules.skills.skill_ids]
        actions = tuple(f"{s.name}: {_tools(s.tools) or s.summary}" for s in chosen)
        self.steps.append(
            RoadmapStep(
                "core-skills",
                "practice",
                self.rules.skills.title,
                "every machine learning engineer builds these on the job" if a else GENERAL,
                (),
                actions,
            )
        )
        projects = self.rules.projects
        resources = {r.id: r for r in self.content.resources.resources}
        extra: list[str] = []
        used: list[str] = []
        if a and a.data_cleaning <= self.content.verdict.concern_at:
            extra.append(projects.data_cleaning_concern)
            used.append("data_cleaning")
        if a and a.deadline_pressure <= self.content.verdict.concern_at:
            extra.append(projects.deadline_concern)
            used.append("deadline_pressure")
        extra.append("Follow: " + ", ".join(resources[r].name for r in projects.follow) + ".")
        why = "practical experience bridges theory and real work" + (
            "; " + ", ".join(f"{k} = {getattr(a, k)}" for k in used) + " adds a test of the job's downsides"
            if a and used
            else ""
        )
        self.steps.append(
            RoadmapStep(
                "projects", "practice", projects.title, why if a else GENERAL, tuple(used), (*projects.actions, *extra)
            )
        )
        self._internship()

    def _internship(self) -> None:
        a = self.answers
        rules = self.rules.internships
        kinds = {kind.id: kind for kind in self.content.internships.internships}
        used: list[str] = []
        if a is None:
            wanted, why = list(kinds), GENERAL
        else:
            wanted = list(rules.by_goal[a.goal])
            reasons, used = [f"goal = {a.goal}"], ["goal"]
            for key, mapping in (("industries", rules.by_industry), ("interests", rules.by_interest)):
                chosen = [mapping[value] for value in getattr(a, key) if value in mapping]
                if chosen:
                    wanted += chosen
                    reasons.append(f"{key} = {', '.join(getattr(a, key))}")
                    used.append(key)
            why = "; ".join(reasons) + ": these kinds of internship fit (mlpath's editorial mapping)"
        ordered = [kid for kid in kinds if kid in wanted]
        actions = tuple(
            f"{kinds[k].name}: {kinds[k].summary}"
            + (f" e.g. {', '.join(kinds[k].examples)}." if kinds[k].examples else "")
            for k in ordered
        )
        self.steps.append(RoadmapStep("internship", "practice", rules.title, why, tuple(used), actions))

    # Specialty ---------------------------------------------------------------------------

    def specialty(self) -> None:
        a = self.answers
        rules = self.rules.specialty
        names = {s.id: s.name for s in self.content.specialties.specialties}
        if a is None or not a.interests:
            choices = ", ".join(names.values())
            why = "interests = none: you have not picked a specialty yet" if a else GENERAL
            self.steps.append(
                RoadmapStep(
                    "specialty-choose",
                    "specialty",
                    rules.choose_title,
                    why,
                    ("interests",) if a else (),
                    (rules.choose_action, f"The five: {choices}."),
                )
            )
        else:
            skills = {s.id: s.name for s in self.content.skills.on_the_job}
            for interest in a.interests:
                track = rules.tracks[interest]
                actions = [f"Learn: {', '.join(track.tools)}."]
                actions.append(f"Deepen: {', '.join(skills[s] for s in track.skills)}.")
                actions.extend(self._employer_line(employer) for employer in track.employers)
                self.steps.append(
                    RoadmapStep(
                        f"specialty-{interest}",
                        "specialty",
                        f"Specialise in {names[interest]}",
                        f"interests include {interest}: its tools and the employers whose example uses involve it "
                        "(mlpath's editorial mapping)",
                        ("interests",),
                        tuple(actions),
                    )
                )
        self._industries()

    def _employer_line(self, employer: Employer) -> str:
        if employer.industry:
            industry = next(i for i in self.content.industries.industries if i.id == employer.industry)
            return f"Work for: {industry.name} ({', '.join(employer.uses)})."
        company = next(c for c in self.content.companies.companies if c.id == employer.company)
        examples = f", e.g. {', '.join(company.examples)}" if company.examples else ""
        return f"Work for: {company.name}{examples} ({', '.join(employer.uses)})."

    def _industries(self) -> None:
        a = self.answers
        rules = self.rules.industries
        if a is None or not a.industries:
            why = "industries = none: you have kept every door open" if a else GENERAL
            self.steps.append(
                RoadmapStep(
                    "industries", "specialty", rules.open_title, why, ("industries",) if a else (), (rules.open_action,)
                )
            )
            return
        industries = {i.id: i for i in self.content.industries.industries}
        actions = tuple(f"{industries[i].name}: {', '.join(industries[i].applications)}." for i in a.industries)
        self.steps.append(
            RoadmapStep(
                "industries",
                "specialty",
                rules.title,
                f"industries = {', '.join(a.industries)}: what machine learning does there",
                ("industries",),
                actions,
            )
        )

    # Career ------------------------------------------------------------------------------

    def career(self) -> None:
        a = self.answers
        job = self.rules.job
        extra: tuple[str, ...] = ()
        why = "the first rung of the ladder" if a else GENERAL
        used: tuple[str, ...] = ()
        if a and a.remote_work == "important":
            extra, why, used = (
                (job.remote_important,),
                f"remote_work = {a.remote_work}: choose where you apply",
                ("remote_work",),
            )
        elif a and a.remote_work == "nice-to-have":
            extra, why, used = (
                (job.remote_nice,),
                f"remote_work = {a.remote_work}: worth asking about",
                ("remote_work",),
            )
        self.steps.append(RoadmapStep("first-role", "career", job.title, why, used, (*job.actions, *extra)))
        levels = self.content.ladder.levels
        target = self.rules.ladder.targets[a.goal] if a else levels[-1].id
        last = next(index for index, level in enumerate(levels) if level.id == target)
        for number, level in enumerate(levels[: last + 1], 1):
            reason = f"goal = {a.goal}: the ladder up to {levels[last].title}" if a else f"{GENERAL}: the whole ladder"
            self.steps.append(
                RoadmapStep(
                    f"ladder-{level.id}",
                    "career",
                    f"Level {number}: {level.title}",
                    reason,
                    ("goal",) if a else (),
                    (level.summary, *level.duties),
                )
            )


def _tools(tools: dict[str, tuple[str, ...]]) -> str:
    return "; ".join(", ".join(names) for names in tools.values())
