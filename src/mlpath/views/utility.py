"""Reports for the utility commands: search, sources, data check. No I/O here."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mlpath.content.figures import all_figures
from mlpath.content.model import Content
from mlpath.errors import Problem
from mlpath.estimates import grouped
from mlpath.report import Block, Notes, Paragraph, Report, Table
from mlpath.search import Entry
from mlpath.views.fields import pick

if TYPE_CHECKING:
    from mlpath.documents import utility as doc


def search_results(query: str, hits: list[Entry], near: list[str]) -> Report:
    document: doc.Search = {
        "query": query,
        "count": len(hits),
        "results": [pick(h, "section", "item", "text", "command") for h in hits],
        "suggestions": near,
    }
    rows = tuple((h.section, h.item, h.text, h.command) for h in hits)
    blocks: tuple[Block, ...] = (Table(("section", "item", "text", "see"), rows),) if hits else ()
    return Report("search", f"Search: {query}", document, blocks)


def sources(content: Content) -> Report:
    figures = all_figures(content)
    listed: list[doc.Source] = []
    rows = []
    for source in content.sources.sources:
        own = [f for f in figures if f.figure.source == source.id]
        listed.append(
            pick(source, "id", "name", "kind", "note")
            | {"figures": [{"key": f.key, "value": f.figure.value} for f in own]}
        )
        for f in own:
            rows.append((source.name, f.key, grouped(f.figure.value)))
    notes = (content.sources.kinds_note, content.sources.other_facts_note)
    document: doc.Sources = {"sources": listed, "figure_count": len(figures), "notes": list(notes)}
    blocks: tuple[Block, ...] = (
        Table(
            ("source", "kind (mlpath's description)", "what it backs"),
            tuple((s.name, s.kind, s.note) for s in content.sources.sources),
            "Sources cited",
        ),
        Table(("source", "figure", "value"), tuple(rows), f"Figures ({len(figures)})"),
        Notes(notes),
    )
    return Report("sources", "Sources", document, blocks)


def data_check(directory: Path, content: Content | None, problems: list[Problem]) -> Report:
    """Whether a content directory is valid: `content` when it loaded, else every problem found."""
    count = len(all_figures(content)) if content is not None else None
    document: doc.DataCheck = {
        "directory": str(directory),
        "valid": content is not None,
        "figure_count": count,
        "problems": [pick(p, "file", "line", "field", "message") for p in problems],
    }
    if content is not None:
        blocks: tuple[Block, ...] = (Paragraph(f"{directory}: valid ({count} sourced figures)"),)
    else:
        noun = "problem" if len(problems) == 1 else "problems"
        blocks = (
            Paragraph(f"{directory}: invalid ({len(problems)} {noun})"),
            Table(("problem",), tuple((str(p),) for p in problems)),
        )
    return Report("data_check", "Content check", document, blocks)
