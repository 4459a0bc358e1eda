"""Reasons in words, for the formats people read (table, Markdown): "You enjoy complex problems,
... (5 of 5)" where JSON and plain say "complex_problems = 5: you enjoy complex problems, ...".
The answers are worded as the quiz shows them (the questions' own labels)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mlpath.engine.verdict import Clause, Reason

if TYPE_CHECKING:
    from mlpath.content import Content

MARKS = {"strength": "+", "concern": "!", "note": "·"}  # how a reason of each kind is marked


def answer(content: Content, key: str, value: Any) -> str:
    """One answer as the quiz words it: its choice's label, "4 of 5" on a scale."""
    question = next((q for q in content.questions.questions if q.key == key), None)
    if question is None:
        return str(value)
    if question.kind == "scale":
        return f"{value} of {len(question.choices)}"
    if isinstance(value, (tuple, list)):
        return ", ".join(answer(content, key, item) for item in value) or "none"
    words = question.label(value).split(" (")[0]  # "Beginner (small scripts, tutorials)" reads "beginner"
    first = words.split(" ")[0]
    return words if len(first) > 1 and first.isupper() else words[:1].lower() + words[1:]  # "NLP" stays


def clause(content: Content, found: Clause) -> str:
    """A reason's text, its answers worded after it in brackets (or where the text says {answers});
    a list with nothing chosen goes unsaid, as its reason says so ("you have not picked a specialty")."""
    said = "; ".join(answer(content, key, value) for key, value in found.answers if value not in ((), []))
    if "{answers}" in found.text:
        text = found.text.replace("{answers}", said)
    else:
        text = f"{found.text} ({said})" if said else found.text
    return text[:1].upper() + text[1:]


def reason(content: Content, found: Reason) -> str:
    return " ".join(f"{clause(content, part).rstrip('.')}." for part in found)
