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


# Resources, internships, industries, companies ----------------------------------------------


def test_the_six_web_resources() -> None:
    resources = [(r.id, r.name) for r in CONTENT.resources.resources]
    assert resources == [
        ("google-ai-blog", "Google AI Blog"),
        ("deepmind-blog", "DeepMind Blog"),
        ("openai", "OpenAI"),
        ("github", "GitHub"),
        ("kaggle", "Kaggle"),
        ("tensorflow-blog", "TensorFlow Blog"),
    ]


def test_the_five_kinds_of_internship_with_their_examples() -> None:
    internships = [(i.id, i.name, list(i.examples)) for i in CONTENT.internships.internships]
    assert internships == [
        ("tech-companies", "Tech companies", ["Google", "Microsoft", "Facebook", "Amazon"]),
        ("startups", "Startups", []),
        ("research-labs", "Research labs", []),
        (
            "industry-specific",
            "Industry-specific internships",
            ["healthcare", "finance", "automotive", "manufacturing"],
        ),
        ("government", "Government agencies", ["national security", "public health", "environmental monitoring"]),
    ]


def test_the_eight_industries_with_their_example_applications() -> None:
    industries = [(i.id, i.name, list(i.applications)) for i in CONTENT.industries.industries]
    assert industries == [
        (
            "software",
            "Software companies",
            ["recommendation systems", "natural language processing applications", "computer vision technologies"],
        ),
        (
            "finance",
            "Finance and banking",
            ["fraud detection", "risk assessment", "algorithmic trading", "customer segmentation"],
        ),
        (
            "healthcare",
            "Healthcare",
            [
                "medical imaging analysis",
                "predictive analytics for patient outcomes",
                "drug discovery",
                "personalized medicine",
            ],
        ),
        ("automotive", "Automotive", ["autonomous driving", "driver assistance systems", "predictive maintenance"]),
        (
            "e-commerce",
            "E-commerce and retail",
            ["personalized recommendations", "demand forecasting", "pricing optimization", "supply chain management"],
        ),
        (
            "consulting",
            "Consulting firms",
            ["client projects across industries", "strategic insights from machine learning"],
        ),
        (
            "research",
            "Research institutions and academia",
            ["academic research", "publishing papers", "multidisciplinary collaboration"],
        ),
        (
            "government",
            "Government agencies and defense",
            ["national security", "defense applications", "cybersecurity", "intelligence analysis"],
        ),
    ]


def test_the_ten_kinds_of_company_with_their_examples_and_uses() -> None:
    companies = [(c.id, c.name, list(c.examples), list(c.uses)) for c in CONTENT.companies.companies]
    assert companies == [
        (
            "social-media",
            "Social media platforms",
            ["Twitter", "LinkedIn", "Snapchat", "TikTok"],
            ["content recommendation", "user personalization", "sentiment analysis", "spam detection"],
        ),
        (
            "streaming",
            "Streaming services",
            ["Netflix", "Spotify", "Hulu", "Twitch"],
            [
                "personalized content recommendations",
                "playlist generation",
                "content tagging",
                "user behavior analysis",
            ],
        ),
        (
            "energy",
            "Energy and utilities",
            [],
            [
                "energy distribution optimization",
                "equipment failure prediction",
                "energy efficiency",
                "smart grid and IoT sensor analysis",
            ],
        ),
        (
            "agriculture",
            "Agriculture and AgTech",
            [],
            ["crop monitoring", "yield prediction", "precision agriculture", "disease detection", "farm management"],
        ),
        (
            "logistics",
            "Supply chain and logistics",
            [],
            [
                "demand forecasting",
                "route optimization",
                "inventory management",
                "warehouse automation",
                "supply chain analytics",
            ],
        ),
        (
            "gaming",
            "Gaming",
            [],
            [
                "player behavior analysis",
                "dynamic game balancing",
                "virtual assistant NPCs",
                "procedural content generation",
                "game testing automation",
            ],
        ),
        (
            "telecommunications",
            "Telecommunications",
            [],
            [
                "network performance",
                "congestion prediction",
                "bandwidth allocation",
                "anomaly and threat detection",
                "personalized services for a better customer experience",
            ],
        ),
        (
            "insurance",
            "Insurance",
            [],
            [
                "risk assessment",
                "fraud detection",
                "claims processing automation",
                "customer segmentation",
                "pricing optimization",
            ],
        ),
        (
            "travel",
            "Travel and hospitality",
            [],
            [
                "personalized travel recommendations",
                "dynamic pricing",
                "sentiment analysis of reviews",
                "demand forecasting",
                "customer service automation",
            ],
        ),
        (
            "manufacturing",
            "Manufacturing and industrial automation",
            [],
            [
                "predictive maintenance",
                "quality control",
                "supply chain optimization",
                "production scheduling",
                "autonomous robotics",
            ],
        ),
    ]


def test_the_aim_the_guide_gives_each_kind_of_company() -> None:
    """The guide gives an aim for the uses of these six kinds only; the rest must not gain one.

    Telecommunications' aim (a better customer experience) belongs to its last use alone, so it
    stays with that use.
    """
    purposes = {c.id: c.purpose for c in CONTENT.companies.companies}
    assert purposes == {
        "social-media": None,
        "streaming": "a better experience for users",
        "energy": None,
        "agriculture": "meeting challenges in food production and sustainability",
        "logistics": "leaner operations and lower costs",
        "gaming": "better gameplay",
        "telecommunications": None,
        "insurance": "more accurate underwriting and more efficient operations",
        "travel": None,
        "manufacturing": "higher productivity and efficiency",
    }


# Work-life, and "should I become one?" ------------------------------------------------------


def test_what_work_life_balance_depends_on() -> None:
    assert CONTENT.work_life.depends_on == ("company culture", "project deadlines", "personal preferences")


CRITERIA = [
    ("complex-problems", ["passion", "complex problems"]),
    ("new-tech", ["curiosity", "new technologies"]),
    ("continuous-learning", ["learning", "skills"]),
    ("analytical-fit", ["strengths", "technical and analytical"]),
    ("perseverance", ["perseverance", "adaptability", "resilience"]),
]


def test_what_the_guide_asks_you_to_weigh_and_what_it_offers() -> None:
    reflection = CONTENT.reflection
    assert [c.id for c in reflection.criteria] == [criterion_id for criterion_id, _ in CRITERIA]
    for criterion, (criterion_id, named) in zip(reflection.criteria, CRITERIA, strict=True):
        for word in named:
            assert word in criterion.text.lower(), (criterion_id, word)
    assert reflection.rewards == ("innovation", "intellectual growth", "impact")
    assert "hard but rewarding" in reflection.summary
