"""Rules across files that no single file's record can express, and the walk that finds every
sourced figure. A check runs only when the sections it reads validated; a finding is
(section, field location, message)."""

from __future__ import annotations

import functools
import itertools
import string
from collections.abc import Iterator, Mapping
from typing import Any

from mlpath.content.answers import CONTRACT, KEYS
from mlpath.content.answers import check as check_answers
from mlpath.errors import UsageError
from mlpath.model import Fills, Record, SourceRef, marks, record_hints

Finding = tuple[str, tuple[Any, ...], str]
# The assumptions the engine reads by id, and whether it needs a value.
USED_ASSUMPTIONS = {"tuition-per-year": False, "costs-exclude-living": False, "part-time-factor": True}
ROADMAP_NEEDS = {"roadmap", "skills", "resources", "internships", "specialties", "industries", "companies", "ladder"}


def check(sections: dict[str, Any]) -> list[Finding]:
    found = [*_ids_and_sources(sections), *_ranges(sections), *_templates(sections)]
    if "questions" in sections:
        found += _questions(sections["questions"])
    if {"verdict", "questions", "reflection", "aspects"} <= sections.keys():
        found += _verdict(sections)
    if "roadmap" in sections:
        found += _education_rules(sections["roadmap"])
    if sections.keys() >= ROADMAP_NEEDS:
        found += _roadmap(sections)
    return found


def walk(node: Any, location: tuple[Any, ...] = (), key: str = "") -> Iterator[tuple[Any, tuple[Any, ...], str]]:
    """(value, location, key) for everything inside a record, itself included; the key names
    where it lives ("salary.tiers.entry.amount": an item with an id is named by it)."""
    yield node, location, key
    if isinstance(node, Record):
        for name in node._names:
            yield from walk(getattr(node, name), (*location, name), f"{key}.{name}")
    elif isinstance(node, tuple):
        for index, item in enumerate(node):
            yield from walk(item, (*location, index), f"{key}.{getattr(item, 'id', None) or index}")
    elif isinstance(node, dict):
        for name, item in node.items():
            yield from walk(item, (*location, name), f"{key}.{name}")


def _ids_and_sources(sections: dict[str, Any]) -> Iterator[Finding]:
    """Ids are unique in each list; every source id (a figure's, a section's) is a known source."""
    known = {source.id for source in sections["sources"].sources} if "sources" in sections else None
    for section, value in sections.items():
        for node, where, _ in walk(value):
            if isinstance(node, tuple) and all(isinstance(item, Record) and hasattr(item, "id") for item in node):
                seen: set[str] = set()
                for index, item in enumerate(node):
                    if item.id in seen:
                        yield section, (*where, index, "id"), f"duplicate id {item.id!r}"
                    seen.add(item.id)
            if known is not None and isinstance(node, Record):
                for name, hint in record_hints(type(node)).items():
                    if SourceRef in marks(hint):
                        yield from _unknown(section, (*where, name), getattr(node, name), known, "source")


def _unknown(section: str, location: tuple[Any, ...], value: Any, known: Any, what: str) -> Iterator[Finding]:
    if value not in known:
        yield section, location, f"unknown {what} {value!r}; known: {', '.join(sorted(known))}"


def _ranges(sections: dict[str, Any]) -> Iterator[Finding]:
    """Figures that bound each other, and the assumptions that figures are computed with."""
    if "education" in sections:
        master = sections["education"].durations.master
        if master.years_min.value > master.years_max.value:
            yield "education", ("durations", "master", "years_min"), "years_min is more than years_max"
    if "outlook" in sections and sections["outlook"].period.start.value > sections["outlook"].period.end.value:
        yield "outlook", ("period", "start"), "the period starts after it ends"
    if "assumptions" in sections:
        given = [assumption.id for assumption in sections["assumptions"].assumptions]
        for name, needs_value in USED_ASSUMPTIONS.items():
            if name not in given:
                yield "assumptions", ("assumptions",), f"missing the assumption {name!r}, which estimates use"
            elif needs_value and sections["assumptions"].assumptions[given.index(name)].value is None:
                yield "assumptions", ("assumptions", given.index(name), "value"), f"{name} needs a value"


def _templates(sections: dict[str, Any]) -> Iterator[Finding]:
    """Every {name} in a text is one its code fills in (the field's `Fills` mark, content.rules);
    any other text holds no braces at all."""
    for section, value in sections.items():
        for node, where, _ in walk(value):
            if not isinstance(node, Record):
                continue
            for name, hint in record_hints(type(node)).items():
                fills = next((m.name for m in marks(hint) if isinstance(m, Fills)), "")
                allowed = frozenset(fills.split(",")) - {""}
                for text, spot in _texts(getattr(node, name), (*where, name)):
                    yield from _placeholders(section, spot, text, allowed)


