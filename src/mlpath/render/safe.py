"""Text from a content directory made safe to show on a terminal.

A custom content directory (`--data-dir`) is not trusted to drive the terminal: an escape
sequence in a description could clear the screen, retitle the window or hide text, and a bidi
override could make a line read differently from what it holds. The table, plain, Markdown and
CSV formats show text through here; JSON and YAML escape control characters themselves and
carry the content exactly.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from mlpath.report import Report

# ESC sequences whole (CSI, OSC up to its terminator, and two-character ones), so that no
# "[2J" is left behind; then any other C0 control but tab and newline, DEL, the C1 controls
# (U+0080-U+009F, among them the one-character CSI U+009B) and the bidi controls.
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI ... final byte (ESC [ or the C1 CSI)
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC ... BEL or ST
    r"|\x1b[ -~]?"  # any other escape, and a lone ESC
)
_CONTROLS = dict.fromkeys(
    [
        *(c for c in range(0x20) if chr(c) not in "\t\n"),
        *range(0x7F, 0xA0),
        0x061C,
        0x200E,
        0x200F,
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
    ]
)


def shown(text: str) -> str:
    """`text` without escape sequences or control characters (tab and newline stay)."""
    if text.isprintable():  # the common case: nothing to strip (controls are never printable)
        return text
    return _SEQUENCE.sub("", text).translate(_CONTROLS)


def safe_report(report: Report) -> Report:
    """The report with every string in its document, blocks and summary made safe to show."""
    return Report(
        report.kind,
        shown(report.title),
        _safe(report.document),
        _safe(report.blocks),
        _safe(report.summary),
    )


def _safe(value: Any) -> Any:
    if isinstance(value, str):
        return shown(value)
    if isinstance(value, tuple):
        items = [_safe(item) for item in value]
        return type(value)(*items) if hasattr(value, "_fields") else tuple(items)
    if isinstance(value, list):
        return [_safe(item) for item in value]
    if isinstance(value, Mapping):
        return {_safe(key): _safe(item) for key, item in value.items()}
    return value
