"""Every figure of the article, checked where a user reads it. Change one in data/ and this fails."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from conftest import Run


def as_json(run: Run, *args: str) -> dict[str, Any]:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def test_pay_tiers_and_national_average_with_sources(run: Run) -> None:
    doc = as_json(run, "salary")
    tiers = {t["id"]: (t["amount"], t["source"]) for t in doc["tiers"]}
    assert tiers == {"entry": (118000, "Glassdoor"), "median": (156000, "Glassdoor"), "senior": (208000, "Glassdoor")}
    assert doc["national_average"] == {"name": "US national average salary", "value": 59428, "source": "Forbes"}
    assert doc["currency"] == "USD"


def test_each_tier_multiple_is_computed_with_its_formula(run: Run) -> None:
    doc = as_json(run, "salary")
    multiples = {t["id"]: (t["multiple_of_national_average"], t["multiple_formula"]) for t in doc["tiers"]}
    assert multiples["entry"] == (1.99, "$118,000 ÷ $59,428 = 1.99")
    assert multiples["median"] == (2.63, "$156,000 ÷ $59,428 = 2.63")
    assert multiples["senior"] == (3.5, "$208,000 ÷ $59,428 = 3.50")


def test_tuition_figures_and_durations(run: Run) -> None:
    doc = as_json(run, "education")
    tuition = doc["tuition"]
    assert tuition["undergraduate"]["in_state"] == {"value": 10162, "source": "the article"}
    assert tuition["undergraduate"]["out_of_state"] == {"value": 33627, "source": "the article"}
    assert tuition["graduate"]["in_state"] == {"value": 11404, "source": "the article"}
    assert tuition["graduate"]["out_of_state"] == {"value": 25678, "source": "the article"}
    assert doc["durations"]["bachelor"]["years"]["value"] == 4
    assert doc["durations"]["bachelor"]["mode"] == "full-time"
    assert doc["durations"]["master"]["years_min"]["value"] == 1
    assert doc["durations"]["master"]["years_max"]["value"] == 2


def test_outlook_growth_period_and_source(run: Run) -> None:
    doc = as_json(run, "outlook")
    assert doc["growth_percent"] == {"value": 40, "source": "365 Data Science"}
    assert doc["period"]["start"] == {"value": 2023, "source": "365 Data Science"}
    assert doc["period"]["end"] == {"value": 2027, "source": "365 Data Science"}
    assert "healthcare" in " ".join(doc["drivers"])


def test_sources_list_every_figure_once(run: Run) -> None:
    doc = as_json(run, "sources")
    assert doc["figure_count"] == 14
    by_source = {s["id"]: {f["key"]: f["value"] for f in s["figures"]} for s in doc["sources"]}
    assert by_source["glassdoor"] == {
        "salary.tiers.entry.amount": 118000,
        "salary.tiers.median.amount": 156000,
        "salary.tiers.senior.amount": 208000,
    }
    assert by_source["forbes"] == {"salary.national_average.amount": 59428}
    assert by_source["365-data-science"] == {
        "outlook.growth_percent": 40,
        "outlook.period.start": 2023,
        "outlook.period.end": 2027,
    }
    assert len(by_source["article"]) == 7
    assert sum(len(figures) for figures in by_source.values()) == doc["figure_count"]


def test_counts_of_listed_things_match_the_article(run: Run) -> None:
    assert len(as_json(run, "ladder")["levels"]) == 6
    skills = as_json(run, "skills")
    assert len(skills["core"]) == 5 and len(skills["on_the_job"]) == 10
    assert len(as_json(run, "specialties")["specialties"]) == 5
    aspects = as_json(run, "aspects")
    assert len(aspects["best"]) == 5 and len(aspects["worst"]) == 5
    assert len(as_json(run, "resources")["resources"]) == 6
    assert len(as_json(run, "internships")["internships"]) == 5
    assert len(as_json(run, "industries")["industries"]) == 8
    assert len(as_json(run, "companies")["companies"]) == 10


def test_named_tools_are_reachable(run: Run) -> None:
    tools = {s["id"]: s["tools"] for s in as_json(run, "skills")["on_the_job"]}
    assert tools["languages"]["languages"] == ["Python", "R", "Julia"]
    assert tools["deep-learning"]["frameworks"] == ["TensorFlow", "PyTorch", "Keras"]
    assert tools["visualization"]["libraries"] == ["Matplotlib", "Seaborn", "Plotly"]
    assert tools["deployment"]["cloud_platforms"] == ["AWS", "Azure", "Google Cloud"]
    assert tools["deployment"]["model_serving"] == ["TensorFlow Serving", "Flask"]
    assert tools["software-practice"]["version_control"] == ["Git"]


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_years_read_as_years_and_amounts_are_grouped(run: Run, fmt: str) -> None:
    shown = run("sources", "--format", fmt).stdout + run("outlook", "--format", fmt).stdout
    assert "2,023" not in shown and "2,027" not in shown
    assert "2023–2027" in shown
    assert re.search(r"Outlook › period › start\W+2023\b", shown)
    assert re.search(r"Salary › tiers › entry\W+\$118,000 a year\b", shown)
