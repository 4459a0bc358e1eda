"""The guide's names and figures, pinned: change any one of them in data/ and a test here fails.

Names and figures are facts: they carry over from the guide unchanged. The sentences around them
are mlpath's own words and are checked in test_wording.py. Every expected value is a literal
from the guide, compared with the packaged content loaded in-process.
"""

from __future__ import annotations

from typing import Any

import pytest

from mlpath.content.load import load_content, packaged_data_dir

CONTENT = load_content(packaged_data_dir(), use_cache=False)
SOURCES = {source.id: source for source in CONTENT.sources.sources}


# Sources and figures ------------------------------------------------------------------------


def test_the_sources_the_article_cites() -> None:
    sources = [(s.id, s.name) for s in CONTENT.sources.sources]
    assert sources == [
        ("glassdoor", "Glassdoor"),
        ("forbes", "Forbes"),
        ("365-data-science", "365 Data Science"),
        ("article", "the article"),
    ]
    assert '"What is a Machine Learning Engineer and How to Become One"' in SOURCES["article"].note


def test_every_figure_with_its_source() -> None:
    """All 14 figures, keyed where they live; a changed, added or removed figure fails here."""
    figures = {key: (figure.value, figure.source) for key, figure in CONTENT.figures()}
    assert figures == {
        "salary.tiers.entry.amount": (118000, "glassdoor"),
        "salary.tiers.median.amount": (156000, "glassdoor"),
        "salary.tiers.senior.amount": (208000, "glassdoor"),
        "salary.national_average.amount": (59428, "forbes"),
        "education.durations.bachelor.years": (4, "article"),
        "education.durations.master.years_min": (1, "article"),
        "education.durations.master.years_max": (2, "article"),
        "education.tuition.undergraduate.in_state": (10162, "article"),
        "education.tuition.undergraduate.out_of_state": (33627, "article"),
        "education.tuition.graduate.in_state": (11404, "article"),
        "education.tuition.graduate.out_of_state": (25678, "article"),
        "outlook.growth_percent": (40, "365-data-science"),
        "outlook.period.start": (2023, "365-data-science"),
        "outlook.period.end": (2027, "365-data-science"),
    }


def test_pay_tiers_in_order_and_the_national_average() -> None:
    salary = CONTENT.salary
    tiers = [(t.id, t.name, t.amount.value, t.amount.source) for t in salary.tiers]
    assert tiers == [
        ("entry", "Entry level", 118000, "glassdoor"),
        ("median", "Median", 156000, "glassdoor"),
        ("senior", "Senior", 208000, "glassdoor"),
    ]
    average = salary.national_average
    assert (average.amount.value, average.amount.source) == (59428, "forbes")
    assert (salary.currency, salary.period) == ("USD", "year")
    assert salary.varies_with == ("experience", "location", "industry")


def test_tuition_by_level_and_residency() -> None:
    tuition = CONTENT.education.tuition
    assert (tuition.undergraduate.in_state.value, tuition.undergraduate.in_state.source) == (10162, "article")
    assert (tuition.undergraduate.out_of_state.value, tuition.undergraduate.out_of_state.source) == (33627, "article")
    assert (tuition.graduate.in_state.value, tuition.graduate.in_state.source) == (11404, "article")
    assert (tuition.graduate.out_of_state.value, tuition.graduate.out_of_state.source) == (25678, "article")


def test_degree_durations() -> None:
    bachelor = CONTENT.education.durations.bachelor
    master = CONTENT.education.durations.master
    assert (bachelor.years.value, bachelor.years.source, bachelor.mode) == (4, "article", "full-time")
    assert (master.years_min.value, master.years_min.source) == (1, "article")
    assert (master.years_max.value, master.years_max.source) == (2, "article")


def test_growth_in_demand_its_years_and_source() -> None:
    outlook = CONTENT.outlook
    assert (outlook.growth_percent.value, outlook.growth_percent.source) == (40, "365-data-science")
    assert (outlook.period.start.value, outlook.period.start.source) == (2023, "365-data-science")
    assert (outlook.period.end.value, outlook.period.end.source) == (2027, "365-data-science")
    drivers = " ".join(outlook.drivers)
    for industry in ("healthcare", "finance", "e-commerce", "autonomous vehicles"):
        assert industry in drivers


