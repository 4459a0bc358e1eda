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
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Annotated, Any

from mlpath.errors import UsageError
from mlpath.model import Each, Lead, Record, Rows, dump
from mlpath.text import LONE_SURROGATE, worded

if TYPE_CHECKING:
    from mlpath.content import Content

MAX_QUERY = 200  # characters: a few words find anything in mlpath; a longer query is refused, not echoed
SUGGESTED_WORDS = 10  # words of a query that found nothing that get near terms suggested
SUGGESTIONS = 5  # near terms suggested at most
WORD = re.compile(r"[a-z0-9][a-z0-9+#.-]*[a-z0-9+#]|[a-z0-9]")
NAMING_KEYS = ("id", "key")  # an object's name, used as the item of the texts inside it
TITLE_KEYS = ("title", "name", "label", "prompt")  # an object's name in words


class Hit(Record):
    section: str  # the command's topic, e.g. "skills", "roadmap", "questions"
    item: str  # the id of the item the text belongs to, or its field path
    text: str
    command: str  # the command line that shows it, e.g. "mlpath skills"
    title: str  # the item in words: its title or name, else its id or path worded ("Degree needed › Summary")


class SearchPage(Record):
    """`mlpath search QUERY`: where the words occur, and the command that shows each."""

    query: str
    count: int
    results: Annotated[tuple[Hit, ...], Each("result"), Lead, Rows]
    suggestions: Annotated[tuple[str, ...], Each("suggestion", field="word")]


def entries(content: Content) -> list[Hit]:
    """Every text and number that a command showing content prints, with that command."""
    from mlpath.engine import pages
    from mlpath.engine.roadmap import build_roadmap

    documents = [
        ("about", pages.about(content)),
        ("salary", pages.salary(content)),
        ("ladder", content.ladder),
        ("skills", content.skills),
        ("specialties", content.specialties),
        ("aspects", content.aspects),
        ("education", pages.education(content)),
        ("resources", content.resources),
        ("internships", content.internships),
        ("industries", content.industries),
        ("companies", content.companies),
        ("outlook", content.outlook),
        ("work-life", content.work_life),
        ("roadmap", build_roadmap(content, None)),
        ("quiz --questions", content.questions),
        ("sources", pages.sources(content)),
    ]
    found: list[Hit] = []
    for command, document in documents:
        section, line = command.split()[-1].lstrip("-"), f"mlpath {command}"
        plain = dump(document, content.names)
        found.extend(
            Hit(section=section, item=item, text=text, command=line, title=title)
            for item, title, text in _walk(plain, "", "", ())
        )
    return found


def _walk(node: Any, item: str, title: str, path: tuple[str, ...]) -> Iterator[tuple[str, str, str]]:
    """(item, its title, text) for every text and number of a document, in order."""
    if isinstance(node, (str, int, float)) and not isinstance(node, bool):
        yield item or ".".join(path), title or " › ".join(worded(part) for part in path), str(node)
    elif isinstance(node, Mapping):
        name = next((node[key] for key in NAMING_KEYS if isinstance(node.get(key), str)), None)
        if name is not None:
            item, title = name, next((node[key] for key in TITLE_KEYS if isinstance(node.get(key), str)), worded(name))
        for key, value in node.items():
            if key in NAMING_KEYS and name is not None:
                continue
            yield from _walk(value, item, title, (*path, key))
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value, item, title, path)


def check_query(query: str) -> str:
    """The query, if it is words to find: not empty, not over MAX_QUERY characters, no control
    characters; bytes that were not UTF-8 (an argument's lone surrogates) read as U+FFFD. Else a
    usage error that names the problem without echoing a long query."""
    query = LONE_SURROGATE.sub("\ufffd", query)
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


def search(content: Content, query: str) -> SearchPage:
    """The entries containing every word of the query (case-insensitive; see `word_patterns`), in
    command order; when there are none, the words of the content closest to the query's."""
    every = entries(content)
    patterns = word_patterns(query)
    found: dict[tuple[str, str, str], Hit] = {}
    for entry in every:
        if patterns and all(pattern.search(entry.text.lower()) for pattern in patterns):
            found.setdefault((entry.section, entry.item, entry.text), entry)
    hits = tuple(found.values())
    near: tuple[str, ...] = ()
    if not hits:
        vocabulary = sorted({word for entry in every for word in WORD.findall(entry.text.lower())})
        words = list(dict.fromkeys(query.lower().split()))[:SUGGESTED_WORDS]
        close = (m for word in words for m in difflib.get_close_matches(word, vocabulary, n=SUGGESTIONS, cutoff=0.7))
        near = tuple(dict.fromkeys(close))[:SUGGESTIONS]
    return SearchPage(query=query, count=len(hits), results=hits, suggestions=near)


def word_patterns(query: str) -> list[re.Pattern[str]]:
    """Each word of the query as found in a lower-case text: anywhere for two characters or more
    (`learn` finds "learning"); a single character only as a whole word (`r`, `c`), or it would
    match everything."""
    found = [(re.escape(word), len(word) > 1) for word in query.lower().split()]
    return [re.compile(word if long else rf"(?<![a-z0-9]){word}(?![a-z0-9])") for word, long in found]
