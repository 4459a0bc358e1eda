"""Markdown: a document to paste into notes or an issue; step lists become task lists."""

from __future__ import annotations

from collections.abc import Sequence

from mlpath.output.blocks import Bars, Block, Changes, Excerpt, Excerpts, Notes, Paragraph, Report, Steps, Table


def to_markdown(report: Report) -> str:
    parts = [f"# {report.title}"]
    parts.extend(_block(block) for block in report.blocks)
    return "\n\n".join(part for part in parts if part) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(columns: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(_cell(c) for c in columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _titled(title: str, body: str) -> str:
    return f"## {title}\n\n{body}" if title else body


def _block(block: Block) -> str:
    if isinstance(block, Paragraph):
        return _titled(block.title, block.text)
    if isinstance(block, Table):
        if len(block.columns) == 1:
            return _titled(block.title, "\n".join(f"- {row[0]}" for row in block.rows))
        return _titled(block.title, _table(block.columns, list(block.rows)))
    if isinstance(block, Bars):
        bars = [*block.bars, *((block.reference,) if block.reference else ())]
        noted = any(bar.note for bar in bars)  # a note column only when some bar has a note
        rows = [(bar.label, bar.text, bar.note) if noted else (bar.label, bar.text) for bar in bars]
        return _titled(block.title, _table(block.columns[: 3 if noted else 2], rows))
    if isinstance(block, Steps):
        lines = []
        for step in block.steps:
            head = f"**{step.title}**" + (f": {step.summary}" if step.summary else "")
            if step.status in ("learning", "skipped"):
                head += f" _({step.status})_"
            if step.sign:  # a comparison: a list, each step led by its sign and numbered as in its roadmap
                lead = f"- {_sign(step.sign)} {step.marker}."
            else:
                lead = f"- [{'x' if step.done else ' '}]" if block.checklist else f"{step.marker}."
            lines.append(f"{lead} {head}")
            indent = "  " if block.checklist or step.sign else "   "
            signs = step.signs or ("",) * len(step.details)
            lines.extend(
                f"{indent}- {_sign(sign) + ' ' if sign else ''}{detail}"
                for detail, sign in zip(step.details, signs, strict=True)
            )
        return _titled(block.title, "\n".join(lines))
    if isinstance(block, Notes):
        return _titled(block.title, "\n".join(f"- {item}" for item in block.items))
    if isinstance(block, Changes):
        return _titled(block.title, "\n".join(f"- {_sign(sign)} {text}" for sign, text in block.items))
    if isinstance(block, Excerpts):
        return _titled(block.title, "\n\n".join(_excerpt(item) for item in block.items))
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