# The role -----------------------------------------------------------------------------------


def test_the_role_named_things() -> None:
    role = CONTENT.role
    assert role.collaborators == ("data scientists", "software engineers", "domain experts")
    assert role.grounding == ("statistics", "mathematics", "programming")
    kinds = [(k.id, k.name) for k in role.learning_kinds]
    assert kinds == [
        ("supervised", "Supervised learning"),
        ("unsupervised", "Unsupervised learning"),
        ("reinforcement", "Reinforcement learning"),
    ]


def test_the_six_ladder_titles_in_order() -> None:
    levels = [(level.id, level.title) for level in CONTENT.ladder.levels]
    assert levels == [
        ("junior", "Junior Machine Learning Engineer"),
        ("engineer", "Machine Learning Engineer"),
        ("senior", "Senior Machine Learning Engineer"),
        ("lead", "Lead Machine Learning Engineer / ML Team Lead"),
        ("manager", "Machine Learning Manager"),
        ("director", "Director of Machine Learning/AI"),
    ]


# Skills and specialties ---------------------------------------------------------------------


def test_the_five_core_skills() -> None:
    core = [(s.id, s.name) for s in CONTENT.skills.core]
    assert core == [
        ("programming", "Programming"),
        ("data-analysis", "Data manipulation and analysis"),
        ("statistics", "Statistics and probability"),
        ("cloud", "Cloud computing"),
        ("deep-learning", "Deep learning"),
    ]


def test_the_ten_on_the_job_skills_with_every_named_tool() -> None:
    skills = [
        (s.id, s.name, {group: list(names) for group, names in s.tools.items()}) for s in CONTENT.skills.on_the_job
    ]
    assert skills == [
        ("languages", "Programming languages", {"languages": ["Python", "R", "Julia"]}),
        (
            "algorithms",
            "Machine learning algorithms",
            {
                "supervised": ["regression", "classification"],
                "unsupervised": ["clustering", "dimensionality reduction"],
                "other": ["reinforcement learning"],
            },
        ),
        (
            "deep-learning",
            "Deep learning",
            {
                "frameworks": ["TensorFlow", "PyTorch", "Keras"],
                "architectures": [
                    "convolutional neural networks (CNNs)",
                    "recurrent neural networks (RNNs)",
                    "transformers",
                ],
            },
        ),
        (
            "data-preparation",
            "Data preprocessing and cleaning",
            {"techniques": ["data cleaning", "feature scaling", "feature engineering", "handling missing values"]},
        ),
        (
            "evaluation",
            "Model evaluation and validation",
            {"techniques": ["cross-validation", "hyperparameter tuning", "model selection"]},
        ),
        ("visualization", "Data visualization", {"libraries": ["Matplotlib", "Seaborn", "Plotly"]}),
        (
            "probability",
            "Probability and statistics",
            {"topics": ["probability theory", "statistical concepts", "statistical methods"]},
        ),
        (
            "software-practice",
            "Software development and version control",
            {"version_control": ["Git"], "other": ["collaboration tools"]},
        ),
        (
            "deployment",
            "Deployment and productionization",
            {
                "containers": ["Docker"],
                "cloud_platforms": ["AWS", "Azure", "Google Cloud"],
                "model_serving": ["TensorFlow Serving", "Flask"],
            },
        ),
        ("problem-solving", "Problem-solving and critical thinking", {}),
    ]


def test_the_five_specialties() -> None:
    specialties = [(s.id, s.name) for s in CONTENT.specialties.specialties]
    assert specialties == [
        ("nlp", "Natural Language Processing (NLP)"),
        ("computer-vision", "Computer Vision"),
        ("reinforcement-learning", "Reinforcement Learning"),
        ("robotics", "Robotics"),
        ("data-science", "Data Science"),
    ]


# Best and worst aspects ---------------------------------------------------------------------
# The guide lists them as phrases, so the facts pinned are the five of each, in order, and the
# named thing each one is about; the sentence itself is mlpath's wording.

