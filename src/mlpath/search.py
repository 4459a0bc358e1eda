"""Full-text search across what the commands show, with near-term suggestions. Pure; no I/O.

It looks through the documents the commands print (each explore command, the general
roadmap, the question list, the sources), not through the raw content files: so every hit
names a command that exists and shows it, and rule internals (which answer leads to which
step, text templates) never come up.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from mlpath.content.model import Content
from mlpath.errors import UsageError
from mlpath.report import Report

MAX_QUERY = 200  # characters: a few words find anything in mlpath; a longer query is refused, not echoed
SUGGESTED_WORDS = 10  # words of a query that found nothing that get near terms suggested
WORD = re.compile(r"[a-z0-9][a-z0-9+#.-]*[a-z0-9+#]|[a-z0-9]")
NAMING_KEYS = ("id", "key")  # an object's name, used as the item of the texts inside it


@dataclass(frozen=True, slots=True)
class Entry:
    section: str  # the command's topic, e.g. "skills", "roadmap", "questions"
    item: str  # the id of the item the text belongs to, or its field path
    text: str
    command: str  # the command line that shows it, e.g. "mlpath skills"


def _reports() -> list[tuple[str, str, Callable[[Content], Report]]]:
    """(section, command line, the report it prints) for every command that shows content."""
    from mlpath.views import explore, utility
    from mlpath.views.education import education
    from mlpath.views.roadmap import questions_report
    from mlpath.views.salary import salary

    def roadmap(content: Content) -> Report:
        from mlpath.engine.roadmap import build_roadmap
        from mlpath.views.roadmap import roadmap_report

        return roadmap_report(content, build_roadmap(content, None))

    shown: list[tuple[str, Callable[[Content], Report]]] = [
        ("about", explore.about),
        ("salary", salary),
        ("ladder", explore.ladder),
        ("skills", explore.skills),
        ("specialties", explore.specialties),
        ("aspects", explore.aspects),
        ("education", education),
        ("resources", explore.resources),
        ("internships", explore.internships),
        ("industries", explore.industries),
        ("companies", explore.companies),
        ("outlook", explore.outlook),
        ("work-life", explore.work_life),
        ("roadmap", roadmap),
        ("quiz --questions", questions_report),
        ("sources", utility.sources),
    ]
    return [(command.split()[-1].lstrip("-"), f"mlpath {command}", build) for command, build in shown]


def entries(content: Content) -> list[Entry]:
    found: list[Entry] = []
    for section, command, build in _reports():
        found.extend(Entry(section, item, text, command) for item, text in _walk(build(content).document, "", ()))
    return found


def _walk(node: Any, item: str, path: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    if isinstance(node, str):
        yield item or ".".join(path), node
    elif isinstance(node, (int, float)) and not isinstance(node, bool):
        yield item or ".".join(path), str(node)
    elif isinstance(node, Mapping):
        name = next((node[key] for key in NAMING_KEYS if isinstance(node.get(key), str)), None)
        for key, value in node.items():
            if key in NAMING_KEYS and name is not None:
                continue
            yield from _walk(value, name or item, (*path, key))
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value, item, path)


def check_query(query: str) -> str:
    """The query, if it is words to find: not empty, not over MAX_QUERY characters, no control
    characters. Else a usage error that names the problem without echoing a long query."""
    if not query.strip():
        raise UsageError("search needs a word to find, e.g. mlpath search pytorch")
    if len(query) > MAX_QUERY:
        raise UsageError(
            f"the search query is {len(query):,} characters long; the limit is {MAX_QUERY} (a few words are enough)"
        )
    control = next((c for c in query if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") and c not in " \t"), None)
    if control is not None:
        raise UsageError(f"the search query holds a control character (U+{ord(control):04X}); give words to find")
    return query


def search(content: Content, query: str) -> list[Entry]:
    """Entries containing every word of the query (case-insensitive), in command order."""
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
    for word in list(dict.fromkeys(query.lower().split()))[:SUGGESTED_WORDS]:
        for match in difflib.get_close_matches(word, vocabulary, n=limit, cutoff=0.7):
            if match not in near:
                near.append(match)
    return near[:limit]
