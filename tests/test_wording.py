"""The content says what the guide says, in mlpath's own words: no more, no less, nothing copied.

Each check fails if a known drift comes back:
- phrases that must not appear anywhere in data/ (overstatements, dropped qualifiers, additions
  passed off as the guide's, the sentence once copied from it);
- qualifiers that must be there, one check per fix, where the item lives;
- no text in data/ repeats ten words in a row of the guide's prose (checked against hashes, see
  article_runs.py). Each YAML string is checked on its own, so list items, which are named
  things such as example applications, never join into a run;
- what the commands show (test_wording_shown.py): the labels and qualifiers reach the reader.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import yaml

from article_runs import article_hashes, runs
from conftest import Run
from mlpath.content.load import load_content, packaged_data_dir

DATA = packaged_data_dir()
CONTENT = load_content(DATA, use_cache=False)
GUIDE_TITLE = "What is a Machine Learning Engineer and How to Become One"  # a name, quoted as such


def texts(node: Any, where: str = "") -> Iterator[tuple[str, str]]:
    """Every string in a parsed YAML document, with where it sits."""
    if isinstance(node, str):
        yield where, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from texts(value, f"{where}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from texts(value, f"{where}[{index}]")


@functools.cache
def file_texts(name: str) -> list[tuple[str, str]]:
    return list(texts(yaml.load((DATA / name).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)))


ALL_TEXTS = [
    (f"{path.name}{where}", text) for path in sorted(DATA.glob("*.yaml")) for where, text in file_texts(path.name)
]


def joined(name: str) -> str:
    return " ".join(text for _, text in file_texts(name))


def by_id(items: Any) -> dict[str, Any]:
    return {item.id: item for item in items}


def one_line(text: str) -> str:
    return " ".join(text.split())


# Phrases that must not come back ------------------------------------------------------------

FORBIDDEN = {
    # overstated: stronger than the guide
    "matter most": "lead level: the guide says communication and leadership are key in this role",
    "often possible": "remote work: the guide says the possibility of remote work",
    "often takes personal time": "keeping up: the guide says it may require personal time",
    "remote work are common": "flexible and remote work: the guide says many tech companies offer them",
    "usually in computer science": "the guide says a related field such as computer science",
    "full-time durations only": "the guide gives the master's with no study mode",
    "degree durations assume full-time": "the guide gives the master's with no study mode",
    "the usual starting point": "the guide says a degree often serves as a key starting point",
    "much of the time": "data cleaning: the guide says significant time",
    "can fail on compatibility": "deployment: the guide says difficulty, not failure",
    "well above the us national average": "the guide says higher than the national average",
    "it works if": "online: the guide says it can be a viable path, provided ...",
    "underpin every algorithm": "the guide says the foundations of machine learning algorithms",
    "the core of the role": "the guide asks you to weigh the technical and analytical side",
    "employers often support": "the guide says many tech companies offer learning and growth",
    "both are among the five core skills": "statistics and probability are one core skill together",
    "and when each fits": "the guide says understanding the algorithms is fundamental",
    "serve them reliably": "the guide says deployment delivers real-world solutions",
    "employers value demonstrable skills": "the guide says many employers",
    "a known downside": "the guide names it as a downside",
    "article's first downside": "the guide lists it first; it does not rank it",
    "the job's first downside": "the guide lists it first; it does not rank it",
    "the article puts": "the guide lists things in an order; it does not rank them",
    "jobs are secure and wanted": "the guide says strong job security and demand",
    "builds these on the job": "the guide says skills you are likely to learn",
    "every machine learning engineer builds": "the guide says skills you are likely to learn",
    "lists remote work among": "the guide says the possibility of remote work",
    # additions presented as the guide's
    "salary survey site": "a description of Glassdoor the guide does not give",
    "companies outside tech": "the guide says many industries, such as healthcare ...",
    "public research bodies": "the guide says research organizations",
    "money and risk": "a summary of finance the guide does not give",
    "builds the learning algorithms inside them": "the guide does not place them inside applications",
    "tested code": "the guide says clean, maintainable code",
    # copied from the guide
    "at least a bachelor's degree in a related field": "the guide's own sentence",
}


@pytest.mark.parametrize("phrase", sorted(FORBIDDEN))
def test_phrase_is_gone(phrase: str) -> None:
    found = [where for where, text in ALL_TEXTS if phrase in one_line(text).lower()]
    assert not found, f"{phrase!r} ({FORBIDDEN[phrase]}) in {found}"


# Qualifiers and labels that must be there ----------------------------------------------------

ladder = by_id(CONTENT.ladder.levels)
best = by_id(CONTENT.aspects.best)
worst = by_id(CONTENT.aspects.worst)
resources = by_id(CONTENT.resources.resources)
internships = by_id(CONTENT.internships.internships)
industries = by_id(CONTENT.industries.industries)
education = CONTENT.education
work_life = CONTENT.work_life


def level_text(level_id: str) -> str:
    level = ladder[level_id]
    return " ".join((level.summary, *level.duties))


REQUIRED: dict[str, tuple[Callable[[], str], tuple[str, ...]]] = {
    # overstated -> the guide's strength
    "lead level: communication and leadership are key": (
        lambda: level_text("lead"),
        ("Communication and leadership skills are key",),
    ),
    "remote work is a possibility": (lambda: best["remote-work"].text, ("may be possible",)),
    "keeping up may take personal time": (lambda: work_life.demands[2], ("may take", "personal time")),
    "long hours often, past hours sometimes": (lambda: " ".join(work_life.demands[:2]), ("often", "sometimes")),
    "many tech companies offer the supports": (
        lambda: " ".join(work_life.supports),
        ("Many tech companies make", "Many tech companies offer flexible", "Many tech companies offer chances"),
    ),
    "what they offer can help the balance": (lambda: work_life.summary, ("can help",)),
    "degree: typically, a related subject such as computer science, often a key first step": (
        lambda: education.degree_needed.summary,
        ("typically", "related subject", "computer science", "often a key first step", "can also"),
    ),
    "master's: no study mode given": (lambda: education.durations.master.note, ("does not say whether",)),
    "part-time assumption: the master's has no study mode": (
        lambda: CONTENT.assumptions.get("part-time-factor").text,
        ("no study mode",),
    ),
    "salary: higher than the national average; varies a lot": (
        lambda: CONTENT.salary.summary,
        ("higher than", "varies a lot"),
    ),
    "data cleaning: a lot of time, poor-quality sources": (
        lambda: worst["data-cleaning"].text,
        ("A lot of time", "poor-quality sources"),
    ),
    "deployment: difficulty, not failure": (lambda: worst["deployment-trouble"].text, ("hard",)),
    # dropped -> restored
    "senior: deep expertise in machine learning techniques": (
        lambda: level_text("senior"),
        ("deep expertise in machine learning techniques",),
    ),
    "bachelor's: typical, standard in many countries": (
        lambda: education.durations.bachelor.note,
        ("typical", "standard in many countries"),
    ),
    "tuition: varies with residency; plan your finances": (
        lambda: one_line(education.tuition.note),
        ("state resident", "financial commitment", "planning your finances"),
    ),
    "online: without in-person classes; viable, provided": (
        lambda: " ".join(education.online.points),
        ("without in-person classes", "viable", "provided"),
    ),
    "why computer science: real-world challenges": (
        lambda: " ".join(education.why_computer_science),
        ("real-world challenges",),
    ),
    "Google AI Blog: one of the industry's giants": (lambda: resources["google-ai-blog"].summary, ("giants",)),
    "DeepMind Blog: cutting-edge research": (
        lambda: one_line(resources["deepmind-blog"].summary),
        ("cutting-edge", "front line"),
    ),
    "OpenAI: contributions, where the field is heading": (
        lambda: one_line(resources["openai"].summary),
        ("contributions", "where machine learning is heading"),
    ),
    "GitHub: a community, practical examples": (
        lambda: one_line(resources["github"].summary),
        ("community", "practical examples"),
    ),
    "Kaggle: a community of like-minded people": (
        lambda: one_line(resources["kaggle"].summary),
        ("community of like-minded",),
    ),
    "TensorFlow Blog: a leading framework": (lambda: resources["tensorflow-blog"].summary, ("leading",)),
    "internships vary with company, industry and interests": (
        lambda: CONTENT.internships.summary,
        ("vary", "company", "industry", "interests", "common"),
    ),
    "tech internships: often, typically cutting-edge, guided": (
        lambda: one_line(internships["tech-companies"].summary),
        ("often", "typically", "cutting-edge", "experienced researchers and engineers"),
    ),
    "startup internships: many, can, hands-on, small team, innovative": (
        lambda: one_line(internships["startups"].summary),
        ("Many", "can", "hands-on", "small team", "innovative"),
    ),
    "research-lab internships: often, can": (lambda: internships["research-labs"].summary, ("often", "can")),
    "automotive: increasingly": (lambda: industries["automotive"].summary, ("more and more",)),
    "consulting: may hire": (lambda: industries["consulting"].summary, ("may hire",)),
    "research and academia: may": (lambda: industries["research"].summary, ("may",)),
    "healthcare: can": (lambda: industries["healthcare"].summary, ("can",)),
    # additions -> labelled, or said as the guide says
    "industry-specific internships: many industries, may": (
        lambda: one_line(internships["industry-specific"].summary),
        ("Many industries", "may"),
    ),
    "government internships: research organizations, sometimes": (
        lambda: one_line(internships["government"].summary),
        ("research organizations", "sometimes"),
    ),
    "government jobs: research organizations, may": (
        lambda: industries["government"].summary,
        ("research organizations", "may"),
    ),
    "source kinds are labelled as mlpath's": (
        lambda: one_line(CONTENT.sources.kinds_note),
        ("mlpath's own", "not the article's"),
    ),
    "learning-kind definitions are labelled as mlpath's": (
        lambda: one_line(CONTENT.role.learning_kinds_note),
        ("examples", "mlpath's own words", "not the article's"),
    ),
    "resource addresses are labelled as added by mlpath": (
        lambda: CONTENT.resources.url_note,
        ("added by mlpath", "without links"),
    ),
    # quiz, roadmap and verdict texts (checked by their words, whatever their layout)
    "questions: a related subject such as computer science": (
        lambda: joined("questions.yaml"),
        ("related subject, such as computer science",),
    ),
    "questions: the possibility of remote work": (lambda: joined("questions.yaml"), ("possibility of remote work",)),
    "questions: keeping up may take personal time": (
        lambda: joined("questions.yaml"),
        ("may take some of your personal time",),
    ),
    "questions: no study mode for the master's": (
        lambda: joined("questions.yaml"),
        ("no study mode for the master's",),
    ),
    "questions: a degree is often a key first step": (lambda: joined("questions.yaml"), ("often a key first step",)),
    "roadmap: the possibility of remote work": (lambda: joined("roadmap.yaml"), ("possibility of remote work",)),
    "roadmap: many employers": (lambda: joined("roadmap.yaml"), ("many employers value online credentials",)),
    "roadmap: online study, if you engage deeply": (lambda: joined("roadmap.yaml"), ("if you engage deeply",)),
    "roadmap: skills you are likely to learn": (lambda: CONTENT.roadmap.skills.why, ("likely to learn",)),
    "roadmap: a master's has no study mode": (lambda: CONTENT.roadmap.notes.years_master, ("no study mode",)),
    "verdict: a lot of time cleaning data": (lambda: joined("verdict.yaml"), ("takes a lot of time",)),
    "verdict: how your strengths fit the analytical side": (
        lambda: joined("verdict.yaml"),
        ("how your strengths fit",),
    ),
}


@pytest.mark.parametrize("check", sorted(REQUIRED))
def test_qualifier_is_there(check: str) -> None:
    read, fragments = REQUIRED[check]
    text = read()
    for fragment in fragments:
        assert fragment in text, f"{check}: {fragment!r} missing from {text!r}"


def test_every_resource_has_a_public_address() -> None:
    for resource in CONTENT.resources.resources:
        assert re.fullmatch(r"https://[a-z0-9.-]+\.[a-z]+/([a-z0-9/_-]*)", resource.url), resource.id


# No ten-word run of the guide's prose --------------------------------------------------------


def copied(text: str) -> list[str]:
    hashes = article_hashes()
    return [words for hashed, words in runs(text) if hashed in hashes]


@pytest.mark.slow
def test_no_ten_word_run_of_the_guide_is_copied() -> None:
    found = [f"{where}: ...{copied(text)[0]}..." for where, text in ALL_TEXTS if copied(text.replace(GUIDE_TITLE, " "))]
    assert not found, "\n".join(found)


def test_the_copy_check_knows_the_guide() -> None:
    """The hashes and the word splitting agree: the guide's own title, ten words and more, is found."""
    assert len(article_hashes()) > 3000
    assert copied(f"As the guide puts it: {GUIDE_TITLE.upper()}!")


def test_a_reason_about_nothing_chosen_does_not_echo_none(run: Run) -> None:
    markdown = run("roadmap", "--defaults", "--format", "markdown").stdout
    assert "Why: You have not picked a specialty yet." in markdown and "Why: You have kept every door open." in markdown
    assert "(none)" not in markdown
