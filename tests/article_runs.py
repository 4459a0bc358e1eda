"""Ten-word runs of the career guide, kept as hashes so that the repository never holds its text.

tests/test_wording.py checks that no text in data/ repeats ten words in a row of the guide's
prose. To rebuild the hashes from a copy of the guide (say, after it is revised):

    python tests/article_runs.py GUIDE.txt > tests/article_10grams.txt

Words are compared in lower case, with apostrophes dropped and punctuation ignored.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

RUN = 10
HASHES = Path(__file__).resolve().parent / "article_10grams.txt"


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("\u2019", "").replace("'", ""))


def digest(run: list[str]) -> str:
    return hashlib.sha256(" ".join(run).encode()).hexdigest()[:16]


def runs(text: str) -> list[tuple[str, str]]:
    """(digest, the words) of every run of RUN words in the text."""
    found = words(text)
    return [(digest(found[i : i + RUN]), " ".join(found[i : i + RUN])) for i in range(len(found) - RUN + 1)]


def article_hashes() -> frozenset[str]:
    lines = HASHES.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def main() -> None:
    text = Path(sys.argv[1]).read_text(encoding="utf-8")
    hashes = sorted({hashed for hashed, _ in runs(text)})
    sys.stdout.write(f"# sha256[:16] of every {RUN}-word run of the guide ({len(words(text))} words)\n")
    sys.stdout.write("".join(hashed + "\n" for hashed in hashes))


if __name__ == "__main__":
    main()
