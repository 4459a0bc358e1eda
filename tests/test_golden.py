"""Every command's output in every format is exactly what tests/golden/ holds (see tests/golden.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from golden import GOLDEN, cases, produce


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("home"))


def test_every_golden_file_is_produced() -> None:
    assert sorted(p.name for p in GOLDEN.iterdir()) == sorted(cases())


# Each case runs in its own test, so that the suite's workers share them out.
@pytest.mark.parametrize("name", sorted(p.name for p in GOLDEN.iterdir()))
def test_output_matches_golden(home: str, name: str) -> None:
    expected = (GOLDEN / name).read_text(encoding="utf-8")
    assert produce(name, home) == expected, f"{name} changed; if intended, run: python tests/golden.py"


def test_golden_files_are_not_empty() -> None:
    assert all(Path(p).stat().st_size > 0 for p in GOLDEN.iterdir())
