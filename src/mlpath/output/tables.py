"""The `table` format: rich renderables for a terminal. Returns renderables, never prints."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.segment import Segment
from rich.table import Table as RichTable
from rich.text import Text as RichText

from mlpath.output.blocks import Bars, Block, Excerpt, Excerpts, Notes, Paragraph, Report, Signed, Steps, Table

ACCENT = "cyan"
TONES = {"positive": "green", "caution": "yellow", "negative": "red"}
SIGN_STYLES = {"+": "bold green", "-": "bold red", "~": "bold yellow"}  # the sign reads without colour too
STATUS_STYLES = {"done": "bold green", "learning": "bold yellow", "skipped": "dim strike", "pending": "dim"}


def to_renderable(report: Report, whole: bool = True) -> RenderableType:
    """The report; without `whole`, the title and summary alone: what stays on screen after the pager closes."""
    parts: list[RenderableType] = [RichText(report.title, style=f"bold {ACCENT}")]
    blocks = report.blocks if whole else ()
    if report.summary is not None:
        # The summary packed tight, without blank lines: one screen is all it has.
        parts.append(Group(*(_summary_block(block) for block in report.summary.blocks)))
        if not whole:
            return Group(*parts)
        parts.append(Rule(RichText(report.summary.heading, style=f"bold {ACCENT}"), style=ACCENT, align="left"))
        blocks = blocks[report.summary.covers :]
    parts.extend(_block(block) for block in blocks)
    return Group(*_spaced(parts))


def _summary_block(block: Block) -> RenderableType:
    if isinstance(block, Paragraph) and block.title and not block.tone:
        return RichText.assemble((f"{block.title}: ", "bold"), block.text)
    if isinstance(block, Notes) and not block.title:
        return RichText(" ".join(block.items), style="dim")
    return _block(block)


def _spaced(parts: Iterable[RenderableType]) -> list[RenderableType]:
    """The parts with a blank line between each two."""
    return [line for part in parts for line in (RichText(""), part)][1:]


def _heading(title: str) -> RichText:
    return RichText(title, style="bold")


def _titled(title: str, body: RenderableType) -> RenderableType:
    return Group(_heading(title), body) if title else body


def _block(block: Block) -> RenderableType:
    if isinstance(block, Paragraph) and block.tone:
        colour = TONES.get(block.tone, ACCENT)
        title = RichText(block.title, style=f"bold {colour}")
        return Panel(RichText(block.text), title=title, title_align="left", border_style=colour, expand=False)
    if isinstance(block, Paragraph):
        return _titled(block.title, RichText(block.text))
    if isinstance(block, Table) and len(block.columns) == 1:
        return _titled(block.title, _Bullets(tuple(row[0] for row in block.rows), "•", ""))
    if isinstance(block, Table):
        return FittedTable(block)
    if isinstance(block, Bars):
        return BarChart(block)
    if isinstance(block, Steps):
        return Timeline(block)
    if isinstance(block, Notes):
        return Group(RichText(block.title, style="dim bold"), _Bullets(block.items, "·", "dim"))
    if isinstance(block, Signed):
        items = _Bullets(tuple(text for _, text in block.items), "", "", signs=tuple(s for s, _ in block.items))
        return _titled(block.title, items)
    if isinstance(block, Excerpts):
        return Group(_heading(block.title), *_spaced(_excerpt(item) for item in block.items))
    raise TypeError(block)


def _excerpt(item: Excerpt) -> RenderableType:
    text = RichText(item.text)
    for start, end in item.spans:
        text.stylize(f"bold {ACCENT}", start, end)
    return Group(
        RichText(item.heading, style="bold"),
        Padding(text, (0, 0, 0, 2), expand=False),
        RichText(f"  {item.command}", style="dim"),
    )


class _Bullets(NamedTuple):
    """A list whose wrapped lines hang under the text, not under the bullet. `signs`, one per
    item, replace the bullet: "+", "-" or "~" in a comparison (an empty sign keeps the bullet)."""

    items: tuple[str, ...]
    bullet: str
    style: str
    indent: int = 3
    signs: tuple[str, ...] = ()

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        grid = RichTable.grid(padding=(0, 1))
        grid.add_column(width=self.indent, justify="right", no_wrap=True)
        grid.add_column()
        bullet = "-" if options.ascii_only else self.bullet
        signs = self.signs or ("",) * len(self.items)
        for item, sign in zip(self.items, signs, strict=True):
            mark = RichText(sign, style=SIGN_STYLES.get(sign, "")) if sign else RichText(bullet, style=ACCENT)
            grid.add_row(mark, RichText(item, style=self.style))
        yield grid


class FittedTable(NamedTuple):
    """A table whose words wrap but are never cut: a web address or a long word stays whole.
    When it is too wide, its widest columns give way first, as rich does, but none gets narrower
    than its longest word; narrower still, each row becomes a record of its own."""

    block: Table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        block, table = self.block, _rich_table(self.block)
        wide = options.update_width(10_000)
        cells = list(zip(block.columns, *block.rows, strict=True))  # column by column
        least = [max(_longest_word(cell) for cell in column) for column in cells]
        most = [max(Measurement.get(console, wide, RichText(cell)).maximum for cell in column) for column in cells]
        overhead = Measurement.get(console, wide, table).maximum - sum(most)  # padding and rules
        room = options.max_width - overhead
        if sum(most) <= room:
            yield table
        elif sum(least) <= room:
            yield _rich_table(block, _share(room, least, most))
        else:  # each row a record: the first cell as a heading, every other cell indented after its column's name
            if block.title:
                yield _heading(block.title)
            for index, row in enumerate(block.rows):
                if index or block.title:
                    yield RichText("")
                yield RichText(row[0], style=f"bold {ACCENT}")
                for column, cell in zip(block.columns[1:], row[1:], strict=True):
                    if cell:
                        line = RichText(_list_breaks(f"{column}: {cell}", options.max_width - RECORD_INDENT))
                        line.stylize("dim", 0, len(column) + 1)
                        yield Padding(line, (0, 0, 0, RECORD_INDENT), expand=False)


RECORD_INDENT = 2
# A comma that joins two names without a space ("nlp,robotics"): a line may break after it. Not
# one between digits ("$118,000"), which is one word.
LIST_COMMA = re.compile(r"(?<=,)(?=[^\W\d])")


def _longest_word(text: str) -> int:
    return max((cell_len(piece) for word in text.split() for piece in LIST_COMMA.split(word)), default=0)


def _list_breaks(text: str, width: int) -> str:
    """`text` with a word longer than `width` that lists names ("nlp,computer-vision,...") broken
    into lines after its commas; rich wraps only at spaces and would fold such a word mid-name."""
    if all(cell_len(word) <= width for word in text.split()) or not LIST_COMMA.search(text):
        return text
    lines: list[str] = []
    line = ""
    for word in text.split():
        pieces = [word] if cell_len(word) <= width else LIST_COMMA.split(word)
        for index, piece in enumerate(pieces):
            joined = (line + (" " if index == 0 else "") + piece) if line else piece
            if line and cell_len(joined) > width:
                lines.append(line)
                line = piece
            else:
                line = joined
    return "\n".join([*lines, line])


def _share(room: int, least: list[int], most: list[int]) -> list[int]:
    """Column widths within `room`: the widest columns give way first, none below its least."""
    widths = list(most)
    for _ in range(sum(widths) - room):
        widest = max((i for i in range(len(widths)) if widths[i] > least[i]), key=lambda i: widths[i])
        widths[widest] -= 1
    return widths


def _rich_table(block: Table, widths: list[int] | None = None) -> RichTable:
    """`widths`: each column's, chosen so that no word is cut (a list of names breaks after a comma)."""
    table = RichTable(
        title=block.title or None,
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        header_style=f"bold {ACCENT}",
        expand=False,
    )
    for index, column in enumerate(block.columns):
        table.add_column(column, width=widths[index] if widths else None, overflow="fold")
    for row in block.rows:
        table.add_row(*(_list_breaks(cell, widths[i]) if widths else cell for i, cell in enumerate(row)))
    return table


