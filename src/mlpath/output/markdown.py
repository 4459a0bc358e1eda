"""Markdown: a document to paste into notes or an issue; step lists become task lists."""

from __future__ import annotations

from collections.abc import Sequence

from mlpath.output.blocks import Bars, Block, Excerpt, Excerpts, Notes, Paragraph, Report, Signed, Steps, Table


def to_markdown(report: Report) -> str:
    parts = [f"# {report.title}"]
    for block in report.blocks:
        body = _body(block)
        parts.append(f"## {block.title}\n\n{body}" if block.title else body)
    return "\n\n".join(part for part in parts if part) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(columns: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(_cell(c) for c in columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _body(block: Block) -> str:
    if isinstance(block, Paragraph):
        return block.text
    if isinstance(block, Table) and len(block.columns) == 1:
        return "\n".join(f"- {row[0]}" for row in block.rows)
    if isinstance(block, Table):
        return _table(block.columns, block.rows)
    if isinstance(block, Bars):
        bars = [*block.bars, *((block.reference,) if block.reference else ())]
        noted = any(bar.note for bar in bars)  # a note column only when some bar has a note
        rows = [(bar.label, bar.text, bar.note) if noted else (bar.label, bar.text) for bar in bars]
        return _table(block.columns[: 3 if noted else 2], rows)
    if isinstance(block, Steps):
        lines = []
        for step in block.steps:
            head = f"**{step.title}**" + (f": {step.summary}" if step.summary else "")
            if step.status in ("learning", "skipped"):
                head += f" _({step.status})_"
            if step.sign:  # a comparison: a list, each step led by its sign and numbered as in yours (a new one: not)
                lead = f"- {_sign(step.sign)}" + (f" {step.marker}." if step.marker else "")
            else:
                lead = f"- [{'x' if step.status == 'done' else ' '}]" if block.checklist else f"{step.marker}."
            lines.append(f"{lead} {head}")
            indent = "  " if block.checklist or step.sign else "   "
            signs = step.signs or ("",) * len(step.details)
            lines.extend(
                f"{indent}- {_sign(sign) + ' ' if sign else ''}{detail}"
                for detail, sign in zip(step.details, signs, strict=True)
            )
        return "\n".join(lines)
    if isinstance(block, Notes):
        return "\n".join(f"- {item}" for item in block.items)
    if isinstance(block, Signed):
        return "\n".join(f"- {_sign(sign)} {text}" for sign, text in block.items)
    if isinstance(block, Excerpts):
        return "\n\n".join(_excerpt(item) for item in block.items)
    raise TypeError(block)


def _excerpt(item: Excerpt) -> str:
    text, at = "", 0
    for start, end in item.spans:
        if start >= at:  # spans that overlap an earlier one are inside its bold already
            text += f"{item.text[at:start]}**{item.text[start:end]}**"
            at = end
    return f"**{item.heading}** (`{item.command}`)  \n{text}{item.text[at:]}"


def _sign(sign: str) -> str:
    """A change's sign as code, so that "-" and "+" are not read as list markers."""
    return f"`{sign}`"
