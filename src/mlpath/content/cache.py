"""A cache of validated content, so a run skips parsing and validating YAML it has seen before.

An entry is keyed by a hash of: the content directory's resolved path, the exact text of every
section file, the schema modules (size and modification time), and the Python and pydantic
versions. So it is used only for the very content mlpath validated itself, and any edit to
content or schema misses it.

An entry is JSON: plain data only, never code (no pickle, no marshal). It names its own key and
format, and each section is checked against the schema when a command first reads it (see
`content.plain`). Anything wrong with an entry (unreadable, not JSON, another key or format, a
section that does not fit the schema, a planted file of any kind) makes it a miss: the content
is validated as usual and the entry written again. Writing it is atomic, never follows a
symlink planted in its place, and a cache that cannot be written only costs time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlpath.content.model import SECTIONS, Content

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

FORMAT = 2  # 1 held pickles; those entries are never read, and are removed when a new one is written
KEEP = 8  # entries kept; older ones are removed when a new one is written
MAX_ENTRY_BYTES = 5_000_000  # the packaged content takes about 60 KB
PREFIX = "content-"


def cache_dir() -> Path:
    from mlpath.userdirs import cache_home

    return cache_home()


def _schema_stamp() -> bytes:
    """Python, pydantic and the schema modules (by size and modification time, as .pyc files do)."""
    from pydantic.version import VERSION

    digest = hashlib.sha256(f"{sys.version}\0{VERSION}\0{FORMAT}".encode())
    here = Path(__file__).parent
    for source in [*sorted((here / "model").glob("*.py")), here / "plain.py"]:
        stat = source.stat()
        digest.update(f"{source.name}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.digest()


def key(directory: Path, texts: Mapping[str, str]) -> str:
    digest = hashlib.sha256(_schema_stamp())
    digest.update(str(directory.resolve()).encode())
    for section in SECTIONS:
        digest.update(b"\0" + section.encode() + b"\0" + texts[section].encode())
    return digest.hexdigest()


def entry(directory: Path, texts: Mapping[str, str], known: str | None = None) -> Path:
    """The file of the entry for this content (`known`: its key, when already computed)."""
    return cache_dir() / f"{PREFIX}{(known or key(directory, texts))[:32]}.json"


def lookup(directory: Path, texts: Mapping[str, str], rebuild: Callable[[], Content]) -> Content | None:
    """The cached content of `directory`, or None. Its sections are checked as they are read;
    one that does not fit calls `rebuild` (which validates the files and stores a new entry)."""
    from mlpath.files import read_regular

    wanted = key(directory, texts)
    path = entry(directory, texts, wanted)
    try:  # never stdin, whatever is planted there (a link to /dev/stdin)
        document: Any = json.loads(read_regular(path, MAX_ENTRY_BYTES))
    except (OSError, ValueError, RecursionError):  # missing, not a file, too big, not JSON
        return None
    if not isinstance(document, dict) or document.keys() != {"format", "key", "sections"}:
        return None
    if document["format"] != FORMAT or document["key"] != wanted:
        return None
    sections = document["sections"]
    if not isinstance(sections, dict) or sections.keys() != set(SECTIONS):
        return None
    return Content(plain=sections, rebuild=rebuild)


def store(directory: Path, texts: Mapping[str, str], content: Content) -> None:
    from mlpath.errors import MlpathError
    from mlpath.files import write_atomic

    known = key(directory, texts)
    target = entry(directory, texts, known)
    document = {"format": FORMAT, "key": known, "sections": content.plain()}
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
        write_atomic(str(target), text, "the content cache", replace_link=True, record=False)
        _prune(target.parent)
    except (OSError, ValueError, MlpathError):
        pass  # a cache that cannot be written only costs time


def _prune(directory: Path) -> None:
    """Keep the newest KEEP entries; remove the rest, and every entry of an older format."""
    entries = []
    for path in directory.glob(f"{PREFIX}*"):
        with contextlib.suppress(OSError):
            if path.suffix != ".json":  # content-*.bin: pickles from before, never to be read
                path.unlink()
            else:
                entries.append((path.lstat().st_mtime, path))
    for _, old in sorted(entries)[:-KEEP]:
        with contextlib.suppress(OSError):
            old.unlink()
