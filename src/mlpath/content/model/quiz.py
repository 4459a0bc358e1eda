"""The quiz questions, the verdict rules and the roadmap mapping (mlpath's editorial content)."""

from __future__ import annotations

from dataclasses import field
from typing import Annotated, Literal

from annotated_types import Ge, Le, MinLen
from pydantic.types import StrictBool, StrictInt, StrictStr

from mlpath.content.model.base import Phrase, Phrases, Record, Slug

ScalePoint = Annotated[StrictInt, Ge(1), Le(5)]  # a point of the 1-5 scale (answers.SCALE)
Count = Annotated[StrictInt, Ge(0), Le(100)]  # how many reasons, factors or offers


class Choice(Record):
    value: Slug
    label: Phrase


class Question(Record):
    """One quiz question. `kind` is select, multiselect or scale (a whole number 1-5)."""

    key: Slug
    kind: Literal["select", "multiselect", "scale"]
    prompt: Phrase
    help: Phrase
    default: StrictStr | StrictInt | tuple[StrictStr, ...]
    choices: tuple[Choice, ...] = ()

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(choice.value for choice in self.choices)


class Questions(Record):
    scale_labels: dict[ScalePoint, Phrase]
    questions: Annotated[tuple[Question, ...], MinLen(1)]


class VerdictLevel(Record):
    level: Literal["strong", "good", "mixed", "weak"]
    min_strengths: Count
    max_concerns: Count
    summary: Phrase
    summary_without_concerns: Phrase | None = None  # instead of `summary` when no answer is a concern


class VerdictFactor(Record):
    key: Slug  # a scale question
    basis: Phrase  # "reflection:<criterion id>" or "aspects:<worst aspect id>"
    strength: Phrase
    concern: Phrase


# Answers a rule applies to: {answer key: the values that match}. Every key must match.
When = dict[Slug, Annotated[tuple[Slug, ...], MinLen(1)]]


class VerdictNote(Record):
    """A practical fact about the road, shown among the reasons when the answers match."""

    when: When
    text: Phrase


class VerdictRules(Record):
    editorial: StrictBool
    strength_at: ScalePoint
    concern_at: ScalePoint
    levels: Annotated[tuple[VerdictLevel, ...], MinLen(1)]
    neutral: Phrase  # when no fit answer is a strength or a concern; {count} is the number of factors
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
    why: StrictStr = ""
    skip: Phrase | None = None  # the reason the education step is left out


class EducationRules(Record):
    steps: dict[Slug, StepText]
    extra_actions: dict[Slug, Phrase]
    general: EducationRule
    rules: Annotated[tuple[EducationRule, ...], MinLen(1)]


class SkillsStep(Record):
    title: Phrase
    why: Phrase
    action: Phrase  # {skill}, {tools}
    skill_ids: tuple[Slug, ...]


class ProjectsStep(Record):
    title: Phrase
    resources: tuple[Slug, ...]
    actions: Phrases
    why: Phrase
    concern_why: Phrase  # {answers}
    concerns: dict[Slug, Phrase]  # downside answer key: extra action when it is a concern
    follow: tuple[Slug, ...]
    follow_action: Phrase  # {resources}


class InternshipsStep(Record):
    title: Phrase
    why: Phrase
    action: Phrase  # {kind}, {summary}
    examples: Phrase  # {examples}
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
    choose_list: Phrase  # {count}, {specialties}
    title: Phrase  # {specialty}
    why: Phrase  # {interest}
    learn: Phrase  # {tools}
    deepen: Phrase  # {skills}
    work_for_industry: Phrase  # {employer}, {uses}
    work_for_company: Phrase  # {employer}, {examples}, {uses}
    company_examples: Phrase  # {examples}
    tracks: dict[Slug, Track]


class IndustriesStep(Record):
    title: Phrase
    why: Phrase
    action: Phrase  # {industry}, {applications}
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
    title: Phrase  # {number}, {level}
    why: Phrase  # {level}
    general_why: Phrase  # {general}
    targets: dict[Slug, Slug]


class RoadmapNotes(Record):
    editorial: Phrase
    not_estimated: Phrase
    years: Phrase  # {years}, {study}
    years_master: Phrase  # {years}; when the estimate includes a master's, whose study mode the article does not give
    years_scaled: Phrase  # {years}, {factor}, {study}, {scaled}
    tuition_year: Phrase  # {years}: the year a tuition formula counts when the study takes longer
    tuition_years: Phrase  # {years}: the years a tuition formula counts when the study takes longer
    tuition_scaled: Phrase  # {formula}, {study}: the tuition when the study takes longer than the years it counts


class RoadmapSummary(Record):
    """The screen that opens a roadmap in the table format: it must fit 80×24."""

    more_reasons: Phrase  # {count}: the reasons not shown
    reasons_below: Phrase  # when no reason fits on the screen
    whole: Phrase  # {ways}: one line on how to see, save or export the whole roadmap
    ways: dict[Slug, Phrase]  # no-pager, output, save: each named in `whole` unless already done
    heading: Phrase  # between the summary and the full roadmap


class WhatIfTry(Record):
    """One change of one answer that the end of the quiz may offer to compare."""

    key: Slug
    value: StrictStr | StrictInt


class WhatIfTexts(Record):
    """The words of a comparison (--what-if), and which comparisons the quiz offers."""

    title: Phrase  # {changes}
    same: Phrase  # the what-if changes no answer
    nothing: Phrase  # the answers change, the roadmap does not
    answer: Phrase  # {key}, {before}, {after}
    verdict_kept: Phrase  # {level}
    verdict_changed: Phrase  # {before}, {after}
    reasons: Phrase  # {added}, {removed}
    steps: Phrase  # {added}, {removed}, {changed}, {same}
    steps_same: Phrase  # {same}
    more_steps: Phrase  # {count}
    left_out: Phrase  # {why}
    why_before: Phrase  # {why}
    why_after: Phrase  # {why}
    estimates_same: Phrase
    no_degree: Phrase
    whole: Phrase  # {ways}, as the summary's
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
