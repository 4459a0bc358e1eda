"""JSON and YAML documents: the machine-readable contract, written with their own encoders."""

from __future__ import annotations

import json
from typing import Any


def to_json(document: Any) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def to_json_line(document: Any) -> str:
    """One compact line, for JSON Lines output."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def to_yaml(document: Any) -> str:
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text: str = yaml.dump(document, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)
    return text
