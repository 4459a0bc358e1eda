"""The shape of every command's JSON document, as typed models: the one declaration behind
`--json`, `mlpath schema`, plain records and CSV rows.

A view names the kind of document it builds (`Report.kind`); `model(kind)` imports its model
only when a format needs it (plain, csv, schema), so `--json` runs never import this package.
"""

from __future__ import annotations

import importlib
from typing import Any

# kind -> (module of this package, TypedDict class)
KINDS: dict[str, tuple[str, str]] = {
    "about": ("explore", "About"),
    "salary": ("explore", "Salary"),
    "ladder": ("explore", "Ladder"),
    "ladder_level": ("explore", "LadderLevelInFull"),
    "skills": ("explore", "Skills"),
    "specialties": ("explore", "Specialties"),
    "aspects": ("explore", "Aspects"),
    "education": ("education", "Education"),
    "resources": ("explore", "Resources"),
    "internships": ("explore", "Internships"),
    "industries": ("explore", "Industries"),
    "companies": ("explore", "Companies"),
    "outlook": ("explore", "Outlook"),
    "work_life": ("explore", "WorkLife"),
    "roadmap": ("roadmap", "Roadmap"),
    "questions": ("roadmap", "Questions"),
    "comparison": ("compare", "Comparison"),
    "batch_roadmap": ("roadmap", "BatchRoadmap"),
    "batch_error": ("roadmap", "BatchError"),
    "cohort": ("cohort", "Cohort"),
    "progress": ("progress", "Progress"),
    "search": ("utility", "Search"),
    "sources": ("utility", "Sources"),
    "data_check": ("utility", "DataCheck"),
    "home": ("utility", "Home"),
}

# command line -> the kinds of document its --json can print (in the order --help explains them)
COMMANDS: dict[str, tuple[str, ...]] = {
    "about": ("about",),
    "salary": ("salary",),
    "ladder": ("ladder", "ladder_level"),
    "skills": ("skills",),
    "specialties": ("specialties",),
    "aspects": ("aspects",),
    "education": ("education",),
    "resources": ("resources",),
    "internships": ("internships",),
    "industries": ("industries",),
    "companies": ("companies",),
    "outlook": ("outlook",),
    "work-life": ("work_life",),
    "quiz": ("roadmap", "questions", "comparison", "batch_roadmap", "batch_error"),
    "roadmap": ("roadmap", "comparison"),
    "cohort": ("cohort",),
    "progress": ("progress",),
    "search": ("search",),
    "sources": ("sources",),
    "data check": ("data_check",),
}

# The lines of `quiz --batch`: JSON Lines (or CSV) only, so no plain records.
LINES_ONLY = ("batch_roadmap", "batch_error")

# Bump when a document changes in a way that can break a script (see README, "Stability").
SCHEMA_VERSION = 1


def model(kind: str) -> Any:
    """The TypedDict of a kind of document."""
    module, name = KINDS[kind]
    return getattr(importlib.import_module(f"mlpath.documents.{module}"), name)
