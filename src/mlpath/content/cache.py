"""A cache of validated content, so a run skips parsing and validating YAML it has seen before.

An entry is keyed by a hash of: the content directory's resolved path, the exact text of every
section file, the schema modules (size and modification time), and the Python and pydantic
versions. So it is used only
for the very content mlpath validated itself, and any edit to content or schema misses it. An
entry holds each section pickled (marshal around the blobs); it is written atomically, and any
problem reading or writing the cache just means validating as usual.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mlpath.content.model import SECTIONS, Content

if TYPE_CHECKING:
    from collections.abc import Mapping

KEEP = 8  # entries kept; older ones are removed when a new one is written


def cache_dir() -> Path:
    from mlpath.userdirs import cache_home

    return cache_home()


def _schema_stamp() -> bytes:
    """Python, pydantic and the schema modules (by size and modification time, as .pyc files do)."""
    from pydantic.version import VERSION

    digest = hashlib.sha256(f"{sys.version}\0{VERSION}".encode())
    for source in sorted((Path(__file__).parent / "model").glob("*.py")):
        stat = source.stat()
        digest.update(f"{source.name}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.digest()


def entry(directory: Path, texts: Mapping[str, str]) -> Path:
    digest = hashlib.sha256(_schema_stamp())
    digest.update(str(directory.resolve()).encode())
    for section in SECTIONS:
        digest.update(b"\0" + section.encode() + b"\0" + texts[section].encode())
    return cache_dir() / f"content-{digest.hexdigest()[:32]}.bin"


def lookup(directory: Path, texts: Mapping[str, str]) -> Content | None:
    try:
        blobs = marshal.loads(entry(directory, texts).read_bytes())  # noqa: S302 - our own cache file
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(blobs, dict) or set(blobs) != set(SECTIONS):
        return None
    if not all(isinstance(blob, bytes) for blob in blobs.values()):
        return None
    return Content(blobs=blobs)


def store(directory: Path, texts: Mapping[str, str], content: Content) -> None:
    from mlpath.errors import OperationError
    from mlpath.files import write_atomic

    target = entry(directory, texts)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(str(target), marshal.dumps(content.blobs()), "the content cache")
        for old in sorted(target.parent.glob("content-*.bin"), key=lambda p: p.stat().st_mtime)[:-KEEP]:
            old.unlink()
    except (OSError, OperationError):
        pass  # a cache that cannot be written only costs time
