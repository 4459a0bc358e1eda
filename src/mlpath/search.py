"""Full-text search across the content, with near-term suggestions. Pure; no I/O."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

from mlpath.content.model import SECTIONS, Content
from mlpath.content.model.base import Figure

# Which command shows each content section.
SECTION_COMMANDS = {
    "sources": "sources",
    "salary": "salary",
    "role": "about",
    "ladder": "ladder",
    "aspects": "aspects",
    "skills": "skills",
    "specialties": "specialties",
    "education": "education",
    "resources": "resources",
    "internships": "internships",
    "work_life": "work-life",
    "outlook": "outlook",
    "industries": "industries",
    "companies": "companies",
    "reflection": "about",
    "assumptions": "education",
    "questions": "quiz --questions",
    "verdict": "quiz",
    "roadmap": "roadmap",
}
WORD = re.compile(r"[a-z0-9][a-z0-9+#.-]*[a-z0-9+#]|[a-z0-9]")


@dataclass(frozen=True, slots=True)
class Entry:
    section: str
    item: str  # the item's id or field path inside the section
    text: str

    @property
    def command(self) -> str:
        return f"mlpath {SECTION_COMMANDS.get(self.section, self.section)}"


def entries(content: Content) -> list[Entry]:
    found: list[Entry] = []
    for section in SECTIONS:
        found.extend(_walk(section, content.section(section), ""))
    return found


def _walk(section: str, node: Any, item: str) -> Iterator[Entry]:
    if isinstance(node, str):
        yield Entry(section, item or section, node)
    elif isinstance(node, Figure):
        yield Entry(section, item, f"{node.value:,}".replace(",", "") + f" ({node.value:,})")
    elif is_dataclass(node):
        own = getattr(node, "id", None)
        for part in fields(node):
            if part.name == "id":
                continue
            label = own if isinstance(own, str) else (f"{item}.{part.name}" if item else part.name)
            yield from _walk(section, getattr(node, part.name), label)
    elif isinstance(node, tuple):
        for element in node:
            yield from _walk(section, element, item)
    elif isinstance(node, dict):
        for value in node.values():
            yield from _walk(section, value, item)


def search(content: Content, query: str) -> list[Entry]:
    """Entries containing every word of the query (case-insensitive), in content order."""
    words = query.lower().split()
    seen: set[tuple[str, str, str]] = set()
    hits: list[Entry] = []
    for entry in entries(content):
        text = entry.text.lower()
        key = (entry.section, entry.item, entry.text)
        if words and all(word in text for word in words) and key not in seen:
            seen.add(key)
            hits.append(entry)
    return hits


def suggestions(content: Content, query: str, limit: int = 5) -> list[str]:
    """Words from the content closest to the query's words, for a search that found nothing."""
    vocabulary = sorted({word for entry in entries(content) for word in WORD.findall(entry.text.lower())})
    near: list[str] = []
    for word in query.lower().split():
        for match in difflib.get_close_matches(word, vocabulary, n=limit, cutoff=0.7):
            if match not in near:
                near.append(match)
    return near[:limit]