def _texts(value: Any, where: tuple[Any, ...]) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """The strings of a field, in its lists and mappings (not in the records it holds)."""
    if isinstance(value, str):
        yield value, where
    elif isinstance(value, (tuple, dict)):
        for key, item in value.items() if isinstance(value, dict) else enumerate(value):
            yield from _texts(item, (*where, key))


def _placeholders(section: str, location: tuple[Any, ...], text: str, names: frozenset[str]) -> Iterator[Finding]:
    allowed = ", ".join("{" + name + "}" for name in sorted(names)) if names else "none"
    try:
        parsed = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(text)]
    except ValueError as error:
        yield section, location, f"unbalanced braces in the text ({error}); placeholders allowed here: {allowed}"
        return
    for name, spec, conversion in parsed:
        if name is not None and (spec or conversion):
            shown = "{" + name + ("!" + conversion if conversion else "") + (":" + spec if spec else "") + "}"
            yield section, location, f"{shown}: a placeholder takes no format or conversion; write {{{name}}}"
            return
    used = [name for name, _, _ in parsed if name is not None]
    if names == {"answers"}:  # filled by plain replacement, not str.format
        used, names = [name for name in used if name != "answers" or "{answers}" not in text], frozenset()
    for name in used:
        if name not in names:
            yield section, location, f"unknown placeholder {{{name}}}; placeholders allowed here: {allowed}"


SELECTS = {key: values for key, (kind, values) in CONTRACT.items() if kind == "select"}


def _questions(questions: Any) -> Iterator[Finding]:
    keys = [q.key for q in questions.questions]
    for missing in [key for key in KEYS if key not in keys]:
        yield "questions", ("questions",), f"no question asks for answer key {missing!r}"
    for index, question in enumerate(questions.questions):
        where = ("questions", index)
        if question.key not in CONTRACT:
            yield "questions", (*where, "key"), f"unknown answer key {question.key!r}; keys are: {', '.join(KEYS)}"
            continue
        kind, allowed = CONTRACT[question.key]
        default = question.default
        if question.kind != kind:
            yield "questions", (*where, "kind"), f"{question.key} is a {kind} question, not {question.kind}"
            continue
        if sorted((choice.value for choice in question.choices), key=str) != sorted(allowed, key=str):
            listed = ", ".join(map(str, allowed))
            yield "questions", (*where, "choices"), f"choices must be exactly: {listed} (the answers contract)"
        for number, when in enumerate(question.when):
            yield from _when("questions", (*where, "when", number), when)
        if kind == "multiselect" and not isinstance(default, tuple):
            yield "questions", (*where, "default"), "default must be a list"
        elif kind != "multiselect" and isinstance(default, tuple):
            yield "questions", (*where, "default"), "default must be a single value"
        elif any(value not in allowed for value in (default if isinstance(default, tuple) else (default,))):
            yield "questions", (*where, "default"), f"default {default!r} is not an allowed value"


def _when(section: str, where: tuple[Any, ...], when: Mapping[str, tuple[str, ...]]) -> Iterator[Finding]:
    for key, values in when.items():
        if key not in SELECTS:
            yield section, (*where, key), f"{key!r} is not a single-choice answer; use one of: {', '.join(SELECTS)}"
            continue
        for value in values:
            if value not in SELECTS[key]:
                yield section, (*where, key), f"{value!r} is not a {key} answer; allowed: {', '.join(SELECTS[key])}"


def _education_rules(rules: Any) -> Iterator[Finding]:
    """Each rule adds a known step or skips; together they cover every education × path answer; the
    answers the roadmap names are allowed ones; each comparison the quiz may offer is a valid answer."""
    table = rules.education
    for index, rule in enumerate((table.general, *table.rules)):
        where = ("education", "general") if index == 0 else ("education", "rules", index - 1)
        yield from _when("roadmap", (*where, "when"), rule.when)
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
        if key not in SELECTS or value not in SELECTS[key]:
            yield "roadmap", ("general_answers", key), f"{key}: {value!r} is not an allowed answer"
    for remote in rules.job.remote:
        if remote not in SELECTS["remote_work"]:
            yield "roadmap", ("job", "remote", remote), f"unknown remote_work answer {remote!r}"
    for key in rules.projects.concerns:
        if CONTRACT.get(key, ("",))[0] != "scale":
            yield "roadmap", ("projects", "concerns", key), f"{key!r} is not a 1-5 answer"
    for index, attempt in enumerate(rules.what_if.tries):
        try:
            check_answers({attempt.key: attempt.value})
        except UsageError as error:
            yield "roadmap", ("what_if", "tries", index), str(error)


