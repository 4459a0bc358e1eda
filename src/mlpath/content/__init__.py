"""The content of one content directory: one section per YAML file, each built on first use.

Content read from the cache keeps each section as plain data (JSON types) until a command asks
for it, so a command builds only the records it shows (see `content.cache`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mlpath.content import facts, rules


class Content:
    """Everything in a content directory, one attribute per file (`salary` is salary.yaml). Built
    from validated sections, or with `read`, which builds a section from mlpath's cache as it is
    first asked for; if that does not fit (a ValueError), the whole directory is validated again
    (`rebuild`) and that is used."""

    def __init__(
        self,
        sections: dict[str, Any] | None = None,
        read: Callable[[str], Any] | None = None,
        rebuild: Callable[[], Content] | None = None,
    ) -> None:
        self._sections: dict[str, Any] = dict(sections or {})
        self._read = read
        self._rebuild = rebuild
        self.memo: dict[Any, Any] = {}  # what the engine works out once per content (see engine.roadmap)

    def section(self, name: str) -> Any:
        if name not in self._sections and self._read is not None:
            try:
                self._sections[name] = self._read(name)
            except (ValueError, KeyError):
                if self._rebuild is None:
                    raise
                self._sections = self._rebuild()._sections
                for section in SECTIONS:
                    self.__dict__.pop(section, None)  # read before from the cache: read again
                self._read = self._rebuild = None
        return self._sections[name]

    @cached_property
    def names(self) -> dict[str, str]:
        """Each source's name by its id: how a source id is shown."""
        return {source.id: source.name for source in self.sources.sources}

    def figures(self) -> list[tuple[str, facts.Figure]]:
        """Every sourced figure, keyed where it lives (e.g. "salary.tiers.entry.amount")."""
        from mlpath.content.checks import walk
        from mlpath.content.facts import Figure

        found = ((name + key, node) for name in SECTIONS for node, _, key in walk(self.section(name)))
        return [(key, node) for key, node in found if isinstance(node, Figure)]

    # One section per YAML file, annotated with its record's module and class (see section_type). A section
    # is added here, in its record's module and as a YAML file (CONTRIBUTING).
    sources: facts.Sources
    salary: facts.Salary
    role: facts.Role
    ladder: facts.Ladder
    aspects: facts.Aspects
    skills: facts.Skills
    specialties: facts.Specialties
    education: facts.Education
    resources: facts.Resources
    internships: facts.Internships
    work_life: facts.WorkLife
    outlook: facts.Outlook
    industries: facts.Industries
    companies: facts.Companies
    reflection: facts.Reflection
    assumptions: facts.Assumptions
    questions: rules.Questions
    verdict: rules.VerdictRules
    roadmap: rules.RoadmapRules

    if not TYPE_CHECKING:  # so that mypy still reports a misspelt section

        def __getattr__(self, name: str) -> Any:
            """A section, built when first read, then kept as an ordinary attribute: read again, it costs nothing."""
            if name not in SECTIONS:
                raise AttributeError(name)
            value = self.__dict__[name] = self.section(name)
            return value


SECTIONS: tuple[str, ...] = tuple(Content.__annotations__)


def section_type(section: str) -> Any:
    """The record class of a section (imports its module)."""
    from importlib import import_module

    module, record = Content.__annotations__[section].split(".")  # a string: annotations are not evaluated
    return getattr(import_module(f"mlpath.content.{module}"), record)
