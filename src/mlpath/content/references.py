"""Rules across files that no single file's schema can express.

Each check runs only when the sections it reads validated, so its findings are listed beside
schema problems. A finding is (section, field location, message).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields
from typing import Any

from mlpath.content.figures import figures_in

Finding = tuple[str, tuple[Any, ...], str]


def check(sections: dict[str, Any]) -> list[Finding]:
    findings = [*_unique_ids(sections), *_sources(sections)]
    if "questions" in sections:
        findings += _questions(sections["questions"])
    if {"verdict", "questions", "reflection", "aspects"} <= sections.keys():
        findings += _verdict(sections)
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
    for value in range(1, 6):
        if value not in questions.scale_labels:
            yield "questions", ("scale_labels",), f"missing a label for {value}"


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
