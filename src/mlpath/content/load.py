"""Find, read and validate a content directory: the only reader of content YAML.

Every problem is reported with its file, line and field, and all problems are collected before
failing. Content validated before (the same files, byte for byte) comes from the cache.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

from mlpath.content import SECTIONS, Content, section_type
from mlpath.errors import ContentError, Problem
from mlpath.text import cut_words

ENV_DATA_DIR = "MLPATH_DATA_DIR"
MAX_FILE_BYTES = 1_000_000  # content files larger than this are refused before parsing
# Content this process validated, by the exact text of its files: a process that runs several
# commands (a test suite, a program importing mlpath) validates it once.
_VALIDATED: dict[tuple[tuple[str, str], ...], Content] = {}
Document = tuple[Path, str, Any]  # a section's file, its text and its parsed data


def _problem(file: str, line: int | None, field: str, message: str) -> Problem:
    return Problem(file=file, line=line, field=field, message=message)


def packaged_data_dir() -> Path:
    """The content shipped with mlpath: inside the wheel, or data/ in a source checkout."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "data"
    return installed if installed.is_dir() else here.parent.parent / "data"


def resolve_data_dir(flag: str | None) -> Path:
    """`--data-dir` wins over MLPATH_DATA_DIR, which wins over the packaged content."""
    chosen = flag or os.environ.get(ENV_DATA_DIR) or None
    return Path(chosen) if chosen else packaged_data_dir()


def load_content(directory: Path, use_cache: bool = True, *, refresh: bool = False) -> Content:
    """Read and validate every section file in `directory`, or raise ContentError listing every
    problem. `refresh` validates cached content all the same and writes its entry again."""
    from mlpath.content import cache

    texts, problems = read_texts(directory)
    plain_texts = {section: text for section, (_, text) in texts.items()}
    if use_cache and not refresh and not problems:
        cached = cache.lookup(directory, plain_texts, lambda: load_content(directory, refresh=True))
        if cached is not None:
            return cached
        known = _VALIDATED.get(tuple(plain_texts.items()))
        if known is not None:  # validated earlier in this process: only the cache entry is missing
            cache.store(directory, plain_texts, known)
            return known
    from mlpath.io import yaml  # only now: content from the cache is never parsed

    documents: dict[str, Document] = {}
    for section, (path, text) in texts.items():
        try:
            documents[section] = (path, text, yaml.load(text))
        except (yaml.YAMLError, yaml.TooLargeError) as error:
            line, column, reason = yaml.describe(error)
            at = f" (column {column})" if column else ""
            prefix = "" if isinstance(error, yaml.TooLargeError) else "invalid YAML: "
            problems.append(_problem(str(path), line, "", f"{prefix}{reason}{at}"))
    sections, found = validate(documents)
    problems += found
    if problems:
        raise ContentError(str(directory), problems)
    content = Content(sections)
    if use_cache:
        cache.store(directory, plain_texts, content)
        _VALIDATED.clear()  # one is enough: a process reads one content directory
        _VALIDATED[tuple(plain_texts.items())] = content
    return content


def read_texts(directory: Path) -> tuple[dict[str, tuple[Path, str]], list[Problem]]:
    """The text of each section's file: ({section: (path, text)}, problems)."""
    texts: dict[str, tuple[Path, str]] = {}
    try:
        is_directory = directory.is_dir()
        reason = "is not a directory" if directory.exists() else "does not exist"
    except (OSError, ValueError) as error:  # a name too long for the system, a NUL byte, ...
        is_directory, reason = False, f"cannot be read ({getattr(error, 'strerror', None) or error})"
    if not is_directory:
        return texts, [_problem(cut_words(str(directory), 300), None, "", f"content directory {reason}")]
    from mlpath.io.files import NotRegularFileError, TooLargeError, read_regular

    problems: list[Problem] = []
    for section in SECTIONS:
        path = directory / f"{section}.yaml"
        try:  # a regular file, read with a bound
            texts[section] = (path, read_regular(path, MAX_FILE_BYTES).decode("utf-8"))
            continue
        except FileNotFoundError:
            reason = "file is missing"
        except NotRegularFileError as error:
            regular = "; a content file must be a regular file"
            reason = f"is {error.kind}{', expected a YAML file' if error.kind == 'a directory' else regular}"
        except TooLargeError:
            reason = f"file is too large; the limit is {MAX_FILE_BYTES:,} bytes"
        except UnicodeDecodeError as error:
            reason = f"is not UTF-8 text ({error.reason})"
        except OSError as error:
            reason = f"cannot be read ({error.strerror})"
        problems.append(_problem(str(path), None, "", reason))
    known = {f"{section}.yaml" for section in SECTIONS}
    for extra in sorted(p.name for p in directory.glob("*.y*ml") if p.name not in known):
        expected = f"expected one of the {len(SECTIONS)} section files ({', '.join(sorted(known))})"
        problems.append(_problem(str(directory / extra), None, "", f"unknown content file; {expected}"))
    return texts, problems


def validate(documents: dict[str, Document]) -> tuple[dict[str, Any], list[Problem]]:
    """Each parsed document validated against its section's record, then the rules across files."""
    from pydantic import ValidationError

    from mlpath.content.checks import check
    from mlpath.io import yaml

    problems: list[Problem] = []
    sections: dict[str, Any] = {}
    compose = functools.cache(yaml.compose)  # each file once, however many problems it has

    def problem(section: str, location: tuple[Any, ...], message: str) -> Problem:
        """A problem on the line of the node at `location` (or of its nearest existing parent; none
        in an empty file: the file parsed, so it composes), its field written "tiers[0].amount"."""
        path, text, _ = documents[section]
        line = yaml.line_of(compose(text), location) if text else None
        field = "".join(f"[{key}]" if isinstance(key, int) else f".{key}" for key in location)
        return _problem(str(path), line, field.removeprefix("."), message)

    for section, (_, _, data) in documents.items():
        try:
            sections[section] = _adapter(section).validate_python(data)
        except ValidationError as error:
            for detail in error.errors(include_url=False, include_input=False):
                problems.append(problem(section, tuple(detail["loc"]), detail["msg"]))
    problems += [problem(*finding) for finding in check(sections)]
    return sections, problems


@functools.cache
def _adapter(section: str) -> Any:
    """The validator of a section's record, built once per process."""
    from pydantic import TypeAdapter

    return TypeAdapter(section_type(section))
