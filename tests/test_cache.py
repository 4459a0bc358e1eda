"""The content cache holds plain data only: nothing in it runs, and nothing wrong in it is trusted."""

from __future__ import annotations

import json
import marshal
import os
import pickle
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Run, examples
from mlpath.content import SECTIONS, Content, cache, section_type
from mlpath.content.load import load_content, packaged_data_dir, read_texts

SALARY = ("salary", "--json")


class Planted:
    """A pickle that runs a command when loaded."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (os.system, (f"touch {self.marker}",))


def entry_of(directory: Path) -> Path:
    texts, problems = read_texts(directory)
    assert not problems
    return cache.entry(directory, {section: text for section, (_, text) in texts.items()})


def expected_salary(run: Run, content_dir: Path) -> str:
    result = run("--data-dir", str(content_dir), *SALARY)
    assert result.exit_code == 0
    return result.stdout


def test_entries_are_json_of_plain_data(run: Run, content_dir: Path) -> None:
    expected_salary(run, content_dir)
    document = json.loads(entry_of(content_dir).read_text(encoding="utf-8"))
    assert document["format"] == cache.FORMAT and set(document["sections"]) == set(SECTIONS)


def test_a_planted_pickle_runs_nothing(run: Run, content_dir: Path, tmp_path: Path) -> None:
    before = expected_salary(run, content_dir)
    marker = tmp_path / "ran"
    payload = pickle.dumps(Planted(marker))
    target = entry_of(content_dir)
    target.write_bytes(payload)
    # and the former format, pickles inside marshal, under the former name
    target.with_suffix(".bin").write_bytes(marshal.dumps({section: payload for section in SECTIONS}))
    for command in (SALARY, ("search", "pytorch"), ("roadmap", "--json")):
        assert run("--data-dir", str(content_dir), *command).exit_code == 0
    assert not marker.exists()
    assert run("--data-dir", str(content_dir), *SALARY).stdout == before


def test_entries_of_the_pickle_era_are_removed(run: Run, content_dir: Path, tmp_path: Path) -> None:
    """When an entry is written, those of the former format (pickles inside marshal) go."""
    before = expected_salary(run, content_dir)
    marker = tmp_path / "ran"
    target = entry_of(content_dir)
    target.unlink()
    former = target.with_suffix(".bin")
    former.write_bytes(marshal.dumps({section: pickle.dumps(Planted(marker)) for section in SECTIONS}))
    assert run("--data-dir", str(content_dir), *SALARY).stdout == before
    assert not former.exists() and not marker.exists()
    assert json.loads(target.read_bytes())["format"] == cache.FORMAT


DAMAGES = [
    b"",
    b"\x00\xff" * 100,
    b'{"format": 2',
    b"[]",
    b'{"format": 2, "key": "x", "sections": {}}',
    b"[" * 100_000,
    '{"format": 2, "key": "\u00e9"}'.encode("utf-16"),
]


def written_again(target: Path) -> bool:
    """Is the entry a whole, fresh one (not what was planted)?"""
    try:
        document = json.loads(target.read_bytes())
    except (ValueError, RecursionError):
        return False
    return (
        isinstance(document, dict)
        and document.get("format") == cache.FORMAT
        and isinstance(document.get("sections"), dict)
        and set(document["sections"]) == set(SECTIONS)
    )


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_damaged_entry_is_ignored(run: Run, content_dir: Path, damage: bytes) -> None:
    before = expected_salary(run, content_dir)
    target = entry_of(content_dir)
    target.write_bytes(damage)
    result = run("--data-dir", str(content_dir), *SALARY)
    assert result.exit_code == 0 and result.stdout == before and not result.stderr


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_damaged_entry_is_written_again(run: Run, content_dir: Path, damage: bytes) -> None:
    before = expected_salary(run, content_dir)
    target = entry_of(content_dir)
    target.write_bytes(damage)
    assert run("--data-dir", str(content_dir), *SALARY).stdout == before
    assert written_again(target)


def wrong(document: dict[str, Any], section: str, change: Any) -> None:
    document["sections"][section] = change(document["sections"][section])


WRONG_SHAPES = [
    ("salary", lambda s: {**s, "tiers": [{**t, "amount": {**t["amount"], "value": "118000"}} for t in s["tiers"]]}),
    ("salary", lambda s: {**s, "tiers": [{**t, "amount": {**t["amount"], "value": -1}} for t in s["tiers"]]}),
    ("salary", lambda s: {**s, "tiers": []}),  # MinLen(1)
    ("salary", lambda s: {key: value for key, value in s.items() if key != "summary"}),
    ("salary", lambda s: {**s, "extra": 1}),
    ("salary", lambda s: {**s, "summary": ""}),
    ("salary", lambda s: {**s, "summary": True}),
    ("sources", lambda s: {**s, "sources": "Glassdoor"}),
    ("sources", lambda s: None),
]


def plant_wrong_shape(run: Run, content_dir: Path, section: str, change: Any) -> tuple[str, Path, dict[str, Any]]:
    """(what salary shows, the entry, the planted entry's document)"""
    before = expected_salary(run, content_dir)
    target = entry_of(content_dir)
    document = json.loads(target.read_bytes())
    wrong(document, section, change)
    target.write_text(json.dumps(document), encoding="utf-8")
    return before, target, document


@pytest.mark.parametrize(("section", "change"), WRONG_SHAPES)
def test_an_entry_of_the_wrong_shape_is_not_trusted(run: Run, content_dir: Path, section: str, change: Any) -> None:
    before, _, _ = plant_wrong_shape(run, content_dir, section, change)
    result = run("--data-dir", str(content_dir), *SALARY)
    assert result.exit_code == 0 and result.stdout == before and not result.stderr


@pytest.mark.parametrize(("section", "change"), WRONG_SHAPES)
def test_an_entry_of_the_wrong_shape_is_rebuilt(run: Run, content_dir: Path, section: str, change: Any) -> None:
    before, target, document = plant_wrong_shape(run, content_dir, section, change)
    assert run("--data-dir", str(content_dir), *SALARY).stdout == before
    assert json.loads(target.read_bytes())["sections"][section] != document["sections"][section]


def test_an_entry_for_other_content_is_not_used(run: Run, content_dir: Path, tmp_path: Path) -> None:
    """An entry copied under another entry's name (another key inside) is a miss."""
    import shutil

    other = tmp_path / "other"
    shutil.copytree(content_dir, other)
    text = (other / "salary.yaml").read_text(encoding="utf-8").replace("value: 118000", "value: 121000")
    (other / "salary.yaml").write_text(text, encoding="utf-8")
    assert "121000" in expected_salary(run, other)
    before = expected_salary(run, content_dir)
    entry_of(content_dir).write_bytes(entry_of(other).read_bytes())
    assert run("--data-dir", str(content_dir), *SALARY).stdout == before


def test_a_symlink_planted_as_an_entry_is_replaced_not_followed(run: Run, content_dir: Path, tmp_path: Path) -> None:
    victim = tmp_path / "precious.txt"
    victim.write_text("keep me\n")
    target = entry_of(content_dir)
    target.parent.mkdir(parents=True)
    target.symlink_to(victim)
    expected_salary(run, content_dir)
    assert victim.read_text() == "keep me\n"
    assert not target.is_symlink() and json.loads(target.read_bytes())["format"] == cache.FORMAT


@pytest.mark.parametrize("kind", ["directory", "fifo"])
def test_an_entry_that_is_not_a_file_costs_only_time(run: Run, content_dir: Path, kind: str) -> None:
    before = expected_salary(run, content_dir)
    target = entry_of(content_dir)
    target.unlink()
    if kind == "directory":
        target.mkdir()
    else:
        os.mkfifo(target)
    assert run("--data-dir", str(content_dir), *SALARY).stdout == before


def test_every_section_round_trips_through_plain_data() -> None:
    content = load_content(packaged_data_dir(), use_cache=False)
    for section in SECTIONS:
        value = content.section(section)
        stored = json.loads(json.dumps(cache.to_plain(value)))
        back = cache.from_plain(section_type(section), stored)
        assert repr(back) == repr(value), section
        assert type(back) is type(value)


@pytest.mark.slow
@settings(max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000) | st.text(max_size=500).map(str.encode))
def test_any_bytes_in_an_entry_never_change_what_is_shown(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, data: bytes
) -> None:
    from mlpath.model import encode
    from mlpath.output.views import salary

    def shown(content: Content) -> bytes:
        return encode(salary(content, None).document, content.names)  # what --json prints

    monkeypatch.setenv("MLPATH_HOME", str(tmp_path / "home"))
    directory = packaged_data_dir()
    expected = shown(load_content(directory, use_cache=False))
    target = entry_of(directory)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    assert shown(load_content(directory)) == expected


