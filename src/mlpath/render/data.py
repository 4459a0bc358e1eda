"""JSON and YAML documents: the machine-readable contract, written with their own encoders."""

from __future__ import annotations

import json
from typing import Any

COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def to_json(document: Any, pretty: bool = False, ascii_only: bool = False) -> str:
    """One JSON document: compact (one line) unless `pretty`, so piped output is identical to --batch lines."""
    if pretty:
        return json.dumps(document, indent=2, ensure_ascii=ascii_only) + "\n"
    if ascii_only:
        return json.dumps(document, separators=(",", ":")) + "\n"
    return COMPACT.encode(document) + "\n"


def to_yaml(document: Any) -> str:
    from mlpath.safe_yaml import dump

    return dump(document)
