"""Rules across files that no single file's schema can express.

Each check runs only when the sections it reads validated, so its findings are listed beside
schema problems. A finding is (section, field location, message).
"""

from __future__ import annotations

import itertools
import string
from collections.abc import Iterator, Mapping
from dataclasses import fields
from typing import Any

from mlpath.content.figures import figures_in

Finding = tuple[str, tuple[Any, ...], str]


def check(sections: dict[str, Any]) -> list[Finding]:
    findings = [*_unique_ids(sections), *_sources(sections), *_ranges(sections)]
    if "questions" in sections:
        findings += _questions(sections["questions"])
    if {"verdict", "questions", "reflection", "aspects"} <= sections.keys():
        findings += _verdict(sections)
    if "verdict" in sections:
        findings += _templates("verdict", sections["verdict"], VERDICT_TEMPLATES)
    if "roadmap" in sections:
        findings += _templates("roadmap", sections["roadmap"], ROADMAP_TEMPLATES)
        findings += _education_rules(sections["roadmap"])
        findings += _what_if_tries(sections["roadmap"])
    if {
        "roadmap",
        "skills",
        "resources",
        "internships",
        "specialties",
        "industries",
        "companies",
        "ladder",
    } <= sections.keys():
        findings += _roadmap(sections)
    return findings


def _unique_ids(sections: dict[str, Any]) -> Iterator[Finding]:
    for section, value in sections.items():
        for item in fields(value):
            items = getattr(value, item.name)
            if not (isinstance(items, tuple) and items and all(hasattr(element, "id") for element in items)):
                continue
            seen: set[str] = set()
            for index, element in enumerate(items):
                if element.id in seen:
                    yield section, (item.name, index, "id"), f"duplicate id {element.id!r}"
                seen.add(element.id)


# The assumptions the code reads by id (estimates.degree_cost, engine.roadmap), and whether it needs a value.
USED_ASSUMPTIONS = {"tuition-per-year": False, "costs-exclude-living": False, "part-time-factor": True}


def _ranges(sections: dict[str, Any]) -> Iterator[Finding]:
    """Figures that bound each other, and the assumptions that figures are computed with."""
    if "education" in sections:
        master = sections["education"].durations.master
        if master.years_min.value > master.years_max.value:
            yield "education", ("durations", "master", "years_min"), "years_min is more than years_max"
    if "outlook" in sections:
        period = sections["outlook"].period
        if period.start.value > period.end.value:
            yield "outlook", ("period", "start"), "the period starts after it ends"
    if "assumptions" in sections:
        given = [assumption.id for assumption in sections["assumptions"].assumptions]
        for name, needs_value in USED_ASSUMPTIONS.items():
            if name not in given:
                yield "assumptions", ("assumptions",), f"missing the assumption {name!r}, which estimates use"
            elif needs_value and sections["assumptions"].assumptions[given.index(name)].value is None:
                yield "assumptions", ("assumptions", given.index(name), "value"), f"{name} needs a value"


def _sources(sections: dict[str, Any]) -> Iterator[Finding]:
    if "sources" not in sections:
        return
    known = {source.id for source in sections["sources"].sources}
    for section, value in sections.items():
        for found in figures_in(section, value):
            if found.figure.source not in known:
                yield (
                    section,
                    (*found.location, "source"),
                    f"unknown source {found.figure.source!r}; known: {', '.join(sorted(known))}",
                )


def _questions(questions: Any) -> Iterator[Finding]:
    from mlpath.answers import CONTRACT, KEYS

    keys = [q.key for q in questions.questions]
    for missing in [key for key in KEYS if key not in keys]:
        yield "questions", ("questions",), f"no question asks for answer key {missing!r}"
    for index, question in enumerate(questions.questions):
        where = ("questions", index)
        if question.key not in CONTRACT:
            yield "questions", (*where, "key"), f"unknown answer key {question.key!r}; keys are: {', '.join(KEYS)}"
            continue
        kind, allowed = CONTRACT[question.key]
        if question.kind != kind:
            yield "questions", (*where, "kind"), f"{question.key} is a {kind} question, not {question.kind}"
            continue
        if kind != "scale" and sorted(question.values) != sorted(allowed):
            yield (
                "questions",
                (*where, "choices"),
                f"choices must be exactly: {', '.join(allowed)} (the answers contract)",
            )
        default = question.default
        defaults = default if isinstance(default, tuple) else (default,)
        if kind == "multiselect" and not isinstance(default, tuple):
            yield "questions", (*where, "default"), "default must be a list"
        elif kind != "multiselect" and isinstance(default, tuple):
            yield "questions", (*where, "default"), "default must be a single value"
        elif any(value not in allowed for value in defaults):
            yield "questions", (*where, "default"), f"default {default!r} is not an allowed value"
    from mlpath.answers import SCALE

    for value in SCALE:
        if value not in questions.scale_labels:
            yield "questions", ("scale_labels",), f"missing a label for {value}"