def test_a_list_where_a_literal_goes_is_refused() -> None:
    """Found by the property below: a list (unhashable) in place of a question's kind."""
    content = load_content(packaged_data_dir(), use_cache=False)
    stored = cache.to_plain(content.questions)
    stored["questions"][0]["kind"] = []
    with pytest.raises(cache.PlainDataError):
        cache.from_plain(section_type("questions"), stored)


@pytest.mark.slow
@settings(max_examples=examples(30), deadline=None)
@given(st.data())
def test_any_change_to_a_section_is_refused_or_still_fits(data: st.DataObject) -> None:
    """A value swapped anywhere in a section's plain data: refused, or read back as the schema allows."""
    content = load_content(packaged_data_dir(), use_cache=False)
    section = data.draw(st.sampled_from(["salary", "sources", "ladder", "questions", "assumptions"]))
    stored = cache.to_plain(content.section(section))
    paths = list(_paths(stored))
    path = data.draw(st.sampled_from(paths))
    replacement = data.draw(
        st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=5), st.just([]), st.just({}))
    )
    changed = _replace(stored, path, replacement)
    try:
        back = cache.from_plain(section_type(section), changed)
    except cache.PlainDataError:
        return
    assert repr(cache.from_plain(section_type(section), cache.to_plain(back))) == repr(back)


def _paths(node: Any, path: tuple[Any, ...] = ()) -> Any:
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*path, index))


def _replace(node: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    head, *rest = path
    copy = dict(node) if isinstance(node, dict) else list(node)
    copy[head] = _replace(node[head], tuple(rest), value)
    return copy


def test_an_entry_linked_to_stdin_is_not_read(run: Run, content_dir: Path) -> None:
    """A planted link to /dev/stdin must not swallow the answers piped in."""
    expected_salary(run, content_dir)
    target = entry_of(content_dir)
    target.unlink()
    target.symlink_to("/dev/stdin")
    result = run("--data-dir", str(content_dir), "roadmap", "--answers", "-", "--json", input="goal: director\n")
    assert result.exit_code == 2 and "the answers lack" in result.stderr
    assert "goal" not in result.stderr  # stdin reached the answers: goal is given
