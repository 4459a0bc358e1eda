"""The guide's names and figures, pinned: change any one of them in data/ and a test here fails.

Names and figures are facts: they carry over from the guide unchanged. The sentences around them
are mlpath's own words and are checked in test_wording.py. Every expected value is a literal
from the guide, compared with the packaged content loaded in-process.
"""

from __future__ import annotations

import pytest

from mlpath.content.figures import all_figures
from mlpath.content.loader import load_content, packaged_data_dir

CONTENT = load_content(packaged_data_dir(), use_cache=False)


# Sources and figures ------------------------------------------------------------------------


def test_the_sources_the_article_cites() -> None:
    sources = [(s.id, s.name) for s in CONTENT.sources.sources]
    assert sources == [
        ("glassdoor", "Glassdoor"),
        ("forbes", "Forbes"),
        ("365-data-science", "365 Data Science"),
        ("article", "the article"),
    ]
    assert '"What is a Machine Learning Engineer and How to Become One"' in CONTENT.source("article").note


def test_every_figure_with_its_source() -> None:
    """All 14 figures, keyed where they live; a changed, added or removed figure fails here."""
    figures = {f.key: (f.figure.value, f.figure.source) for f in all_figures(CONTENT)}
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
