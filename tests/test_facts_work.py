"""The guide's names about where to learn and where the work is, pinned like those in
test_facts.py: resources, internships, industries, companies, work-life balance and the
questions the guide asks you to weigh.
"""

from __future__ import annotations

from test_facts import CONTENT

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
