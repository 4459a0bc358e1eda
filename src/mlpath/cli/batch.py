"""`mlpath quiz --batch`: one JSON line out for every line in, in order; nothing dropped."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping
from typing import Any

from mlpath.cli.options import AnswerSource
from mlpath.content.model import Content
from mlpath.errors import ExitCode, MlpathError


def run_batch(content: Content, source: AnswerSource) -> int:
    """Process every line; returns the exit code: 0 if all lines were valid, else 2."""
    from mlpath import answers as contract
    from mlpath.engine.roadmap import build_roadmap
    from mlpath.files import read_input
    from mlpath.render.data import to_json
    from mlpath.views.roadmap import roadmap_document

    overrides = contract.parse_assignments(source.assignments)
    lines: Iterable[str] = (
        sys.stdin if source.file in (None, "-") else read_input(str(source.file), "answers file").splitlines()
    )
    write = sys.stdout.write
    questions = content.questions.questions
    failed = False
    for number, line in enumerate(lines, 1):
        try:
            raw = _parse_line(line)
            raw.update(overrides)
            prepared, missing = contract.resolve(raw, questions, source.defaults)
            if missing:
                raise MlpathError(f"missing answers: {', '.join(missing)} (or run with --defaults)")
            result: Mapping[str, Any] = roadmap_document(content, build_roadmap(content, contract.build(prepared)))
        except MlpathError as error:
            failed = True
            result = {"line": number, "error": str(error)}
        write(to_json(result))
    return int(ExitCode.USAGE if failed else ExitCode.OK)


def _parse_line(line: str) -> dict[str, Any]:
    text = line.strip()
    if not text:
        raise MlpathError("empty line; expected a JSON object of answers")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise MlpathError(f"not valid JSON at column {error.colno}: {error.msg}") from None
    if not isinstance(data, dict):
        raise MlpathError('expected a JSON object of answers, e.g. {"programming": "beginner"}')
    return data
