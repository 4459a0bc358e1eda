"""Every command's output in every format is exactly what tests/golden/ holds (see tests/golden.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from golden import GOLDEN, outputs


@pytest.fixture(scope="module")
def produced(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return outputs(str(tmp_path_factory.mktemp("home")))


def test_every_golden_file_is_produced(produced: dict[str, str]) -> None:
    assert sorted(p.name for p in GOLDEN.iterdir()) == sorted(produced)


@pytest.mark.parametrize("name", sorted(p.name for p in GOLDEN.iterdir()))
def test_output_matches_golden(produced: dict[str, str], name: str) -> None:
    expected = (GOLDEN / name).read_text(encoding="utf-8")
    assert produced[name] == expected, f"{name} changed; if intended, run: python tests/golden.py"


def test_golden_files_are_not_empty() -> None:
    assert all(Path(p).stat().st_size > 0 for p in GOLDEN.iterdir())
