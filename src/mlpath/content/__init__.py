"""The content of one content directory: one section per YAML file, each built on first use.

Content read from the cache keeps each section as plain data (JSON types) until a command asks
for it, so a command builds only the records it shows (see `content.cache`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

if TYPE_CHECKING:
    from mlpath.content.facts import (
        Aspects,
        Assumptions,
        Companies,
        Education,
        Figure,
        Industries,
        Internships,
        Ladder,
        Outlook,
        Reflection,
        Resources,
        Role,
        Salary,
        Skills,
        Source,
        Sources,
        Specialties,
        WorkLife,
    )
    from mlpath.content.rules import Questions, RoadmapRules, VerdictRules

T = TypeVar("T")

# Each section (one YAML file, named after it): the module and class of its record. A content
# section is added here, in its record's module, and in its YAML file (CONTRIBUTING).
SECTION_TYPES: dict[str, tuple[str, str]] = {
    "sources": ("facts", "Sources"),
    "salary": ("facts", "Salary"),
    "role": ("facts", "Role"),
    "ladder": ("facts", "Ladder"),
    "aspects": ("facts", "Aspects"),
    "skills": ("facts", "Skills"),
    "specialties": ("facts", "Specialties"),
    "education": ("facts", "Education"),
    "resources": ("facts", "Resources"),
    "internships": ("facts", "Internships"),
    "work_life": ("facts", "WorkLife"),
    "outlook": ("facts", "Outlook"),
    "industries": ("facts", "Industries"),
    "companies": ("facts", "Companies"),
    "reflection": ("facts", "Reflection"),
    "assumptions": ("facts", "Assumptions"),
    "questions": ("rules", "Questions"),
    "verdict": ("rules", "VerdictRules"),
    "roadmap": ("rules", "RoadmapRules"),
}
SECTIONS: tuple[str, ...] = tuple(SECTION_TYPES)


def section_type(section: str) -> Any:
    """The record class of a section (imports its module)."""
    from importlib import import_module

    module, name = SECTION_TYPES[section]
    return getattr(import_module(f"mlpath.content.{module}"), name)


class Section(Generic[T]):
    """A typed attribute of Content whose value is built when first read (and then kept as an
    ordinary attribute, so reading it again costs nothing)."""

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

    Built from validated sections, or from the plain data of mlpath's own cache: each section
    is checked against its record's schema as it is first read (`content.cache.from_plain`);
    if it does not fit, the whole directory is validated again (`rebuild`) and that is used.
    """

    def __init__(
        self,
        sections: dict[str, Any] | None = None,
        plain: dict[str, Any] | None = None,
        rebuild: Callable[[], Content] | None = None,
        files: tuple[str, ...] = (),
    ) -> None:
        self._sections: dict[str, Any] = dict(sections or {})
        self._plain: dict[str, Any] = dict(plain or {})
        self._rebuild = rebuild
        self._names: dict[str, str] | None = None
        self.files = files  # the section files it was read from
        self.memo: dict[Any, Any] = {}  # what the engine works out once per content (see engine.roadmap)

    def section(self, name: str) -> Any:
        if name not in self._sections:
            from mlpath.content.cache import PlainDataError, from_plain

            try:
                self._sections[name] = from_plain(section_type(name), self._plain[name])
            except (PlainDataError, KeyError):
                if self._rebuild is None:
                    raise
                fresh = self._rebuild()
                self._sections = {section: fresh.section(section) for section in SECTIONS}
                for section in SECTIONS:
                    self.__dict__.pop(section, None)  # read before from the cache: read again
                self._plain, self._rebuild = {}, None
        return self._sections[name]

    def plain(self) -> dict[str, Any]:
        """Every section as plain data, for the cache."""
        from mlpath.content.cache import to_plain

        return {name: to_plain(self.section(name)) for name in SECTIONS}

    @property
    def names(self) -> dict[str, str]:
        """Each source's name by its id: how a source id is shown."""
        if self._names is None:
            self._names = {source.id: source.name for source in self.sources.sources}
        return self._names

    def source(self, source_id: str) -> Source:
        return next(source for source in self.sources.sources if source.id == source_id)

    def figures(self) -> list[tuple[str, Figure]]:
        """Every sourced figure, keyed where it lives (e.g. "salary.tiers.entry.amount")."""
        from mlpath.content.checks import figures_in

        return [(key, figure) for name in SECTIONS for key, _, figure in figures_in(name, self.section(name))]

    sources: Section[Sources] = Section()
    salary: Section[Salary] = Section()
    role: Section[Role] = Section()
    ladder: Section[Ladder] = Section()
    aspects: Section[Aspects] = Section()
    skills: Section[Skills] = Section()
    specialties: Section[Specialties] = Section()
    education: Section[Education] = Section()
    resources: Section[Resources] = Section()
    internships: Section[Internships] = Section()
    work_life: Section[WorkLife] = Section()
    outlook: Section[Outlook] = Section()
    industries: Section[Industries] = Section()
    companies: Section[Companies] = Section()
    reflection: Section[Reflection] = Section()
    assumptions: Section[Assumptions] = Section()
    questions: Section[Questions] = Section()
    verdict: Section[VerdictRules] = Section()
    roadmap: Section[RoadmapRules] = Section()