class BarChart(NamedTuple):
    """Horizontal bars scaled to the largest value, with the reference value marked on each; on a
    narrow terminal each label moves onto its own line above its bar."""

    block: Bars

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        reference = self.block.reference
        everything = [*self.block.bars, *([reference] if reference else [])]
        full, empty, mark = ("#", ".", "|") if options.ascii_only else ("█", "░", "┃")
        label_width = max(len(bar.label) for bar in everything)
        text_width = max(len(bar.text) for bar in everything)
        stacked = options.max_width < label_width + text_width + 16
        indent = 0 if stacked else label_width + 2
        width = max(4, min(40, options.max_width - indent - text_width - 2))
        top = self.block.scale or max(bar.value for bar in everything) or 1
        ref_at = round(reference.value / top * width) if reference else None
        yield _heading(self.block.title)
        for bar in everything:
            filled = round(bar.value / top * width)
            line = RichText("" if stacked else bar.label.ljust(label_width) + "  ")
            for column in range(width):
                if ref_at is not None and column == ref_at - 1 and bar is not reference:
                    line.append(mark, style="bold yellow")
                elif column < filled:
                    line.append(full, style="yellow" if bar is reference else ACCENT)
                else:
                    line.append(empty, style="dim")
            line.append("  " + bar.text.rjust(text_width), style="bold")
            if stacked:
                yield RichText(bar.label)
            yield line
            if bar.note:
                yield Padding(RichText(bar.note, style="dim"), (0, 0, 0, indent), expand=False)


