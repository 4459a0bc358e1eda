"""The content of one content directory: one section per YAML file, each loaded on first use.

Schema classes live in the modules beside this one (`base`, `sources`, `salary`, `career`,
`education`, `quiz`). Content read from the cache keeps each section as plain data (JSON types)
until a command asks for it, so a command imports only the schema classes it uses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

if TYPE_CHECKING:
    from mlpath.content.model.career import (
        Aspects,
        Companies,
        Industries,
        Internships,
        Ladder,
        Reflection,
        Resources,
        Role,
        Skills,
        Specialties,
        WorkLife,
    )
    from mlpath.content.model.career import Outlook as OutlookSection
    from mlpath.content.model.education import Assumptions, Education
    from mlpath.content.model.quiz import Questions, RoadmapRules, VerdictRules
    from mlpath.content.model.salary import Salary
    from mlpath.content.model.sources import Source, Sources

T = TypeVar("T")

# Each section (one YAML file, named after it) and the schema class that validates it.
SECTION_TYPES: dict[str, tuple[str, str]] = {
    "sources": ("sources", "Sources"),
    "salary": ("salary", "Salary"),
    "role": ("career", "Role"),
    "ladder": ("career", "Ladder"),
    "aspects": ("career", "Aspects"),
    "skills": ("career", "Skills"),
    "specialties": ("career", "Specialties"),
    "education": ("education", "Education"),
    "resources": ("career", "Resources"),
    "internships": ("career", "Internships"),
    "work_life": ("career", "WorkLife"),
    "outlook": ("career", "Outlook"),
    "industries": ("career", "Industries"),
    "companies": ("career", "Companies"),
    "reflection": ("career", "Reflection"),
    "assumptions": ("education", "Assumptions"),
    "questions": ("quiz", "Questions"),
    "verdict": ("quiz", "VerdictRules"),
    "roadmap": ("quiz", "RoadmapRules"),
}
SECTIONS: tuple[str, ...] = tuple(SECTION_TYPES)


def section_type(section: str) -> Any:
    """The schema class of a section (imports its module)."""
    from importlib import import_module

    module, name = SECTION_TYPES[section]
    return getattr(import_module(f"mlpath.content.model.{module}"), name)


class Section(Generic[T]):
    """A typed attribute of Content whose value is loaded when first read."""

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
        return value


class Content:
    """Everything in a content directory, one attribute per file (`salary` is salary.yaml).

    Built from validated sections, or from the plain data that mlpath's own cache holds for
    content it validated itself (see `content.cache`). Plain data is checked against the schema
    as each section is first read (`content.plain`); if it does not fit, the whole directory is
    validated again (`rebuild`) and that is used instead.
    """

    __slots__ = ("_as_plain", "_plain", "_rebuild", "_sections")

    def __init__(
        self,
        sections: dict[str, Any] | None = None,
        plain: dict[str, Any] | None = None,
        rebuild: Callable[[], Content] | None = None,
    ) -> None:
        self._sections: dict[str, Any] = dict(sections or {})
        self._plain: dict[str, Any] = dict(plain or {})
        self._rebuild = rebuild
        self._as_plain: dict[str, Any] | None = None

    def section(self, name: str) -> Any:
        if name not in self._sections:
            from mlpath.content.plain import PlainDataError, from_plain

            try:
                self._sections[name] = from_plain(section_type(name), self._plain[name])
            except (PlainDataError, KeyError):
                if self._rebuild is None:
                    raise
                fresh = self._rebuild()
                self._sections = {section: fresh.section(section) for section in SECTIONS}
                self._plain, self._rebuild = {}, None
        return self._sections[name]

    def plain(self) -> dict[str, Any]:
        """Every section as plain data, for the cache; worked out once, as content never changes."""
        from mlpath.content.plain import to_plain

        if self._as_plain is None:
            self._as_plain = {name: to_plain(self.section(name)) for name in SECTIONS}
        return self._as_plain

    def source(self, source_id: str) -> Source:
        for source in self.sources.sources:
            if source.id == source_id:
                return source
        raise KeyError(source_id)

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
    outlook: Section[OutlookSection] = Section()
    industries: Section[Industries] = Section()
    companies: Section[Companies] = Section()
    reflection: Section[Reflection] = Section()
    assumptions: Section[Assumptions] = Section()
    questions: Section[Questions] = Section()
    verdict: Section[VerdictRules] = Section()
    roadmap: Section[RoadmapRules] = Section()