BEST = [
    ("hard-problems", ["hard problems", "machine learning"]),
    ("job-security", ["secur", "industries"]),
    ("high-pay", ["high pay", "specialised skills"]),
    ("diverse-teams", ["software engineers", "data scientists"]),
    ("remote-work", ["remote work", "possible"]),
]
WORST = [
    ("data-cleaning", ["cleaning", "data"]),
    ("deadline-pressure", ["complex models", "fast", "little time"]),
    ("opaque-models", ["black boxes", "finding and fixing"]),
    ("limited-compute", ["computing power", "training", "experiments"]),
    ("deployment-trouble", ["production", "compatibility", "scal"]),
]


@pytest.mark.parametrize(("side", "expected"), [("best", BEST), ("worst", WORST)])
def test_best_and_worst_aspects(side: str, expected: list[tuple[str, list[str]]]) -> None:
    aspects = getattr(CONTENT.aspects, side)
    assert [a.id for a in aspects] == [aspect_id for aspect_id, _ in expected]
    for aspect, (aspect_id, words) in zip(aspects, expected, strict=True):
        for word in words:
            assert word in aspect.text.lower(), (aspect_id, word)


# Education named things ---------------------------------------------------------------------


def test_education_named_things() -> None:
    education = CONTENT.education
    assert education.degree_needed.degree_teaches == (
        "algorithms",
        "programming languages such as Python",
        "mathematics",
    )
    assert education.degree_needed.alternatives == ("self-study", "online courses", "boot camps")
    assert "computer science" in education.degree_needed.summary
    bachelor = education.durations.bachelor
    assert bachelor.name == "Bachelor's degree in computer science"
    assert bachelor.covers == (
        "programming",
        "algorithms",
        "data structures",
        "computer systems",
        "electives in artificial intelligence and data science",
    )
    assert education.durations.master.name == "Master's degree"
    assert education.online.possible is True


# The article's hedges and importance words --------------------------------------------------
# How sure or how important the guide says something is carries over with the fact, in
# mlpath's own sentence: each word is pinned in the field that holds the fact it qualifies.


def said(text: str) -> str:
    """A text on one line, as a reader sees it whatever its YAML layout."""
    return " ".join(text.split())


def item(items: tuple[Any, ...], item_id: str) -> Any:
    return next(each for each in items if each.id == item_id)


def test_education_keeps_the_articles_hedges() -> None:
    tuition = said(CONTENT.education.tuition.note)
    for phrase in (
        "around the in-state figure",
        "closer to the out-of-state",
        "figures shift slightly",
        "typically pay",
    ):
        assert phrase in tuition
    per_year = said(CONTENT.assumptions.get("tuition-per-year").text)
    assert "averages, given loosely (around, closer to, typically)" in per_year
    assert "roughly years × yearly figure" in per_year
    assert "typical length" in CONTENT.education.durations.bachelor.note
    assert "may take this long" in said(CONTENT.education.durations.master.note)
    assert "a master's may take this long" in CONTENT.roadmap.notes.years_master


def test_the_ladder_keeps_often_closely_and_crucial() -> None:
    junior, engineer, manager = (item(CONTENT.ladder.levels, i) for i in ("junior", "engineer", "manager"))
    assert junior.duties[1].startswith("Often help put models")
    assert junior.duties[2].startswith("Often help keep existing systems")
    assert engineer.duties[1].startswith("Work closely with")
    assert "crucial part" in manager.duties[2]


def test_skills_keep_how_much_the_article_says_each_matters() -> None:
    words = {
        "languages": "Essential for",
        "algorithms": "fundamental",
        "deep-learning": "crucial for",
        "data-preparation": "Essential for",
        "evaluation": "Critical for",
        "probability": "Important for",
        "software-practice": "Necessary for",
        "deployment": "essential for",
        "problem-solving": "Crucial for",
    }
    for skill_id, word in words.items():
        assert word in item(CONTENT.skills.on_the_job, skill_id).summary, skill_id
    assert "essential for building and deploying models" in CONTENT.roadmap.skills.why


def test_what_the_article_calls_crucial_essential_pivotal_or_ideal() -> None:
    education = CONTENT.education
    degree = said(education.degree_needed.summary)
    assert "critical grounding" in degree and "fundamental to the field" in degree and "pivotal part" in degree
    assert "crucial grounding" in education.why_computer_science[0]
    assert "essential topics" in said(education.online.summary)
    assert "practical experience is crucial" in CONTENT.roadmap.projects.why
    assert "Practical experience is crucial" in CONTENT.internships.summary
    assert "Crucial reading" in said(item(CONTENT.resources.resources, "openai").summary)
    assert "ideal if you want" in said(item(CONTENT.resources.resources, "deepmind-blog").summary)
    assert "it is crucial to weigh" in said(CONTENT.reflection.summary)
    assert "deep understanding" in said(CONTENT.role.versus_software_engineer)