# The {names} each text may use; "*" stands for every key of a mapping or item of a list.
ROADMAP_TEMPLATES: dict[tuple[str, ...], frozenset[str]] = {
    ("notes", "years"): frozenset({"years", "study"}),
    ("notes", "years_master"): frozenset({"years"}),
    ("notes", "years_scaled"): frozenset({"years", "factor", "study", "scaled"}),
    ("notes", "tuition_year"): frozenset({"years"}),
    ("notes", "tuition_years"): frozenset({"years"}),
    ("notes", "tuition_scaled"): frozenset({"formula", "study"}),
    ("summary", "more_reasons"): frozenset({"count"}),
    ("summary", "whole"): frozenset({"ways"}),
    ("education", "rules", "*", "why"): frozenset({"residency", "study"}),
    ("skills", "action"): frozenset({"skill", "tools"}),
    ("projects", "concern_why"): frozenset({"answers"}),
    ("projects", "follow_action"): frozenset({"resources"}),
    ("internships", "action"): frozenset({"kind", "summary"}),
    ("internships", "examples"): frozenset({"examples"}),
    ("specialty", "choose_list"): frozenset({"count", "specialties"}),
    ("specialty", "title"): frozenset({"specialty"}),
    ("specialty", "why"): frozenset({"interest"}),
    ("specialty", "learn"): frozenset({"tools"}),
    ("specialty", "deepen"): frozenset({"skills"}),
    ("specialty", "work_for_industry"): frozenset({"employer", "uses"}),
    ("specialty", "work_for_company"): frozenset({"employer", "examples", "uses"}),
    ("specialty", "company_examples"): frozenset({"examples"}),
    ("industries", "action"): frozenset({"industry", "applications"}),
    ("ladder", "title"): frozenset({"number", "level"}),
    ("ladder", "why"): frozenset({"level"}),
    ("ladder", "general_why"): frozenset({"general"}),
    ("what_if", "title"): frozenset({"changes"}),
    ("what_if", "whole"): frozenset({"ways"}),
    ("what_if", "answer"): frozenset({"key", "before", "after"}),
    ("what_if", "verdict_kept"): frozenset({"level"}),
    ("what_if", "verdict_changed"): frozenset({"before", "after"}),
    ("what_if", "reasons"): frozenset({"added", "removed"}),
    ("what_if", "steps"): frozenset({"added", "removed", "changed", "same"}),
    ("what_if", "steps_same"): frozenset({"same"}),
    ("what_if", "more_steps"): frozenset({"count"}),
    ("what_if", "left_out"): frozenset({"why"}),
    ("what_if", "why_before"): frozenset({"why"}),
    ("what_if", "why_after"): frozenset({"why"}),
}
VERDICT_TEMPLATES: dict[tuple[str, ...], frozenset[str]] = {("neutral",): frozenset({"count"})}


def _templates(section: str, value: Any, allowed: dict[tuple[str, ...], frozenset[str]]) -> Iterator[Finding]:
    """Every {name} in a text is one its code fills in; any other text holds no braces at all."""
    checked: set[tuple[Any, ...]] = set()
    for path, names in allowed.items():
        for location, text in _at(value, path, ()):
            checked.add(location)
            yield from _placeholders(section, location, text, names)
    for location, text in _strings(value, ()):
        if location not in checked:
            yield from _placeholders(section, location, text, frozenset())


