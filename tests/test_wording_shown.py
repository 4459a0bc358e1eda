"""What the commands show: the labels and qualifiers of test_wording.py reach the reader in
every format."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from conftest import Run
from test_wording import CONTENT, one_line

# What commands show -------------------------------------------------------------------------

FORMATS = ("table", "plain", "json", "yaml", "markdown")


@pytest.fixture
def show(run: Run) -> Callable[..., str]:
    """A command's output on one line, wide enough that no table cell wraps."""

    def output(*args: str) -> str:
        result = run(*args, env={"COLUMNS": "1000"})
        assert result.exit_code == 0, result.stderr
        return one_line(result.stdout)

    return output


def test_the_roadmap_says_the_core_skills_are_likely_to_be_learned_on_the_job(show: Callable[..., str]) -> None:
    document = json.loads(show("roadmap", "--defaults", "--json"))
    why = next(step["why"] for step in document["steps"] if step["id"] == "core-skills")
    assert "likely to learn" in why


def test_a_masters_time_is_not_called_full_time(show: Callable[..., str]) -> None:
    answers = ("--defaults", "--set", "education=bachelor-cs", "--set", "path=degree")
    formula = json.loads(show("roadmap", *answers, "--json"))["estimates"]["education"]["years_formula"]
    assert formula == "1 to 2 years (the article's durations; it gives no study mode for the master's)"


def test_a_bachelors_time_is_still_called_full_time(show: Callable[..., str]) -> None:
    answers = ("--defaults", "--set", "education=none", "--set", "path=degree")
    formula = json.loads(show("roadmap", *answers, "--json"))["estimates"]["education"]["years_formula"]
    assert formula == "4 years (full-time, the article's durations)"


@pytest.mark.parametrize("fmt", FORMATS)
def test_resources_show_their_addresses_labelled(show: Callable[..., str], fmt: str) -> None:
    out = show("resources", "--format", fmt)
    for resource in CONTENT.resources.resources:
        assert resource.url in out, resource.id
    assert CONTENT.resources.url_note in out


@pytest.mark.parametrize("fmt", FORMATS)
def test_learning_kinds_are_shown_as_the_guides_examples_with_mlpaths_definitions(
    show: Callable[..., str], fmt: str
) -> None:
    assert one_line(CONTENT.role.learning_kinds_note) in show("about", "--format", fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_source_kinds_are_shown_as_mlpaths_descriptions(show: Callable[..., str], fmt: str) -> None:
    assert one_line(CONTENT.sources.kinds_note) in show("sources", "--format", fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_company_aims_are_shown(show: Callable[..., str], fmt: str) -> None:
    out = show("companies", "--format", fmt)
    for company in CONTENT.companies.companies:
        if company.purpose:
            assert company.purpose in out, company.id


@pytest.mark.parametrize("fmt", FORMATS)
def test_internships_say_they_vary(show: Callable[..., str], fmt: str) -> None:
    assert one_line(CONTENT.internships.summary) in show("internships", "--format", fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_education_shows_its_qualifiers(show: Callable[..., str], fmt: str) -> None:
    out = show("education", "--format", fmt)
    education = CONTENT.education
    for note in (education.durations.bachelor.note, education.durations.master.note, education.tuition.note):
        assert one_line(note) in out


def test_skills_are_titled_as_the_guide_frames_them(show: Callable[..., str]) -> None:
    for fmt in ("table", "markdown"):
        out = show("skills", "--format", fmt)
        assert "Useful skills to have" in out and "Skills you are likely to learn on the job" in out


@pytest.mark.parametrize("fmt", FORMATS)
def test_salary_says_pay_varies_and_every_tier_is_higher(show: Callable[..., str], fmt: str) -> None:
    assert one_line(CONTENT.salary.summary) in show("salary", "--format", fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_guides_own_answer_is_on_about(show: Callable[..., str], fmt: str) -> None:
    out = show("about", "--format", fmt)
    reflection = CONTENT.reflection
    assert one_line(reflection.summary) in out
    for criterion in reflection.criteria:
        assert criterion.text in out
    for reward in reflection.rewards:
        assert reward in out


def test_the_guides_own_answer_is_the_last_section_of_about(show: Callable[..., str]) -> None:
    out = show("about", "--format", "markdown")
    assert out.index("Should you become one? The guide's answer") > out.index("Who they work with")
    assert list(json.loads(show("about", "--json"))["guide_answer"]) == ["summary", "criteria", "rewards", "source"]