class Timeline(NamedTuple):
    """Steps drawn top to bottom: numbered stops on one rail, grouped under phase headings. Body
    lines are wrapped first and the rail is drawn beside every line, so it never breaks."""

    block: Steps

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        rail, bullet, rule = ("|", "-", "-") if options.ascii_only else ("│", "•", "─")
        if self.block.title:
            yield _heading(self.block.title)
        steps = self.block.steps
        signed = any(step.sign for step in steps)  # a comparison: "~ 3  Title", the sign first
        width = max(len(step.marker) for step in steps) + (2 if signed else 0) if steps else 1
        group = None
        # The head " 12  Title" takes width + 3 columns before the title, the body "    │  " width + 4:
        # wrap each to what is left, or the console crops the last letters of the longest lines.
        head_options = options.update_width(max(1, options.max_width - (width + 3)))
        inner = options.update_width(max(1, options.max_width - (width + 4)))
        for index, step in enumerate(steps):
            if step.group and step.group != group:
                group = step.group
                yield RichText(f"{rule * 2} {group} {rule * 2}", style=f"bold {ACCENT}")
            style = f"bold {ACCENT} reverse" if step.highlight else f"bold {ACCENT}"
            title = RichText()
            if step.status:
                title.append(f"{step.status:<8}", style=STATUS_STYLES.get(step.status, ""))
                title.append(" ")
            title.append(step.title, style="bold")
            for number, line in enumerate(console.render_lines(title, head_options, pad=False)):
                # a wrapped title hangs under itself, not under the step number
                if number == 0 and signed:
                    yield Segment(f" {step.sign or ' '}", console.get_style(SIGN_STYLES.get(step.sign, "")))
                if number == 0:
                    yield Segment(f" {step.marker:>{width - 2 if signed else width}} ", console.get_style(style))
                yield Segment(" " if number == 0 else " " * (width + 3))
                yield from line
                yield Segment.line()
            side = rail if index < len(steps) - 1 else " "
            body: list[RenderableType] = []
            if step.summary:
                body.append(RichText(step.summary, style="italic"))
            if step.details:
                body.append(_Bullets(step.details, bullet, "", indent=1, signs=step.signs))
            if body:
                for line in console.render_lines(Group(*body), inner, pad=False):
                    yield Segment(" " * width + " " + side + "  ", console.get_style(ACCENT))
                    yield from line
                    yield Segment.line()
            if index < len(steps) - 1 and body:
                yield RichText(" " * width + " " + rail, style=ACCENT)
