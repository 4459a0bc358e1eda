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
    assert formula == "1 to 2 years (the article's durations: a master's may take this long; no study mode given)"


def test_a_bachelors_time_is_still_called_full_time(show: Callable[..., str]) -> None:
    answers = ("--defaults", "--set", "education=none", "--set", "path=degree")
    formula = json.loads(show("roadmap", *answers, "--json"))["estimates"]["education"]["years_formula"]
    assert formula == "typically 4 years (full-time, the article's durations)"


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


def test_a_part_time_masters_says_its_years_are_taken_as_full_time(show: Callable[..., str]) -> None:
    answers: tuple[str, ...] = ("--defaults", "--set", "education=bachelor-cs", "--set", "path=degree")
    answers += ("--set", "residency=out-of-state")
    answers += ("--set", "study=part-time")
    study = json.loads(show("roadmap", *answers, "--json"))["estimates"]["education"]
    assert study["years_formula"] == (
        "1 to 2 years, taken as full-time (mlpath's assumption), × 2 (part-time, an assumption) = 2 to 4 years"
    )
    assert study["tuition_formula"] == (
        "1 year of study, taken as full-time × $25,678 = $25,678 to 2 years of study, taken as full-time"
        " × $25,678 = $51,356 (part-time assumed to cost the same in total)"
    )
    assert (study["years_min"], study["years_max"], study["tuition_min"], study["tuition_max"]) == (2, 4, 25678, 51356)
    summary = show("roadmap", *answers, "--format", "table")  # the formulas stay in the full roadmap
    assert (
        "Degree: roughly 2 to 4 years, part-time; tuition $25,678 to $51,356, out-of-state (worked out in the full"
        " roadmap)" in summary
    )


def test_a_part_time_bachelors_time_and_tuition_carry_the_articles_hedge(show: Callable[..., str]) -> None:
    answers = ("--defaults", "--set", "education=none", "--set", "path=degree", "--set", "study=part-time")
    study = json.loads(show("roadmap", *answers, "--json"))["estimates"]["education"]
    assert study["years_formula"] == "typically 4 years × 2 (part-time, an assumption) = 8 years"
    assert study["tuition_formula"] == (
        "4 years of full-time study × $10,162 = $40,648 (part-time assumed to cost the same in total)"
    )


def test_the_core_skills_step_gives_each_skill_its_purpose_and_the_articles_groups(
    show: Callable[..., str],
) -> None:
    document = json.loads(show("roadmap", "--defaults", "--json"))
    actions = next(step["actions"] for step in document["steps"] if step["id"] == "core-skills")
    assert (
        "Deep learning: Neural networks, crucial for hard problems in vision, language and other fields."
        " Frameworks: TensorFlow, PyTorch, Keras. Architectures: convolutional neural networks (CNNs),"
        " recurrent neural networks (RNNs), transformers." in actions
    )
    assert (
        "Deployment and productionization: Putting models into production and serving them, essential for"
        " delivering real-world solutions. Containers: Docker. Cloud platforms: AWS, Azure, Google Cloud."
        " Model serving: TensorFlow Serving, Flask." in actions
    )


def test_education_says_a_bachelors_is_typical_and_a_masters_may_take_longer(show: Callable[..., str]) -> None:
    table = show("education", "--format", "table")
    assert "Bachelor's degree in computer science typically 4 years (full-time)" in table
    assert "Master's degree may take 1 to 2 more years" in table


@pytest.mark.parametrize("fmt", FORMATS)
def test_skills_open_with_their_intro(show: Callable[..., str], fmt: str) -> None:
    assert one_line(CONTENT.skills.summary) in show("skills", "--format", fmt)


def test_reasons_in_human_formats_word_the_answers_and_the_others_keep_keys(run: Run, show: Callable[..., str]) -> None:
    answers = ("--defaults", "--set", "goal=director", "--set", "industries=finance")
    markdown = show("roadmap", *answers, "--format", "markdown")
    assert (  # the label cut before " (", its first letter lower-cased; an acronym (AI) keeps its capitals
        "Why: Your goal takes the ladder up to Director of Machine Learning/AI (director of machine learning/AI)."
        in markdown
    )
    assert "Why: What machine learning does there (finance and banking)." in markdown
    assert "Why: You have started; now build real programs (beginner)." in markdown
    plain = run("roadmap", *answers).stdout
    assert "\tprogramming = beginner: you have started; now build real programs\t" in plain
    assert "\tindustries = finance: what machine learning does there\t" in plain
    assert "\tgoal = director: your goal takes the ladder up to Director of Machine Learning/AI\t" in plain


def test_every_answer_of_a_list_is_worded_alike(show: Callable[..., str]) -> None:
    markdown = show("roadmap", "--defaults", "--set", "industries=finance,healthcare", "--format", "markdown")
    assert "Why: What machine learning does there (finance and banking, healthcare)." in markdown


def test_a_label_that_opens_with_a_one_letter_word_is_lower_cased_too(show: Callable[..., str]) -> None:
    answers = ("--defaults", "--set", "education=bachelor-other", "--set", "path=degree")
    assert "(bachelor's in another field; a university degree)." in show("roadmap", *answers, "--format", "markdown")
    shopping = show("roadmap", "--defaults", "--set", "industries=e-commerce", "--format", "markdown")
    assert "Why: What machine learning does there (e-commerce and retail)." in shopping


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_a_specialty_step_names_the_interest_in_words(show: Callable[..., str], fmt: str) -> None:
    text = show("roadmap", "--defaults", "--set", "interests=computer-vision", "--format", fmt, "--no-pager")
    assert "You picked this specialty" in text and "(computer vision)" in text
    assert "computer-vision" not in text and "interests =" not in text
