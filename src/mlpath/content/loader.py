"""Find, read and validate a content directory. The only reader of YAML content.

YAML is read with the safe loader only. Every problem is reported with its file, line and
field path, and all problems are collected before failing.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

from mlpath.content.model import SECTIONS, Content, section_type
from mlpath.errors import ContentError, Problem, long_words_cut

ENV_DATA_DIR = "MLPATH_DATA_DIR"
# Content files larger than this are refused before parsing (custom dirs may be hostile).
MAX_FILE_BYTES = 1_000_000
# Content this process validated, by the exact text of its files. Records are read-only, so a
# process that runs several commands (a test suite, a program importing mlpath) validates once.
_VALIDATED: dict[tuple[tuple[str, str], ...], Content] = {}


def packaged_data_dir() -> Path:
    """The content shipped with mlpath: inside the wheel, or data/ in a source checkout."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "data"
    if installed.is_dir():
        return installed
    return here.parent.parent / "data"


def resolve_data_dir(flag: str | None, environ: dict[str, str] | None = None) -> Path:
    """`--data-dir` wins over MLPATH_DATA_DIR, which wins over the packaged content."""
    env = os.environ if environ is None else environ
    chosen = flag or env.get(ENV_DATA_DIR) or None
    return Path(chosen) if chosen else packaged_data_dir()


def load_content(directory: Path, use_cache: bool = True, *, refresh: bool = False) -> Content:
    """Read and validate every section file in `directory`, or raise ContentError listing all problems.

    Content validated before (the same files, byte for byte) comes from the cache instead;
    `refresh` validates it all the same and writes the cache entry again.
    """
    texts, problems = read_texts(directory)
    plain_texts = {s: text for s, (_, text) in texts.items()}
    if use_cache and not refresh and not problems:
        from mlpath.content import cache

        cached = cache.lookup(directory, plain_texts, lambda: load_content(directory, refresh=True))
        if cached is not None:
            return cached
        known = _VALIDATED.get(tuple(plain_texts.items()))
        if known is not None:  # validated earlier in this process: only the cache entry is missing
            cache.store(directory, plain_texts, known)
            return known
    documents: dict[str, tuple[Path, str, Any]] = {}
    for section, (path, text) in texts.items():
        data, problem = _parse_yaml(path, text)
        if problem is not None:
            problems.append(problem)
        else:
            documents[section] = (path, text, data)
    sections, schema_problems = validate_documents(documents)
    problems += schema_problems
    problems += _check_references(sections, documents)
    if problems:
        raise ContentError(str(directory), problems)
    content = Content(sections)
    if use_cache:
        from mlpath.content import cache

        cache.store(directory, plain_texts, content)
        _VALIDATED.clear()  # one is enough: a process reads one content directory
        _VALIDATED[tuple(plain_texts.items())] = content
    return content


def read_texts(directory: Path) -> tuple[dict[str, tuple[Path, str]], list[Problem]]:
    """The text of each section's file; returns {section: (path, text)} and problems."""
    problems: list[Problem] = []
    texts: dict[str, tuple[Path, str]] = {}
    try:
        is_directory = directory.is_dir()
        reason = "is not a directory" if directory.exists() else "does not exist"
    except (OSError, ValueError) as error:  # a name too long for the system, a NUL byte, ...
        is_directory, reason = False, f"cannot be read ({getattr(error, 'strerror', None) or error})"
    if not is_directory:
        return texts, [Problem(long_words_cut(str(directory), 300), None, "", f"content directory {reason}")]
    for section in SECTIONS:
        path = directory / f"{section}.yaml"
        text, problem = _read_text(path)
        if problem is not None:
            problems.append(problem)
        else:
            texts[section] = (path, text)
    known = {f"{section}.yaml" for section in SECTIONS}
    for extra in sorted(p.name for p in directory.glob("*.y*ml") if p.name not in known):
        problems.append(
            Problem(
                str(directory / extra),
                None,
                "",
                f"unknown content file; expected one of the {len(SECTIONS)} section files ({', '.join(sorted(known))})",
            )
        )
    return texts, problems


def validate_documents(documents: dict[str, tuple[Path, str, Any]]) -> tuple[dict[str, Any], list[Problem]]:
    """Validate each parsed document against its section's schema; returns the valid sections."""
    from pydantic import ValidationError

    problems: list[Problem] = []
    sections: dict[str, Any] = {}
    for section, (path, text, data) in documents.items():
        try:
            sections[section] = _adapter(section).validate_python(data)
        except ValidationError as error:
            for detail in error.errors(include_url=False, include_input=False):
                location = tuple(detail["loc"])
                problems.append(Problem(str(path), _line_of(text, location), _field_path(location), detail["msg"]))
    return sections, problems


@functools.cache
def _adapter(section: str) -> Any:
    """The validator of a section's schema, built once per process (building one takes longer
    than using it)."""
    from pydantic import TypeAdapter

    return TypeAdapter(section_type(section))


def _read_text(path: Path) -> tuple[str, Problem | None]:
    """The text of one content file: a regular file, read with a bound (a FIFO, a device or
    /dev/stdin in its place is a problem, never read)."""
    from mlpath.files import NotRegularFileError, TooLargeError, read_regular

    try:
        return read_regular(path, MAX_FILE_BYTES).decode("utf-8"), None
    except FileNotFoundError:
        return "", Problem(str(path), None, "", "file is missing")
    except NotRegularFileError as error:
        expected = (
            ", expected a YAML file" if error.kind == "a directory" else "; a content file must be a regular file"
        )
        return "", Problem(str(path), None, "", f"is {error.kind}{expected}")
    except TooLargeError:
        return "", Problem(str(path), None, "", f"file is too large; the limit is {MAX_FILE_BYTES:,} bytes")
    except UnicodeDecodeError as error:
        return "", Problem(str(path), None, "", f"is not UTF-8 text ({error.reason})")
    except OSError as error:
        return "", Problem(str(path), None, "", f"cannot be read ({error.strerror})")


def _parse_yaml(path: Path, text: str) -> tuple[Any, Problem | None]:
    import yaml

    from mlpath import safe_yaml

    try:
        return safe_yaml.load(text), None
    except yaml.YAMLError as error:
        line, column, reason = safe_yaml.describe(error)
        at = f" (column {column})" if column else ""
        prefix = "" if isinstance(error, safe_yaml.TooLargeError) else "invalid YAML: "
        return None, Problem(str(path), line, "", f"{prefix}{reason}{at}")


def _field_path(location: tuple[Any, ...]) -> str:
    parts: list[str] = []
    for key in location:
        if isinstance(key, int):
            parts.append(f"[{key}]")
        else:
            parts.append(f".{key}" if parts else str(key))
    return "".join(parts)


def _line_of(text: str, location: tuple[Any, ...]) -> int | None:
    """The 1-based line of the node at `location`, or of its nearest existing parent."""
    import yaml

    from mlpath import safe_yaml

    try:
        node = safe_yaml.compose(text)
    except yaml.YAMLError:
        return None
    if node is None:
        return 1
    line: int = node.start_mark.line + 1
    for key in location:
        child = None
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == str(key):
                    child = value_node
                    line = key_node.start_mark.line + 1
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            child = node.value[key]
            line = child.start_mark.line + 1
        if child is None:
            break
        node = child
    return line


def _check_references(sections: dict[str, Any], documents: dict[str, tuple[Path, str, Any]]) -> list[Problem]:
    from mlpath.content.references import check

    problems = []
    for section, location, message in check(sections):
        path, text, _ = documents[section]
        problems.append(Problem(str(path), _line_of(text, location), _field_path(location), message))
    return problems
