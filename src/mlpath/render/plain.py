"""Plain output: one record per line, tab-separated fields, no colour, no box drawing.

Only records are written, no titles or headers, so `head` and `cut -f1` work on it.
"""

from __future__ import annotations

from collections.abc import Iterator

from mlpath.report import Bars, Block, Notes, Paragraph, Report, Steps, Table


def to_plain(report: Report) -> str:
    lines = [_line(fields) for block in report.blocks for fields in _records(block)]
    return "".join(line + "\n" for line in lines)


def _line(fields: tuple[str, ...]) -> str:
    # A tab or newline inside a field would split the record; fold them into spaces.
    return "\t".join(" ".join(field.split()) for field in fields)


def _records(block: Block) -> Iterator[tuple[str, ...]]:
    if isinstance(block, Paragraph):
        yield (block.key, block.text) if block.key else (block.text,)
    elif isinstance(block, Table):
        for row in block.rows:
            yield (block.key, *row) if block.key else row
    elif isinstance(block, Bars):
        for bar in (*block.bars, *((block.reference,) if block.reference else ())):
            value = f"{bar.value:.0f}" if float(bar.value).is_integer() else f"{bar.value}"
            yield tuple(f for f in (bar.key or bar.label, bar.label, value, bar.note) if f)
    elif isinstance(block, Steps):
        for step in block.steps:
            yield (step.marker, step.key, step.title, step.status or step.summary)
    elif isinstance(block, Notes):
        for item in block.items:
            yield ("note", item)