def _at(node: Any, path: tuple[str, ...], location: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    if not path:
        if isinstance(node, str):
            yield location, node
        return
    head, rest = path[0], path[1:]
    if head == "*":
        items = node.items() if isinstance(node, Mapping) else enumerate(node)
        for key, item in items:
            yield from _at(item, rest, (*location, key))
    else:
        yield from _at(getattr(node, head, None), rest, (*location, head))


def _strings(node: Any, location: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(node, str):
        yield location, node
    elif isinstance(node, Mapping):
        for key, item in node.items():
            yield from _strings(item, (*location, key))
    elif isinstance(node, tuple):
        for index, item in enumerate(node):
            yield from _strings(item, (*location, index))
    elif hasattr(node, "__dataclass_fields__"):
        for item in fields(node):
            yield from _strings(getattr(node, item.name), (*location, item.name))


def _placeholders(section: str, location: tuple[Any, ...], text: str, names: frozenset[str]) -> Iterator[Finding]:
    allowed = ", ".join("{" + name + "}" for name in sorted(names)) if names else "none"
    try:
        used = [name for _, name, spec, conversion in string.Formatter().parse(text) if name is not None]
    except ValueError as error:
        yield section, location, f"unbalanced braces in the text ({error}); placeholders allowed here: {allowed}"
        return
    if names == frozenset({"answers"}):  # filled by plain replacement, not str.format
        used = [name for name in used if name != "answers"] if "{answers}" in text else used
        names = frozenset()
    for name in used:
        if name not in names:
            yield section, location, f"unknown placeholder {{{name}}}; placeholders allowed here: {allowed}"


def _education_rules(rules: Any) -> Iterator[Finding]:
    """Each rule adds a known step or skips; together they cover every education × path answer."""
    from mlpath.answers import CONTRACT

    table = rules.education
    selects = {key: values for key, (kind, values) in CONTRACT.items() if kind == "select"}
    for index, rule in enumerate((table.general, *table.rules)):
        where = ("education", "general") if index == 0 else ("education", "rules", index - 1)
        yield from _when(where, rule.when, selects)
        if rule.skip is None and (rule.step is None or rule.text is None):
            yield "roadmap", where, "give a step and its text, or skip with a reason"
        if rule.skip is not None and (rule.step or rule.text or rule.degree or rule.extra):
            yield "roadmap", where, "a rule that skips adds no step, text, degree or extra"
        if rule.text is not None and rule.text not in table.steps:
            yield "roadmap", (*where, "text"), f"unknown text {rule.text!r}; known: {', '.join(table.steps)}"
        for extra in rule.extra:
            if extra not in table.extra_actions:
                yield "roadmap", (*where, "extra"), f"unknown extra action {extra!r}"
    if table.general.skip is not None:
        yield "roadmap", ("education", "general"), "the general roadmap cannot skip education"
    for education, path in itertools.product(CONTRACT["education"][1], CONTRACT["path"][1]):
        answers = {"education": education, "path": path}
        if not any(all(answers.get(k) in v for k, v in rule.when.items()) for rule in table.rules):
            yield "roadmap", ("education", "rules"), f"no rule matches education = {education}, path = {path}"
    for key, value in rules.general_answers.items():
        if key not in selects or value not in selects[key]:
            yield "roadmap", ("general_answers", key), f"{key}: {value!r} is not an allowed answer"
    for remote in rules.job.remote:
        if remote not in selects["remote_work"]:
            yield "roadmap", ("job", "remote", remote), f"unknown remote_work answer {remote!r}"
    for key in rules.projects.concerns:
        if CONTRACT.get(key, ("",))[0] != "scale":
            yield "roadmap", ("projects", "concerns", key), f"{key!r} is not a 1-5 answer"


def _what_if_tries(rules: Any) -> Iterator[Finding]:
    """Each comparison the quiz may offer changes one answer to a value it allows."""
    from mlpath import answers as contract
    from mlpath.errors import UsageError

    for index, attempt in enumerate(rules.what_if.tries):
        try:
            contract.check({attempt.key: attempt.value})
        except UsageError as error:
            yield "roadmap", ("what_if", "tries", index), str(error)


def _when(where: tuple[Any, ...], when: Mapping[str, tuple[str, ...]], selects: Mapping[str, Any]) -> Iterator[Finding]:
    section = "roadmap" if where[0] == "education" else "verdict"
    for key, values in when.items():
        if key not in selects:
            yield (
                section,
                (*where, "when", key),
                f"{key!r} is not a single-choice answer; use one of: {', '.join(selects)}",
            )
            continue
        for value in values:
            if value not in selects[key]:
                yield (
                    section,
                    (*where, "when", key),
                    f"{value!r} is not a {key} answer; allowed: {', '.join(selects[key])}",
                )


def _verdict(sections: dict[str, Any]) -> Iterator[Finding]:
    rules = sections["verdict"]
    scales = {q.key for q in sections["questions"].questions if q.kind == "scale"}
    bases = {f"reflection:{c.id}" for c in sections["reflection"].criteria}
    bases |= {f"aspects:{a.id}" for a in sections["aspects"].worst}
    for index, factor in enumerate(rules.factors):
        if factor.key not in scales:
            yield "verdict", ("factors", index, "key"), f"{factor.key!r} is not a scale question"
        if factor.basis not in bases:
            yield (
                "verdict",
                ("factors", index, "basis"),
                f"unknown basis {factor.basis!r}; known: {', '.join(sorted(bases))}",
            )
    from mlpath.answers import CONTRACT

    selects = {key: values for key, (kind, values) in CONTRACT.items() if kind == "select"}
    for index, note in enumerate(rules.notes):
        yield from _when(("notes", index), note.when, selects)
    last = rules.levels[-1]
    if last.min_strengths != 0 or last.max_concerns < len(rules.factors):
        yield (
            "verdict",
            ("levels", len(rules.levels) - 1),
            f"the last level must accept any answers: min_strengths 0 and max_concerns >= {len(rules.factors)}",
        )


def _roadmap(sections: dict[str, Any]) -> Iterator[Finding]:
    from mlpath.answers import CONTRACT

    rules = sections["roadmap"]
    skills = {s.id: s for s in sections["skills"].on_the_job}
    tools = {name for skill in skills.values() for names in skill.tools.values() for name in names}
    industries = {i.id: set(i.applications) for i in sections["industries"].industries}
    companies = {c.id: set(c.uses) for c in sections["companies"].companies}
    internships = {i.id for i in sections["internships"].internships}
    resources = {r.id for r in sections["resources"].resources}
    levels = {level.id for level in sections["ladder"].levels}
    specialties = {s.id for s in sections["specialties"].specialties}

    def unknown(location: tuple[Any, ...], value: str, known: Any, what: str) -> Iterator[Finding]:
        if value not in known:
            yield "roadmap", location, f"unknown {what} {value!r}; known: {', '.join(sorted(known))}"

    for key in ("programming", "math"):
        for level in getattr(rules, key):
            yield from unknown((key, level), level, CONTRACT[key][1], f"{key} answer")
    for index, skill in enumerate(rules.skills.skill_ids):
        yield from unknown(("skills", "skill_ids", index), skill, skills, "skill")
    for field_name in ("resources", "follow"):
        for index, resource in enumerate(getattr(rules.projects, field_name)):
            yield from unknown(("projects", field_name, index), resource, resources, "resource")
    for goal, kinds in rules.internships.by_goal.items():
        yield from unknown(("internships", "by_goal", goal), goal, CONTRACT["goal"][1], "goal")
        for kind in kinds:
            yield from unknown(("internships", "by_goal", goal), kind, internships, "internship kind")
    for goal in CONTRACT["goal"][1]:
        if goal not in rules.internships.by_goal:
            yield "roadmap", ("internships", "by_goal"), f"no internships for goal {goal!r}"
        if goal not in rules.ladder.targets:
            yield "roadmap", ("ladder", "targets"), f"no ladder target for goal {goal!r}"
    for name in ("by_industry", "by_interest"):
        for key, kind in getattr(rules.internships, name).items():
            yield from unknown(("internships", name, key), kind, internships, "internship kind")
    for goal, level in rules.ladder.targets.items():
        yield from unknown(("ladder", "targets", goal), level, levels, "ladder level")
    for interest in CONTRACT["interests"][1]:
        if interest not in rules.specialty.tracks:
            yield "roadmap", ("specialty", "tracks"), f"no track for interest {interest!r}"
    for interest, track in rules.specialty.tracks.items():
        where = ("specialty", "tracks", interest)
        yield from unknown(where, interest, specialties, "specialty")
        for index, skill in enumerate(track.skills):
            yield from unknown((*where, "skills", index), skill, skills, "skill")
        for index, tool in enumerate(track.tools):
            yield from unknown((*where, "tools", index), tool, tools, "tool (tools must be ones skills.yaml names)")
        for index, employer in enumerate(track.employers):
            spot = (*where, "employers", index)
            if (employer.industry is None) == (employer.company is None):
                yield "roadmap", spot, "give exactly one of industry or company"
                continue
            table, key = (industries, employer.industry) if employer.industry else (companies, employer.company)
            if key not in table:
                yield from unknown(spot, str(key), table, "industry" if employer.industry else "company kind")
                continue
            for use in employer.uses:
                yield from unknown((*spot, "uses"), use, table[key], f"example use of {key}")
