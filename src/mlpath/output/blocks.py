"""What a command shows: its document (a model) and the display blocks for people.

The document is what JSON, YAML, plain and CSV are made of (`model.encode`, `output.records`);
the blocks, built from the same document by the views, are for people (a table, Markdown).
Blocks hold final strings, so no renderer ever decides content. They are NamedTuples:
immutable, and far cheaper to define than dataclasses.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple


class Paragraph(NamedTuple):
    text: str
    title: str = ""
    tone: str = ""  # "", "positive", "caution" or "negative": how a verdict-like text reads


class Table(NamedTuple):
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    title: str = ""


class Bar(NamedTuple):
    label: str
    value: float
    text: str  # how the value reads, e.g. "$118,000"
    note: str = ""  # shown after the bar, e.g. "1.99× the national average"


class Bars(NamedTuple):
    """Values drawn as horizontal bars; `reference` is drawn as a marker line across them."""

    title: str
    bars: tuple[Bar, ...]
    reference: Bar | None = None
    scale: float | None = None  # the value of a full bar; default: the largest value shown
    columns: tuple[str, ...] = ()  # what the label, the amount and the note are: a table's header row


class Step(NamedTuple):
    marker: str  # "1", "2", ...
    title: str
    summary: str = ""
    details: tuple[str, ...] = ()
    highlight: bool = False  # e.g. the level asked for, the next step to take
    group: str = ""  # a heading shown when it changes from the previous step, e.g. a phase
    status: str = ""  # a tracked step's: pending, learning, done (ticks the Markdown task box) or skipped
    sign: str = ""  # in a comparison: "+" added, "-" removed, "~" changed
    signs: tuple[str, ...] = ()  # in a comparison: each detail's sign, drawn as its bullet


class Steps(NamedTuple):
    """An ordered progression (the ladder, a roadmap) drawn so the order is seen at a glance."""

    title: str
    steps: tuple[Step, ...]
    checklist: bool = False  # Markdown renders a GitHub task list


class Notes(NamedTuple):
    """Sources, formulas and assumptions behind the figures above."""

    items: tuple[str, ...]
    title: str = "Notes"


class Signed(NamedTuple):
    """Things added ("+"), removed ("-"), changed ("~") or the reasons of a verdict: (sign, text)
    each, the sign drawn as its bullet, so the list reads without colour."""

    title: str
    items: tuple[tuple[str, str], ...]


class Excerpt(NamedTuple):
    """A passage found: the words of it that matched (character spans) and the command that shows it whole."""

    heading: str
    text: str
    spans: tuple[tuple[int, int], ...]
    command: str


class Excerpts(NamedTuple):
    title: str
    items: tuple[Excerpt, ...]


Block = Paragraph | Table | Bars | Steps | Notes | Signed | Excerpts


class Summary(NamedTuple):
    """What the table format shows first, short enough for one screen (the roadmap's verdict and
    first steps). Then comes `heading`, then the report's blocks but the first `covers`, which
    the summary already shows. Other formats leave the summary out: they carry every block."""

    blocks: tuple[Block, ...]
    heading: str
    covers: int = 0


class Report(NamedTuple):
    title: str
    document: Any  # a model: its JSON is what --json prints
    blocks: tuple[Block, ...] = ()
    summary: Summary | None = None
    names: Mapping[str, str] | None = None  # each source id's name, for a document that cites sources
