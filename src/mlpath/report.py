"""What a command shows, independent of how: a JSON-shaped document plus display blocks.

Views build a `Report` from content. The document, of a kind declared in `mlpath.documents`,
is what JSON, YAML, plain and CSV are made of; the blocks are for people (a table, Markdown).
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
    marker: str  # "1", "2", ... or a status word
    key: str  # stable id
    title: str
    summary: str = ""
    details: tuple[str, ...] = ()
    highlight: bool = False  # e.g. the level asked for, the next step to take
    done: bool = False  # ticks the Markdown task box
    group: str = ""  # a heading shown when it changes from the previous step, e.g. a phase
    status: str = ""  # pending, learning, done or skipped, for tracked steps
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


class Changes(NamedTuple):
    """Things added ("+"), removed ("-") or changed ("~"): (sign, text) each, the sign drawn as
    its bullet, so the list reads without colour."""

    title: str
    items: tuple[tuple[str, str], ...]


Block = Paragraph | Table | Bars | Steps | Notes | Changes


class Summary(NamedTuple):
    """What the table format shows first, short enough for one screen (the roadmap's verdict and
    first steps). Then comes `heading`, then the report's blocks but the first `covers`, which
    the summary already shows. Other formats leave the summary out: they carry every block."""

    blocks: tuple[Block, ...]
    heading: str
    covers: int = 0


class Report(NamedTuple):
    kind: str  # the kind of document (a key of mlpath.documents.KINDS)
    title: str
    document: Mapping[str, Any]
    blocks: tuple[Block, ...] = ()
    summary: Summary | None = None
