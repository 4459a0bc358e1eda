"""The content of one content directory: one section per YAML file, each built on first use.

Content read from the cache keeps each section as plain data (JSON types) until a command asks
for it, so a command builds only the records it shows (see `content.cache`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

if TYPE_CHECKING:
    from mlpath.content import facts, rules

T = TypeVar("T")


class Section(Generic[T]):
    """A typed attribute of Content: one section (one YAML file, named after it) and the module
    and class of its record. Its value is built when first read, then kept as an ordinary
    attribute, so reading it again costs nothing. A content section is added in Content, in its
    record's module, and in its YAML file (CONTRIBUTING)."""

    def __init__(self, module: str, record: str) -> None:
        self.module, self.record = module, record

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type) -> Section[T]: ...
    @overload
    def __get__(self, obj: Content, owner: type) -> T: ...
    def __get__(self, obj: Content | None, owner: type) -> Section[T] | T:
        if obj is None:
            return self
        value: T = obj.section(self.name)
        obj.__dict__[self.name] = value
        return value


class Content:
    """Everything in a content directory, one attribute per file (`salary` is salary.yaml).

    Built from validated sections, or with `read`, which builds a section from the plain data of
    mlpath's own cache as it is first asked for, checked against its record's schema. If it does
    not fit (a ValueError), the whole directory is validated again (`rebuild`) and that is used.
    """

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

    def source(self, source_id: str) -> facts.Source:
        return next(source for source in self.sources.sources if source.id == source_id)

    def figures(self) -> list[tuple[str, facts.Figure]]:
        """Every sourced figure, keyed where it lives (e.g. "salary.tiers.entry.amount")."""
        from mlpath.content.checks import walk
        from mlpath.content.facts import Figure

        found = ((name + key, node) for name in SECTIONS for node, _, key in walk(self.section(name)))
        return [(key, node) for key, node in found if isinstance(node, Figure)]

    sources: Section[facts.Sources] = Section("facts", "Sources")
    salary: Section[facts.Salary] = Section("facts", "Salary")
    role: Section[facts.Role] = Section("facts", "Role")
    ladder: Section[facts.Ladder] = Section("facts", "Ladder")
    aspects: Section[facts.Aspects] = Section("facts", "Aspects")
    skills: Section[facts.Skills] = Section("facts", "Skills")
    specialties: Section[facts.Specialties] = Section("facts", "Specialties")
    education: Section[facts.Education] = Section("facts", "Education")
    resources: Section[facts.Resources] = Section("facts", "Resources")
    internships: Section[facts.Internships] = Section("facts", "Internships")
    work_life: Section[facts.WorkLife] = Section("facts", "WorkLife")
    outlook: Section[facts.Outlook] = Section("facts", "Outlook")
    industries: Section[facts.Industries] = Section("facts", "Industries")
    companies: Section[facts.Companies] = Section("facts", "Companies")
    reflection: Section[facts.Reflection] = Section("facts", "Reflection")
    assumptions: Section[facts.Assumptions] = Section("facts", "Assumptions")
    questions: Section[rules.Questions] = Section("rules", "Questions")
    verdict: Section[rules.VerdictRules] = Section("rules", "VerdictRules")
    roadmap: Section[rules.RoadmapRules] = Section("rules", "RoadmapRules")


SECTIONS: tuple[str, ...] = tuple(name for name, value in vars(Content).items() if isinstance(value, Section))


def section_type(section: str) -> Any:
    """The record class of a section (imports its module)."""
    from importlib import import_module

    described: Section[Any] = vars(Content)[section]
    return getattr(import_module(f"mlpath.content.{described.module}"), described.record)