def _verdict(sections: dict[str, Any]) -> Iterator[Finding]:
    rules = sections["verdict"]
    scales = {q.key for q in sections["questions"].questions if q.kind == "scale"}
    bases = {f"reflection:{c.id}" for c in sections["reflection"].criteria}
    bases |= {f"aspects:{a.id}" for a in sections["aspects"].worst}
    for index, factor in enumerate(rules.factors):
        if factor.key not in scales:
            yield "verdict", ("factors", index, "key"), f"{factor.key!r} is not a scale question"
        yield from _unknown("verdict", ("factors", index, "basis"), factor.basis, bases, "basis")
    for index, note in enumerate(rules.notes):
        yield from _when("verdict", ("notes", index, "when"), note.when)
    last = rules.levels[-1]
    if last.min_strengths != 0 or last.max_concerns < len(rules.factors):
        why = f"the last level must accept any answers: min_strengths 0 and max_concerns >= {len(rules.factors)}"
        yield "verdict", ("levels", len(rules.levels) - 1), why


def _roadmap(sections: dict[str, Any]) -> Iterator[Finding]:
    """Every id the roadmap rules name is one the content has."""
    rules = sections["roadmap"]
    skills = {s.id: s for s in sections["skills"].on_the_job}
    tools = {name for skill in skills.values() for names in skill.tools.values() for name in names}
    employers = {
        "industry": {i.id: set(i.applications) for i in sections["industries"].industries},
        "company kind": {c.id: set(c.uses) for c in sections["companies"].companies},
    }
    internships = {i.id for i in sections["internships"].internships}
    resources = {r.id for r in sections["resources"].resources}
    goals = CONTRACT["goal"][1]
    unknown = functools.partial(_unknown, "roadmap")
    for key in ("programming", "math"):
        for level in getattr(rules, key):
            yield from unknown((key, level), level, CONTRACT[key][1], f"{key} answer")
    for index, skill in enumerate(rules.skills.skill_ids):
        yield from unknown(("skills", "skill_ids", index), skill, skills, "skill")
    for name in ("resources", "follow"):
        for index, resource in enumerate(getattr(rules.projects, name)):
            yield from unknown(("projects", name, index), resource, resources, "resource")
    for goal, kinds in rules.internships.by_goal.items():
        yield from unknown(("internships", "by_goal", goal), goal, goals, "goal")
        for kind in kinds:
            yield from unknown(("internships", "by_goal", goal), kind, internships, "internship kind")
    for goal in goals:
        if goal not in rules.internships.by_goal:
            yield "roadmap", ("internships", "by_goal"), f"no internships for goal {goal!r}"
        if goal not in rules.ladder.targets:
            yield "roadmap", ("ladder", "targets"), f"no ladder target for goal {goal!r}"
    for name in ("by_industry", "by_interest"):
        for key, kind in getattr(rules.internships, name).items():
            yield from unknown(("internships", name, key), kind, internships, "internship kind")
    for goal, level in rules.ladder.targets.items():
        yield from unknown(
            ("ladder", "targets", goal), level, {lv.id for lv in sections["ladder"].levels}, "ladder level"
        )
    for interest in CONTRACT["interests"][1]:
        if interest not in rules.specialty.tracks:
            yield "roadmap", ("specialty", "tracks"), f"no track for interest {interest!r}"
    for interest, track in rules.specialty.tracks.items():
        where = ("specialty", "tracks", interest)
        yield from unknown(where, interest, {s.id for s in sections["specialties"].specialties}, "specialty")
        for index, skill in enumerate(track.skills):
            yield from unknown((*where, "skills", index), skill, skills, "skill")
        for index, tool in enumerate(track.tools):
            yield from unknown((*where, "tools", index), tool, tools, "tool (tools must be ones skills.yaml names)")
        for index, employer in enumerate(track.employers):
            spot = (*where, "employers", index)
            if (employer.industry is None) == (employer.company is None):
                yield "roadmap", spot, "give exactly one of industry or company"
                continue
            what, key = ("industry", employer.industry) if employer.industry else ("company kind", employer.company)
            if key not in employers[what]:
                yield from unknown(spot, key, employers[what], what)
                continue
            for use in employer.uses:
                yield from unknown((*spot, "uses"), use, employers[what][key], f"example use of {key}")
