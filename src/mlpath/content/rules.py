"""The quiz questions, the verdict rules and the roadmap mapping: mlpath's editorial content, as records."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from typing import Annotated, Literal

from annotated_types import Ge, Le, MinLen
from pydantic.types import StrictBool, StrictInt, StrictStr

from mlpath.content.answers import Scale
from mlpath.content.facts import Phrase, Phrases, Slug
from mlpath.model import Each, Fills, Inline, Record, Rows

Count = Annotated[StrictInt, Ge(0), Le(100)]  # how many reasons, factors or offers


class Choice(Record):
    value: Slug | Scale
    label: Phrase


# Answers a rule applies to: {answer key: the values that match}. Every key must match.
When = dict[Slug, Annotated[tuple[Slug, ...], MinLen(1)]]


class Question(Record):
    """One quiz question: select, multiselect or scale (a whole number 1-5, each point with its
    words). Asked only when the answers so far match one of `when` (always when there is none)."""

    key: Slug
    kind: Literal["select", "multiselect", "scale"]
    prompt: Phrase
    help: Phrase
    default: Annotated[StrictStr | StrictInt | tuple[StrictStr, ...], Inline]
    choices: Annotated[tuple[Choice, ...], Each("choice")] = ()
    when: Annotated[tuple[When, ...], Inline] = ()

    def asked(self, answers: Mapping[str, object]) -> bool:
        return not self.when or any(all(answers.get(k) in v for k, v in when.items()) for when in self.when)

    def label(self, value: object) -> str:
        """An answer as the quiz shows it: its choice's words (a list's joined, "none" for none)."""
        if isinstance(value, (tuple, list)):
            return ", ".join(self.label(item) for item in value) or "none"
        found = next((c.label for c in self.choices if c.value == value), str(value))
        return f"{value}  {found}" if self.kind == "scale" else found


class Questions(Record):
    """`mlpath quiz --questions`: every question, its choices, default and condition."""

    questions: Annotated[tuple[Question, ...], MinLen(1), Each("question"), Rows]


Level = Literal["strong", "good", "mixed", "weak"]  # a verdict, from the best


class VerdictLevel(Record):
    level: Level
    min_strengths: Count
    max_concerns: Count
    summary: Phrase
    summary_without_concerns: Phrase | None = None  # instead of `summary` when no answer is a concern


class VerdictFactor(Record):
    key: Slug  # a scale question
    basis: Phrase  # "reflection:<criterion id>" or "aspects:<worst aspect id>"
    strength: Phrase
    concern: Phrase


class VerdictNote(Record):
    """A practical fact about the road, shown among the reasons when the answers match."""

    when: When
    text: Phrase


class VerdictRules(Record):
    editorial: StrictBool
    strength_at: Scale
    concern_at: Scale
    levels: Annotated[tuple[VerdictLevel, ...], MinLen(1)]
    neutral: Annotated[Phrase, Fills("count")]  # when no fit answer is a strength or a concern
    notes: tuple[VerdictNote, ...]
    factors: tuple[VerdictFactor, ...]


class Phase(Record):
    id: Slug
    name: Phrase


class StepText(Record):
    title: Phrase
    actions: Phrases = ()
    why: StrictStr = ""  # the reason given with the answer that chose this text


class EducationRule(Record):
    """One row of the education decision table: when the answers match, add a step or skip it."""

    when: When = field(default_factory=dict)
    step: Slug | None = None  # the step's id
    text: Slug | None = None  # which of EducationRules.steps gives its title and actions
    degree: Literal["bachelor", "master"] | None = None  # priced with the residency and study answers
    extra: tuple[Slug, ...] = ()  # ids of EducationRules.extra_actions to add
    why: Annotated[StrictStr, Fills("residency,study")] = ""
    skip: Phrase | None = None  # the reason the education step is left out


class EducationRules(Record):
    steps: dict[Slug, StepText]
    extra_actions: dict[Slug, Phrase]
    general: EducationRule
    rules: Annotated[tuple[EducationRule, ...], MinLen(1)]


class SkillsStep(Record):
    title: Phrase
    why: Phrase
    action: Annotated[Phrase, Fills("skill,summary,tools")]
    skill_ids: tuple[Slug, ...]


class ProjectsStep(Record):
    title: Phrase
    resources: tuple[Slug, ...]
    actions: Phrases
    why: Phrase
    concern_why: Annotated[Phrase, Fills("answers")]
    concerns: dict[Slug, Phrase]  # downside answer key: extra action when it is a concern
    follow: tuple[Slug, ...]
    follow_action: Annotated[Phrase, Fills("resources")]


class InternshipsStep(Record):
    title: Phrase
    why: Phrase
    action: Annotated[Phrase, Fills("kind,summary")]
    examples: Annotated[Phrase, Fills("examples")]
    by_goal: dict[Slug, tuple[Slug, ...]]
    by_industry: dict[Slug, Slug]
    by_interest: dict[Slug, Slug]


class Employer(Record):
    """An industry or a kind of company, with the example uses that involve a specialty."""

    uses: Annotated[tuple[Phrase, ...], MinLen(1)]
    industry: Slug | None = None
    company: Slug | None = None


class Track(Record):
    skills: tuple[Slug, ...]
    tools: Phrases
    employers: tuple[Employer, ...]


class SpecialtyStep(Record):
    choose_title: Phrase
    choose_why: Phrase
    choose_action: Phrase
    choose_list: Annotated[Phrase, Fills("count,specialties")]
    title: Annotated[Phrase, Fills("specialty")]
    why: Annotated[Phrase, Fills("interest")]
    learn: Annotated[Phrase, Fills("tools")]
    deepen: Annotated[Phrase, Fills("skills")]
    work_for_industry: Annotated[Phrase, Fills("employer,uses")]
    work_for_company: Annotated[Phrase, Fills("employer,examples,uses")]
    company_examples: Annotated[Phrase, Fills("examples")]
    tracks: dict[Slug, Track]


class IndustriesStep(Record):
    title: Phrase
    why: Phrase
    action: Annotated[Phrase, Fills("industry,applications")]
    open_title: Phrase
    open_why: Phrase
    open_action: Phrase


class RemoteText(Record):
    why: Phrase
    action: Phrase


class JobStep(Record):
    title: Phrase
    why: Phrase
    actions: Phrases
    remote: dict[Slug, RemoteText]  # by remote_work answer


class LadderSteps(Record):
    title: Annotated[Phrase, Fills("number,level")]
    why: Annotated[Phrase, Fills("level")]
    general_why: Annotated[Phrase, Fills("general")]
    targets: dict[Slug, Slug]


class RoadmapNotes(Record):
    editorial: Phrase
    not_estimated: Phrase
    years: Annotated[Phrase, Fills("years,study")]
    years_master: Annotated[Phrase, Fills("years")]  # a master's, whose study mode the article does not give
    years_scaled: Annotated[Phrase, Fills("years,factor,study,scaled")]
    years_scaled_master: Annotated[Phrase, Fills("years,factor,study,scaled")]
    tuition_years: Annotated[Phrase, Fills("years")]  # the years a tuition formula counts when the study takes longer
    tuition_years_master: Annotated[Phrase, Fills("years")]
    # the tuition when the study takes longer than the years it counts
    tuition_scaled: Annotated[Phrase, Fills("formula,study")]


class RoadmapSummary(Record):
    """The screen that opens a roadmap in the table format: it must fit 80×24."""

    more_reasons: Annotated[Phrase, Fills("count")]  # the reasons not shown
    reasons_below: Phrase  # when no reason fits on the screen
    degree: Annotated[Phrase, Fills("years,study,tuition,residency")]  # the degree's time and cost in one line
    whole: Annotated[Phrase, Fills("ways")]  # one line on how to see, save or export the whole roadmap
    ways: dict[Slug, Phrase]  # no-pager, output, save: each named in `whole` unless already done
    heading: Phrase  # between the summary and the full roadmap


class WhatIfTry(Record):
    """One change of one answer that the end of the quiz may offer to compare."""

    key: Slug
    value: StrictStr | StrictInt


class WhatIfTexts(Record):
    """The words of a comparison (--what-if), and which comparisons the quiz offers."""

    title: Annotated[Phrase, Fills("changes")]
    same: Phrase  # the what-if changes no answer
    nothing: Phrase  # the answers change, the roadmap does not
    answer: Annotated[Phrase, Fills("key,before,after")]
    verdict_kept: Annotated[Phrase, Fills("level")]
    verdict_changed: Annotated[Phrase, Fills("before,after")]
    reasons: Annotated[Phrase, Fills("added,removed")]
    steps: Annotated[Phrase, Fills("added,removed,changed,same")]
    steps_same: Annotated[Phrase, Fills("same")]
    more_steps: Annotated[Phrase, Fills("count")]
    left_out: Annotated[Phrase, Fills("why")]
    why_before: Annotated[Phrase, Fills("why")]
    why_after: Annotated[Phrase, Fills("why")]
    estimates_same: Phrase
    no_degree: Phrase
    whole: Annotated[Phrase, Fills("ways")]
    ways: dict[Slug, Phrase]  # no-pager, output, json
    heading: Phrase
    offer: Count  # how many comparisons the end of the quiz offers, at most
    tries: tuple[WhatIfTry, ...]


class RoadmapRules(Record):
    """The editorial mapping from answers to roadmap steps (data/roadmap.yaml)."""

    editorial: StrictBool
    general: Phrase
    ready: Phrase
    general_answers: dict[Slug, Slug]  # programming, math, residency, study
    notes: RoadmapNotes
    summary: RoadmapSummary
    phases: tuple[Phase, ...]
    programming: dict[Slug, StepText]
    math: dict[Slug, StepText]
    education: EducationRules
    skills: SkillsStep
    projects: ProjectsStep
    internships: InternshipsStep
    specialty: SpecialtyStep
    industries: IndustriesStep
    job: JobStep
    ladder: LadderSteps
    what_if: WhatIfTexts