def test_what_the_article_says_can_or_may_be() -> None:
    assert CONTENT.work_life.summary.startswith("It can vary")
    assert item(CONTENT.industries.industries, "software").summary.startswith("You can work")
    assert "The work may be" in said(item(CONTENT.internships.internships, "government").summary)


def test_the_pay_tiers_are_glassdoors_averages() -> None:
    assert "Glassdoor's average pay" in said(CONTENT.salary.summary)
    assert "average machine learning engineer pay" in SOURCES["glassdoor"].note


# What the article says, no more --------------------------------------------------------------


def test_no_more_than_the_article_says() -> None:
    assert "USA" not in CONTENT.outlook.subject
    assert "names no country" in said(CONTENT.outlook.summary)
    assert item(CONTENT.aspects.worst, "deadline-pressure").text.startswith("You face pressure")
    check = item(CONTENT.reflection.criteria, "analytical-fit").text
    assert check.startswith("Not a requirement but a check") and "can help you decide" in check
    questions = {q.key: q for q in CONTENT.questions.questions}
    assert "out-of-state tuition figures are far higher" in questions["residency"].help


def test_the_five_skills_are_useful_to_have_not_core() -> None:
    roadmap = CONTENT.roadmap
    questions = {q.key: q for q in CONTENT.questions.questions}
    texts = [questions["math"].help, roadmap.programming["none"].why, CONTENT.verdict.notes[1].text]
    for text in (*texts, roadmap.math["weak"].why, roadmap.math["fair"].why):
        assert "useful to have" in text and "core skill" not in text, text


# mlpath's own texts claim no more than the answers show ---------------------------------------


def test_verdicts_are_mlpaths_rule_on_self_ratings() -> None:
    levels = {level.level: level for level in CONTENT.verdict.levels}
    for level in levels.values():
        assert level.summary.startswith("By mlpath's rule"), level.level
    assert str(levels["mixed"].summary_without_concerns).startswith("By mlpath's rule")
    assert "self-ratings" in levels["strong"].summary and "not the skills you have" in levels["strong"].summary
    assert "worry" not in levels["good"].summary and "Weigh any concern" in levels["good"].summary


def test_a_masters_study_mode_and_entry_are_not_taken_for_granted() -> None:
    assert "takes the master's years as full-time ones" in said(CONTENT.assumptions.get("part-time-factor").text)
    rules = CONTENT.roadmap.education.rules
    other = next(rule for rule in rules if rule.when == {"education": ("bachelor-other",), "path": ("degree",)})
    assert "check its entry requirements" in other.why


def test_more_of_the_articles_hedges_kept() -> None:
    assert "The cost can vary a lot" in said(CONTENT.education.tuition.note)
    assert "can build and ship" in item(CONTENT.ladder.levels, "engineer").summary
    assert item(CONTENT.skills.on_the_job, "visualization").summary.startswith("Helps you")
    rules = {rule.step: rule for rule in CONTENT.roadmap.education.rules if rule.step}
    assert "can work if you engage deeply and apply what you learn" in str(rules["online-study"].why)
    assert "engineers typically hold at least a bachelor's" in str(rules["degree-bachelor"].why)
    assert CONTENT.roadmap.summary.degree.startswith("roughly {years} years")
    assert "Internships can vary widely" in said(CONTENT.internships.summary)


def test_more_importance_words_and_claims_kept() -> None:
    assert "important for understanding the maths" in CONTENT.roadmap.math["weak"].actions[0]
    assert CONTENT.roadmap.skills.title == "Learn the key machine learning skills"
    questions = {q.key: q for q in CONTENT.questions.questions}
    assert "the field demands perseverance" in questions["resilience"].help
    assert not questions["education"].help.startswith("Most")
    assert "innovative projects and research" in said(CONTENT.education.durations.master.note)
    assert all(w in said(CONTENT.reflection.summary) for w in ("booming across", "benefits against its challenges"))
